; A site on a CFG cycle gets one stack slot for all its executions: allowed
; only when no object from one iteration is live when the next is
; allocated (no phi carries it around, its address is not kept in memory).
; The stack never grows per iteration: the slot is in the entry block.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; TEST 1 - positive: allocated and freed every iteration: one slot, in the
; entry block, lifetime start/end inside the loop.
; CHECK-LABEL: define void @freed_each_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [64 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 64, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 64, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    %i1 = add i32 %i, 1
; CHECK-NOT:     alloca
; CHECK:         ret void
define void @freed_each_iteration(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; TEST 2 - negative: the previous iteration's object, carried by a phi in
; the header, is used after the next allocation.
; CHECK-LABEL: define void @previous_used_after_next(
; CHECK:         %p = call ptr @malloc(i64 64)
; CHECK:         call void @free(ptr %prev)
define void @previous_used_after_next(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %prev)
  call void @free(ptr %prev)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %p)
  ret void
}

; TEST 3 - positive: the previous iteration's object is carried by a phi but
; freed before the next allocation: one slot is enough.
; CHECK-LABEL: define void @previous_freed_before_next(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [64 x i8], align 16
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
; CHECK-NEXT:    %prev = phi ptr [ null, %entry ], [ [[S]], %loop ]
; CHECK-NEXT:    call void @look(ptr %prev)
; CHECK-NEXT:    %i1 = add i32 %i, 1
define void @previous_freed_before_next(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  call void @look(ptr %prev)
  call void @free(ptr %prev)
  %p = call ptr @malloc(i64 64)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative: the address is stored to memory (a local slot) that
; outlives the iteration.
; CHECK-LABEL: define void @address_in_memory(
; CHECK:         %p = call ptr @malloc(i64 64)
define void @address_in_memory(i32 %n) {
entry:
  %slot = alloca ptr
  store ptr null, ptr %slot
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %old = load ptr, ptr %slot
  %p = call ptr @malloc(i64 64)
  store ptr %p, ptr %slot
  call void @look(ptr %old)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; TEST 5 - negative: a linked list built in a loop (each object stored into
; the next).
; CHECK-LABEL: define void @linked_list(
; CHECK:         %node = call ptr @malloc(i64 16)
define void @linked_list(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %head = phi ptr [ null, %entry ], [ %node, %loop ]
  %node = call ptr @malloc(i64 16)
  store ptr %head, ptr %node
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @look(ptr %node)
  ret void
}

; TEST 6 - positive: the last object is used after the loop (the previous
; ones are dead): one slot.
; CHECK-LABEL: define void @last_used_after_loop(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK:       exit:
; CHECK-NEXT:    call void @look(ptr [[S]])
define void @last_used_after_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 7 - negative: an object allocated in an inner loop, carried across
; the outer loop's iterations through phis.
; CHECK-LABEL: define void @nested_carried(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @nested_carried(i32 %n) {
entry:
  br label %outer
outer:
  %keep = phi ptr [ null, %entry ], [ %p, %inner.exit ]
  %j = phi i32 [ 0, %entry ], [ %j1, %inner.exit ]
  br label %inner
inner:
  %i = phi i32 [ 0, %outer ], [ %i1, %inner ]
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %keep)
  %i1 = add i32 %i, 1
  %ci = icmp slt i32 %i1, 4
  br i1 %ci, label %inner, label %inner.exit
inner.exit:
  %j1 = add i32 %j, 1
  %cj = icmp slt i32 %j1, %n
  br i1 %cj, label %outer, label %exit
exit:
  ret void
}

; REPORT:      <freed_each_iteration>: malloc(64) does not escape
; REPORT:      <previous_used_after_next>: malloc(64) escapes to heap
; REPORT:      <previous_freed_before_next>: malloc(64) does not escape
; REPORT:      <address_in_memory>: malloc(64) escapes to heap
; REPORT:      <linked_list>: malloc(16) escapes to heap
; REPORT:      <last_used_after_loop>: malloc(16) does not escape
; REPORT:      <nested_carried>: malloc(16) escapes to heap

; WHY-LABEL: <previous_used_after_next>: malloc(64) escapes to heap:
; WHY-NEXT:  <previous_used_after_next>:   live across loop iterations

; Dtor_loop_holder: a site on a CFG cycle whose address is kept in the
; contents of another object (a record's field) may still reuse one slot
; when that holder is dead at the site's next allocation: the holder is made
; again before the site on every path around the loop, no memory holds the
; holder, no SSA value carries it into the next iteration, and it only ever
; gets the newest copy of the site by plain stores (solve.c, dead_holder).
; This is what an inlined constructor/destructor pair leaves in a loop.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; look reads through its pointer and keeps nothing (its summary says so).
define void @look(ptr %p) {
  %v = load volatile i8, ptr %p
  ret void
}

; TEST 1 - positive: r = malloc(24); r->name = malloc(16); look(r);
; free(r->name); free(r): both in one slot each, no heap left in the loop.
; CHECK-LABEL: define void @pair_in_loop(
; CHECK-NOT:     call ptr @malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
; CHECK-NEXT:  }
define void @pair_in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %r = call ptr @malloc(i64 24)
  %name = call ptr @malloc(i64 16)
  store ptr %name, ptr %r
  %f = getelementptr inbounds i8, ptr %r, i64 8
  store i32 %i, ptr %f
  call void @look(ptr %r)
  %ln = load ptr, ptr %r
  call void @free(ptr %ln)
  call void @free(ptr %r)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; TEST 2 - negative: the holder is made before the loop and outlives it; the
; old name is read after the next one is allocated.
; CHECK-LABEL: define void @holder_outside_loop(
; CHECK:         %name = call ptr @malloc(i64 16)
define void @holder_outside_loop(i32 %n) {
entry:
  %r = call ptr @malloc(i64 24)
  store ptr null, ptr %r
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %old = load ptr, ptr %r
  %name = call ptr @malloc(i64 16)
  call void @look(ptr %old)
  call void @look(ptr %name)
  call void @free(ptr %old)
  store ptr %name, ptr %r
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  %last = load ptr, ptr %r
  call void @free(ptr %last)
  call void @free(ptr %r)
  ret void
}

; TEST 3 - negative: a new holder each iteration, but it gets the previous
; iteration's name (carried by a phi) before the next name is allocated, and
; is read after.
; CHECK-LABEL: define void @holder_gets_previous(
; CHECK:         %name = call ptr @malloc(i64 16)
define void @holder_gets_previous(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %prev = phi ptr [ null, %entry ], [ %name, %loop ]
  %r = call ptr @malloc(i64 24)
  store ptr %prev, ptr %r
  %name = call ptr @malloc(i64 16)
  %ln = load ptr, ptr %r
  call void @look(ptr %ln)
  call void @free(ptr %ln)
  call void @free(ptr %r)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %name)
  ret void
}

; TEST 4 - negative: as TEST 2, but the old name is loaded from the holder
; only after the next name is allocated: no SSA value carries it across the
; allocation, memory does (the holder is not made again in the loop).
; CHECK-LABEL: define void @holder_read_after_next(
; CHECK:         %name = call ptr @malloc(i64 16)
define void @holder_read_after_next(i32 %n) {
entry:
  %r = call ptr @malloc(i64 24)
  %first = call ptr @malloc(i64 16)
  store ptr %first, ptr %r
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %name = call ptr @malloc(i64 16)
  store i8 1, ptr %name
  %old = load ptr, ptr %r
  call void @look(ptr %old)
  call void @free(ptr %old)
  store ptr %name, ptr %r
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  %last = load ptr, ptr %r
  call void @free(ptr %last)
  call void @free(ptr %r)
  ret void
}

; TEST 5 - negative: the holder's address is itself kept in a local slot
; that lives across iterations (the previous record is looked at again).
; CHECK-LABEL: define void @holder_in_memory(
; CHECK:         %name = call ptr @malloc(i64 16)
define void @holder_in_memory(i32 %n) {
entry:
  %slot = alloca ptr
  store ptr null, ptr %slot
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %oldr = load ptr, ptr %slot
  %r = call ptr @malloc(i64 24)
  %name = call ptr @malloc(i64 16)
  store ptr %name, ptr %r
  store ptr %r, ptr %slot
  call void @look(ptr %oldr)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; TEST 6 - negative: the name goes into the holder by memcpy from a local
; slot, not by a plain store of the name itself (the slot, an alloca that
; lives across iterations, is a holder too).
; CHECK-LABEL: define void @holder_filled_by_memcpy(
; CHECK:         %name = call ptr @malloc(i64 16)
define void @holder_filled_by_memcpy(i32 %n) {
entry:
  %tmp = alloca ptr
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %r = call ptr @malloc(i64 24)
  %name = call ptr @malloc(i64 16)
  store ptr %name, ptr %tmp
  call void @llvm.memcpy.p0.p0.i64(ptr %r, ptr %tmp, i64 8, i1 false)
  call void @look(ptr %r)
  %ln = load ptr, ptr %r
  call void @free(ptr %ln)
  call void @free(ptr %r)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

; TEST 7 - positive: two levels: a bag holds a vector that holds its data,
; all made and freed each iteration.
; CHECK-LABEL: define void @nested_in_loop(
; CHECK-NOT:     call ptr @malloc
; CHECK-NOT:     call void @free
; CHECK:         ret void
; CHECK-NEXT:  }
define void @nested_in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %bag = call ptr @malloc(i64 16)
  %v = call ptr @malloc(i64 16)
  %data = call ptr @malloc(i64 32)
  store ptr %data, ptr %v
  store ptr %v, ptr %bag
  call void @look(ptr %bag)
  %lv = load ptr, ptr %bag
  %ld = load ptr, ptr %lv
  call void @free(ptr %ld)
  call void @free(ptr %lv)
  call void @free(ptr %bag)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; TEST 8 - negative: two levels, the outer holder made before the loop: the
; old vector (and through it the old data) is read after the next data is
; allocated.
; CHECK-LABEL: define void @nested_outer_outside(
; CHECK:         %data = call ptr @malloc(i64 32)
define void @nested_outer_outside(i32 %n) {
entry:
  %bag = call ptr @malloc(i64 16)
  %v0 = call ptr @malloc(i64 16)
  %d0 = call ptr @malloc(i64 32)
  store ptr %d0, ptr %v0
  store ptr %v0, ptr %bag
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %v = call ptr @malloc(i64 16)
  %data = call ptr @malloc(i64 32)
  store i8 1, ptr %data
  store ptr %data, ptr %v
  %oldv = load ptr, ptr %bag
  %oldd = load ptr, ptr %oldv
  call void @look(ptr %oldd)
  call void @free(ptr %oldd)
  call void @free(ptr %oldv)
  store ptr %v, ptr %bag
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  %lv = load ptr, ptr %bag
  %ld = load ptr, ptr %lv
  call void @free(ptr %ld)
  call void @free(ptr %lv)
  call void @free(ptr %bag)
  ret void
}

; REPORT:      <pair_in_loop>: malloc(24) does not escape
; REPORT-NEXT: <pair_in_loop>: malloc(16) does not escape
; REPORT-NEXT: <holder_outside_loop>: malloc(24) does not escape
; REPORT-NEXT: <holder_outside_loop>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_outside_loop>:   live across loop iterations
; REPORT-NEXT: <holder_gets_previous>: malloc(24) does not escape
; REPORT-NEXT: <holder_gets_previous>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_gets_previous>:   live across loop iterations
; REPORT-NEXT: <holder_read_after_next>: malloc(24) does not escape
; REPORT-NEXT: <holder_read_after_next>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_read_after_next>:   {{.*}}
; REPORT-NEXT: <holder_read_after_next>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_read_after_next>:   live across loop iterations
; REPORT-NEXT: <holder_in_memory>: malloc(24) escapes to heap:
; REPORT-NEXT: <holder_in_memory>:   live across loop iterations
; REPORT-NEXT: <holder_in_memory>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_in_memory>:   live across loop iterations
; REPORT-NEXT: <holder_filled_by_memcpy>: malloc(24) does not escape
; REPORT-NEXT: <holder_filled_by_memcpy>: malloc(16) escapes to heap:
; REPORT-NEXT: <holder_filled_by_memcpy>:   live across loop iterations
; REPORT-NEXT: <nested_in_loop>: malloc(16) does not escape
; REPORT-NEXT: <nested_in_loop>: malloc(16) does not escape
; REPORT-NEXT: <nested_in_loop>: malloc(32) does not escape
; REPORT-NEXT: <nested_outer_outside>: malloc(16) does not escape
; REPORT-NEXT: <nested_outer_outside>: malloc(16) escapes to heap:
; REPORT-NEXT: <nested_outer_outside>:   {{.*}}
; REPORT-NEXT: <nested_outer_outside>: malloc(32) escapes to heap:
; REPORT-NEXT: <nested_outer_outside>:   {{.*}}
; REPORT-NEXT: <nested_outer_outside>: malloc(16) escapes to heap:
; REPORT-NEXT: <nested_outer_outside>:   live across loop iterations
; REPORT-NEXT: <nested_outer_outside>: malloc(32) escapes to heap:
; REPORT-NEXT: <nested_outer_outside>:   live across loop iterations

; Frees: a free of converted objects only goes away (a lifetime end when it
; frees one object through its own pointer); a free that may also free
; something else stays, given NULL for the converted objects.  realloc moves
; the object to a new heap block: since growable buffers the object starts
; in a stack buffer that realloc moves to the heap (test/ir/Grow_realloc.ll).
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; TEST 1 - positive: free of a phi of two converted objects: both move, the
; free goes, and no lifetime markers (neither is freed by its own pointer).
; CHECK-LABEL: define void @phi_of_two(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[B:%.*]] = alloca [32 x i8], align 16
; CHECK-NEXT:    [[A:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %c = icmp eq i32 %x, 0
; CHECK-NEXT:    br i1 %c, label %l, label %r
; CHECK:       l:
; CHECK-NEXT:    br label %j
; CHECK:       r:
; CHECK-NEXT:    br label %j
; CHECK:       j:
; CHECK-NEXT:    %m = phi ptr [ [[A]], %l ], [ [[B]], %r ]
; CHECK-NEXT:    call void @look(ptr %m)
; CHECK-NEXT:    ret void
define void @phi_of_two(i32 %x) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %l, label %r
l:
  %a = call ptr @malloc(i64 16)
  br label %j
r:
  %b = call ptr @malloc(i64 32)
  br label %j
j:
  %m = phi ptr [ %a, %l ], [ %b, %r ]
  call void @look(ptr %m)
  call void @free(ptr %m)
  ret void
}

; TEST 2 - positive: free of a phi of an object and a parameter: the
; object moves, and the free stays, given NULL for it (solve.c free_mixed;
; it stayed on the heap before: exec/Free_mixed.c runs the shape).
; CHECK-LABEL: define void @phi_with_param(
; CHECK:         %a.stack = alloca [16 x i8], align 16
; CHECK:         %m = phi ptr [ %a.stack, %l ], [ %q, %entry ]
; CHECK-NEXT:    [[EQ:%.*]] = icmp eq ptr %m, %a.stack
; CHECK-NEXT:    [[P:%.*]] = select i1 [[EQ]], ptr null, ptr %m
; CHECK-NEXT:    call void @free(ptr [[P]])
define void @phi_with_param(i32 %x, ptr %q) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %l, label %j
l:
  %a = call ptr @malloc(i64 16)
  br label %j
j:
  %m = phi ptr [ %a, %l ], [ %q, %entry ]
  call void @free(ptr %m)
  ret void
}

; TEST 3 - negative: two objects freed through one phi, one of which
; escapes: the other stays with it (freed together).
; CHECK-LABEL: define void @phi_group_one_escapes(
; CHECK:         %a = call ptr @malloc(i64 16)
; CHECK:         %b = call ptr @malloc(i64 16)
declare void @keep(ptr) nounwind
define void @phi_group_one_escapes(i32 %x) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %l, label %r
l:
  %a = call ptr @malloc(i64 16)
  br label %j
r:
  %b = call ptr @malloc(i64 16)
  call void @keep(ptr %b)
  br label %j
j:
  %m = phi ptr [ %a, %l ], [ %b, %r ]
  call void @free(ptr %m)
  ret void
}

; TEST 4 - positive: each object freed on its own path through its own
; pointer: lifetime markers, one end per free.
; CHECK-LABEL: define void @own_frees(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    br i1 %c, label %l, label %r
; CHECK:       l:
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
; CHECK:       r:
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @own_frees(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %l, label %r
l:
  call void @free(ptr %p)
  ret void
r:
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - positive: freed once by its own pointer and once through a
; pointer loaded back from memory: both frees go, without markers.
; CHECK-LABEL: define void @own_and_loaded_free(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; CHECK-NEXT:    store ptr [[S]], ptr %slot, align 8
; CHECK-NEXT:    br i1 %c, label %l, label %r
; CHECK:       l:
; CHECK-NEXT:    ret void
; CHECK:       r:
; CHECK-NEXT:    %q = load ptr, ptr %slot, align 8
; CHECK-NEXT:    ret void
define void @own_and_loaded_free(i1 %c) {
entry:
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  br i1 %c, label %l, label %r
l:
  call void @free(ptr %p)
  ret void
r:
  %q = load ptr, ptr %slot
  call void @free(ptr %q)
  ret void
}

; TEST 6 - positive (a negative before growable buffers): reallocated, the
; result returned: the result is a new heap block, never the buffer.
; CHECK-LABEL: define ptr @reallocated(
; CHECK-NEXT:    [[S:%p.stack]] = alloca [16 x i8], align 16
; CHECK:         %q = call ptr @realloc(ptr [[S]], i64 64)
; CHECK:         %grow.new = call ptr @malloc(i64 64)
; CHECK:         %q.guarded = phi ptr [ %q, %{{.*}} ], [ %grow.new, %{{.*}} ]
; CHECK-NEXT:    ret ptr %q.guarded
define ptr @reallocated() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

; TEST 7 - positive (a negative before growable buffers): reallocated, the
; result freed locally; the free stays as it was (the result is never the
; buffer).
; CHECK-LABEL: define void @reallocated_local(
; CHECK-NEXT:    [[S:%p.stack]] = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 [[S]], i8 0, i64 16, i1 false)
; CHECK:         %q = call ptr @realloc(ptr [[S]], i64 64)
; CHECK:         %q.guarded = phi ptr
; CHECK-NEXT:    call void @free(ptr %q.guarded)
define void @reallocated_local() {
  %p = call ptr @calloc(i64 4, i64 4)
  %q = call ptr @realloc(ptr %p, i64 64)
  call void @free(ptr %q)
  ret void
}

; TEST 8 - positive: realloc of something else does not hold the object
; back.
; CHECK-LABEL: define ptr @realloc_other(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; CHECK-NEXT:    %r = call ptr @realloc(ptr %q, i64 64)
define ptr @realloc_other(ptr %q) {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  %r = call ptr @realloc(ptr %q, i64 64)
  call void @free(ptr %p)
  ret ptr %r
}

; REPORT:      <phi_of_two>: malloc(16) does not escape
; REPORT:      <phi_of_two>: malloc(32) does not escape
; REPORT:      <phi_with_param>: malloc(16) does not escape
; REPORT:      <phi_group_one_escapes>: malloc(16) escapes to heap
; REPORT:      <phi_group_one_escapes>: malloc(16) escapes to heap
; REPORT:      <own_frees>: malloc(16) does not escape
; REPORT:      <own_and_loaded_free>: malloc(16) does not escape
; REPORT:      <reallocated>: malloc(16) does not escape
; REPORT:      <reallocated_local>: calloc(4, 4) does not escape
; REPORT:      <realloc_other>: malloc(16) does not escape

; WHY-LABEL: <phi_group_one_escapes>: malloc(16) escapes to heap:
; WHY-NEXT:  <phi_group_one_escapes>:   freed through the same pointer as the allocation at <phi_group_one_escapes>, which stays on the heap
; WHY-LABEL: <reallocated>: malloc(16) does not escape:
; WHY-NEXT:  <reallocated>:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap

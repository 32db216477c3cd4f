; `tail` promises the callee touches no alloca of the caller: calls that may
; see a converted object lose the marker, unrelated ones keep it.  A
; `musttail` call cannot lose it, so an object it receives stays on the heap.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @look2(ptr nocapture readonly, ptr nocapture readonly) nofree nounwind
declare void @nothing() nofree nounwind
declare ptr @mt(ptr nocapture readonly) nofree nounwind

; TEST 1 - positive: a tail call receiving the object loses `tail`; the
; unrelated tail calls before and after keep theirs.
; CHECK-LABEL: define void @tail_dropped(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    tail call void @nothing()
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    {{^  }}call void @look(ptr [[S]])
; CHECK-NEXT:    tail call void @look(ptr %q)
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    tail call void @nothing()
; CHECK-NEXT:    ret void
define void @tail_dropped(ptr %q) {
  tail call void @nothing()
  %p = tail call ptr @malloc(i64 16)
  tail call void @look(ptr %p)
  tail call void @look(ptr %q)
  tail call void @free(ptr %p)
  tail call void @nothing()
  ret void
}

; TEST 2 - negative: the same shape, but the object is captured: nothing is
; converted, every `tail` stays.
; CHECK-LABEL: define void @tail_kept(
; CHECK-NEXT:    tail call void @nothing()
; CHECK-NEXT:    %p = tail call ptr @malloc(i64 16)
; CHECK-NEXT:    tail call void @look(ptr %p)
declare void @keep(ptr) nounwind
define void @tail_kept() {
  tail call void @nothing()
  %p = tail call ptr @malloc(i64 16)
  tail call void @look(ptr %p)
  call void @keep(ptr %p)
  ret void
}

; TEST 3 - positive: a tail call receiving a derived pointer (through a phi
; with a parameter) loses `tail` too.
; CHECK-LABEL: define void @tail_derived(
; CHECK:         [[M:%.*]] = phi ptr [ %q, %entry ], [ [[G:%.*]], %a ]
; CHECK-NEXT:    {{^  }}call void @look(ptr [[M]])
define void @tail_derived(i1 %c, ptr %q) {
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %a, label %j
a:
  %g = getelementptr i8, ptr %p, i64 4
  br label %j
j:
  %m = phi ptr [ %q, %entry ], [ %g, %a ]
  tail call void @look(ptr %m)
  ret void
}

; TEST 4 - positive: one argument of two is the object: `tail` goes.
; CHECK-LABEL: define void @tail_second_arg(
; CHECK:         {{^  }}call void @look2(ptr %q, ptr
define void @tail_second_arg(ptr %q) {
  %p = call ptr @malloc(i64 16)
  tail call void @look2(ptr %q, ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - negative: a musttail call receives the object.
; CHECK-LABEL: define ptr @musttail_heap(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %r = musttail call ptr @mt(ptr %p)
; CHECK-NEXT:    ret ptr %r
define ptr @musttail_heap(ptr %x) {
  %p = call ptr @malloc(i64 16)
  %r = musttail call ptr @mt(ptr %p)
  ret ptr %r
}

; TEST 6 - positive: a musttail call that does not receive the object; the
; object moves and the musttail call is untouched.
; CHECK-LABEL: define ptr @musttail_unrelated(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    %r = musttail call ptr @mt(ptr %x)
; CHECK-NEXT:    ret ptr %r
define ptr @musttail_unrelated(ptr %x) {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  %r = musttail call ptr @mt(ptr %x)
  ret ptr %r
}

; TEST 7 - positive: `notail` calls are left alone.
; CHECK-LABEL: define void @notail_kept(
; CHECK:         notail call void @look(ptr
define void @notail_kept() {
  %p = call ptr @malloc(i64 16)
  notail call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; REPORT:      <tail_dropped>: malloc(16) does not escape
; REPORT:      <tail_kept>: malloc(16) escapes to heap
; REPORT:      <tail_derived>: malloc(16) does not escape
; REPORT:      <tail_second_arg>: malloc(16) does not escape
; REPORT:      <musttail_heap>: malloc(16) escapes to heap
; REPORT:      <musttail_unrelated>: malloc(16) does not escape
; REPORT:      <notail_kept>: malloc(16) does not escape

; WHY-LABEL: <musttail_heap>: malloc(16) escapes to heap:
; WHY-NEXT:  <musttail_heap>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <musttail_heap>:     from malloc(...) (passed to a musttail call) at <musttail_heap>

; Odd control flow: irreducible loops (two entries) are cycles like any
; other; unreachable blocks may hold self-referencing instructions and must
; neither crash the pass nor hide an escape.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

@g = global ptr null

; TEST 1 - positive: an irreducible loop (a and b both entered from entry);
; the object is allocated and freed in a: one slot.
; CHECK-LABEL: define void @irreducible_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; CHECK:       a:
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @irreducible_freed(i1 %c, i1 %d) {
entry:
  br i1 %c, label %a, label %b
a:
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  br i1 %d, label %b, label %exit
b:
  br i1 %d, label %a, label %exit
exit:
  ret void
}

; TEST 2 - negative: the same loop; the object allocated in a reaches the
; next allocation through a phi in b (b -> a -> b).
; CHECK-LABEL: define void @irreducible_carried(
; CHECK:         %p = call ptr @malloc(i64 32)
define void @irreducible_carried(i1 %c, i1 %d) {
entry:
  br i1 %c, label %a, label %b
a:
  %q = phi ptr [ null, %entry ], [ %m, %b ]
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %q)
  br i1 %d, label %b, label %exit
b:
  %m = phi ptr [ null, %entry ], [ %p, %a ]
  br i1 %d, label %a, label %exit
exit:
  ret void
}

; TEST 3 - positive: unreachable blocks with self-referencing instructions
; (a GEP of itself, a phi of itself) that never touch the object.
; CHECK-LABEL: define void @unreachable_selfref(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK:       dead:
; CHECK-NEXT:    %y = phi ptr [ %y2, %dead2 ]
; CHECK-NEXT:    %x = getelementptr i8, ptr %x, i64 1
define void @unreachable_selfref() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
dead:
  %y = phi ptr [ %y2, %dead2 ]
  %x = getelementptr i8, ptr %x, i64 1
  store i8 0, ptr %x
  br label %dead2
dead2:
  %y2 = phi ptr [ %y, %dead ], [ %y2, %dead2 ]
  %w = select i1 true, ptr %w, ptr %y2
  br i1 true, label %dead, label %dead2
}

; TEST 4 - negative: an unreachable block stores the object to a global.
; The analysis does not prove the block dead: the object stays (that is
; only conservative; nothing runs there).
; CHECK-LABEL: define void @unreachable_escape(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @unreachable_escape() {
entry:
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  ret void
dead:
  %z = getelementptr i8, ptr %p, i64 0
  store ptr %z, ptr @g
  br label %dead
}

; TEST 5 - negative: an allocation in an unreachable self-loop that also
; carries the object in a self-referencing phi.  Never runs; must not
; crash; kept on the heap because it is carried around the cycle.
; CHECK-LABEL: define void @unreachable_loop_alloc(
; CHECK:       dead:
; CHECK-NEXT:    %q = phi ptr [ %r, %dead ]
; CHECK-NEXT:    %r = call ptr @malloc(i64 8)
define void @unreachable_loop_alloc() {
entry:
  ret void
dead:
  %q = phi ptr [ %r, %dead ]
  %r = call ptr @malloc(i64 8)
  call void @look(ptr %q)
  br label %dead
}

; TEST 6 - an unreachable block whose only predecessor is itself, with an
; allocation freed each time round: one slot.
; CHECK-LABEL: define void @unreachable_loop_freed(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    ret void
define void @unreachable_loop_freed() {
entry:
  ret void
dead:
  %r = call ptr @malloc(i64 8)
  call void @look(ptr %r)
  call void @free(ptr %r)
  br label %dead
}

; REPORT:      <irreducible_freed>: malloc(32) does not escape
; REPORT:      <irreducible_carried>: malloc(32) escapes to heap
; REPORT:      <unreachable_selfref>: malloc(16) does not escape
; REPORT:      <unreachable_escape>: malloc(16) escapes to heap
; REPORT:      <unreachable_loop_alloc>: malloc(8) escapes to heap
; REPORT:      <unreachable_loop_freed>: malloc(8) does not escape

; Guard_range: a run-time size LLVM's value ranges bound gets a guarded
; buffer of its largest value (solve.c size_bound, bridge.cpp
; escb_value_umax), taken from the frame budget as a profile's size is: a
; remainder (1152 bytes), a mask (64: smaller than the default), a branch
; taken (2000), and a loop's n = 4 + r % 9 for an n * (n + 1) * 8 matrix
; (1248, bench/kernel.c's shape; LVI alone gives up on the loop's counter).
; The run-time test stays: the range only sizes the buffer. Negatives: an
; unbounded size and one bounded only by its type (an i16: 65535, over the
; 4 KiB a range may ask for) keep the default 256 bytes, and with a 512-byte
; frame budget the ranged sites keep it too, and say why: a function's
; ranged buffers take at most a quarter of what its budgets left (here of
; the 256 bytes the default buffer left), so its callers' sites still fit
; (Guard_range_budget.ll).
; Every run takes -escape-guard-unbounded=false: these lines are of ranges;
; a size with no bound is Guard_unbounded.ll's.
; RUN: %opt -passes=escape -escape-guard-unbounded=false -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY --implicit-check-not=guarded
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-max-frame-bytes=512 -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=BUDGET --implicit-check-not=guarded
; RUN: %opt -passes=escape,verify -escape-guard-unbounded=false -verify-each -disable-output %s

; WHY: <remainder>:   guarded: a 1152-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; WHY: <masked>:   guarded: a 64-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; WHY: <branch>:   guarded: a 2000-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; WHY: <loop>:   guarded: a 1248-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; WHY: <unbounded>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <wide>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; BUDGET: <remainder>:   guarded: a 256-byte stack buffer (the size may reach 1152 bytes: over the share of the stack budgets a range may take, 64 bytes), the heap when the run-time size is larger
; BUDGET: <masked>:   guarded: a 64-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; BUDGET: <branch>:   guarded: a 256-byte stack buffer (the size may reach 2000 bytes: over the share of the stack budgets a range may take, 64 bytes), the heap when the run-time size is larger
; BUDGET: <loop>:   guarded: a 256-byte stack buffer (the size may reach 1248 bytes: over the share of the stack budgets a range may take, 64 bytes), the heap when the run-time size is larger
; BUDGET: <unbounded>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; BUDGET: <wide>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger

target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; CHECK-LABEL: define void @remainder(
; CHECK-NEXT:    %guard.stack = alloca [1152 x i8], align 16
; CHECK:         %fits = icmp ule i64 %s, 1152
define void @remainder(i64 %x) {
  %n = urem i64 %x, 13
  %s = mul nuw i64 %n, 96
  %p = call ptr @malloc(i64 %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @masked(
; CHECK-NEXT:    %guard.stack = alloca [64 x i8], align 16
; CHECK:         %fits = icmp ule i64 %s, 64
define void @masked(i64 %x) {
  %s = and i64 %x, 63
  %p = call ptr @malloc(i64 %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @branch(
; CHECK-NEXT:    %guard.stack = alloca [2000 x i8], align 16
define void @branch(i64 %x) {
  %small = icmp ule i64 %x, 2000
  br i1 %small, label %use, label %done
use:
  %p = call ptr @calloc(i64 %x, i64 1)
  call void @look(ptr %p)
  call void @free(ptr %p)
  br label %done
done:
  ret void
}

; CHECK-LABEL: define void @loop(
; CHECK:         %guard.stack = alloca [1248 x i8], align 16
define void @loop(i64 %reps) {
entry:
  br label %body
body:
  %r = phi i64 [ 0, %entry ], [ %r1, %body ]
  %m = urem i64 %r, 9
  %t = trunc i64 %m to i32
  %n = add nuw nsw i32 %t, 4
  %n1 = add nuw nsw i32 %t, 5
  %a = zext i32 %n to i64
  %b = zext i32 %n1 to i64
  %a8 = shl nuw nsw i64 %a, 3
  %s = mul nuw nsw i64 %a8, %b
  %p = call ptr @malloc(i64 %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  %r1 = add i64 %r, 1
  %again = icmp ult i64 %r1, %reps
  br i1 %again, label %body, label %done
done:
  ret void
}

; CHECK-LABEL: define void @unbounded(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
define void @unbounded(i64 %x) {
  %p = call ptr @malloc(i64 %x)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @wide(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
define void @wide(i16 %x) {
  %s = zext i16 %x to i64
  %p = call ptr @malloc(i64 %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Sizes: constant, at most -escape-max-object-bytes (default 65536) per
; object, and at most -escape-max-frame-bytes (default 65536) added to one
; function's frame, in instruction order, and -escape-max-chain-bytes (65536)
; along a call chain (Budget_chain.c).
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape -escape-max-object-bytes=100000 -escape-max-frame-bytes=200000 -escape-max-chain-bytes=200000 -S %s | FileCheck %s --check-prefix=BIG
; RUN: %opt -passes=escape -escape-max-object-bytes=32 -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=SMALL --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-max-frame-bytes=64 -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=FRAME --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s
; RUN: %opt -passes=escape -escape-guard-bytes=0 -S %s | FileCheck %s --check-prefix=NOGUARD

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; TEST 1 - positive: exactly at the cap.
; CHECK-LABEL: define void @at_cap(
; CHECK-NEXT:    [[S:%.*]] = alloca [65536 x i8], align 16
define void @at_cap() {
  %p = call ptr @malloc(i64 65536)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: one byte over the cap; -escape-max-object-bytes=100000
; lets it.
; CHECK-LABEL: define void @over_cap(
; CHECK-NEXT:    %p = call ptr @malloc(i64 65537)
; BIG-LABEL: define void @over_cap(
; BIG-NEXT:    [[S:%.*]] = alloca [65552 x i8], align 16
define void @over_cap() {
  %p = call ptr @malloc(i64 65537)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - a size that is not a constant: a guarded 256-byte buffer (the
; full form is in Guard_dynamic.ll; no 4 KiB for a size with no bound, as
; @look is another file's code: Guard_unbounded.ll); negative without one.
; CHECK-LABEL: define void @variable_size(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
; CHECK-NEXT:    %fits = icmp ule i64 %n, 256
; NOGUARD-LABEL: define void @variable_size(
; NOGUARD-NEXT:    %p = call ptr @malloc(i64 %n)
define void @variable_size(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - three objects of 32 KiB: the first two fit the frame budget, the
; third does not.  With a larger budget all three move.
; CHECK-LABEL: define void @frame_budget(
; CHECK-NEXT:    [[B:%.*]] = alloca [32768 x i8], align 16
; CHECK-NEXT:    [[A:%.*]] = alloca [32768 x i8], align 16
; CHECK-NOT:     alloca
; CHECK:         %c = call ptr @malloc(i64 32768)
; BIG-LABEL: define void @frame_budget(
; BIG-NEXT:    alloca [32768 x i8], align 16
; BIG-NEXT:    alloca [32768 x i8], align 16
; BIG-NEXT:    alloca [32768 x i8], align 16
; BIG-NOT:     @malloc
; BIG:         ret void
define void @frame_budget() {
  %a = call ptr @malloc(i64 32768)
  %b = call ptr @malloc(i64 32768)
  %c = call ptr @malloc(i64 32768)
  call void @look(ptr %a)
  call void @look(ptr %b)
  call void @look(ptr %c)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  ret void
}

; TEST 5 - the budget is per function: another function gets its own.
; CHECK-LABEL: define void @other_function(
; CHECK-NEXT:    [[S:%.*]] = alloca [32768 x i8], align 16
define void @other_function() {
  %a = call ptr @malloc(i64 32768)
  call void @look(ptr %a)
  call void @free(ptr %a)
  ret void
}

; TEST 6 - small objects, for the small-cap and small-frame runs.
define void @small_ones() {
  %a = call ptr @malloc(i64 32)
  %b = call ptr @malloc(i64 33)
  %c = call ptr @malloc(i64 16)
  call void @look(ptr %a)
  call void @look(ptr %b)
  call void @look(ptr %c)
  ret void
}

; REPORT:      <at_cap>: malloc(65536) does not escape
; REPORT:      <over_cap>: malloc(65537) escapes to heap
; REPORT:      <variable_size>: malloc(...) does not escape
; REPORT:      <frame_budget>: malloc(32768) does not escape
; REPORT:      <frame_budget>: malloc(32768) does not escape
; REPORT:      <frame_budget>: malloc(32768) escapes to heap
; REPORT:      <other_function>: malloc(32768) does not escape
; REPORT:      <small_ones>: malloc(32) does not escape
; REPORT:      <small_ones>: malloc(33) does not escape
; REPORT:      <small_ones>: malloc(16) does not escape

; WHY-LABEL: <over_cap>: malloc(65537) escapes to heap:
; WHY-NEXT:  <over_cap>:   too large for stack (65537 bytes > 65536)
; WHY-LABEL: <variable_size>: malloc(...) does not escape:
; WHY-NEXT:  <variable_size>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY-LABEL: <frame_budget>: malloc(32768) escapes to heap:
; WHY-NEXT:  <frame_budget>:   over the function's stack budget (65536 bytes)

; SMALL:      <at_cap>: malloc(65536) escapes to heap
; SMALL:      <over_cap>: malloc(65537) escapes to heap
; SMALL:      <variable_size>: malloc(...) does not escape
; SMALL:      <frame_budget>: malloc(32768) escapes to heap
; SMALL:      <frame_budget>: malloc(32768) escapes to heap
; SMALL:      <frame_budget>: malloc(32768) escapes to heap
; SMALL:      <other_function>: malloc(32768) escapes to heap
; SMALL:      <small_ones>: malloc(32) does not escape
; SMALL:      <small_ones>: malloc(33) escapes to heap
; SMALL:      <small_ones>: malloc(16) does not escape

; 32 -> 32 bytes, 33 -> 48 bytes (rounded to 16): 32 + 48 > 64, then 16 fits.
; FRAME:      <at_cap>: malloc(65536) escapes to heap
; FRAME:      <over_cap>: malloc(65537) escapes to heap
; FRAME:      <variable_size>: malloc(...) escapes to heap
; FRAME:      <frame_budget>: malloc(32768) escapes to heap
; FRAME:      <frame_budget>: malloc(32768) escapes to heap
; FRAME:      <frame_budget>: malloc(32768) escapes to heap
; FRAME:      <other_function>: malloc(32768) escapes to heap
; FRAME:      <small_ones>: malloc(32) does not escape
; FRAME:      <small_ones>: malloc(33) escapes to heap
; FRAME:      <small_ones>: malloc(16) does not escape

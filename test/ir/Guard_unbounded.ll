; Guard_unbounded: a run-time size that nothing bounds (no value range, no
; profile naming the site) gets the largest buffer a range may, 4096 bytes,
; instead of the 256-byte default (solve.c guard_unbounded), from the same
; quarter share of the budgets left: a run-time size is mostly small, and the
; heap path stays for a larger one. Frees compare with the buffer; calloc
; keeps its factor checks; two sites get a buffer each. Only in a function
; whose calls stay in code the chain budget counts (escape.c calls_out:
; @look and @keep are declared nocallback): @outside calls another file's
; function and @indirect calls through a pointer, which could recurse or
; chain through other files at 4 KiB a frame, so they keep the default and
; say why; so do @jumps (setjmp) and @tail (a musttail call of another
; file's function). Down a chain of such functions their 4 KiB buffers take
; at most a quarter of the chain budget, what is below included: of
; @c1..@c5, @c1 finds nothing left. @six: four sites of one function get
; 4 KiB, the fifth what was left of the share (640 bytes), the sixth none.
; A function handed to a library call runs on top of it: @sorted's qsort
; comparator calls nothing, @sorted_out's calls another file's function.
; Negatives (the default stays): strdup (a string copy has a buffer of its
; own), -escape-guard-unbounded=false, a buffer size the command line gave
; (-escape-guard-bytes=128: every run-time size gets 128 bytes); with a
; 1024-byte frame budget the share (192 bytes over the default) caps the
; buffers, and the second site of @two finds nothing left and says so; an
; escaping object stays on the heap. (Guard_dynamic.ll has the rewrite's
; forms; a range's sizes are Guard_range.ll's.)
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY --implicit-check-not=guarded
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=FIXED --implicit-check-not="no bound"
; RUN: %opt -passes=escape -escape-guard-bytes=128 -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=SMALL --implicit-check-not="no bound"
; RUN: %opt -passes=escape -escape-max-frame-bytes=1024 -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=BUDGET
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; WHY: <rows>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <zeroed>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <kept>: malloc(...) escapes to heap:
; WHY: <grown>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <grown>:   reallocated: in a 4096-byte stack buffer until realloc moves it to the heap
; WHY: <copied>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <jumps>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY: <tail>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY: <mixed>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <two>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <two>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <outside>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY: <indirect>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY: <c1>:   guarded: a 256-byte stack buffer (a size with no bound: nothing more fits a quarter of the call chain's stack budget, 16384 bytes), the heap when the run-time size is larger
; WHY: <c2>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <c3>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <c4>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <c5>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <six>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <six>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <six>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <six>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <six>:   guarded: a 896-byte stack buffer for a size with no bound (capped: the default and what was left of the share of the stack budgets it may take, 640 bytes), the heap when the run-time size is larger
; WHY: <six>:   guarded: a 256-byte stack buffer (a size with no bound: nothing more fits the share of the stack budgets it may take, 16000 bytes), the heap when the run-time size is larger
; WHY: <sorted>:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
; WHY: <sorted_out>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; FIXED: <rows>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; FIXED: <zeroed>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; SMALL: <rows>:   guarded: a 128-byte stack buffer, the heap when the run-time size is larger
; SMALL: <grown>:   guarded: a 128-byte stack buffer, the heap when the run-time size is larger
; BUDGET: <rows>:   guarded: a 448-byte stack buffer for a size with no bound (capped: the default and what was left of the share of the stack budgets it may take, 192 bytes), the heap when the run-time size is larger
; BUDGET: <two>:   guarded: a 384-byte stack buffer for a size with no bound (capped: the default and what was left of the share of the stack budgets it may take, 128 bytes), the heap when the run-time size is larger
; BUDGET: <two>:   guarded: a 256-byte stack buffer (a size with no bound: nothing more fits the share of the stack budgets it may take, 128 bytes), the heap when the run-time size is larger

; CHECK-LABEL: define void @rows(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %guard.stack = alloca [4096 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %y = phi i64
; CHECK-NEXT:    %fits = icmp ule i64 %n, 4096
; CHECK-NEXT:    %heap = xor i1 %fits, true
; CHECK-NEXT:    br i1 %heap, label %[[HEAP:.*]], label %[[STACK:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)
; CHECK:         %p.guarded = phi ptr [ %p, %[[HEAP]] ], [ %guard.stack, %[[STACK]] ]
; CHECK-NEXT:    call void @look(ptr %p.guarded)
; CHECK-NEXT:    [[MINE:%.*]] = icmp eq ptr %p.guarded, %guard.stack
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr [[Q]])

; CHECK-LABEL: define void @zeroed(
; CHECK-NEXT:    %guard.stack = alloca [4096 x i8], align 16
; CHECK-NEXT:    [[SZ:%.*]] = mul i64 %n, 8
; CHECK-NEXT:    [[F1:%.*]] = icmp ule i64 %n, 4096
; CHECK-NEXT:    [[F2:%.*]] = and i1 [[F1]], true
; CHECK-NEXT:    [[F3:%.*]] = icmp ule i64 [[SZ]], 4096
; CHECK-NEXT:    %fits = and i1 [[F2]], [[F3]]
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 %guard.stack, i8 0, i64 [[SZ]], i1 false)

; CHECK-LABEL: define void @kept(
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)

; CHECK-LABEL: define void @grown(
; CHECK-NEXT:    %guard.stack = alloca [4096 x i8], align 16
; CHECK-LABEL: define void @copied(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16

; CHECK-LABEL: define void @mixed(
; CHECK:         %q = select i1 %c, ptr %p.guarded, ptr %other
; CHECK-NEXT:    [[MINE:%.*]] = icmp eq ptr %q, %guard.stack
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %q
; CHECK-NEXT:    call void @free(ptr [[Q]])

; CHECK-LABEL: define void @two(
; CHECK-NEXT:    %guard.stack1 = alloca [4096 x i8], align 16
; CHECK-NEXT:    %guard.stack = alloca [4096 x i8], align 16

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @realloc(ptr, i64)
declare noalias ptr @strdup(ptr nocapture readonly)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind nocallback
declare void @keep(ptr) nocallback
declare void @other(ptr nocapture readonly) nofree nounwind
declare i32 @setjmp(ptr) returns_twice

define void @rows(i64 %n, i64 %h) {
entry:
  br label %loop
loop:
  %y = phi i64 [ 0, %entry ], [ %y1, %loop ]
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  %y1 = add i64 %y, 1
  %more = icmp ult i64 %y1, %h
  br i1 %more, label %loop, label %done
done:
  ret void
}

define void @zeroed(i64 %n) {
  %p = call ptr @calloc(i64 %n, i64 8)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @kept(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @keep(ptr %p)
  ret void
}

define void @grown(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @look(ptr %q)
  call void @free(ptr %q)
  ret void
}

define void @copied(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @jumps(i64 %n, ptr %env) {
  %p = call ptr @malloc(i64 %n)
  %r = call i32 @setjmp(ptr %env)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @tail(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  musttail call void @next(i64 %n)
  ret void
}

declare void @next(i64)

define void @mixed(i64 %n, ptr %other, i1 %c) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  %q = select i1 %c, ptr %p, ptr %other
  call void @free(ptr %q)
  ret void
}

define void @two(i64 %n, i64 %m) {
  %p = call ptr @malloc(i64 %n)
  %q = call ptr @malloc(i64 %m)
  call void @look(ptr %p)
  call void @look(ptr %q)
  call void @free(ptr %q)
  call void @free(ptr %p)
  ret void
}

define void @outside(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @other(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @indirect(i64 %n, ptr %fn) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void %fn()
  call void @free(ptr %p)
  ret void
}

define void @c1(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @c2(i64 %n)
  call void @free(ptr %p)
  ret void
}
define void @c2(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @c3(i64 %n)
  call void @free(ptr %p)
  ret void
}
define void @c3(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @c4(i64 %n)
  call void @free(ptr %p)
  ret void
}
define void @c4(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @c5(i64 %n)
  call void @free(ptr %p)
  ret void
}
define void @c5(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

define void @six(i64 %n) {
  %p1 = call ptr @malloc(i64 %n)
  %p2 = call ptr @malloc(i64 %n)
  %p3 = call ptr @malloc(i64 %n)
  %p4 = call ptr @malloc(i64 %n)
  %p5 = call ptr @malloc(i64 %n)
  %p6 = call ptr @malloc(i64 %n)
  call void @look(ptr %p1)
  call void @look(ptr %p2)
  call void @look(ptr %p3)
  call void @look(ptr %p4)
  call void @look(ptr %p5)
  call void @look(ptr %p6)
  call void @free(ptr %p6)
  call void @free(ptr %p5)
  call void @free(ptr %p4)
  call void @free(ptr %p3)
  call void @free(ptr %p2)
  call void @free(ptr %p1)
  ret void
}

declare void @qsort(ptr, i64, i64, ptr)
define i32 @cmp_quiet(ptr %a, ptr %b) {
  ret i32 0
}
define i32 @cmp_calls_out(ptr %a, ptr %b) {
  call void @other(ptr %a)
  ret i32 0
}
define void @sorted(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @qsort(ptr %p, i64 %n, i64 1, ptr @cmp_quiet)
  call void @free(ptr %p)
  ret void
}
define void @sorted_out(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @qsort(ptr %p, i64 %n, i64 1, ptr @cmp_calls_out)
  call void @free(ptr %p)
  ret void
}

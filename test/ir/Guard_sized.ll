; Guard_sized: a run-time size that nothing bounds (no value range, no
; profile) takes a stack area of its own size instead of the fixed 256-byte
; buffer (solve.c guard_sized, rewrite.c sized_area): the first run of the
; site takes an alloca of the size it asks for, a run that needs more one of
; the largest size (4096 bytes), and the others reuse it, so the frame holds
; at most twice the largest size, which is what the budgets count. Frees
; compare with the address kept in %sized.at. calloc keeps its factor
; checks; a mixed free and two sites in one function each compare with
; their own. Negatives (the fixed buffer stays): a grown site (realloc
; moves it), strdup (a string copy), a function that calls setjmp (longjmp
; would put the stack pointer back under an area taken after it) or makes
; a musttail call; -escape-sized-areas=false; an escaping object stays on
; the heap. A buffer size the command line gave (-escape-guard-bytes=128)
; is a fixed buffer of it, and a 1024-byte frame budget leaves no share
; large enough for an area (the fixed buffer stays, saying why).
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY --implicit-check-not=guarded
; RUN: %opt -passes=escape -escape-sized-areas=false -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=FIXED --implicit-check-not="stack area"
; RUN: %opt -passes=escape -escape-guard-bytes=128 -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=SMALL
; RUN: %opt -passes=escape -escape-max-frame-bytes=1024 -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=BUDGET
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; WHY: <rows>:   guarded: a stack area of the run-time size, up to 4096 bytes, the heap when the run-time size is larger
; WHY: <zeroed>:   guarded: a stack area of the run-time size, up to 4096 bytes, the heap when the run-time size is larger
; WHY: <kept>: malloc(...) escapes to heap:
; WHY: <grown>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <copied>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <jumps>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <tail>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY: <mixed>:   guarded: a stack area of the run-time size, up to 4096 bytes, the heap when the run-time size is larger
; WHY: <two>:   guarded: a stack area of the run-time size, up to 4096 bytes, the heap when the run-time size is larger
; WHY: <two>:   guarded: a stack area of the run-time size, up to 4096 bytes, the heap when the run-time size is larger
; FIXED: <rows>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; FIXED: <zeroed>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; SMALL: <rows>:   guarded: a 128-byte stack buffer, the heap when the run-time size is larger
; SMALL: <grown>:   guarded: a 128-byte stack buffer, the heap when the run-time size is larger
; BUDGET: <rows>:   guarded: a 256-byte stack buffer (a stack area of the run-time size would be over the share of the stack budgets it may take, 192 bytes), the heap when the run-time size is larger

; CHECK-LABEL: define void @rows(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %sized.at = alloca ptr, align 8
; CHECK-NEXT:    %sized.len = alloca i64, align 8
; CHECK-NEXT:    store ptr null, ptr %sized.at, align 8
; CHECK-NEXT:    store i64 0, ptr %sized.len, align 8
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %y = phi i64
; CHECK-NEXT:    %fits = icmp ule i64 %n, 4096
; CHECK-NEXT:    [[AT:%.*]] = load ptr, ptr %sized.at, align 8
; CHECK-NEXT:    [[LEN:%.*]] = load i64, ptr %sized.len, align 8
; CHECK-NEXT:    [[NONE:%.*]] = icmp eq ptr [[AT]], null
; CHECK-NEXT:    [[MORE:%.*]] = icmp ugt i64 %n, [[LEN]]
; CHECK-NEXT:    [[ASK:%.*]] = or i1 [[NONE]], [[MORE]]
; CHECK-NEXT:    %sized.grow = and i1 %fits, [[ASK]]
; CHECK-NEXT:    br i1 %sized.grow, label %[[TAKE:.*]], label %[[HAVE:.*]]
; CHECK:       [[TAKE]]:
; CHECK-NEXT:    [[SIZE:%.*]] = select i1 [[NONE]], i64 %n, i64 4096
; CHECK-NEXT:    %sized.area = alloca i8, i64 [[SIZE]], align 16
; CHECK-NEXT:    store ptr %sized.area, ptr %sized.at, align 8
; CHECK-NEXT:    store i64 [[SIZE]], ptr %sized.len, align 8
; CHECK-NEXT:    br label %[[HAVE]]
; CHECK:       [[HAVE]]:
; CHECK-NEXT:    %sized = load ptr, ptr %sized.at, align 8
; CHECK-NEXT:    %heap = xor i1 %fits, true
; CHECK-NEXT:    br i1 %heap, label %[[HEAP:.*]], label %[[STACK:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)
; CHECK:         %p.guarded = phi ptr [ %p, %[[HEAP]] ], [ %sized, %[[STACK]] ]
; CHECK-NEXT:    call void @look(ptr %p.guarded)
; CHECK-NEXT:    [[NOW:%.*]] = load ptr, ptr %sized.at, align 8
; CHECK-NEXT:    [[MINE:%.*]] = icmp eq ptr %p.guarded, [[NOW]]
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr [[Q]])

; CHECK-LABEL: define void @zeroed(
; CHECK:         [[SZ:%.*]] = mul i64 %n, 8
; CHECK-NEXT:    [[F1:%.*]] = icmp ule i64 %n, 8192
; CHECK:         [[F3:%.*]] = icmp ule i64 [[SZ]], 4096
; CHECK:         %sized.area = alloca i8, i64
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 %sized, i8 0, i64 [[SZ]], i1 false)

; CHECK-LABEL: define void @kept(
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)

; CHECK-LABEL: define void @grown(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
; CHECK-LABEL: define void @copied(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
; CHECK-LABEL: define void @jumps(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16
; CHECK-LABEL: define void @tail(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 16

; CHECK-LABEL: define void @mixed(
; CHECK:         %q = select i1 %c, ptr %p.guarded, ptr %other
; CHECK-NEXT:    [[NOW:%.*]] = load ptr, ptr %sized.at, align 8
; CHECK-NEXT:    [[MINE:%.*]] = icmp eq ptr %q, [[NOW]]
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %q
; CHECK-NEXT:    call void @free(ptr [[Q]])

; CHECK-LABEL: define void @two(
; CHECK:         %q.guarded = phi ptr [ %q, %{{.*}} ], [ %[[SQ:sized[0-9]+]], %{{.*}} ]
; CHECK:         [[NOWQ:%.*]] = load ptr, ptr %[[ATQ:sized.at[0-9]+]], align 8
; CHECK-NEXT:    icmp eq ptr %q.guarded, [[NOWQ]]
; CHECK:         [[NOWP:%.*]] = load ptr, ptr %sized.at, align 8
; CHECK-NEXT:    icmp eq ptr %p.guarded, [[NOWP]]

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @realloc(ptr, i64)
declare noalias ptr @strdup(ptr nocapture readonly)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr)
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

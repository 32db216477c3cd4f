; Sidestack_loop: a recursive function's allocation sites in loops take
; side-stack memory when a free can give it back: the free passes the
; object's size, so the runtime can tell whether the object ends at the
; side stack's top (runtime/sidestack.c, __escape_side_free).  Positives
; beside negatives: an object kept into the next iteration, one never
; freed, one freed only together with an object of another size, a
; posix_memalign in a loop; and outside loops, a free of either of two
; objects of different sizes passes 0 (gives nothing back).  A free the
; rewrite gives NULL loses the `nonnull` LLVM put on its argument.  In a
; pipeline (PIPE) the side stack's calls are inlined (only alloc_slow, a
; thread's first use, stays a call) and a kept free is skipped, not given
; NULL, for a side-stack object.
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape -escape-side-stack=false -escape-m=1 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=OFF --implicit-check-not=escape
; RUN: %opt -passes=escape,verify -verify-each -disable-output %t.ll
; RUN: %opt -passes='default<O2>' -S %t.ll | FileCheck %s --check-prefix=PIPE
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; TEST 1 - two objects per iteration freed in the reverse order, beside a
; frame taken before the loop (interp's shape): all three from the side
; stack, each free passing its object's size.
; CHECK-LABEL: define i32 @lifo(
; CHECK:         %side.mark = call ptr @__escape_side_mark()
; CHECK:         %side = call ptr @__escape_side_alloc(i64 208, i64 16)
; CHECK:       loop:
; CHECK:         %side1 = call ptr @__escape_side_alloc(i64 64, i64 16)
; CHECK:         %side3 = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         call i32 @__escape_side_free(ptr %t.guarded, i64 32)
; CHECK:         call i32 @__escape_side_free(ptr %a.guarded, i64 64)
; CHECK:       out:
; CHECK:         call i32 @__escape_side_free(ptr %f.guarded, i64 208)
; CHECK:         call void @__escape_side_release(ptr %side.mark)
; CHECK-NEXT:    ret i32
define i32 @lifo(i32 %d, i32 %n) {
entry:
  %f = call ptr @malloc(i64 200)
  call void @look(ptr %f)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %a = call ptr @malloc(i64 64)
  %t = call ptr @malloc(i64 24)
  call void @look(ptr %a)
  call void @look(ptr %t)
  %d1 = sub i32 %d, 1
  %r = call i32 @lifo(i32 %d1, i32 %n)
  call void @free(ptr %t)
  call void @free(ptr %a)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  call void @free(ptr %f)
  ret i32 %i1
}

; TEST 2 - negative: allocated in one iteration, freed in the next: live
; across iterations, it stays on the heap.
; CHECK-LABEL: define i32 @outlives(
; CHECK:       loop:
; CHECK-NEXT:    %prev = phi ptr
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %p = call ptr @malloc(i64 24)
; CHECK-NEXT:    call void @look(ptr %p)
; CHECK-NEXT:    call void @free(ptr %prev)
define i32 @outlives(i32 %d, i32 %n) {
entry:
  br label %loop
loop:
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  call void @free(ptr %prev)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  call void @free(ptr %p)
  %d1 = sub i32 %d, 1
  %r = call i32 @outlives(i32 %d1, i32 %n)
  ret i32 %r
}

; TEST 3 - negative: a loop's object never freed; nothing would give its
; memory back before the return, so it stays on the heap.
; CHECK-LABEL: define i32 @leaks(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %p = call ptr @malloc(i64 24)
define i32 @leaks(i32 %d, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @leaks(i32 %d1, i32 %n)
  ret i32 %r
}

; TEST 4 - negative: two loop objects of different sizes freed only through
; pointers that may be either: no free knows the size of what it frees,
; so neither could give memory back; both stay on the heap.
; CHECK-LABEL: define i32 @either(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %p = call ptr @malloc(i64 24)
; CHECK-NEXT:    %q = call ptr @malloc(i64 8)
define i32 @either(i32 %d, i32 %n, i1 %k) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  %q = call ptr @malloc(i64 8)
  call void @look(ptr %p)
  call void @look(ptr %q)
  %x = select i1 %k, ptr %p, ptr %q
  %y = select i1 %k, ptr %q, ptr %p
  call void @free(ptr %x)
  call void @free(ptr %y)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @either(i32 %d1, i32 %n, i1 %k)
  ret i32 %r
}

; TEST 5 - two loop objects of one size freed through pointers that may be
; either: each free passes that size (a free of the one below the top gives
; nothing back).
; CHECK-LABEL: define i32 @either_same(
; CHECK:       loop:
; CHECK:         %side = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         %side1 = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         call i32 @__escape_side_free(ptr %x, i64 32)
; CHECK:         call i32 @__escape_side_free(ptr %y, i64 32)
define i32 @either_same(i32 %d, i32 %n, i1 %k) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  %q = call ptr @malloc(i64 20)
  call void @look(ptr %p)
  call void @look(ptr %q)
  %x = select i1 %k, ptr %p, ptr %q
  %y = select i1 %k, ptr %q, ptr %p
  call void @free(ptr %x)
  call void @free(ptr %y)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @either_same(i32 %d1, i32 %n, i1 %k)
  ret i32 %r
}

; TEST 6 - outside loops, a free of either of two side-stack objects of
; different sizes passes 0: it gives nothing back (the release at the
; return does).
; CHECK-LABEL: define i32 @either_outside(
; CHECK:         call i32 @__escape_side_free(ptr %x, i64 0)
; CHECK:         call i32 @__escape_side_free(ptr %y, i64 0)
define i32 @either_outside(i32 %d, i1 %k) {
  %p = call ptr @malloc(i64 24)
  %q = call ptr @malloc(i64 8)
  call void @look(ptr %p)
  call void @look(ptr %q)
  %d1 = sub i32 %d, 1
  %r = call i32 @either_outside(i32 %d1, i1 %k)
  %x = select i1 %k, ptr %p, ptr %q
  %y = select i1 %k, ptr %q, ptr %p
  call void @free(ptr %x)
  call void @free(ptr %y)
  ret i32 %r
}

; TEST 7 - negative: posix_memalign in a loop stays on the heap (its
; address goes through memory, *pp, which loops() takes as live across
; iterations; solve.c's lifo_ok would refuse it too).
; CHECK-LABEL: define i32 @memalign_loop(
; CHECK:       loop:
; CHECK:         call i32 @posix_memalign(ptr %pp, i64 64, i64 64)
define i32 @memalign_loop(i32 %d, i32 %n) {
entry:
  %pp = alloca ptr
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %e = call i32 @posix_memalign(ptr %pp, i64 64, i64 64)
  %p = load ptr, ptr %pp
  call void @look(ptr %p)
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @memalign_loop(i32 %d1, i32 %n)
  ret i32 %r
}

; TEST 8 - the free's argument had `nonnull` (LLVM infers it from the
; object's own pointer); passed NULL for a side-stack object, it loses it.
; CHECK-LABEL: define i32 @nonnull_free(
; CHECK:         [[OWN:%.*]] = call i32 @__escape_side_free(ptr %p.guarded, i64 32)
; CHECK-NEXT:    [[MINE:%.*]] = icmp ne i32 [[OWN]], 0
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr noundef [[Q]])
define i32 @nonnull_free(i32 %d) {
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  %d1 = sub i32 %d, 1
  %r = call i32 @nonnull_free(i32 %d1)
  call void @free(ptr noundef nonnull dereferenceable(24) %p)
  ret i32 %r
}

; CHECK: define weak hidden i32 @__escape_side_free(

; PIPE-LABEL: define {{.*}}i32 @lifo(
; PIPE-NOT:     @__escape_side_
; PIPE:         call {{.*}}@alloc_slow(i64 {{.*}}208, i64 {{.*}}16)
; PIPE-NOT:     @__escape_side_
; PIPE:       loop:
; PIPE-NOT:     @__escape_side_
; PIPE:         call {{.*}}@alloc_slow(i64 {{.*}}64, i64 {{.*}}16)
; PIPE-NOT:     @__escape_side_
; PIPE:         call {{.*}}@alloc_slow(i64 {{.*}}32, i64 {{.*}}16)
; PIPE-NOT:     @__escape_side_
; PIPE:         %r = tail call i32 @lifo(
; PIPE-NOT:     @__escape_side_
; PIPE:         store ptr %t.guarded, ptr
; PIPE-NOT:     @__escape_side_
; PIPE:         call void @free(ptr %t.guarded)
; PIPE-NOT:     @__escape_side_
; PIPE:         store ptr %a.guarded, ptr
; PIPE-NOT:     @__escape_side_
; PIPE:         call void @free(ptr %a.guarded)
; PIPE-NOT:     @__escape_side_
; PIPE:       out:
; PIPE-NOT:     @__escape_side_
; PIPE:         store ptr %f.guarded, ptr
; PIPE-NOT:     @__escape_side_
; PIPE:         ret i32

; WHY:      <lifo>: malloc(200) does not escape:
; WHY-NEXT: <lifo>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <lifo>: malloc(64) does not escape:
; WHY-NEXT: <lifo>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <lifo>: malloc(24) does not escape:
; WHY-NEXT: <lifo>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <outlives>: malloc(24) escapes to heap:
; WHY-NEXT: <outlives>:   live across loop iterations
; WHY-NEXT: <leaks>: malloc(24) escapes to heap:
; WHY-NEXT: <leaks>:   recursive: the function is on a call-graph cycle (budget 0 bytes)
; WHY-NEXT: <either>: malloc(24) escapes to heap:
; WHY-NEXT: <either>:   recursive: the function is on a call-graph cycle (budget 0 bytes)
; WHY-NEXT: <either>: malloc(8) escapes to heap:
; WHY-NEXT: <either>:   recursive: the function is on a call-graph cycle (budget 0 bytes)
; WHY-NEXT: <either_same>: malloc(24) does not escape:
; WHY-NEXT: <either_same>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <either_same>: malloc(20) does not escape:
; WHY-NEXT: <either_same>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <either_outside>: malloc(24) does not escape:
; WHY-NEXT: <either_outside>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <either_outside>: malloc(8) does not escape:
; WHY-NEXT: <either_outside>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <memalign_loop>: posix_memalign(..., 64, 64) escapes to heap:
; WHY-NEXT: <memalign_loop>:   live across loop iterations
; WHY-NEXT: <nonnull_free>: malloc(24) does not escape:

; OFF:      <lifo>: malloc(200) escapes to heap
; OFF-NEXT: <lifo>: malloc(64) escapes to heap
; OFF-NEXT: <lifo>: malloc(24) escapes to heap
; OFF-NEXT: <outlives>: malloc(24) escapes to heap
; OFF-NEXT: <leaks>: malloc(24) escapes to heap
; OFF-NEXT: <either>: malloc(24) escapes to heap
; OFF-NEXT: <either>: malloc(8) escapes to heap
; OFF-NEXT: <either_same>: malloc(24) escapes to heap
; OFF-NEXT: <either_same>: malloc(20) escapes to heap
; OFF-NEXT: <either_outside>: malloc(24) escapes to heap
; OFF-NEXT: <either_outside>: malloc(8) escapes to heap
; OFF-NEXT: <memalign_loop>: posix_memalign(..., 64, 64) escapes to heap
; OFF-NEXT: <nonnull_free>: malloc(24) escapes to heap

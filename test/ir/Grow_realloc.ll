; Growable buffers: realloc(p, n) where p is only this function's own
; allocations, realloc results and null.  The allocation starts in a stack
; buffer; a realloc of the buffer becomes malloc(n) and a copy of
; min(n, buffer size) bytes (on failure NULL, the buffer as it was; for n ==
; 0 the C library's realloc of a new one-byte block), a realloc of anything
; else stays; the result is never the buffer.  Frees stay, given NULL for the
; buffer.  The buffer still escapes where a value that may hold it escapes.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s
; RUN: %opt -passes=debugify,escape,verify -disable-output %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare ptr @reallocf(ptr, i64)
declare ptr @reallocarray(ptr, i64, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr)

; TEST 1 - positive: a builder that doubles when full; the buffer or the
; heap block it moved to is freed at the end.
; CHECK-LABEL: define void @builder(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%p.stack]] = alloca [16 x i8], align 16
; CHECK-NEXT:    br label %loop
; CHECK:       grow:
; CHECK-NEXT:    %c2 = shl i64 %cap, 1
; CHECK-NEXT:    [[EQ:%.*]] = icmp eq ptr %b, [[S]]
; CHECK-NEXT:    %grow.cap = select i1 [[EQ]], i64 16, i64 0
; CHECK-NEXT:    %grow.heap = icmp eq i64 %grow.cap, 0
; CHECK-NEXT:    br i1 %grow.heap, label %[[HEAP:.*]], label %[[STACK:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %q = call ptr @realloc(ptr %b, i64 %c2)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    %grow.none = icmp eq i64 %c2, 0
; CHECK-NEXT:    [[SZ:%.*]] = select i1 %grow.none, i64 1, i64 %c2
; CHECK-NEXT:    %grow.new = call ptr @malloc(i64 [[SZ]])
; CHECK-NEXT:    br i1 %grow.none, label %[[ZERO:.*]], label %[[NONZERO:.*]]
; CHECK:       [[ZERO]]:
; CHECK-NEXT:    %grow.zero = call ptr @realloc(ptr %grow.new, i64 0)
; CHECK-NEXT:    br label %[[COPY:.*]]
; CHECK:       [[NONZERO]]:
; CHECK-NEXT:    br label %[[COPY]]
; CHECK:       [[COPY]]:
; CHECK-NEXT:    [[NEW:%.*]] = phi ptr [ %grow.zero, %[[ZERO]] ], [ %grow.new, %[[NONZERO]] ]
; CHECK-NEXT:    [[GOT:%.*]] = icmp ne ptr [[NEW]], null
; CHECK-NEXT:    [[SOME:%.*]] = xor i1 %grow.none, true
; CHECK-NEXT:    [[DO:%.*]] = and i1 [[GOT]], [[SOME]]
; CHECK-NEXT:    [[LT:%.*]] = icmp ult i64 %c2, %grow.cap
; CHECK-NEXT:    [[MIN:%.*]] = select i1 [[LT]], i64 %c2, i64 %grow.cap
; CHECK-NEXT:    %grow.len = select i1 [[DO]], i64 [[MIN]], i64 0
; CHECK-NEXT:    [[DST:%.*]] = select i1 [[GOT]], ptr [[NEW]], ptr %b
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 [[DST]], ptr align 16 %b, i64 %grow.len, i1 false)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %q.guarded = phi ptr [ %q, %[[HEAP]] ], [ [[NEW]], %[[COPY]] ]
; CHECK-NEXT:    %fail = icmp eq ptr %q.guarded, null
; CHECK:       done:
; CHECK-NEXT:    %r = phi ptr
; CHECK-NEXT:    call void @look(ptr %r)
; CHECK-NEXT:    [[ON:%.*]] = icmp eq ptr %r, [[S]]
; CHECK-NEXT:    [[F:%.*]] = select i1 [[ON]], ptr null, ptr %r
; CHECK-NEXT:    call void @free(ptr [[F]])
; CHECK-NEXT:    ret void
define void @builder(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  br label %loop
loop:
  %b = phi ptr [ %p, %entry ], [ %nb, %next ]
  %cap = phi i64 [ 16, %entry ], [ %ncap, %next ]
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %full = icmp uge i64 %i, %cap
  br i1 %full, label %grow, label %next
grow:
  %c2 = shl i64 %cap, 1
  %q = call ptr @realloc(ptr %b, i64 %c2)
  %fail = icmp eq ptr %q, null
  br i1 %fail, label %done, label %next
next:
  %nb = phi ptr [ %b, %loop ], [ %q, %grow ]
  %ncap = phi i64 [ %cap, %loop ], [ %c2, %grow ]
  %at = getelementptr i8, ptr %nb, i64 %i
  store i8 120, ptr %at
  %i1 = add i64 %i, 1
  %more = icmp ult i64 %i1, %n
  br i1 %more, label %loop, label %done
done:
  %r = phi ptr [ %b, %grow ], [ %nb, %next ]
  call void @look(ptr %r)
  call void @free(ptr %r)
  ret void
}

; TEST 2 - negative: the value returned may still be the buffer (no growth
; on one path).
; CHECK-LABEL: define ptr @returned_maybe_buffer(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK:         %q = call ptr @realloc(ptr %p, i64 64)
; CHECK-NOT:     grow.
; CHECK:         ret ptr %r
define ptr @returned_maybe_buffer(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %g, label %j
g:
  %q = call ptr @realloc(ptr %p, i64 64)
  br label %j
j:
  %r = phi ptr [ %p, %entry ], [ %q, %g ]
  ret ptr %r
}

; TEST 3 - positive: only the realloc's result is returned, on every path:
; it is a heap block (or NULL), never the buffer.  A constant size skips the
; size-0 path.
; CHECK-LABEL: define ptr @returned_after_growth(
; CHECK-NEXT:    [[S:%p.stack]] = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @look(ptr [[S]])
; CHECK:         %q = call ptr @realloc(ptr [[S]], i64 64)
; CHECK:         %grow.new = call ptr @malloc(i64 64)
; CHECK-NEXT:    [[GOT:%.*]] = icmp ne ptr %grow.new, null
; CHECK:         call void @llvm.memcpy.p0.p0.i64(
; CHECK:         %q.guarded = phi ptr [ %q, %{{.*}} ], [ %grow.new, %{{.*}} ]
; CHECK-NEXT:    ret ptr %q.guarded
define ptr @returned_after_growth() {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

; TEST 4 - negative: the failure path keeps the old pointer in a global.
; CHECK-LABEL: define void @failure_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @realloc(ptr %p, i64 %n)
@g = global ptr null
define void @failure_kept(i64 %n) {
entry:
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 %n)
  %z = icmp eq ptr %q, null
  %k = select i1 %z, ptr %p, ptr %q
  store ptr %k, ptr @g
  ret void
}

; TEST 5 - negative: realloc of a parameter, and of a pointer loaded from
; memory: the general rule (the pointer escapes); the summary says so.
; CHECK-LABEL: define ptr @param_realloc(
; CHECK-NEXT:    %q = call ptr @realloc(ptr %p, i64 64)
; CHECK-LABEL: define void @loaded_realloc(
; CHECK-NEXT:    %slot = alloca ptr
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define ptr @param_realloc(ptr %p) {
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}
define void @loaded_realloc() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %l = load ptr, ptr %slot
  %q = call ptr @realloc(ptr %l, i64 64)
  call void @free(ptr %q)
  ret void
}

; TEST 6 - the buffer's contents are copied into the new block: an object
; whose address is stored in the buffer escapes; the buffer does not.
; CHECK-LABEL: define void @contents_copied(
; CHECK-NEXT:    [[S:%a.stack]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %b = call ptr @malloc(i64 8)
; CHECK-NEXT:    store ptr %b, ptr [[S]]
define void @contents_copied() {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 8)
  store ptr %b, ptr %a
  %q = call ptr @realloc(ptr %a, i64 64)
  call void @look(ptr %q)
  call void @free(ptr %q)
  ret void
}

; TEST 7 - negative: reallocf and reallocarray are not handled.
; CHECK-LABEL: define void @other_reallocs(
; CHECK-NEXT:    %a = call ptr @malloc(i64 16)
; CHECK-NEXT:    %q = call ptr @reallocf(ptr %a, i64 64)
; CHECK-NEXT:    %b = call ptr @malloc(i64 16)
; CHECK-NEXT:    %r = call ptr @reallocarray(ptr %b, i64 8, i64 8)
define void @other_reallocs() {
  %a = call ptr @malloc(i64 16)
  %q = call ptr @reallocf(ptr %a, i64 64)
  %b = call ptr @malloc(i64 16)
  %r = call ptr @reallocarray(ptr %b, i64 8, i64 8)
  call void @free(ptr %q)
  call void @free(ptr %r)
  ret void
}

; TEST 8 - positive: either of two buffers reaches one realloc: the size
; copied is the one whose buffer p is; the free of p-or-the-result checks
; both.
; CHECK-LABEL: define void @two_buffers(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[B:%b.stack]] = alloca [32 x i8], align 16
; CHECK-NEXT:    [[A:%a.stack]] = alloca [16 x i8], align 16
; CHECK:         %m = phi ptr [ [[A]], %l ], [ [[B]], %r ]
; CHECK-NEXT:    [[EA:%.*]] = icmp eq ptr %m, [[A]]
; CHECK-NEXT:    %grow.cap = select i1 [[EA]], i64 16, i64 0
; CHECK-NEXT:    [[EB:%.*]] = icmp eq ptr %m, [[B]]
; CHECK-NEXT:    %grow.cap1 = select i1 [[EB]], i64 32, i64 %grow.cap
; CHECK:         %f = select i1 %z, ptr %m, ptr %q.guarded
; CHECK-NEXT:    [[FA:%.*]] = icmp eq ptr %f, [[A]]
; CHECK-NEXT:    [[F1:%.*]] = select i1 [[FA]], ptr null, ptr %f
; CHECK-NEXT:    [[FB:%.*]] = icmp eq ptr [[F1]], [[B]]
; CHECK-NEXT:    [[F2:%.*]] = select i1 [[FB]], ptr null, ptr [[F1]]
; CHECK-NEXT:    call void @free(ptr [[F2]])
define void @two_buffers(i1 %c) {
entry:
  br i1 %c, label %l, label %r
l:
  %a = call ptr @malloc(i64 16)
  br label %j
r:
  %b = call ptr @malloc(i64 32)
  br label %j
j:
  %m = phi ptr [ %a, %l ], [ %b, %r ]
  %q = call ptr @realloc(ptr %m, i64 48)
  call void @look(ptr %q)
  %z = icmp eq ptr %q, null
  %f = select i1 %z, ptr %m, ptr %q
  call void @free(ptr %f)
  ret void
}

; TEST 9 - positive: a guarded buffer (a run-time size) grows from its
; 256 bytes; when the size did not fit, p is the heap block and realloc
; runs as it was.
; CHECK-LABEL: define void @guarded(
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK:         %p.guarded = phi ptr [ %p, %{{.*}} ], [ [[G]], %{{.*}} ]
; CHECK:         [[EQ:%.*]] = icmp eq ptr %p.guarded, [[G]]
; CHECK-NEXT:    %grow.cap = select i1 [[EQ]], i64 256, i64 0
; CHECK:         %q = call ptr @realloc(ptr %p.guarded, i64 %n2)
define void @guarded(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  %n2 = shl i64 %n, 1
  %q = call ptr @realloc(ptr %p, i64 %n2)
  call void @look(ptr %q)
  call void @free(ptr %q)
  ret void
}

; TEST 10 - negative: the buffer itself reaches a callee that may keep it.
; CHECK-LABEL: define void @kept_before(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @kept_before() {
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 64)
  call void @free(ptr %q)
  ret void
}

; WHY-LABEL: <builder>: malloc(16) does not escape:
; WHY-NEXT:  <builder>:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <returned_maybe_buffer>: malloc(16) escapes to heap:
; WHY-NEXT:  <returned_maybe_buffer>:   flow: {heap} = a temporary:
; WHY-NEXT:  <returned_maybe_buffer>:     from a temporary (returned) at <returned_maybe_buffer>
; WHY-NEXT:  <returned_after_growth>: malloc(16) does not escape:
; WHY-NEXT:  <returned_after_growth>:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <failure_kept>: malloc(16) escapes to heap:
; WHY-NEXT:  <failure_kept>:   flow: {heap} = a temporary:
; WHY-NEXT:  <failure_kept>:     from a temporary (stored to global g) at <failure_kept>
; WHY-NEXT:  <param_realloc>: leaking param: arg0:
; WHY-NEXT:  <param_realloc>:   parameter arg0 leaks to {heap} with derefs=0:
; WHY-NEXT:  <param_realloc>:     flow: {heap} = arg0:
; WHY-NEXT:  <param_realloc>:       from arg0 (passed to realloc) at <param_realloc>
; WHY-NEXT:  <loaded_realloc>: malloc(16) escapes to heap:
; WHY-NEXT:  <loaded_realloc>:   flow: {heap} = *a temporary:
; WHY-NEXT:  <loaded_realloc>:     from malloc(...) (stored into a temporary) at <loaded_realloc>
; WHY-NEXT:  <loaded_realloc>:     from *a temporary (passed to realloc) at <loaded_realloc>
; WHY-NEXT:  <contents_copied>: malloc(16) does not escape:
; WHY-NEXT:  <contents_copied>:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <contents_copied>: malloc(8) escapes to heap:
; WHY-NEXT:  <contents_copied>:   flow: {heap} = *malloc(...):
; WHY-NEXT:  <contents_copied>:     from malloc(...) (stored into *malloc(...)) at <contents_copied>
; WHY-NEXT:  <contents_copied>:     from *malloc(...) (pointed to by parameter 0 of realloc, which may keep it) at <contents_copied>
; WHY-NEXT:  <other_reallocs>: malloc(16) escapes to heap:
; WHY-NEXT:  <other_reallocs>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <other_reallocs>:     from malloc(...) (passed to realloc) at <other_reallocs>
; WHY-NEXT:  <other_reallocs>: malloc(16) escapes to heap:
; WHY-NEXT:  <other_reallocs>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <other_reallocs>:     from malloc(...) (passed to parameter 0 of reallocarray, which may keep it) at <other_reallocs>
; WHY-NEXT:  <two_buffers>: malloc(16) does not escape:
; WHY-NEXT:  <two_buffers>:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <two_buffers>: malloc(32) does not escape:
; WHY-NEXT:  <two_buffers>:   reallocated: in a 32-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <guarded>: malloc(...) does not escape:
; WHY-NEXT:  <guarded>:   guarded: a 256-byte stack buffer (a size with no bound, but a call may run code whose frames the stack budgets cannot count: another file's, or an indirect call's), the heap when the run-time size is larger
; WHY-NEXT:  <guarded>:   reallocated: in a 256-byte stack buffer until realloc moves it to the heap
; WHY-NEXT:  <kept_before>: malloc(16) escapes to heap:

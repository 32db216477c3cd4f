; Guarded and checked sites: a run-time size gets a fixed stack buffer used
; when the size fits (the allocator is still called above it; these lines
; are of -escape-guard-unbounded=false, the default's 4 KiB for a size with
; no bound is Guard_unbounded.ll's); a recursive
; function's site takes memory from the per-thread side stack (the
; runtime's bitcode, linked into the module) while it has room.  Frees
; stay, given NULL when the pointer is a stack address.  Negatives: an
; escaping object, and constant calloc arguments whose product overflows (a
; recursive function's sites in loops: also test/ir/Sidestack_loop.ll).
; The side stack is used only for a module of the runtime's data layout:
; %host-datalayout gives this file the host LLVM's (LLVM 16 has no
; i128:128 for x86-64) so that every version checks the same lines.
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -escape-guard-unbounded=false -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape -escape-guard-bytes=0 -escape-side-stack=false -escape-m=1 -disable-output %t.ll 2>&1 | grep -v arg0 | FileCheck %s --check-prefix=OFF --implicit-check-not=escape
; RUN: %opt -passes=escape,verify -verify-each -disable-output %t.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare noalias ptr @strdup(ptr nocapture readonly)
declare noalias ptr @strndup(ptr nocapture readonly, i64)
declare noalias nonnull ptr @_Znam(i64)
declare void @_ZdaPv(ptr)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr)
declare noalias ptr @realloc(ptr, i64)
declare i32 @__gxx_personality_v0(...)
declare void @may_throw()

; TEST 1 - calloc(n, 4): fits when both factors and the product are at most
; 256; the stack path zeroes n * 4 bytes.
; CHECK-LABEL: define void @calloc_dyn(
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK-NEXT:    [[SZ:%.*]] = mul i64 %n, 4
; CHECK-NEXT:    [[A:%.*]] = icmp ule i64 %n, 256
; CHECK-NEXT:    [[B:%.*]] = and i1 [[A]], true
; CHECK-NEXT:    [[C:%.*]] = icmp ule i64 [[SZ]], 256
; CHECK-NEXT:    %fits = and i1 [[B]], [[C]]
; CHECK-NEXT:    %heap = xor i1 %fits, true
; CHECK-NEXT:    br i1 %heap, label %[[HEAP:.*]], label %[[STACK:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @calloc(i64 %n, i64 4)
; CHECK-NEXT:    br label %[[JOIN:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 [[G]], i8 0, i64 [[SZ]], i1 false)
; CHECK-NEXT:    br label %[[JOIN]]
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    %p.guarded = phi ptr [ %p, %[[HEAP]] ], [ [[G]], %[[STACK]] ]
; CHECK-NEXT:    call void @look(ptr %p.guarded)
; CHECK-NEXT:    [[EQ:%.*]] = icmp eq ptr %p.guarded, [[G]]
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[EQ]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr [[Q]])
; CHECK-NEXT:    ret void
define void @calloc_dyn(i64 %n) {
  %p = call ptr @calloc(i64 %n, i64 4)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - strdup(s): strlen(s) < 256 fits; the stack path copies the
; string with its terminator.
; CHECK-LABEL: define void @strdup_dyn(
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK-NEXT:    %len = call i64 @strlen(ptr %s)
; CHECK-NEXT:    [[N:%.*]] = add nuw i64 %len, 1
; CHECK-NEXT:    %fits = icmp ult i64 %len, 256
; CHECK:         %p = call ptr @strdup(ptr %s)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 16 [[G]], ptr align 1 %s, i64 [[N]], i1 false)
; CHECK:         %p.guarded = phi ptr
; CHECK:         call void @free(ptr
define void @strdup_dyn(ptr %s) {
  %p = call ptr @strdup(ptr %s)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - strndup(s, k): strnlen(s, k) bytes, then a terminator.
; CHECK-LABEL: define void @strndup_dyn(
; CHECK:         %len = call i64 @strnlen(ptr %s, i64 %k)
; CHECK:         %fits = icmp ult i64 %len, 256
; CHECK:         %p = call ptr @strndup(ptr %s, i64 %k)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr align 16 [[G:%guard.stack]], ptr align 1 %s, i64 %len, i1 false)
; CHECK-NEXT:    [[END:%.*]] = getelementptr i8, ptr [[G]], i64 %len
; CHECK-NEXT:    store i8 0, ptr [[END]], align 1
define void @strndup_dyn(ptr %s, i64 %k) {
  %p = call ptr @strndup(ptr %s, i64 %k)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - aligned_alloc(64, n): the buffer keeps the alignment.
; CHECK-LABEL: define void @aligned_dyn(
; CHECK-NEXT:    %guard.stack = alloca [256 x i8], align 64
; CHECK-NEXT:    %fits = icmp ule i64 %n, 256
define void @aligned_dyn(i64 %n) {
  %p = call ptr @aligned_alloc(i64 64, i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - new[](n): delete[] of a null pointer does nothing.
; CHECK-LABEL: define void @new_dyn(
; CHECK:         %p = call ptr @_Znam(i64 %n)
; CHECK:         [[Q:%.*]] = select i1 {{%.*}}, ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @_ZdaPv(ptr [[Q]])
define void @new_dyn(i64 %n) {
  %p = call ptr @_Znam(i64 %n)
  call void @look(ptr %p)
  call void @_ZdaPv(ptr %p)
  ret void
}

; TEST 6 - an invoke of new[](n): the invoke moves to the heap path with its
; landing pad; both paths meet before the normal destination.
; CHECK-LABEL: define void @new_dyn_invoke(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK-NEXT:    %fits = icmp ule i64 %n, 256
; CHECK-NEXT:    %heap = xor i1 %fits, true
; CHECK-NEXT:    br i1 %heap, label %entry.heap, label %entry.stack
; CHECK:       entry.heap:
; CHECK-NEXT:    %p = invoke ptr @_Znam(i64 %n)
; CHECK-NEXT:            to label %entry.join unwind label %lpad
; CHECK:       entry.stack:
; CHECK-NEXT:    br label %entry.join
; CHECK:       entry.join:
; CHECK-NEXT:    %p.guarded = phi ptr [ %p, %entry.heap ], [ [[G]], %entry.stack ]
; CHECK-NEXT:    br label %ok
define void @new_dyn_invoke(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znam(i64 %n) to label %ok unwind label %lpad
ok:
  call void @look(ptr %p)
  call void @_ZdaPv(ptr %p)
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}

; TEST 6b - the normal destination's and the landing pad's phis follow the
; edges that moved.
; CHECK-LABEL: define i32 @new_dyn_invoke_phis(
; CHECK:       body.heap:
; CHECK-NEXT:    %p = invoke ptr @_Znam(i64 %n)
; CHECK-NEXT:            to label %body.join unwind label %lpad
; CHECK:       ok:
; CHECK-NEXT:    %v = phi i32 [ 1, %body.join ]
; CHECK:       lpad:
; CHECK-NEXT:    %w = phi i32 [ 2, %body.heap ], [ 3, %ok ]
define i32 @new_dyn_invoke_phis(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  br label %body
body:
  %p = invoke ptr @_Znam(i64 %n) to label %ok unwind label %lpad
ok:
  %v = phi i32 [ 1, %body ]
  call void @look(ptr %p)
  invoke void @may_throw() to label %done unwind label %lpad
done:
  call void @_ZdaPv(ptr %p)
  ret i32 %v
lpad:
  %w = phi i32 [ 2, %body ], [ 3, %ok ]
  %lp = landingpad { ptr, i32 } cleanup
  ret i32 %w
}

; TEST 7 - a guarded and a constant-size object freed through the same
; pointers: both convert, and each free is given NULL for either stack
; address.
; CHECK-LABEL: define void @freed_together(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[B:%b.stack]] = alloca [32 x i8], align 16
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK:         %x = select i1 %c, ptr %a.guarded, ptr [[B]]
; CHECK-NEXT:    %y = select i1 %c, ptr [[B]], ptr %a.guarded
; CHECK-NEXT:    [[E1:%.*]] = icmp eq ptr %x, [[G]]
; CHECK-NEXT:    [[X1:%.*]] = select i1 [[E1]], ptr null, ptr %x
; CHECK-NEXT:    [[E2:%.*]] = icmp eq ptr [[X1]], [[B]]
; CHECK-NEXT:    [[X2:%.*]] = select i1 [[E2]], ptr null, ptr [[X1]]
; CHECK-NEXT:    call void @free(ptr [[X2]])
define void @freed_together(i64 %n, i1 %c) {
entry:
  %a = call ptr @malloc(i64 %n)
  %b = call ptr @malloc(i64 32)
  call void @look(ptr %a)
  call void @look(ptr %b)
  %x = select i1 %c, ptr %a, ptr %b
  %y = select i1 %c, ptr %b, ptr %a
  call void @free(ptr %x)
  call void @free(ptr %y)
  ret void
}

; TEST 8 - negative: the object escapes; no buffer.
; CHECK-LABEL: define void @kept(
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)
define void @kept(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @keep(ptr %p)
  ret void
}

; TEST 9 - positive (a negative before growable buffers): realloc'd, the
; result returned: the buffer moves to the heap at the realloc
; (test/ir/Grow_realloc.ll).
; CHECK-LABEL: define ptr @reallocated(
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [256 x i8], align 16
; CHECK:         %p = call ptr @malloc(i64 %n)
; CHECK:         %p.guarded = phi ptr
; CHECK:         icmp eq ptr %p.guarded, [[G]]
; CHECK:         %q = call ptr @realloc(ptr %p.guarded, i64 100)
; CHECK:         %grow.new = call ptr @malloc(i64 100)
define ptr @reallocated(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 100)
  ret ptr %q
}

; TEST 10 - negative: constant factors whose product overflows (calloc
; fails): not a run-time size, no buffer.
; CHECK-LABEL: define void @calloc_const_overflow(
; CHECK-NEXT:    %p = call ptr @calloc(i64 4611686018427387904, i64 8)
define void @calloc_const_overflow() {
  %p = call ptr @calloc(i64 4611686018427387904, i64 8)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 11 - recursive: the object comes from the side stack (a mark at
; entry, released before the return); the free asks the side stack whether
; it owns the pointer (giving its 32 bytes back when they end at the top);
; when the side stack is full, malloc as before.
; CHECK-LABEL: define i32 @rec(
; CHECK-NEXT:    %side.mark = call ptr @__escape_side_mark()
; CHECK-NEXT:    %side = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK-NEXT:    [[OK:%.*]] = icmp ne ptr %side, null
; CHECK-NEXT:    %heap = xor i1 [[OK]], true
; CHECK-NEXT:    br i1 %heap, label %[[HEAP:.*]], label %[[SIDE:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @malloc(i64 24)
; CHECK:         %p.guarded = phi ptr [ %p, %[[HEAP]] ], [ %side, %[[SIDE]] ]
; CHECK:       done:
; CHECK-NEXT:    [[OWN:%.*]] = call i32 @__escape_side_free(ptr %p.guarded, i64 32)
; CHECK-NEXT:    [[MINE:%.*]] = icmp ne i32 [[OWN]], 0
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr [[Q]])
; CHECK-NEXT:    call void @__escape_side_release(ptr %side.mark)
; CHECK-NEXT:    ret i32 0
define i32 @rec(i32 %d) {
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  %c = icmp eq i32 %d, 0
  br i1 %c, label %done, label %more
more:
  %d1 = sub i32 %d, 1
  %r = call i32 @rec(i32 %d1)
  br label %done
done:
  call void @free(ptr %p)
  ret i32 0
}

; TEST 12 - a recursive function's site in a loop, freed through its own
; pointer: each iteration takes memory from the side stack and the free,
; finding the object on the top, gives it back.
; CHECK-LABEL: define i32 @rec_loop(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %side = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         %p.guarded = phi ptr
; CHECK-NEXT:    call void @look(ptr %p.guarded)
; CHECK-NEXT:    [[OWN:%.*]] = call i32 @__escape_side_free(ptr %p.guarded, i64 32)
; CHECK-NEXT:    [[MINE:%.*]] = icmp ne i32 [[OWN]], 0
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[MINE]], ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @free(ptr [[Q]])
; CHECK-NEXT:    %i1 = add i32 %i, 1
define i32 @rec_loop(i32 %d, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  call void @free(ptr %p)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @rec_loop(i32 %d1, i32 %n)
  ret i32 %r
}

; TEST 13 - two objects in a recursive function's loop, freed in the order
; of their allocation: only the second free finds its object on the top,
; the first object's memory waits for the return.  Both come from the side
; stack (test/ir/Sidestack_loop.ll has the negatives).
; CHECK-LABEL: define i32 @rec_loop2(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %side = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         %side1 = call ptr @__escape_side_alloc(i64 16, i64 16)
; CHECK:         call i32 @__escape_side_free(ptr %p.guarded, i64 32)
; CHECK:         call i32 @__escape_side_free(ptr %q.guarded, i64 16)
define i32 @rec_loop2(i32 %d, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  %q = call ptr @malloc(i64 8)
  call void @look(ptr %p)
  call void @look(ptr %q)
  call void @free(ptr %p)
  call void @free(ptr %q)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @rec_loop2(i32 %d1, i32 %n)
  ret i32 %r
}

; TEST 14 - the loop's object freed through a select with null: the free
; still names just this object (or null), so it can give the memory back.
; CHECK-LABEL: define i32 @rec_loop_select(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %side = call ptr @__escape_side_alloc(i64 32, i64 16)
; CHECK:         %q = select i1 %k, ptr %p.guarded, ptr null
; CHECK-NEXT:    call i32 @__escape_side_free(ptr %q, i64 32)
define i32 @rec_loop_select(i32 %d, i32 %n, i1 %k) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 24)
  call void @look(ptr %p)
  %q = select i1 %k, ptr %p, ptr null
  call void @free(ptr %q)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  %d1 = sub i32 %d, 1
  %r = call i32 @rec_loop_select(i32 %d1, i32 %n, i1 %k)
  ret i32 %r
}

; The side stack's runtime, linked in once.
; CHECK: define weak hidden ptr @__escape_side_mark()

; WHY:      <calloc_dyn>: calloc(..., 4) does not escape:
; WHY-NEXT: <calloc_dyn>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY:      <new_dyn_invoke>: operator new[](...) does not escape:
; WHY-NEXT: <new_dyn_invoke>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; WHY:      <calloc_const_overflow>: calloc(4611686018427387904, 8) escapes to heap:
; WHY-NEXT: <calloc_const_overflow>:   non-constant size
; WHY-NEXT: <rec>: malloc(24) does not escape:
; WHY-NEXT: <rec>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <rec_loop>: malloc(24) does not escape:
; WHY-NEXT: <rec_loop>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <rec_loop2>: malloc(24) does not escape:
; WHY-NEXT: <rec_loop2>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <rec_loop2>: malloc(8) does not escape:
; WHY-NEXT: <rec_loop2>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <rec_loop_select>: malloc(24) does not escape:
; WHY-NEXT: <rec_loop_select>:   recursive: on the thread's side stack while it has room, else on the heap

; Without buffers and the check every site stays on the heap, freed_together's
; constant-size one with its group.
; OFF:      <calloc_dyn>: calloc(..., 4) escapes to heap
; OFF-NEXT: <strdup_dyn>: strdup(...) escapes to heap
; OFF-NEXT: <strndup_dyn>: strndup(..., ...) escapes to heap
; OFF-NEXT: <aligned_dyn>: aligned_alloc(64, ...) escapes to heap
; OFF-NEXT: <new_dyn>: operator new[](...) escapes to heap
; OFF-NEXT: <new_dyn_invoke>: operator new[](...) escapes to heap
; OFF-NEXT: <new_dyn_invoke_phis>: operator new[](...) escapes to heap
; OFF-NEXT: <freed_together>: malloc(...) escapes to heap
; OFF-NEXT: <freed_together>: malloc(32) escapes to heap
; OFF-NEXT: <kept>: malloc(...) escapes to heap
; OFF-NEXT: <reallocated>: malloc(...) escapes to heap
; OFF-NEXT: <calloc_const_overflow>: calloc(4611686018427387904, 8) escapes to heap
; OFF-NEXT: <rec>: malloc(24) escapes to heap
; OFF-NEXT: <rec_loop>: malloc(24) escapes to heap
; OFF-NEXT: <rec_loop2>: malloc(24) escapes to heap
; OFF-NEXT: <rec_loop2>: malloc(8) escapes to heap
; OFF-NEXT: <rec_loop_select>: malloc(24) escapes to heap

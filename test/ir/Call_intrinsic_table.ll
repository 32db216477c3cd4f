; Intrinsics are matched by ID against one table (call.c), under their base
; names: an overloaded intrinsic with any type suffix, and the longer
; variants (memset.inline, expect.with.probability), find their row.  A
; pointer through a row that copies it (ptrmask, launder.invariant.group)
; is followed to the result; a row of no flow (memset.inline, stacksave)
; leaks nothing; floating-point arithmetic (fmuladd) carries its operands
; to its result and nowhere else; va_start fills *ap with unknown memory;
; an intrinsic outside the table (ptr.annotation) is judged by its
; attributes, as any call.
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=alloc
; RUN: %opt -passes=escape,verify -disable-output %s

@g = global ptr null
@gi = global i64 0
@s = private constant [2 x i8] c"a\00"
declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare ptr @llvm.ptrmask.p0.i64(ptr, i64)
declare ptr @llvm.launder.invariant.group.p0(ptr)
declare void @llvm.memset.inline.p0.i64(ptr, i8, i64 immarg, i1 immarg)
declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)
declare i64 @llvm.expect.with.probability.i64(i64, i64, double immarg)
declare ptr @llvm.ptr.annotation.p0.p0(ptr, ptr, ptr, i32, ptr)
declare float @llvm.fmuladd.f32(float, float, float)
declare void @llvm.va_start(ptr)
declare void @llvm.va_end(ptr)
@gf = global float 0.0

; TEST 1 - positive: through ptrmask, read and freed.
; CHECK: <mask_local>: malloc(32) does not escape
define void @mask_local() {
  %p = call ptr @malloc(i64 32)
  %q = call ptr @llvm.ptrmask.p0.i64(ptr %p, i64 -16)
  call void @look(ptr %q)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: through ptrmask into a global.
; CHECK: <mask_global>: malloc(32) escapes to heap
define void @mask_global() {
  %p = call ptr @malloc(i64 32)
  %q = call ptr @llvm.ptrmask.p0.i64(ptr %p, i64 -16)
  store ptr %q, ptr @g
  ret void
}

; TEST 3 - negative: through launder.invariant.group into a global.
; CHECK: <launder_global>: malloc(32) escapes to heap
define void @launder_global() {
  %p = call ptr @malloc(i64 32)
  %q = call ptr @llvm.launder.invariant.group.p0(ptr %p)
  store ptr %q, ptr @g
  ret void
}

; TEST 4 - positive: memset.inline and a stacksave/stackrestore pair.
; CHECK: <memset_inline>: malloc(32) does not escape
define void @memset_inline() {
  %sp = call ptr @llvm.stacksave.p0()
  %p = call ptr @malloc(i64 32)
  call void @llvm.memset.inline.p0.i64(ptr %p, i8 0, i64 32, i1 false)
  call void @look(ptr %p)
  call void @free(ptr %p)
  call void @llvm.stackrestore.p0(ptr %sp)
  ret void
}

; TEST 5 - negative: the address, through expect.with.probability, stored
; to a global.
; CHECK: <expect_global>: malloc(32) escapes to heap
define void @expect_global() {
  %p = call ptr @malloc(i64 32)
  %a = ptrtoint ptr %p to i64
  %e = call i64 @llvm.expect.with.probability.i64(i64 %a, i64 0, double 0.5)
  store i64 %e, ptr @gi
  call void @free(ptr %p)
  ret void
}

; TEST 6 - positive: expect.with.probability's result only compared.
; CHECK: <expect_local>: malloc(32) does not escape
define i1 @expect_local() {
  %p = call ptr @malloc(i64 32)
  %a = ptrtoint ptr %p to i64
  %e = call i64 @llvm.expect.with.probability.i64(i64 %a, i64 0, double 0.5)
  %c = icmp eq i64 %e, 0
  call void @free(ptr %p)
  ret i1 %c
}

; TEST 7 - negative: ptr.annotation is not in the table; by its attributes
; the pointer may be kept.
; CHECK: <annotation>: malloc(32) escapes to heap
define void @annotation() {
  %p = call ptr @malloc(i64 32)
  %q = call ptr @llvm.ptr.annotation.p0.p0(ptr %p, ptr @s, ptr @s, i32 1, ptr null)
  call void @look(ptr %q)
  call void @free(ptr %p)
  ret void
}

; TEST 8 - positive: a float loaded from the holder of o (for the graph, it
; may be o's address) through fmuladd, only compared: o stays (it read
; "passed to parameter 2 of llvm.fmuladd.f32, which may keep it").
; CHECK: <fma_local>: malloc(16) does not escape
; CHECK: <fma_local>: malloc(8) does not escape
define i1 @fma_local(float %a) {
  %h = call ptr @malloc(i64 16)
  %o = call ptr @malloc(i64 8)
  store ptr %o, ptr %h
  %x = load float, ptr %h
  %r = call float @llvm.fmuladd.f32(float %a, float %a, float %x)
  %c = fcmp ogt float %r, 0.0
  call void @free(ptr %o)
  call void @free(ptr %h)
  ret i1 %c
}

; TEST 9 - negative: the same result stored to a global: o's bits there.
; CHECK: <fma_global>: malloc(16) does not escape
; CHECK: <fma_global>: malloc(8) escapes to heap
define void @fma_global(float %a) {
  %h = call ptr @malloc(i64 16)
  %o = call ptr @malloc(i64 8)
  store ptr %o, ptr %h
  %x = load float, ptr %h
  %r = call float @llvm.fmuladd.f32(float %a, float %a, float %x)
  store float %r, ptr @gf
  call void @free(ptr %h)
  ret void
}

; TEST 10 - positive: a va_list of the heap, used by va_start and va_end.
; CHECK: <va_local>: malloc(24) does not escape
define void @va_local(i32 %n, ...) {
  %ap = call ptr @malloc(i64 24)
  call void @llvm.va_start(ptr %ap)
  call void @llvm.va_end(ptr %ap)
  call void @free(ptr %ap)
  ret void
}

; TEST 11 - negative: a pointer va_start put into *ap is the caller's
; memory: o stored through it escapes.
; CHECK: <va_store>: malloc(24) does not escape
; CHECK: <va_store>: malloc(8) escapes to heap
define void @va_store(i32 %n, ...) {
  %ap = call ptr @malloc(i64 24)
  call void @llvm.va_start(ptr %ap)
  %area = getelementptr i8, ptr %ap, i64 8
  %args = load ptr, ptr %area
  %o = call ptr @malloc(i64 8)
  store ptr %o, ptr %args
  call void @llvm.va_end(ptr %ap)
  call void @free(ptr %ap)
  ret void
}

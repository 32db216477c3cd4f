; The rewrite per allocator: calloc's memory is zeroed (a memset of exactly
; the requested size), aligned_alloc's alignment is kept when it is a
; constant power of two, operator new is converted like malloc.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare noalias ptr @_Znwm(i64)
declare noalias ptr @_ZnwmSt11align_val_t(i64, i64)
declare void @_ZdlPv(ptr)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; TEST 1 - positive: calloc(3, 20) -> 64-byte slot, memset of 60 bytes.
; CHECK-LABEL: define i32 @calloc_zeroed(
; CHECK-NEXT:    [[S:%.*]] = alloca [64 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 64, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 [[S]], i8 0, i64 60, i1 false)
; CHECK-NEXT:    [[F:%.*]] = getelementptr i8, ptr [[S]], i64 56
; CHECK-NEXT:    %v = load i32, ptr [[F]], align 4
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 64, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret i32 %v
define i32 @calloc_zeroed() {
  %p = call ptr @calloc(i64 3, i64 20)
  %f = getelementptr i8, ptr %p, i64 56
  %v = load i32, ptr %f
  call void @free(ptr %p)
  ret i32 %v
}

; TEST 2 - negative: calloc whose product overflows: never a constant size.
; CHECK-LABEL: define void @calloc_overflow(
; CHECK-NEXT:    %p = call ptr @calloc(i64 4611686018427387904, i64 8)
define void @calloc_overflow() {
  %p = call ptr @calloc(i64 4611686018427387904, i64 8)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - positive: malloc is not zeroed: no memset.
; CHECK-LABEL: define void @malloc_not_zeroed(
; CHECK-NEXT:    [[S:%.*]] = alloca [48 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 48, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
define void @malloc_not_zeroed() {
  %p = call ptr @malloc(i64 33)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - positive: aligned_alloc(64, 100) -> align 64, size rounded to
; 128.
; CHECK-LABEL: define void @aligned_64(
; CHECK-NEXT:    [[S:%.*]] = alloca [128 x i8], align 64
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 128, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 128, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @aligned_64() {
  %p = call ptr @aligned_alloc(i64 64, i64 100)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - positive: a smaller alignment never goes under malloc's 16.
; CHECK-LABEL: define void @aligned_8(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
define void @aligned_8() {
  %p = call ptr @aligned_alloc(i64 8, i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 6 - negative: alignment not a power of two.
; CHECK-LABEL: define void @aligned_48(
; CHECK-NEXT:    %p = call ptr @aligned_alloc(i64 48, i64 96)
define void @aligned_48() {
  %p = call ptr @aligned_alloc(i64 48, i64 96)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 7 - negative: alignment not a constant.
; CHECK-LABEL: define void @aligned_variable(
; CHECK-NEXT:    %p = call ptr @aligned_alloc(i64 %a, i64 64)
define void @aligned_variable(i64 %a) {
  %p = call ptr @aligned_alloc(i64 %a, i64 64)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 8 - negative: alignment over 4096.
; CHECK-LABEL: define void @aligned_8192(
; CHECK-NEXT:    %p = call ptr @aligned_alloc(i64 8192, i64 8192)
define void @aligned_8192() {
  %p = call ptr @aligned_alloc(i64 8192, i64 8192)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 9 - positive: operator new / delete.
; CHECK-LABEL: define void @new_delete(
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @new_delete() {
  %p = call ptr @_Znwm(i64 24) builtin
  call void @look(ptr %p)
  call void @_ZdlPv(ptr %p) builtin
  ret void
}

; TEST 10 - positive: aligned operator new(32, align 128).
; CHECK-LABEL: define void @new_aligned(
; CHECK-NEXT:    [[S:%.*]] = alloca [128 x i8], align 128
define void @new_aligned() {
  %p = call ptr @_ZnwmSt11align_val_t(i64 32, i64 128) builtin
  call void @look(ptr %p)
  ret void
}

; TEST 11 - positive: malloc(0) still gets a (minimal) slot.
; CHECK-LABEL: define void @malloc_zero(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
define void @malloc_zero() {
  %p = call ptr @malloc(i64 0)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; REPORT:      <calloc_zeroed>: calloc(3, 20) does not escape
; REPORT:      <calloc_overflow>: calloc(4611686018427387904, 8) escapes to heap
; REPORT:      <malloc_not_zeroed>: malloc(33) does not escape
; REPORT:      <aligned_64>: aligned_alloc(64, 100) does not escape
; REPORT:      <aligned_8>: aligned_alloc(8, 16) does not escape
; REPORT:      <aligned_48>: aligned_alloc(48, 96) escapes to heap
; REPORT:      <aligned_variable>: aligned_alloc(..., 64) escapes to heap
; REPORT:      <aligned_8192>: aligned_alloc(8192, 8192) escapes to heap
; REPORT:      <new_delete>: operator new(24) does not escape
; REPORT:      <new_aligned>: operator new(32, 128) does not escape
; REPORT:      <malloc_zero>: malloc(0) does not escape

; WHY-LABEL: <calloc_overflow>: calloc(4611686018427387904, 8) escapes to heap:
; WHY-NEXT:  <calloc_overflow>:   non-constant size
; WHY-LABEL: <aligned_48>: aligned_alloc(48, 96) escapes to heap:
; WHY-NEXT:  <aligned_48>:   alignment 48 is not a power of two

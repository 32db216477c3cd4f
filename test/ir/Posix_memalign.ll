; posix_memalign(&p, a, n): the object's address goes into *memptr.  When
; it does not escape, the call becomes a store of the stack slot into
; *memptr and its result 0; a bad alignment (EINVAL at run time) or an
; escape keeps the call.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='posix_memalign('
; RUN: %opt -passes=escape -verify-each -disable-output %s

target triple = "x86_64-pc-linux-gnu"

declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
@g = global ptr null

; TEST 1 - positive: aligned to 64, read, freed.
; CHECK-LABEL: define i32 @local(
; CHECK-NEXT:    [[SLOT:%.*]] = alloca [256 x i8], align 64
; CHECK-NEXT:    %p = alloca ptr
; CHECK-NEXT:    store ptr [[SLOT]], ptr %p
; CHECK-NEXT:    %v = load ptr, ptr %p
; CHECK-NEXT:    call void @look(ptr %v)
; CHECK-NEXT:    ret i32 0
define i32 @local() {
  %p = alloca ptr
  %r = call i32 @posix_memalign(ptr %p, i64 64, i64 256)
  %v = load ptr, ptr %p
  call void @look(ptr %v)
  call void @free(ptr %v)
  ret i32 %r
}

; TEST 2 - negative: alignment 4 is below sizeof(void *): EINVAL.
; CHECK-LABEL: define i32 @small_align(
; CHECK: call i32 @posix_memalign(ptr %p, i64 4, i64 16)
define i32 @small_align() {
  %p = alloca ptr
  %r = call i32 @posix_memalign(ptr %p, i64 4, i64 16)
  ret i32 %r
}

; TEST 3 - negative: alignment not a constant.
; CHECK-LABEL: define i32 @var_align(
; CHECK: call i32 @posix_memalign(ptr %p, i64 %a, i64 16)
define i32 @var_align(i64 %a) {
  %p = alloca ptr
  %r = call i32 @posix_memalign(ptr %p, i64 %a, i64 16)
  %v = load ptr, ptr %p
  call void @look(ptr %v)
  call void @free(ptr %v)
  ret i32 %r
}

; TEST 4 - negative: the pointer is loaded back and stored to a global.
; CHECK-LABEL: define i32 @kept(
; CHECK: call i32 @posix_memalign(ptr %p, i64 32, i64 100)
define i32 @kept() {
  %p = alloca ptr
  %r = call i32 @posix_memalign(ptr %p, i64 32, i64 100)
  %v = load ptr, ptr %p
  store ptr %v, ptr @g
  ret i32 %r
}

; TEST 5 - negative: memptr is a parameter (the caller's memory).
; CHECK-LABEL: define i32 @into_param(
; CHECK: call i32 @posix_memalign(ptr %out, i64 16, i64 16)
define i32 @into_param(ptr %out) {
  %r = call i32 @posix_memalign(ptr %out, i64 16, i64 16)
  ret i32 %r
}

; REPORT: <local>: posix_memalign(..., 64, 256) does not escape
; REPORT: <small_align>: posix_memalign(..., 4, 16) escapes to heap
; REPORT: <var_align>: posix_memalign(..., ..., 16) escapes to heap
; REPORT: <kept>: posix_memalign(..., 32, 100) escapes to heap
; REPORT: <into_param>: posix_memalign(..., 16, 16) escapes to heap

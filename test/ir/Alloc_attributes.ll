; Allocators known only by their attributes: allockind "alloc" with
; "alloc-family"="malloc" is malloc (uninitialized), calloc (zeroed) or
; aligned_alloc (aligned, with allocalign); sizes come from allocsize.  Other
; families (a pool) and allocators with no size stay on the heap.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --match-full-lines
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare ptr @my_alloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare ptr @my_zalloc(i64, i64) allockind("alloc,zeroed") allocsize(0,1) "alloc-family"="malloc"
declare ptr @my_aligned(i64 allocalign, i64) allockind("alloc,uninitialized,aligned") allocsize(1) "alloc-family"="malloc"
declare ptr @my_nosize(i64) allockind("alloc,uninitialized") "alloc-family"="malloc"
declare ptr @pool_alloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="pool"
declare void @free(ptr allocptr) allockind("free") "alloc-family"="malloc"
declare void @pool_free(ptr allocptr) allockind("free") "alloc-family"="pool"

; TEST 1 - positive: uninitialized, 24 bytes.
; CHECK-LABEL: define i32 @uninit(
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; CHECK-NOT:     @my_alloc
; CHECK-NOT:     @free
; CHECK:         ret i32
define i32 @uninit(i32 %v) {
  %p = call ptr @my_alloc(i64 24)
  store i32 %v, ptr %p
  %r = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 2 - positive: zeroed, 4 x 8 bytes: the slot is cleared.
; CHECK-LABEL: define i32 @zeroed(
; CHECK-NEXT:    [[Z:%.*]] = alloca [32 x i8], align 16
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 [[Z]], i8 0, i64 32, i1 false)
; CHECK-NOT:     @my_zalloc
; CHECK:         ret i32
define i32 @zeroed() {
  %p = call ptr @my_zalloc(i64 4, i64 8)
  %r = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 3 - positive: aligned to 64.
; CHECK-LABEL: define i32 @aligned(
; CHECK-NEXT:    {{%.*}} = alloca [64 x i8], align 64
define i32 @aligned(i32 %v) {
  %p = call ptr @my_aligned(i64 64, i64 48)
  store i32 %v, ptr %p
  %r = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 4 - negative: no allocsize, so no size to give the slot.
; CHECK-LABEL: define i32 @nosize(
; CHECK-NEXT:    %p = call ptr @my_nosize(i64 16)
define i32 @nosize(i32 %v) {
  %p = call ptr @my_nosize(i64 16)
  store i32 %v, ptr %p
  %r = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 5 - negative: another family (a pool's objects are not free()d).
; CHECK-LABEL: define i32 @pool(
; CHECK-NEXT:    %p = call ptr @pool_alloc(i64 16)
; CHECK:         call void @pool_free(ptr %p)
define i32 @pool(i32 %v) {
  %p = call ptr @pool_alloc(i64 16)
  store i32 %v, ptr %p
  %r = load i32, ptr %p
  call void @pool_free(ptr %p)
  ret i32 %r
}

; TEST 6 - negative: the object is returned.
; CHECK-LABEL: define ptr @returned(
; CHECK-NEXT:    %p = call ptr @my_alloc(i64 16)
define ptr @returned() {
  %p = call ptr @my_alloc(i64 16)
  ret ptr %p
}

; REPORT:      <uninit>: my_alloc(24) does not escape
; REPORT-NEXT: <zeroed>: my_zalloc(4, 8) does not escape
; REPORT-NEXT: <aligned>: my_aligned(64, 48) does not escape
; REPORT-NEXT: <nosize>: my_nosize(16) escapes to heap:
; REPORT-NEXT: <nosize>:   non-constant size
; REPORT-NEXT: <pool>: pool_alloc(16) escapes to heap:
; REPORT-NEXT: <pool>:   pool_alloc is not moved to the stack
; REPORT-NEXT: <returned>: my_alloc(16) escapes to heap:

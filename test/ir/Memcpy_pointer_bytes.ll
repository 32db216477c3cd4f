; memcpy/memmove copy pointer bytes: copying an alloca that holds the
; object's address into a global makes the object escape; into a local
; alloca it does not.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memcpy.inline.p0.p0.i64(ptr, ptr, i64, i1)

@g = global [2 x ptr] zeroinitializer

; TEST 1 - negative: memcpy of a pointer-holding alloca into a global.
; CHECK-LABEL: define void @memcpy_to_global(
; CHECK:         %p = call ptr @malloc(i64 24)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr @g, ptr %box, i64 16, i1 false)
define void @memcpy_to_global() {
  %box = alloca [2 x ptr], align 8
  %p = call ptr @malloc(i64 24)
  store ptr %p, ptr %box
  call void @llvm.memcpy.p0.p0.i64(ptr @g, ptr %box, i64 16, i1 false)
  ret void
}

; TEST 2 - positive: the same memcpy into another local alloca.
; CHECK-LABEL: define void @memcpy_to_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; CHECK-NEXT:    %box = alloca [2 x ptr], align 8
; CHECK-NEXT:    %copy = alloca [2 x ptr], align 8
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr [[S]], ptr %box, align 8
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr %copy, ptr %box, i64 16, i1 false)
; CHECK-NEXT:    %q = load ptr, ptr %copy, align 8
; CHECK-NEXT:    call void @look(ptr %q)
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @memcpy_to_local() {
  %box = alloca [2 x ptr], align 8
  %copy = alloca [2 x ptr], align 8
  %p = call ptr @malloc(i64 24)
  store ptr %p, ptr %box
  call void @llvm.memcpy.p0.p0.i64(ptr %copy, ptr %box, i64 16, i1 false)
  %q = load ptr, ptr %copy
  call void @look(ptr %q)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - negative: memcpy into a local copy whose address then escapes.
; CHECK-LABEL: define ptr @memcpy_to_local_returned(
; CHECK:         %p = call ptr @malloc(i64 24)
define ptr @memcpy_to_local_returned() {
  %box = alloca [2 x ptr], align 8
  %copy = call ptr @malloc(i64 16)
  %p = call ptr @malloc(i64 24)
  store ptr %p, ptr %box
  call void @llvm.memcpy.p0.p0.i64(ptr %copy, ptr %box, i64 16, i1 false)
  ret ptr %copy
}

; TEST 4 - negative: memmove into memory behind a parameter.
; CHECK-LABEL: define void @memmove_to_param(
; CHECK:         %p = call ptr @malloc(i64 8)
define void @memmove_to_param(ptr %out) {
  %box = alloca ptr, align 8
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %box
  call void @llvm.memmove.p0.p0.i64(ptr %out, ptr %box, i64 8, i1 false)
  ret void
}

; TEST 5 - negative: memcpy.inline straight out of an object holding the
; address of another into a global: the inner object escapes, the outer
; (whose own address is not copied) does not.
; CHECK-LABEL: define void @memcpy_inline_object_to_global(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %inner = call ptr @malloc(i64 8)
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr %inner, ptr [[S]], align 8
; CHECK-NEXT:    call void @llvm.memcpy.inline.p0.p0.i64(ptr @g, ptr [[S]], i64 8, i1 false)
define void @memcpy_inline_object_to_global() {
  %inner = call ptr @malloc(i64 8)
  %outer = call ptr @malloc(i64 16)
  store ptr %inner, ptr %outer
  call void @llvm.memcpy.inline.p0.p0.i64(ptr @g, ptr %outer, i64 8, i1 false)
  call void @free(ptr %outer)
  ret void
}

; TEST 6 - positive: memcpy of plain bytes from a global into the object.
; CHECK-LABEL: define i8 @memcpy_bytes_in(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr [[S]], ptr @g, i64 16, i1 false)
define i8 @memcpy_bytes_in() {
  %p = call ptr @malloc(i64 16)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr @g, i64 16, i1 false)
  %v = load i8, ptr %p
  call void @free(ptr %p)
  ret i8 %v
}

; TEST 7 - negative: a pointer copied into the object from a global and
; used as a store address: what is stored there escapes.
; CHECK-LABEL: define void @memcpy_loaded_address(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %obj = call ptr @malloc(i64 4)
define void @memcpy_loaded_address() {
  %p = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 4)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr @g, i64 16, i1 false)
  %dst = load ptr, ptr %p
  store ptr %obj, ptr %dst
  ret void
}

; REPORT:      <memcpy_to_global>: malloc(24) escapes to heap
; REPORT:      <memcpy_to_local>: malloc(24) does not escape
; REPORT:      <memcpy_to_local_returned>: malloc(16) escapes to heap
; REPORT:      <memcpy_to_local_returned>: malloc(24) escapes to heap
; REPORT:      <memmove_to_param>: malloc(8) escapes to heap
; REPORT:      <memcpy_inline_object_to_global>: malloc(8) escapes to heap
; REPORT:      <memcpy_inline_object_to_global>: malloc(16) does not escape
; REPORT:      <memcpy_bytes_in>: malloc(16) does not escape
; REPORT:      <memcpy_loaded_address>: malloc(16) does not escape
; REPORT:      <memcpy_loaded_address>: malloc(4) escapes to heap

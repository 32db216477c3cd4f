; A returned address escapes however it is dressed: at an offset, inside a
; struct or vector, through a phi.  Returning something loaded from the
; object (not its address) does not.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; TEST 1 - negative: returned inside a struct.
; CHECK-LABEL: define { i64, ptr } @in_struct(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define { i64, ptr } @in_struct() {
  %p = call ptr @malloc(i64 16)
  %s = insertvalue { i64, ptr } { i64 1, ptr null }, ptr %p, 1
  ret { i64, ptr } %s
}

; TEST 2 - positive: a struct holding the address is built, but only an
; integer field of it is returned.  (The struct value is not memory: once the
; pointer field is dropped the address is gone.)
; BAD: the extractvalue of field 0 still counts as holding every operand's
; addresses, so this stays on the heap.
; FIXME: extractvalue could follow the field index.
; CHECK-LABEL: define i64 @struct_int_field(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define i64 @struct_int_field(i64 %n) {
  %p = call ptr @malloc(i64 16)
  %s0 = insertvalue { i64, ptr } undef, i64 %n, 0
  %s = insertvalue { i64, ptr } %s0, ptr %p, 1
  %f = extractvalue { i64, ptr } %s, 0
  call void @free(ptr %p)
  ret i64 %f
}

; TEST 3 - negative: returned at an offset.
; CHECK-LABEL: define ptr @at_offset(
; CHECK-NEXT:    %p = call ptr @malloc(i64 32)
define ptr @at_offset() {
  %p = call ptr @malloc(i64 32)
  %q = getelementptr inbounds i8, ptr %p, i64 24
  ret ptr %q
}

; TEST 4 - negative: returned at a negative, variable offset.
; CHECK-LABEL: define ptr @at_variable_offset(
; CHECK-NEXT:    %p = call ptr @malloc(i64 32)
define ptr @at_variable_offset(i64 %k) {
  %p = call ptr @malloc(i64 32)
  %n = sub i64 0, %k
  %q = getelementptr i8, ptr %p, i64 %n
  ret ptr %q
}

; TEST 5 - negative: returned inside a vector.
; CHECK-LABEL: define <2 x ptr> @in_vector(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define <2 x ptr> @in_vector() {
  %p = call ptr @malloc(i64 16)
  %v = insertelement <2 x ptr> zeroinitializer, ptr %p, i32 0
  ret <2 x ptr> %v
}

; TEST 6 - negative: returned on one path only, through a phi.
; CHECK-LABEL: define ptr @one_path(
; CHECK:         %p = call ptr @malloc(i64 8)
define ptr @one_path(i1 %c) {
entry:
  %p = call ptr @malloc(i64 8)
  br i1 %c, label %ret, label %drop
drop:
  call void @free(ptr %p)
  br label %ret
ret:
  %r = phi ptr [ %p, %entry ], [ null, %drop ]
  ret ptr %r
}

; TEST 7 - positive: the value loaded from the object is returned, not its
; address.
; CHECK-LABEL: define ptr @contents_returned(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr %q, ptr [[S]], align 8
; CHECK-NEXT:    %v = load ptr, ptr [[S]], align 8
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret ptr %v
define ptr @contents_returned(ptr %q) {
  %p = call ptr @malloc(i64 16)
  store ptr %q, ptr %p
  %v = load ptr, ptr %p
  call void @free(ptr %p)
  ret ptr %v
}

; REPORT:      <in_struct>: malloc(16) escapes to heap
; REPORT:      <struct_int_field>: malloc(16) escapes to heap
; REPORT:      <at_offset>: malloc(32) escapes to heap
; REPORT:      <at_variable_offset>: malloc(32) escapes to heap
; REPORT:      <in_vector>: malloc(16) escapes to heap
; REPORT:      <one_path>: malloc(8) escapes to heap
; REPORT:      <contents_returned>: malloc(16) does not escape

; WHY:      <in_struct>: malloc(16) escapes to heap:
; WHY-NEXT: <in_struct>:   flow: {heap} = a temporary:
; WHY-NEXT: <in_struct>:     from a temporary (returned) at <in_struct>

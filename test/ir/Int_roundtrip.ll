; Integers carry addresses: ptrtoint, arithmetic, inttoptr.  An address that
; is only compared does not escape; one stored anywhere non-local does,
; whatever its type.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)

@g = global ptr null
@gi = global i64 0
@gf = global double 0.0

; TEST 1 - positive: the address as an integer is only compared.
; CHECK-LABEL: define i1 @compared(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    %i = ptrtoint ptr [[S]] to i64
; CHECK-NEXT:    %m = and i64 %i, 15
; CHECK-NEXT:    %c = icmp eq i64 %m, 0
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret i1 %c
define i1 @compared() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %m = and i64 %i, 15
  %c = icmp eq i64 %m, 0
  call void @free(ptr %p)
  ret i1 %c
}

; TEST 2 - negative: the integer round trip ends in a store to a global.
; CHECK-LABEL: define void @roundtrip_to_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %i = ptrtoint ptr %p to i64
define void @roundtrip_to_global() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = add i64 %i, 8
  %q = inttoptr i64 %j to ptr
  store ptr %q, ptr @g
  ret void
}

; TEST 3 - negative: the integer itself is stored to a global.
; CHECK-LABEL: define void @int_to_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @int_to_global() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %x = xor i64 %i, 12345
  store i64 %x, ptr @gi
  ret void
}

; TEST 4 - negative: laundered through a double.
; CHECK-LABEL: define void @float_to_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @float_to_global() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %d = bitcast i64 %i to double
  store double %d, ptr @gf
  ret void
}

; TEST 5 - positive: a round trip that stays local and is used to access
; the object.
; CHECK-LABEL: define i32 @roundtrip_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    %i = ptrtoint ptr [[S]] to i64
; CHECK-NEXT:    %j = add i64 %i, 4
; CHECK-NEXT:    %q = inttoptr i64 %j to ptr
; CHECK-NEXT:    store i32 7, ptr %q, align 4
define i32 @roundtrip_local() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = add i64 %i, 4
  %q = inttoptr i64 %j to ptr
  store i32 7, ptr %q
  %v = load i32, ptr %q
  call void @free(ptr %p)
  ret i32 %v
}

; TEST 6 - negative: the integer is returned.
; CHECK-LABEL: define i64 @int_returned(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define i64 @int_returned() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

; TEST 7 - negative: the integer stored into a local, loaded back,
; converted, stored to a global.
; CHECK-LABEL: define void @int_through_local_memory(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @int_through_local_memory() {
  %slot = alloca i64
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %slot
  %k = load i64, ptr %slot
  %q = inttoptr i64 %k to ptr
  store ptr %q, ptr @g
  ret void
}

; TEST 8 - negative: the address packed in a vector, stored to a global.
; CHECK-LABEL: define void @vector_to_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
@gv = global <2 x ptr> zeroinitializer
define void @vector_to_global() {
  %p = call ptr @malloc(i64 16)
  %v = insertelement <2 x ptr> zeroinitializer, ptr %p, i32 1
  store <2 x ptr> %v, ptr @gv
  ret void
}

; REPORT:      <compared>: malloc(16) does not escape
; REPORT:      <roundtrip_to_global>: malloc(16) escapes to heap
; REPORT:      <int_to_global>: malloc(16) escapes to heap
; REPORT:      <float_to_global>: malloc(16) escapes to heap
; REPORT:      <roundtrip_local>: malloc(16) does not escape
; REPORT:      <int_returned>: malloc(16) escapes to heap
; REPORT:      <int_through_local_memory>: malloc(16) escapes to heap
; REPORT:      <vector_to_global>: malloc(16) escapes to heap

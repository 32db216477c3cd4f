; Address flow through GEPs, casts, phis and selects: derived pointers are the
; object, so a use of any of them is a use of the object.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr) nofree nounwind
declare void @keep_as(ptr addrspace(1)) nofree nounwind

; TEST 1 - positive: a GEP into the object, read by a nocapture callee.
; CHECK-LABEL: define i32 @gep_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    [[F:%.*]] = getelementptr inbounds i8, ptr [[S]], i64 8
; CHECK-NEXT:    store i32 1, ptr [[F]], align 4
; CHECK-NEXT:    call void @look(ptr [[F]])
; CHECK-NEXT:    [[V:%.*]] = load i32, ptr [[F]], align 4
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret i32 [[V]]
define i32 @gep_local() {
  %p = call ptr @malloc(i64 32)
  %f = getelementptr inbounds i8, ptr %p, i64 8
  store i32 1, ptr %f
  call void @look(ptr %f)
  %v = load i32, ptr %f
  call void @free(ptr %p)
  ret i32 %v
}

; TEST 2 - negative: a GEP into the object is captured.
; CHECK-LABEL: define void @gep_captured(
; CHECK-NEXT:    [[P:%.*]] = call ptr @malloc(i64 32)
; CHECK-NOT:     alloca
; CHECK:         call void @keep(
; CHECK-NEXT:    call void @free(ptr [[P]])
define void @gep_captured() {
  %p = call ptr @malloc(i64 32)
  %f = getelementptr inbounds [4 x i64], ptr %p, i64 0, i64 3
  call void @keep(ptr %f)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - positive: an address-space cast of the object, freed through a
; zero GEP (still the object's own pointer: lifetime markers kept).
; CHECK-LABEL: define void @cast_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [48 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 48, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    [[Z:%.*]] = getelementptr i8, ptr [[S]], i64 0
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 48, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @cast_local() {
  %p = call ptr @malloc(i64 40)
  %z = getelementptr i8, ptr %p, i64 0
  call void @free(ptr %z)
  ret void
}

; TEST 4 - negative: the object, cast to another address space, is captured.
; CHECK-LABEL: define void @cast_captured(
; CHECK-NEXT:    [[P:%.*]] = call ptr @malloc(i64 40)
; CHECK-NEXT:    [[A:%.*]] = addrspacecast ptr [[P]] to ptr addrspace(1)
; CHECK-NEXT:    call void @keep_as(ptr addrspace(1) [[A]])
define void @cast_captured() {
  %p = call ptr @malloc(i64 40)
  %a = addrspacecast ptr %p to ptr addrspace(1)
  call void @keep_as(ptr addrspace(1) %a)
  ret void
}

; TEST 5 - positive: a phi merging the object with a parameter, only read.
; CHECK-LABEL: define void @phi_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    br i1 %c, label %a, label %j
; CHECK:       a:
; CHECK-NEXT:    br label %j
; CHECK:       j:
; CHECK-NEXT:    [[M:%.*]] = phi ptr [ [[S]], %a ], [ %q, %entry ]
; CHECK-NEXT:    call void @look(ptr [[M]])
; CHECK-NEXT:    ret void
define void @phi_local(i1 %c, ptr %q) {
entry:
  br i1 %c, label %a, label %j
a:
  %p = call ptr @malloc(i64 16)
  br label %j
j:
  %m = phi ptr [ %p, %a ], [ %q, %entry ]
  call void @look(ptr %m)
  ret void
}

; TEST 6 - negative: the same phi is captured.
; CHECK-LABEL: define void @phi_captured(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK:         [[M:%.*]] = phi ptr [ %p, %a ], [ %q, %entry ]
; CHECK-NEXT:    call void @keep(ptr [[M]])
define void @phi_captured(i1 %c, ptr %q) {
entry:
  br i1 %c, label %a, label %j
a:
  %p = call ptr @malloc(i64 16)
  br label %j
j:
  %m = phi ptr [ %p, %a ], [ %q, %entry ]
  call void @keep(ptr %m)
  ret void
}

; TEST 7 - positive: a select between two objects (on a compare), only read;
; both move.  The free goes, but without lifetime markers: neither object is
; freed by its own pointer alone.
; CHECK-LABEL: define void @select_local(
; CHECK-NEXT:    [[B:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    [[A:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    [[C:%.*]] = icmp eq i32 %x, 0
; CHECK-NEXT:    [[S:%.*]] = select i1 [[C]], ptr [[A]], ptr [[B]]
; CHECK-NEXT:    call void @look(ptr [[S]])
; CHECK-NEXT:    ret void
define void @select_local(i32 %x) {
  %a = call ptr @malloc(i64 8)
  %b = call ptr @malloc(i64 16)
  %c = icmp eq i32 %x, 0
  %s = select i1 %c, ptr %a, ptr %b
  call void @look(ptr %s)
  call void @free(ptr %s)
  ret void
}

; TEST 7b - positive: the same select on an i1 parameter (the condition of
; a select carries no address).
; CHECK-LABEL: define void @select_on_param(
; CHECK-NEXT:    %b.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    %a.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    %s = select i1 %c, ptr %a.stack, ptr %b.stack
; CHECK-NEXT:    call void @look(ptr %s)
; CHECK-NEXT:    ret void
define void @select_on_param(i1 %c) {
  %a = call ptr @malloc(i64 8)
  %b = call ptr @malloc(i64 16)
  %s = select i1 %c, ptr %a, ptr %b
  call void @look(ptr %s)
  call void @free(ptr %s)
  ret void
}

; TEST 8 - negative: a select between two objects, captured: both stay.
; CHECK-LABEL: define void @select_captured(
; CHECK-NEXT:    %a = call ptr @malloc(i64 8)
; CHECK-NEXT:    %b = call ptr @malloc(i64 16)
; CHECK-NEXT:    [[S:%.*]] = select i1 %c, ptr %a, ptr %b
; CHECK-NEXT:    call void @keep(ptr [[S]])
define void @select_captured(i1 %c) {
  %a = call ptr @malloc(i64 8)
  %b = call ptr @malloc(i64 16)
  %s = select i1 %c, ptr %a, ptr %b
  call void @keep(ptr %s)
  ret void
}

; TEST 9 - negative: the escape happens through a chain of derived pointers
; several steps away (gep of a select of a phi).
; CHECK-LABEL: define void @chain_captured(
; CHECK:         %p = call ptr @malloc(i64 64)
define void @chain_captured(i1 %c, ptr %q) {
entry:
  %p = call ptr @malloc(i64 64)
  br i1 %c, label %a, label %j
a:
  br label %j
j:
  %m = phi ptr [ %p, %a ], [ %q, %entry ]
  %s = select i1 %c, ptr %m, ptr null
  %g = getelementptr i8, ptr %s, i64 4
  call void @keep(ptr %g)
  ret void
}

; REPORT:      <gep_local>: malloc(32) does not escape
; REPORT:      <gep_captured>: malloc(32) escapes to heap
; REPORT:      <cast_local>: malloc(40) does not escape
; REPORT:      <cast_captured>: malloc(40) escapes to heap
; REPORT:      <phi_local>: malloc(16) does not escape
; REPORT:      <phi_captured>: malloc(16) escapes to heap
; REPORT:      <select_local>: malloc(8) does not escape
; REPORT:      <select_local>: malloc(16) does not escape
; REPORT:      <select_on_param>: malloc(8) does not escape
; REPORT:      <select_on_param>: malloc(16) does not escape
; REPORT:      <select_captured>: malloc(8) escapes to heap
; REPORT:      <select_captured>: malloc(16) escapes to heap
; REPORT:      <chain_captured>: malloc(64) escapes to heap

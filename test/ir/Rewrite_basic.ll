; The basic rewrite: malloc -> entry-block alloca (align 16), free -> lifetime end.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT
; RUN: %opt -passes=escape -escape-rewrite=false -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @read(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr) nofree nounwind
declare void @maybe_free(ptr nocapture) nounwind

; TEST 1 - positive: used by a nocapture nofree callee, then freed.
; CHECK-LABEL: define void @local(
; CHECK-NEXT:    [[SLOT:%.*]] = alloca [64 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 64, ptr [[SLOT]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[SLOT]])
; CHECK-NEXT:    call void @read(ptr [[SLOT]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 64, ptr [[SLOT]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[SLOT]])
; CHECK-NEXT:    ret void
; OFF-LABEL: define void @local(
; OFF: call ptr @malloc(i64 64)
; OFF: call void @free(
define void @local() {
  %p = call ptr @malloc(i64 64)
  call void @read(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: the callee may capture it.
; CHECK-LABEL: define void @captured(
; CHECK: call ptr @malloc(i64 32)
; CHECK: call void @free(
define void @captured() {
  %p = call ptr @malloc(i64 32)
  call void @keep(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - negative: nocapture, but the callee may free it.
; CHECK-LABEL: define void @freed_by_callee(
; CHECK: call ptr @malloc(i64 16)
define void @freed_by_callee() {
  %p = call ptr @malloc(i64 16)
  call void @maybe_free(ptr %p)
  ret void
}

; TEST 4 - positive: never freed (a leak), still frame-local; no lifetime
; markers because no free ends its life.
; CHECK-LABEL: define i8 @leak(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NOT:     lifetime
; CHECK:         store i8 7, ptr [[S]]
define i8 @leak() {
  %p = call ptr @malloc(i64 5)
  store i8 7, ptr %p
  call void @read(ptr %p)
  %v = load i8, ptr %p
  ret i8 %v
}

; TEST 5 - negative: returned.
; CHECK-LABEL: define ptr @returned(
; CHECK: call ptr @malloc(i64 8)
define ptr @returned() {
  %p = call ptr @malloc(i64 8)
  ret ptr %p
}

; REPORT: <local>: malloc(64) does not escape
; REPORT-NEXT: <captured>: malloc(32) escapes to heap
; REPORT-NEXT: <freed_by_callee>: malloc(16) escapes to heap
; REPORT-NEXT: <leak>: malloc(5) does not escape
; REPORT-NEXT: <returned>: malloc(8) escapes to heap

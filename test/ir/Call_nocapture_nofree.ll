; A callee may keep the pointer unless the parameter is `nocapture`, and may
; free it unless it is `nofree` (on the parameter or the function) or only
; reads memory.  Both are needed to move the object.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @nocap(ptr nocapture) nounwind
declare void @nocap_fn_nofree(ptr nocapture) nofree nounwind
declare void @nocap_param_nofree(ptr nocapture nofree) nounwind
declare void @nocap_readonly_fn(ptr nocapture) nounwind memory(read)
declare void @nofree_only(ptr) nofree nounwind
declare void @two(ptr nocapture nofree, ptr nocapture) nounwind

; TEST 1 - negative: nocapture, but no nofree: the callee may free it.
; CHECK-LABEL: define void @nocapture_may_free(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @nocap(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
define void @nocapture_may_free() {
  %p = call ptr @malloc(i64 16)
  call void @nocap(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - positive: nocapture, and nofree on the function.
; CHECK-LABEL: define void @nocapture_fn_nofree(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @nocap_fn_nofree(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @nocapture_fn_nofree() {
  %p = call ptr @malloc(i64 16)
  call void @nocap_fn_nofree(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - positive: nocapture and nofree on the parameter.
; CHECK-LABEL: define void @nocapture_param_nofree(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @nocap_param_nofree(ptr [[S]])
define void @nocapture_param_nofree() {
  %p = call ptr @malloc(i64 16)
  call void @nocap_param_nofree(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - positive: nocapture, and the callee only reads memory (so it
; cannot free).
; CHECK-LABEL: define void @nocapture_readonly_fn(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @nocap_readonly_fn(ptr [[S]])
define void @nocapture_readonly_fn() {
  %p = call ptr @malloc(i64 16)
  call void @nocap_readonly_fn(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - positive: the attributes at the call site count as well as the
; declaration's.
; CHECK-LABEL: define void @callsite_attributes(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @nocap(ptr nofree [[S]])
define void @callsite_attributes() {
  %p = call ptr @malloc(i64 16)
  call void @nocap(ptr nofree %p)
  call void @free(ptr %p)
  ret void
}

; TEST 6 - negative: nofree without nocapture.
; CHECK-LABEL: define void @nofree_captures(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @nofree_captures() {
  %p = call ptr @malloc(i64 16)
  call void @nofree_only(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 7 - negative: the object passed twice, once through a parameter that
; may be freed.
; CHECK-LABEL: define void @aliased_args(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @aliased_args() {
  %p = call ptr @malloc(i64 16)
  call void @two(ptr %p, ptr %p)
  ret void
}

; TEST 8 - positive: the same callee; the parameter that may be freed gets
; something else.
; CHECK-LABEL: define void @other_arg_may_free(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @two(ptr [[S]], ptr %q)
define void @other_arg_may_free(ptr %q) {
  %p = call ptr @malloc(i64 16)
  call void @two(ptr %p, ptr %q)
  ret void
}

; TEST 9 - negative: nocapture and nofree, but the may-free callee receives
; a GEP into the object.
; CHECK-LABEL: define void @derived_may_free(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @derived_may_free() {
  %p = call ptr @malloc(i64 16)
  %g = getelementptr i8, ptr %p, i64 8
  call void @nocap_fn_nofree(ptr %p)
  call void @nocap(ptr %g)
  ret void
}

; REPORT:      <nocapture_may_free>: malloc(16) escapes to heap
; REPORT:      <nocapture_fn_nofree>: malloc(16) does not escape
; REPORT:      <nocapture_param_nofree>: malloc(16) does not escape
; REPORT:      <nocapture_readonly_fn>: malloc(16) does not escape
; REPORT:      <callsite_attributes>: malloc(16) does not escape
; REPORT:      <nofree_captures>: malloc(16) escapes to heap
; REPORT:      <aliased_args>: malloc(16) escapes to heap
; REPORT:      <other_arg_may_free>: malloc(16) does not escape
; REPORT:      <derived_may_free>: malloc(16) escapes to heap

; WHY:      <nocapture_may_free>: malloc(16) escapes to heap:
; WHY-NEXT: <nocapture_may_free>:   passed to nocap, which may free it, at <nocapture_may_free>
; WHY:      <nofree_captures>: malloc(16) escapes to heap:
; WHY-NEXT: <nofree_captures>:   flow: {heap} = malloc(...):
; WHY-NEXT: <nofree_captures>:     from malloc(...) (passed to parameter 0 of nofree_only, which may keep it) at <nofree_captures>

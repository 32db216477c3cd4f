; Calls the analysis cannot see into: inline assembly, indirect calls, and
; operand bundles.  Any of them receiving the address makes it escape,
; whatever the attributes say about ordinary arguments.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @nothing() nofree nounwind

; TEST 1 - negative: passed to inline assembly.
; CHECK-LABEL: define void @to_asm(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void asm sideeffect "", "r,~{memory}"(ptr %p)
define void @to_asm() {
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r,~{memory}"(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: inline assembly, even with nocapture at the call site.
; CHECK-LABEL: define void @to_asm_nocapture(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @to_asm_nocapture() {
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r"(ptr nocapture %p) nofree
  call void @free(ptr %p)
  ret void
}

; TEST 3 - positive: inline assembly that does not receive the address.
; CHECK-LABEL: define void @asm_unrelated(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void asm sideeffect "nop", ""()
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @asm_unrelated() {
  %p = call ptr @malloc(i64 16)
  call void asm sideeffect "nop", ""()
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative: passed to an indirect call.
; CHECK-LABEL: define void @to_indirect(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void %fp(ptr %p)
define void @to_indirect(ptr %fp) {
  %p = call ptr @malloc(i64 16)
  call void %fp(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - positive: an indirect call whose call site promises nocapture
; and nofree: LLVM's attributes hold for whatever callee it is.
; CHECK-LABEL: define void @to_indirect_nocapture_nofree(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; IR-NEXT:    call void %fp(ptr nocapture readonly [[S]]) #{{[0-9]+}}
; IR22-NEXT:  call void %fp(ptr readonly captures(none) [[S]]) #{{[0-9]+}}
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @to_indirect_nocapture_nofree(ptr %fp) {
  %p = call ptr @malloc(i64 16)
  call void %fp(ptr nocapture readonly %p) nofree
  call void @free(ptr %p)
  ret void
}

; TEST 6 - negative: the object is the callee (a call into the buffer).
; CHECK-LABEL: define void @called(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void %p()
define void @called() {
  %p = call ptr @malloc(i64 16)
  call void %p()
  ret void
}

; TEST 7 - negative: the address in an operand bundle.
; CHECK-LABEL: define void @in_bundle(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @nothing() [ "deopt"(ptr %p) ]
define void @in_bundle() {
  %p = call ptr @malloc(i64 16)
  call void @nothing() [ "deopt"(ptr %p) ]
  call void @free(ptr %p)
  ret void
}

; TEST 8 - positive: a call with an operand bundle that does not hold the
; address.
; CHECK-LABEL: define void @unrelated_bundle(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    call void @nothing() [ "deopt"(i32 7) ]
define void @unrelated_bundle() {
  %p = call ptr @malloc(i64 16)
  call void @nothing() [ "deopt"(i32 7) ]
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 9 - negative: a callee loaded from the object itself... is only a
; load, but the function pointer stored there is a parameter's: calling it
; with the object makes the object escape.
; CHECK-LABEL: define void @callee_from_object(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @callee_from_object(ptr %fp) {
  %p = call ptr @malloc(i64 16)
  store ptr %fp, ptr %p
  %f = load ptr, ptr %p
  call void %f(ptr %p)
  ret void
}

; REPORT:      <to_asm>: malloc(16) escapes to heap
; REPORT:      <to_asm_nocapture>: malloc(16) escapes to heap
; REPORT:      <asm_unrelated>: malloc(16) does not escape
; REPORT:      <to_indirect>: malloc(16) escapes to heap
; REPORT:      <to_indirect_nocapture_nofree>: malloc(16) does not escape
; REPORT:      <called>: malloc(16) escapes to heap
; REPORT:      <in_bundle>: malloc(16) escapes to heap
; REPORT:      <unrelated_bundle>: malloc(16) does not escape
; REPORT:      <callee_from_object>: malloc(16) escapes to heap

; WHY-LABEL: <to_asm>: malloc(16) escapes to heap:
; WHY-NEXT:  <to_asm>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <to_asm>:     from malloc(...) (passed to inline assembly) at <to_asm>
; WHY-LABEL: <to_indirect>: malloc(16) escapes to heap:
; WHY-NEXT:  <to_indirect>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <to_indirect>:     from malloc(...) (passed to an indirect call) at <to_indirect>

; Atomic stores, cmpxchg and atomicrmw write the object's address like a
; store: into a global it escapes, into a local alloca it does not.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

@g = global ptr null
@gi = global i64 0

; TEST 1 - negative: atomic store into a global.
; CHECK-LABEL: define void @atomic_store_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store atomic ptr %p, ptr @g seq_cst, align 8
define void @atomic_store_global() {
  %p = call ptr @malloc(i64 16)
  store atomic ptr %p, ptr @g seq_cst, align 8
  ret void
}

; TEST 2 - positive: atomic store into a local alloca.
; CHECK-LABEL: define void @atomic_store_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store atomic ptr [[S]], ptr %slot release, align 8
; CHECK-NEXT:    %v = load atomic ptr, ptr %slot acquire, align 8
; CHECK-NEXT:    call void @look(ptr %v)
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
define void @atomic_store_local() {
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store atomic ptr %p, ptr %slot release, align 8
  %v = load atomic ptr, ptr %slot acquire, align 8
  call void @look(ptr %v)
  call void @free(ptr %p)
  ret void
}

; TEST 3 - negative: cmpxchg of the object's address into a global.
; CHECK-LABEL: define i1 @cmpxchg_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %r = cmpxchg ptr @g, ptr null, ptr %p seq_cst seq_cst
define i1 @cmpxchg_global() {
  %p = call ptr @malloc(i64 16)
  %r = cmpxchg ptr @g, ptr null, ptr %p seq_cst seq_cst
  %ok = extractvalue { ptr, i1 } %r, 1
  ret i1 %ok
}

; TEST 4 - positive: cmpxchg into a local alloca; the success flag only
; decides a branch.
; CHECK-LABEL: define void @cmpxchg_local(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; CHECK-NEXT:    store ptr null, ptr %slot, align 8
; CHECK-NEXT:    %r = cmpxchg ptr %slot, ptr null, ptr [[S]] seq_cst seq_cst
; CHECK-NOT:     @malloc
define void @cmpxchg_local() {
entry:
  %slot = alloca ptr, align 8
  store ptr null, ptr %slot
  %p = call ptr @malloc(i64 16)
  %r = cmpxchg ptr %slot, ptr null, ptr %p seq_cst seq_cst
  %ok = extractvalue { ptr, i1 } %r, 1
  br i1 %ok, label %yes, label %no
yes:
  call void @look(ptr %p)
  ret void
no:
  ret void
}

; TEST 4b - the same, but the success flag is returned.  BAD: the i1 is
; extracted from the cmpxchg's result, which may hold the address, so
; returning it counts as returning the object.
; FIXME: a cmpxchg's success flag carries no address.
; CHECK-LABEL: define i1 @cmpxchg_local_flag_returned(
; CHECK:         %p = call ptr @malloc(i64 16)
define i1 @cmpxchg_local_flag_returned() {
  %slot = alloca ptr, align 8
  store ptr null, ptr %slot
  %p = call ptr @malloc(i64 16)
  %r = cmpxchg ptr %slot, ptr null, ptr %p seq_cst seq_cst
  %ok = extractvalue { ptr, i1 } %r, 1
  ret i1 %ok
}

; TEST 5 - negative: the object's address sits in a local slot; the old
; value a cmpxchg loads from the slot is returned: it is the object.
; CHECK-LABEL: define ptr @cmpxchg_local_returned(
; CHECK:         %p = call ptr @malloc(i64 16)
define ptr @cmpxchg_local_returned() {
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %r = cmpxchg ptr %slot, ptr null, ptr null seq_cst seq_cst
  %old = extractvalue { ptr, i1 } %r, 0
  ret ptr %old
}

; TEST 6 - negative: atomicrmw xchg of the address into a global.
; CHECK-LABEL: define void @xchg_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    %old = atomicrmw xchg ptr @g, ptr %p seq_cst
define void @xchg_global() {
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr @g, ptr %p seq_cst
  ret void
}

; TEST 7 - positive: atomicrmw xchg into a local alloca.
; CHECK-LABEL: define void @xchg_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    %old = atomicrmw xchg ptr %slot, ptr [[S]] seq_cst
define void @xchg_local() {
  %slot = alloca ptr, align 8
  %p = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr %slot, ptr %p seq_cst
  call void @free(ptr %p)
  ret void
}

; TEST 8 - negative: the address as an integer, added atomically to a global.
; CHECK-LABEL: define void @rmw_add_int_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @rmw_add_int_global() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %old = atomicrmw add ptr @gi, i64 %i monotonic
  ret void
}

; TEST 9 - positive: the same integer, added atomically to a local.
; CHECK-LABEL: define void @rmw_add_int_local(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca i64, align 8
define void @rmw_add_int_local() {
  %slot = alloca i64, align 8
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %old = atomicrmw add ptr %slot, i64 %i monotonic
  call void @free(ptr %p)
  ret void
}

; REPORT:      <atomic_store_global>: malloc(16) escapes to heap
; REPORT:      <atomic_store_local>: malloc(16) does not escape
; REPORT:      <cmpxchg_global>: malloc(16) escapes to heap
; REPORT:      <cmpxchg_local>: malloc(16) does not escape
; REPORT:      <cmpxchg_local_flag_returned>: malloc(16) escapes to heap
; REPORT:      <cmpxchg_local_returned>: malloc(16) escapes to heap
; REPORT:      <xchg_global>: malloc(16) escapes to heap
; REPORT:      <xchg_local>: malloc(16) does not escape
; REPORT:      <rmw_add_int_global>: malloc(16) escapes to heap
; REPORT:      <rmw_add_int_local>: malloc(16) does not escape

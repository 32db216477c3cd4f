; Stores of an object's address: into memory that stays frame-local (an
; alloca, another object that moves to the stack) it does not escape; into
; anything that may outlive the frame it does.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @keep(ptr) nofree nounwind

@g = global ptr null

; TEST 1 - positive: stored into a local alloca that stays local, loaded
; back and read.
; CHECK-LABEL: define void @into_alloca(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr [[S]], ptr %slot, align 8
; CHECK-NEXT:    %back = load ptr, ptr %slot, align 8
; CHECK-NEXT:    call void @look(ptr %back)
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @into_alloca() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %back = load ptr, ptr %slot
  call void @look(ptr %back)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: stored into an alloca whose address a callee captures.
; CHECK-LABEL: define void @into_captured_alloca(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr %slot
; CHECK-NEXT:    call void @keep(ptr %slot)
define void @into_captured_alloca() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  call void @keep(ptr %slot)
  ret void
}

; TEST 3 - negative: stored into an alloca that is itself read by a callee:
; the callee may load the object's address from it and keep it (the
; parameter is nocapture, its contents are not).
; CHECK-LABEL: define void @into_alloca_read_by_callee(
; CHECK:         %p = call ptr @malloc(i64 16)
declare void @read_only_nocapture(ptr nocapture) nofree nounwind memory(argmem: read)
define void @into_alloca_read_by_callee() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  call void @read_only_nocapture(ptr %slot)
  ret void
}

; TEST 4 - positive: stored into another object that moves to the stack;
; both move.
; CHECK-LABEL: define void @into_local_object(
; CHECK-NEXT:    [[SI:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    [[SO:%.*]] = alloca [32 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[SO]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[SO]])
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[SI]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[SI]])
; CHECK-NEXT:    [[F:%.*]] = getelementptr i8, ptr [[SO]], i64 8
; CHECK-NEXT:    store ptr [[SI]], ptr [[F]], align 8
; CHECK-NEXT:    [[L:%.*]] = load ptr, ptr [[F]], align 8
; CHECK-NEXT:    store i8 1, ptr [[L]], align 1
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[SI]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[SI]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[SO]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[SO]])
; CHECK-NEXT:    ret void
define void @into_local_object() {
  %outer = call ptr @malloc(i64 32)
  %inner = call ptr @malloc(i64 16)
  %f = getelementptr i8, ptr %outer, i64 8
  store ptr %inner, ptr %f
  %l = load ptr, ptr %f
  store i8 1, ptr %l
  call void @free(ptr %inner)
  call void @free(ptr %outer)
  ret void
}

; TEST 5 - negative: stored into another object that escapes (returned):
; both stay.
; CHECK-LABEL: define ptr @into_escaping_object(
; CHECK-NEXT:    %outer = call ptr @malloc(i64 32)
; CHECK-NEXT:    %inner = call ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %inner, ptr %outer
; CHECK-NEXT:    ret ptr %outer
define ptr @into_escaping_object() {
  %outer = call ptr @malloc(i64 32)
  %inner = call ptr @malloc(i64 16)
  store ptr %inner, ptr %outer
  ret ptr %outer
}

; TEST 6 - negative: the outer object escapes only later, after the store,
; and through a chain (stored into a global).
; CHECK-LABEL: define void @into_object_stored_to_global(
; CHECK-NEXT:    %outer = call ptr @malloc(i64 32)
; CHECK-NEXT:    %inner = call ptr @malloc(i64 16)
define void @into_object_stored_to_global() {
  %outer = call ptr @malloc(i64 32)
  %inner = call ptr @malloc(i64 16)
  store ptr %inner, ptr %outer
  store ptr %outer, ptr @g
  ret void
}

; TEST 7 - negative: stored to a global.
; CHECK-LABEL: define void @to_global(
; CHECK-NEXT:    %p = call ptr @malloc(i64 8)
; CHECK-NEXT:    store ptr %p, ptr @g
define void @to_global() {
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr @g
  ret void
}

; TEST 8 - negative: stored at an offset into a global (constant GEP).
; CHECK-LABEL: define void @to_global_field(
; CHECK-NEXT:    %p = call ptr @malloc(i64 8)
@gs = global { i64, ptr } zeroinitializer
define void @to_global_field() {
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr getelementptr inbounds ({ i64, ptr }, ptr @gs, i32 0, i32 1)
  ret void
}

; TEST 9 - negative: stored through a parameter.
; CHECK-LABEL: define void @through_param(
; CHECK-NEXT:    %p = call ptr @malloc(i64 8)
; CHECK-NEXT:    store ptr %p, ptr %out
define void @through_param(ptr %out) {
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %out
  ret void
}

; TEST 10 - negative: stored through a pointer loaded from a parameter.
; CHECK-LABEL: define void @through_loaded_param(
; CHECK-NEXT:    %p = call ptr @malloc(i64 8)
define void @through_loaded_param(ptr %pp) {
  %p = call ptr @malloc(i64 8)
  %out = load ptr, ptr %pp
  store ptr %p, ptr %out
  ret void
}

; TEST 11 - negative: a volatile store, even into a local alloca.
; CHECK-LABEL: define void @volatile_store(
; CHECK:         %p = call ptr @malloc(i64 8)
; CHECK-NEXT:    store volatile ptr %p, ptr %slot
define void @volatile_store() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 8)
  store volatile ptr %p, ptr %slot
  call void @free(ptr %p)
  ret void
}

; TEST 12 - positive: the same store, not volatile.
; CHECK-LABEL: define void @plain_store(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr [[S]], ptr %slot
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret void
define void @plain_store() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %slot
  call void @free(ptr %p)
  ret void
}

; TEST 13 - positive: storing *into* the object (a parameter's pointer, an
; integer) does not make the object escape.
; CHECK-LABEL: define void @store_into_object(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    store ptr %q, ptr [[S]]
define void @store_into_object(ptr %q) {
  %p = call ptr @malloc(i64 16)
  store ptr %q, ptr %p
  call void @free(ptr %p)
  ret void
}

; TEST 14 - negative: a parameter's pointer stored into an object, loaded
; back, and used as an address: what is stored there (%obj) escapes; the box
; itself still moves.
; CHECK-LABEL: define void @store_through_loaded_field(
; CHECK-NEXT:    %box.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    %obj = call ptr @malloc(i64 8)
define void @store_through_loaded_field(ptr %q) {
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %q, ptr %box
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  ret void
}

; REPORT:      <into_alloca>: malloc(16) does not escape
; REPORT:      <into_captured_alloca>: malloc(16) escapes to heap
; REPORT:      <into_alloca_read_by_callee>: malloc(16) escapes to heap
; REPORT:      <into_local_object>: malloc(32) does not escape
; REPORT:      <into_local_object>: malloc(16) does not escape
; REPORT:      <into_escaping_object>: malloc(32) escapes to heap
; REPORT:      <into_escaping_object>: malloc(16) escapes to heap
; REPORT:      <into_object_stored_to_global>: malloc(32) escapes to heap
; REPORT:      <into_object_stored_to_global>: malloc(16) escapes to heap
; REPORT:      <to_global>: malloc(8) escapes to heap
; REPORT:      <to_global_field>: malloc(8) escapes to heap
; REPORT:      <through_param>: malloc(8) escapes to heap
; REPORT:      <through_loaded_param>: malloc(8) escapes to heap
; REPORT:      <volatile_store>: malloc(8) escapes to heap
; REPORT:      <plain_store>: malloc(8) does not escape
; REPORT:      <store_into_object>: malloc(16) does not escape
; REPORT:      <store_through_loaded_field>: malloc(16) does not escape
; REPORT:      <store_through_loaded_field>: malloc(8) escapes to heap

; WHY-LABEL: <to_global>: malloc(8) escapes to heap:
; WHY-NEXT:  <to_global>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <to_global>:     from malloc(...) (stored to global g) at <to_global>
; WHY-LABEL: <volatile_store>: malloc(8) escapes to heap:
; WHY-NEXT:  <volatile_store>:   flow: {heap} = malloc(...):
; WHY-NEXT:  <volatile_store>:     from malloc(...) (stored by a volatile store) at <volatile_store>

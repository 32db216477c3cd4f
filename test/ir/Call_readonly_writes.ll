; A callee that may write through an argument may leave any pointer there:
; a pointer loaded back from the object afterwards may point anywhere, so
; what is stored through it escapes.  A callee that only reads (by its
; summary) leaves the object's contents as they were.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @fill_decl(ptr nocapture) nofree nounwind
declare void @peek_decl(ptr nocapture readonly) nofree nounwind

@gx = global i32 0

; A defined writer: stores a global's address into *b.
define void @fill(ptr %b) {
  store ptr @gx, ptr %b
  ret void
}

; A defined reader: loads an integer from *b.
define i32 @peek(ptr %b) {
  %v = load i32, ptr %b
  ret i32 %v
}

; TEST 1 - negative: a writing callee fills the box; the pointer loaded
; from it is a store address: %obj escapes.  The box itself stays local.
; CHECK-LABEL: define void @writer_then_store(
; CHECK-NEXT:    [[BOX:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[BOX]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[BOX]])
; CHECK-NEXT:    %obj = call ptr @malloc(i64 8)
; CHECK-NEXT:    call void @fill(ptr [[BOX]])
; CHECK-NEXT:    %dst = load ptr, ptr [[BOX]], align 8
; CHECK-NEXT:    store ptr %obj, ptr %dst, align 8
define void @writer_then_store() {
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  call void @fill(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  call void @free(ptr %box)
  ret void
}

; TEST 2 - positive: the box holds a local slot's address; a reading
; callee leaves it so; %obj is stored into the local slot and moves too.
; CHECK-LABEL: define void @reader_then_store(
; CHECK-NEXT:    [[OBJ:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    [[BOX:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    %slot = alloca ptr, align 8
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[BOX]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[BOX]])
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[OBJ]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[OBJ]])
; CHECK-NEXT:    store ptr %slot, ptr [[BOX]], align 8
; CHECK-NEXT:    %v = call i32 @peek(ptr [[BOX]])
; CHECK-NEXT:    %dst = load ptr, ptr [[BOX]], align 8
; CHECK-NEXT:    store ptr [[OBJ]], ptr %dst, align 8
define void @reader_then_store() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %slot, ptr %box
  %v = call i32 @peek(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  call void @free(ptr %obj)
  call void @free(ptr %box)
  ret void
}

; TEST 2b - negative: the same, but what the reader returns (loaded from
; the box: it may be the slot's address) is returned: the slot escapes, and
; %obj, stored into it, too.
; CHECK-LABEL: define i32 @reader_result_returned(
; CHECK:         %obj = call ptr @malloc(i64 8)
define i32 @reader_result_returned() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %slot, ptr %box
  %v = call i32 @peek(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  ret i32 %v
}

; TEST 3 - negative: the same with a writing callee (the defined writer):
; %dst may now be @gx's address.
; CHECK-LABEL: define void @writer_over_slot(
; CHECK:         %obj = call ptr @malloc(i64 8)
define void @writer_over_slot() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %slot, ptr %box
  call void @fill(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  ret void
}

; TEST 4 - negative: a declared callee that is not readonly may write
; unknown pointers into the box.
; CHECK-LABEL: define void @writer_decl(
; CHECK:         %obj = call ptr @malloc(i64 8)
define void @writer_decl() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %slot, ptr %box
  call void @fill_decl(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  ret void
}

; TEST 5 - negative: a declared readonly callee does not write the box, but
; it may read the slot's address out of it and keep it (nocapture covers
; the box, not what the box holds): the slot escapes, and with it %obj.
; CHECK-LABEL: define void @reader_decl(
; CHECK:         %obj = call ptr @malloc(i64 8)
define void @reader_decl() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  %obj = call ptr @malloc(i64 8)
  store ptr %slot, ptr %box
  call void @peek_decl(ptr %box)
  %dst = load ptr, ptr %box
  store ptr %obj, ptr %dst
  ret void
}

; TEST 6 - a writing callee, and the pointer loaded from the box is freed:
; the box moves, and the free stays (it frees whatever the callee left
; there, not the box).
; CHECK-LABEL: define void @writer_then_free(
; CHECK:         call void @fill(ptr
; CHECK-NEXT:    %q = load ptr, ptr
; CHECK-NEXT:    call void @free(ptr %q)
define void @writer_then_free() {
  %box = call ptr @malloc(i64 16)
  call void @fill(ptr %box)
  %q = load ptr, ptr %box
  call void @free(ptr %q)
  ret void
}

; REPORT:      <writer_then_store>: malloc(16) does not escape
; REPORT:      <writer_then_store>: malloc(8) escapes to heap
; REPORT:      <reader_then_store>: malloc(16) does not escape
; REPORT:      <reader_then_store>: malloc(8) does not escape
; REPORT:      <reader_result_returned>: malloc(16) does not escape
; REPORT:      <reader_result_returned>: malloc(8) escapes to heap
; REPORT:      <writer_over_slot>: malloc(16) does not escape
; REPORT:      <writer_over_slot>: malloc(8) escapes to heap
; REPORT:      <writer_decl>: malloc(16) does not escape
; REPORT:      <writer_decl>: malloc(8) escapes to heap
; REPORT:      <reader_decl>: malloc(16) does not escape
; REPORT:      <reader_decl>: malloc(8) escapes to heap
; REPORT:      <writer_then_free>: malloc(16) does not escape

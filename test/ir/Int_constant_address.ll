; An object's address stored at a fixed address built from integer
; constants by instructions (not constant expressions) must escape: that
; memory is not ours (memory-mapped registers, a known global's address).
; clang -O2 makes exactly this IR from
;   uintptr_t a; switch (x) { case 0: a = 0x1000; break; ... }
;   *(int **)a = malloc(16);
; (SimplifyCFG turns the switch into `phi i64 [4096, ...], ...`).
;
; Regression test: an earlier version treated a ConstantInt as carrying no
; address, so `inttoptr` of a phi/select of integer constants pointed to no
; object at all, the store through it was dropped, and the object moved to
; the stack while its address was stored into that memory.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('

declare noalias ptr @malloc(i64)

; TEST 1 - negative: a phi of constant addresses.
; CHECK-LABEL: define void @phi_of_addresses(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @phi_of_addresses(i32 %x) {
entry:
  %p = call ptr @malloc(i64 16)
  switch i32 %x, label %d [ i32 0, label %a
                            i32 1, label %b ]
a:
  br label %j
b:
  br label %j
d:
  br label %j
j:
  %addr = phi i64 [ 4096, %a ], [ 8200, %b ], [ 36864, %d ]
  %q = inttoptr i64 %addr to ptr
  store ptr %p, ptr %q
  ret void
}

; TEST 2 - negative: an inttoptr instruction on a constant.
; CHECK-LABEL: define void @inttoptr_of_constant(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @inttoptr_of_constant() {
  %p = call ptr @malloc(i64 16)
  %q = inttoptr i64 4096 to ptr
  store ptr %p, ptr %q
  ret void
}

; TEST 3 - negative: a select of constant addresses on a compare.
; CHECK-LABEL: define void @select_of_addresses(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @select_of_addresses(i32 %x) {
  %p = call ptr @malloc(i64 16)
  %c = icmp eq i32 %x, 0
  %addr = select i1 %c, i64 4096, i64 8192
  %q = inttoptr i64 %addr to ptr
  store ptr %p, ptr %q
  ret void
}

; REPORT:      <phi_of_addresses>: malloc(16) escapes to heap
; REPORT:      <inttoptr_of_constant>: malloc(16) escapes to heap
; REPORT:      <select_of_addresses>: malloc(16) escapes to heap

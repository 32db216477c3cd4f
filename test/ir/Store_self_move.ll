; Bytes of an object moved within that object bring nothing new into it:
; a store whose value comes (through arithmetic, casts, selects, and phis
; below the base's definition) from loads through the store's own base
; pointer leaks nothing, also into a parameter's object (where every store
; goes to the heap).  Every other source of the value is stored as before:
; ptrtoint, a load through another pointer, an integer made into a pointer,
; a value a phi carried from an earlier iteration of a base that changes.
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -passes=escape,verify -disable-output %s

declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)

; TEST 1 - positive: n->count++.
; CHECK: <bump>: arg0 does not escape
define void @bump(ptr %n) {
  %c = load i32, ptr %n, align 4
  %c1 = add i32 %c, 1
  store i32 %c1, ptr %n, align 4
  ret void
}

; TEST 2 - positive: two pointer fields of *p swapped.
; CHECK: <swap>: arg0 does not escape
define void @swap(ptr %p) {
  %qa = getelementptr inbounds i8, ptr %p, i64 8
  %a = load ptr, ptr %p, align 8
  %b = load ptr, ptr %qa, align 8
  store ptr %b, ptr %p, align 8
  store ptr %a, ptr %qa, align 8
  ret void
}

; TEST 3 - positive beside negative: *c->sum += a[i], the sum kept in a
; register (a phi) by LICM; the sum's pointer is loaded above the loop.
; c does not escape; what a points to goes into *sum, memory the function
; does not own: the caller's, two derefs down from c (summary.c, the
; into sinks), which the caller resolves.
; CHECK: <acc>: leaking param: arg0 to content of *arg2 level=1
; CHECK: <acc>: arg2 does not escape
define void @acc(ptr %a, i32 %n, ptr %c) {
entry:
  %pos = icmp sgt i32 %n, 0
  br i1 %pos, label %pre, label %exit
pre:
  %sum = load ptr, ptr %c, align 8
  %init = load i32, ptr %sum, align 4
  %nn = zext i32 %n to i64
  br label %loop
exit:
  ret void
loop:
  %i = phi i64 [ 0, %pre ], [ %i1, %loop ]
  %s = phi i32 [ %init, %pre ], [ %s1, %loop ]
  %p = getelementptr inbounds i32, ptr %a, i64 %i
  %x = load i32, ptr %p, align 4
  %s1 = add nsw i32 %s, %x
  store i32 %s1, ptr %sum, align 4
  %i1 = add nuw nsw i64 %i, 1
  %done = icmp eq i64 %i1, %nn
  br i1 %done, label %exit, label %loop
}

; TEST 4 - negative: the object's own address, made an integer, stored
; into it.
; (Into the caller's object itself: the caller resolves it.)
; CHECK: <self_address>: leaking param: arg0 to content of arg0 level=0
define void @self_address(ptr %n) {
  %c = load i64, ptr %n, align 8
  %a = ptrtoint ptr %n to i64
  %v = add i64 %c, %a
  %f = getelementptr inbounds i8, ptr %n, i64 8
  store i64 %v, ptr %f, align 8
  ret void
}

; TEST 5 - negative: an i64 loaded from another parameter's object (it may
; hold a pointer's bytes) stored into the first one's.
; CHECK: <cross>: arg0 does not escape
; CHECK: <cross>: leaking param: arg1 to content of arg0 level=1
define void @cross(ptr %dst, ptr %src) {
  %v = load i64, ptr %src, align 8
  %w = add i64 %v, 1
  store i64 %w, ptr %dst, align 8
  ret void
}

; TEST 6 - negative: an integer made into a pointer may point anywhere, and
; an offset from it into another object: it is no base, though the load and
; the store both go through it.
; CHECK: <via_int>: leaking param content: arg0
define void @via_int(ptr %n) {
  %bits = load i64, ptr %n, align 8
  %q = inttoptr i64 %bits to ptr
  %w = load i64, ptr %q, align 8
  %q8 = getelementptr i8, ptr %q, i64 8
  store i64 %w, ptr %q8, align 8
  ret void
}

; TEST 7 - negative: a phi carries a value loaded from the previous node
; into the next one; the base (the node) is itself a phi of the loop, so
; it is not one object across iterations.
; CHECK: <shift_list>: leaking param content: arg0
define void @shift_list(ptr %head) {
entry:
  br label %loop
loop:
  %p = phi ptr [ %head, %entry ], [ %next, %body ]
  %carry = phi i64 [ 0, %entry ], [ %old, %body ]
  %null = icmp eq ptr %p, null
  br i1 %null, label %exit, label %body
body:
  %vf = getelementptr inbounds i8, ptr %p, i64 8
  %old = load i64, ptr %vf, align 8
  store i64 %carry, ptr %vf, align 8
  %next = load ptr, ptr %p, align 8
  br label %loop
exit:
  ret void
}

; TEST 8 - positive beside negative: memmove within the buffer b->data
; points to (one base), and between two buffers loaded from b.
; CHECK: <shift_buf>: arg0 does not escape
; CHECK: <copy_bufs>: leaking param: arg0 to content of *arg0 level=2
define void @shift_buf(ptr %b, i64 %n) {
  %d = load ptr, ptr %b, align 8
  %d1 = getelementptr inbounds i8, ptr %d, i64 1
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %d1, i64 %n, i1 false)
  ret void
}
define void @copy_bufs(ptr %b, i64 %n) {
  %d = load ptr, ptr %b, align 8
  %f = getelementptr inbounds i8, ptr %b, i64 8
  %e = load ptr, ptr %f, align 8
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %e, i64 %n, i1 false)
  ret void
}

; TEST 9 - negative: a select between the object's own bytes and another
; pointer's address: the other one is stored.
; CHECK: <pick>: arg0 does not escape
; CHECK: <pick>: leaking param: arg1 to content of arg0 level=0
define void @pick(ptr %n, ptr %m, i1 %c) {
  %v = load i64, ptr %n, align 8
  %a = ptrtoint ptr %m to i64
  %w = select i1 %c, i64 %v, i64 %a
  store i64 %w, ptr %n, align 8
  ret void
}

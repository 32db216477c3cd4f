; A difference of two pointers into one object is an offset, no address
; (build.c, offset_difference): both reach one SSA value through inbounds
; GEPs, or through phis of such pointers where the value is defined above
; the phi.  Positives: a cursor advanced in a loop minus the buffer, its
; difference stored to a global; a difference of two inbounds offsets; the
; cursor kept as an integer phi of ptrtoints (as LLVM's loop passes leave it).
; Negatives side by side: a plain GEP (its index may hold another address),
; a difference with null (the address itself), with a global (whose address
; gives the object back), of two objects, an integer phi one of whose
; values is another object's address, a pointer cast to another address
; space (whose integers need not be the same addresses).
; %opt runs the pass a second time under synthetic debug info (-g).
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %t.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@len = global i64 0
@base = global [16 x i8] zeroinitializer

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

; WHY: <cursor>: malloc(64) does not escape
; WHY-NEXT: <offsets>: malloc(64) does not escape
; WHY-NEXT: <plain_gep>: malloc(64) escapes to heap
; WHY-NEXT: <null_base>: malloc(64) escapes to heap
; WHY-NEXT: <global_base>: malloc(64) escapes to heap
; WHY-NEXT: <two>: malloc(64) escapes to heap
; WHY-NEXT: <two>: malloc(64) escapes to heap
; WHY-NEXT: <int_phi>: malloc(64) does not escape
; WHY-NEXT: <int_phi_other>: malloc(64) escapes to heap
; WHY-NEXT: <int_phi_other>: malloc(64) escapes to heap
; WHY-NEXT: <other_space>: malloc(64) escapes to heap

; TEST 1 - a cursor advanced in a loop, minus the buffer, stored to a global.
; CHECK-LABEL: define void @cursor(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [64 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         store i64 %d, ptr @len
; CHECK-NOT:     @free
; CHECK:         ret void
define void @cursor(i64 %n) {
entry:
  %p = call ptr @malloc(i64 64)
  br label %loop
loop:
  %cur = phi ptr [ %p, %entry ], [ %next, %loop ]
  %k = phi i64 [ 0, %entry ], [ %k1, %loop ]
  store i8 1, ptr %cur
  %next = getelementptr inbounds i8, ptr %cur, i64 1
  %k1 = add i64 %k, 1
  %more = icmp ult i64 %k1, %n
  br i1 %more, label %loop, label %done
done:
  call void @look(ptr %p)
  %a = ptrtoint ptr %next to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  ret void
}

; TEST 2 - two inbounds offsets of the buffer.
; CHECK-LABEL: define void @offsets(
; CHECK-NEXT:    %p.stack = alloca [64 x i8], align 16
define void @offsets(i64 %i, i64 %j) {
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %x = getelementptr inbounds i8, ptr %p, i64 %i
  %y = getelementptr inbounds i8, ptr %p, i64 %j
  %a = ptrtoint ptr %x to i64
  %b = ptrtoint ptr %y to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  ret void
}

; TEST 3 - negative, a plain GEP: p + (other - p) is other, and its
; difference with p gives p back from other.
; CHECK-LABEL: define void @plain_gep(
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
define void @plain_gep(i64 %i) {
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %x = getelementptr i8, ptr %p, i64 %i
  %a = ptrtoint ptr %x to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative, minus null: the address itself.
; CHECK-LABEL: define void @null_base(
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
define void @null_base() {
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %a = ptrtoint ptr %p to i64
  %z = ptrtoint ptr null to i64
  %d = sub i64 %a, %z
  store i64 %d, ptr @len
  ret void
}

; TEST 5 - negative, minus a global: @base + d is p.
; CHECK-LABEL: define void @global_base(
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
define void @global_base() {
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %g = getelementptr inbounds i8, ptr @base, i64 0
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %g to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  ret void
}

; TEST 6 - negative, two objects: each gives the other back.
; CHECK-LABEL: define void @two(
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
; CHECK-NEXT:    %q = call ptr @malloc(i64 64)
define void @two() {
  %p = call ptr @malloc(i64 64)
  %q = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  call void @look(ptr %q)
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %q to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret void
}

; TEST 7 - the cursor as an integer phi of ptrtoints of the buffer.
; CHECK-LABEL: define void @int_phi(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p.stack = alloca [64 x i8], align 16
define void @int_phi(i1 %c) {
entry:
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %b = ptrtoint ptr %p to i64
  br i1 %c, label %one, label %join
one:
  %x = getelementptr inbounds i8, ptr %p, i64 5
  %xi = ptrtoint ptr %x to i64
  br label %join
join:
  %e = phi i64 [ %xi, %one ], [ %b, %entry ]
  %d = sub i64 %e, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  ret void
}

; TEST 8 - negative, an integer phi that may be another object's address:
; the difference then gives q back from p.
; CHECK-LABEL: define void @int_phi_other(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
; CHECK-NEXT:    %q = call ptr @malloc(i64 64)
define void @int_phi_other(i1 %c) {
entry:
  %p = call ptr @malloc(i64 64)
  %q = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  call void @look(ptr %q)
  %b = ptrtoint ptr %p to i64
  br i1 %c, label %one, label %join
one:
  %qi = ptrtoint ptr %q to i64
  br label %join
join:
  %e = phi i64 [ %qi, %one ], [ %b, %entry ]
  %d = sub i64 %e, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  call void @free(ptr %q)
  ret void
}

; TEST 9 - negative, through an addrspacecast: a narrower address space's
; integer is the address's low bits, and its difference with the address
; is the high bits.
; CHECK-LABEL: define void @other_space(
; CHECK-NEXT:    %p = call ptr @malloc(i64 64)
define void @other_space() {
  %p = call ptr @malloc(i64 64)
  call void @look(ptr %p)
  %n = addrspacecast ptr %p to ptr addrspace(270)
  %q = addrspacecast ptr addrspace(270) %n to ptr
  %a = ptrtoint ptr %q to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  store i64 %d, ptr @len
  call void @free(ptr %p)
  ret void
}

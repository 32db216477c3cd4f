; Guard_range_budget: ranged buffers and the budgets they share (solve.c
; grow). leaf has 16 sites of malloc(x % 4000), each of which could take a
; 4000-byte buffer; solved before its caller, it may take only a quarter of
; what its budgets leave (16 KiB less what its default buffers took), so 4
; sites get 4000 bytes and 12 keep the default 256, saying why, and every
; one of caller's 8 unbounded sites still fits its 256 bytes (before the
; share, leaf took 64,000 bytes and 2 of caller's sites went to the heap
; over the call chain's budget). rec is recursive: its ranged site is on
; the side stack, which never grows a buffer, so it keeps 256 bytes and
; claims no largest value; its masked site (x & 15, plus 1) shrinks to 16.
; With -escape-guard-bytes=128, no range gives more than 128 bytes: leaf's
; 16 sites get 128 each.
; The side stack is used only for a module of the runtime's data layout:
; %host-datalayout gives this file the host LLVM's (as Guard_dynamic.ll).
; Every run takes -escape-guard-unbounded=false: these lines are of ranges;
; a size with no bound is Guard_unbounded.ll's.
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --implicit-check-not="escapes to heap"
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %t.ll 2>&1 | grep -c "<leaf>:   guarded: a 4000-byte stack buffer, the size's largest value" | FileCheck %s --check-prefix=FOUR
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %t.ll 2>&1 | grep -c "<leaf>:   guarded: a 256-byte stack buffer (the size may reach 3999 bytes: over the share of the stack budgets a range may take, 15360 bytes)" | FileCheck %s --check-prefix=TWELVE
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-m=2 -disable-output %t.ll 2>&1 | grep -c "<caller>:   guarded: a 256-byte stack buffer, the heap when" | FileCheck %s --check-prefix=EIGHT
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-guard-bytes=128 -escape-m=2 -disable-output %t.ll 2>&1 | grep -c "<leaf>:   guarded: a 128-byte stack buffer, the heap when" | FileCheck %s --check-prefix=SIXTEEN
; RUN: %opt -passes=escape -escape-guard-unbounded=false -escape-guard-bytes=128 -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=SMALL
; RUN: %opt -passes=escape,verify -escape-guard-unbounded=false -verify-each -disable-output %t.ll
; FOUR: {{^}}4{{$}}
; TWELVE: {{^}}12{{$}}
; EIGHT: {{^}}8{{$}}
; CHECK: <rec>:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
; CHECK: <rec>:   guarded: a 16-byte stack buffer, the size's largest value, the heap when the run-time size is larger
; SIXTEEN: {{^}}16{{$}}
; SMALL: <caller>:   guarded: a 128-byte stack buffer, the heap when the run-time size is larger

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind

define void @leaf(i64 %x) {
  %s0 = urem i64 %x, 4000
  %p0 = call ptr @malloc(i64 %s0)
  call void @look(ptr %p0)
  call void @free(ptr %p0)
  %s1 = urem i64 %x, 4000
  %p1 = call ptr @malloc(i64 %s1)
  call void @look(ptr %p1)
  call void @free(ptr %p1)
  %s2 = urem i64 %x, 4000
  %p2 = call ptr @malloc(i64 %s2)
  call void @look(ptr %p2)
  call void @free(ptr %p2)
  %s3 = urem i64 %x, 4000
  %p3 = call ptr @malloc(i64 %s3)
  call void @look(ptr %p3)
  call void @free(ptr %p3)
  %s4 = urem i64 %x, 4000
  %p4 = call ptr @malloc(i64 %s4)
  call void @look(ptr %p4)
  call void @free(ptr %p4)
  %s5 = urem i64 %x, 4000
  %p5 = call ptr @malloc(i64 %s5)
  call void @look(ptr %p5)
  call void @free(ptr %p5)
  %s6 = urem i64 %x, 4000
  %p6 = call ptr @malloc(i64 %s6)
  call void @look(ptr %p6)
  call void @free(ptr %p6)
  %s7 = urem i64 %x, 4000
  %p7 = call ptr @malloc(i64 %s7)
  call void @look(ptr %p7)
  call void @free(ptr %p7)
  %s8 = urem i64 %x, 4000
  %p8 = call ptr @malloc(i64 %s8)
  call void @look(ptr %p8)
  call void @free(ptr %p8)
  %s9 = urem i64 %x, 4000
  %p9 = call ptr @malloc(i64 %s9)
  call void @look(ptr %p9)
  call void @free(ptr %p9)
  %s10 = urem i64 %x, 4000
  %p10 = call ptr @malloc(i64 %s10)
  call void @look(ptr %p10)
  call void @free(ptr %p10)
  %s11 = urem i64 %x, 4000
  %p11 = call ptr @malloc(i64 %s11)
  call void @look(ptr %p11)
  call void @free(ptr %p11)
  %s12 = urem i64 %x, 4000
  %p12 = call ptr @malloc(i64 %s12)
  call void @look(ptr %p12)
  call void @free(ptr %p12)
  %s13 = urem i64 %x, 4000
  %p13 = call ptr @malloc(i64 %s13)
  call void @look(ptr %p13)
  call void @free(ptr %p13)
  %s14 = urem i64 %x, 4000
  %p14 = call ptr @malloc(i64 %s14)
  call void @look(ptr %p14)
  call void @free(ptr %p14)
  %s15 = urem i64 %x, 4000
  %p15 = call ptr @malloc(i64 %s15)
  call void @look(ptr %p15)
  call void @free(ptr %p15)
  ret void
}

define void @caller(i64 %x, i64 %n) {
  %p0 = call ptr @malloc(i64 %n)
  call void @look(ptr %p0)
  call void @free(ptr %p0)
  %p1 = call ptr @malloc(i64 %n)
  call void @look(ptr %p1)
  call void @free(ptr %p1)
  %p2 = call ptr @malloc(i64 %n)
  call void @look(ptr %p2)
  call void @free(ptr %p2)
  %p3 = call ptr @malloc(i64 %n)
  call void @look(ptr %p3)
  call void @free(ptr %p3)
  %p4 = call ptr @malloc(i64 %n)
  call void @look(ptr %p4)
  call void @free(ptr %p4)
  %p5 = call ptr @malloc(i64 %n)
  call void @look(ptr %p5)
  call void @free(ptr %p5)
  %p6 = call ptr @malloc(i64 %n)
  call void @look(ptr %p6)
  call void @free(ptr %p6)
  %p7 = call ptr @malloc(i64 %n)
  call void @look(ptr %p7)
  call void @free(ptr %p7)
  call void @leaf(i64 %x)
  ret void
}

define i64 @rec(i32 %d, i64 %x) {
entry:
  %stop = icmp eq i32 %d, 0
  br i1 %stop, label %done, label %more
more:
  %r = urem i64 %x, 3000
  %n = add nuw nsw i64 %r, 1
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  %m = and i64 %x, 15
  %m1 = add nuw nsw i64 %m, 1
  %q = call ptr @malloc(i64 %m1)
  call void @look(ptr %q)
  %d1 = sub i32 %d, 1
  %x1 = mul i64 %x, 2654435761
  %s = call i64 @rec(i32 %d1, i64 %x1)
  call void @free(ptr %q)
  call void @free(ptr %p)
  br label %done
done:
  %v = phi i64 [ 0, %entry ], [ %s, %more ]
  ret i64 %v
}

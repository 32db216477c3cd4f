; calloc(n, m) with run-time factors on a 32-bit target: n * m is computed
; in the 32-bit size_t, so each factor must stay below 2^16 for the product
; not to wrap (65536 * 65536 would wrap to 0 and pass a size check against
; the buffer); then n * m <= the buffer decides. Found in review with a
; 128 KiB buffer.
; RUN: %opt -passes=escape,verify -escape-guard-bytes=131072 -escape-max-object-bytes=131072 -escape-max-frame-bytes=1000000 -escape-max-chain-bytes=1000000 -S %s | FileCheck %s
target datalayout = "e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128"
target triple = "i386-pc-linux-gnu"
declare noalias ptr @calloc(i32, i32) allockind("alloc,zeroed") allocsize(0,1)
declare void @free(ptr allocptr nocapture) allockind("free")
declare void @use(ptr nocapture nofree readonly)

; CHECK-LABEL: define void @f(
; CHECK-NEXT:    %guard.stack = alloca [131072 x i8], align 16
; CHECK-NEXT:    [[SZ:%.*]] = mul i32 %n, %m
; CHECK-NEXT:    [[B:%.*]] = icmp ule i32 %m, 65535
; CHECK-NEXT:    [[A:%.*]] = icmp ule i32 %n, 65535
; CHECK-NEXT:    [[AB:%.*]] = and i1 [[A]], [[B]]
; CHECK-NEXT:    [[C:%.*]] = icmp ule i32 [[SZ]], 131072
; CHECK-NEXT:    %fits = and i1 [[AB]], [[C]]
define void @f(i32 %n, i32 %m) {
  %p = call ptr @calloc(i32 %n, i32 %m)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Every `tail` call that may see a converted object loses the marker,
; whatever kind of call it is: the memory intrinsics (LLVM turns a shifting
; loop into llvm.memmove, marked `tail`, before the pass runs: fannkuch kept
; an element in a register across it), a C library call, and a call of the
; module's own function judged by its summary.  Calls that cannot see the
; object keep theirs.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i64 @strlen(ptr nocapture)
declare void @llvm.memmove.p0.p0.i64(ptr nocapture writeonly, ptr nocapture readonly, i64, i1 immarg)
declare void @llvm.memcpy.p0.p0.i64(ptr nocapture writeonly, ptr nocapture readonly, i64, i1 immarg)
declare void @llvm.memset.p0.i64(ptr nocapture writeonly, i8, i64, i1 immarg)

define internal i32 @first(ptr %p) noinline {
  %v = load i32, ptr %p
  ret i32 %v
}

; TEST 1 - positive: memmove within the object, memcpy into and out of it,
; memset of it, strlen of it, and the module's own reader all lose `tail`.
; CHECK-LABEL: define i32 @every_kind(
; CHECK:         [[S:%.*]] = alloca [64 x i8], align 16
; CHECK-NOT:     tail call
; CHECK:         {{^  }}call void @llvm.memmove.p0.p0.i64(ptr [[S]], ptr
; CHECK-NEXT:    {{^  }}call void @llvm.memcpy.p0.p0.i64(ptr [[S]], ptr %src
; CHECK-NEXT:    {{^  }}call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr [[S]]
; CHECK-NEXT:    {{^  }}call void @llvm.memset.p0.i64(ptr [[S]]
; CHECK-NEXT:    {{^  }}%n = call i64 @strlen(ptr [[S]])
; CHECK-NEXT:    {{^  }}%v = call i32 @first(ptr [[S]])
; CHECK-NEXT:    %m = tail call i64 @strlen(ptr %src)
; CHECK-NEXT:    tail call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %src
; CHECK:         ret i32
define i32 @every_kind(ptr %src, ptr %dst) {
  %p = call ptr @malloc(i64 64)
  %p4 = getelementptr i8, ptr %p, i64 4
  tail call void @llvm.memmove.p0.p0.i64(ptr %p, ptr %p4, i64 60, i1 false)
  tail call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %src, i64 8, i1 false)
  tail call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %p, i64 8, i1 false)
  tail call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 4, i1 false)
  %n = tail call i64 @strlen(ptr %p)
  %v = tail call i32 @first(ptr %p)
  %m = tail call i64 @strlen(ptr %src)
  tail call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %src, i64 8, i1 false)
  call void @free(ptr %p)
  %t = trunc i64 %n to i32
  %r = add i32 %v, %t
  ret i32 %r
}

; TEST 2 - positive: the call is given only a local holder (an alloca)
; whose contents point to the object: the object is reachable through it,
; so the call loses `tail`.
; CHECK-LABEL: define i32 @through_holder(
; CHECK:         store ptr [[O:%.*]], ptr %h
; CHECK-NEXT:    {{^  }}%v = call i32 @second(ptr %h)
; CHECK:         ret i32
define internal i32 @second(ptr %h) noinline {
  %o = load ptr, ptr %h
  %v = load i32, ptr %o
  ret i32 %v
}
define i32 @through_holder() {
  %h = alloca ptr
  %obj = call ptr @malloc(i64 16)
  store i32 7, ptr %obj
  store ptr %obj, ptr %h
  %v = tail call i32 @second(ptr %h)
  call void @free(ptr %obj)
  ret i32 %v
}

; TEST 3 - negative: nothing converted (the object is returned): every
; intrinsic keeps `tail`.
; CHECK-LABEL: define ptr @kept(
; CHECK:         tail call void @llvm.memmove.p0.p0.i64(ptr %p,
; CHECK-NEXT:    tail call void @llvm.memset.p0.i64(ptr %p,
define ptr @kept() {
  %p = call ptr @malloc(i64 64)
  %p4 = getelementptr i8, ptr %p, i64 4
  tail call void @llvm.memmove.p0.p0.i64(ptr %p, ptr %p4, i64 60, i1 false)
  tail call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 4, i1 false)
  ret ptr %p
}

; REPORT: <every_kind>: malloc(64) does not escape
; REPORT: <through_holder>: malloc(16) does not escape
; REPORT: <kept>: malloc(64) escapes to heap

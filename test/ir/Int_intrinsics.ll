; Integer intrinsics (llvm.umax, llvm.abs, llvm.uadd.with.overflow...) carry
; an address from an operand to the result, and nowhere else: a pointer
; difference that goes through umax into a size leaks nothing (std::vector's
; growth computes its new capacity that way), while the same value stored to
; a global publishes the address.
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=alloc
; RUN: %opt -passes=escape,verify -disable-output %s

@g = global i64 0
declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @take(i64) nounwind
declare i64 @llvm.umax.i64(i64, i64)
declare i64 @llvm.abs.i64(i64, i1)
declare { i64, i1 } @llvm.uadd.with.overflow.i64(i64, i64)

; TEST 1 - positive: the difference of two addresses, through umax, sizes
; another allocation.
; CHECK: <diff_size>: malloc(32) does not escape
; CHECK: <diff_size>: malloc(...) does not escape
define void @diff_size(ptr %base) {
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %p)
  %a = ptrtoint ptr %p to i64
  %b = ptrtoint ptr %base to i64
  %d = sub i64 %a, %b
  %m = call i64 @llvm.umax.i64(i64 %d, i64 16)
  %q = call ptr @malloc(i64 %m)
  call void @look(ptr %q)
  call void @free(ptr %q)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: the address, through abs, stored to a global.
; CHECK: <abs_global>: malloc(32) escapes to heap
define void @abs_global() {
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %p)
  %a = ptrtoint ptr %p to i64
  %m = call i64 @llvm.abs.i64(i64 %a, i1 false)
  store i64 %m, ptr @g
  call void @free(ptr %p)
  ret void
}

; TEST 3 - negative: through an aggregate result (with.overflow), passed to
; an unknown function.
; CHECK: <overflow_call>: malloc(32) escapes to heap
define void @overflow_call() {
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %p)
  %a = ptrtoint ptr %p to i64
  %s = call { i64, i1 } @llvm.uadd.with.overflow.i64(i64 %a, i64 8)
  %v = extractvalue { i64, i1 } %s, 0
  call void @take(i64 %v)
  call void @free(ptr %p)
  ret void
}

; C stacks do not grow: a function on a call-graph cycle (self, mutual, or
; through an indirect call that may reach an address-taken function) keeps
; its heap unless -escape-max-recursive-frame-bytes allows some stack.  A
; site after a call of a returns_twice function (setjmp) keeps its heap.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape -escape-m=2 -escape-side-stack=false -disable-output %s 2>&1 | FileCheck %s --check-prefix=NOSIDE
; RUN: %opt -passes=escape -escape-max-recursive-frame-bytes=64 -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REC --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare i32 @setjmp(ptr) returns_twice
declare i32 @_setjmp(ptr) returns_twice

@fp = global ptr null

; TEST 1 - negative: self-recursive.
; CHECK-LABEL: define void @self(
; CHECK:         %p = call ptr @malloc(i64 32)
define void @self(i32 %n) {
entry:
  %p = call ptr @malloc(i64 32)
  call void @look(ptr %p)
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %again
again:
  %m = sub i32 %n, 1
  call void @self(i32 %m)
  br label %done
done:
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: mutually recursive (ping <-> pong).
; CHECK-LABEL: define void @ping(
; CHECK:         %p = call ptr @malloc(i64 16)
; CHECK-LABEL: define void @pong(
; CHECK:         %q = call ptr @malloc(i64 16)
define void @ping(i32 %n) {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @pong(i32 %n)
  call void @free(ptr %p)
  ret void
}
define void @pong(i32 %n) {
  %q = call ptr @malloc(i64 16)
  call void @look(ptr %q)
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %again
again:
  %m = sub i32 %n, 1
  call void @ping(i32 %m)
  br label %done
done:
  call void @free(ptr %q)
  ret void
}

; TEST 3 - positive: calls a recursive function but is not on the cycle.
; CHECK-LABEL: define void @calls_recursive(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
define void @calls_recursive() {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @ping(i32 3)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative: @through_pointer's address is taken (stored to @fp);
; it makes an indirect call, which may reach itself.
; CHECK-LABEL: define void @through_pointer(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @through_pointer() {
  store ptr @through_pointer, ptr @fp
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  %f = load ptr, ptr @fp
  call void %f()
  call void @free(ptr %p)
  ret void
}

; TEST 5 - positive: an indirect call, but no function of the module whose
; address is taken can reach back here.
; CHECK-LABEL: define void @indirect_not_recursive(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
define void @indirect_not_recursive(ptr %g) {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void %g()
  call void @free(ptr %p)
  ret void
}

; TEST 6 - negative: allocated after setjmp (test/ir/Setjmp_sites.ll has
; the sites before it, which move).
; CHECK-LABEL: define i32 @with_setjmp(
; CHECK:         %p = call ptr @malloc(i64 16)
define i32 @with_setjmp(ptr %env) {
  %r = call i32 @setjmp(ptr %env)
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 7 - negative: a returns_twice call site (the attribute on the call).
; CHECK-LABEL: define i32 @with_returns_twice_call(
; CHECK:         %p = call ptr @malloc(i64 16)
declare i32 @plain_setjmp(ptr)
define i32 @with_returns_twice_call(ptr %env) {
  %r = call i32 @plain_setjmp(ptr %env) returns_twice
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; TEST 8 - positive: the same function without setjmp.
; CHECK-LABEL: define i32 @without_setjmp(
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
define i32 @without_setjmp(ptr %env) {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @plain_setjmp(ptr %env)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; REPORT:      <self>: malloc(32) escapes to heap
; REPORT:      <ping>: malloc(16) escapes to heap
; REPORT:      <pong>: malloc(16) escapes to heap
; REPORT:      <calls_recursive>: malloc(16) does not escape
; REPORT:      <through_pointer>: malloc(16) escapes to heap
; REPORT:      <indirect_not_recursive>: malloc(16) does not escape
; REPORT:      <with_setjmp>: malloc(16) escapes to heap
; REPORT:      <with_returns_twice_call>: malloc(16) escapes to heap
; REPORT:      <without_setjmp>: malloc(16) does not escape

; The module has no target triple: the side stack's runtime cannot serve it.
; WHY-LABEL: <self>: malloc(32) escapes to heap:
; WHY-NEXT:  <self>:   recursive: the side stack is not available for a module without a target triple
; NOSIDE-LABEL: <self>: malloc(32) escapes to heap:
; NOSIDE-NEXT:  <self>:   recursive: the function is on a call-graph cycle (budget 0 bytes)
; WHY-LABEL: <with_setjmp>: malloc(16) escapes to heap:
; WHY-NEXT:  <with_setjmp>:   reachable from a call of setjmp or another returns_twice function

; REC:      <self>: malloc(32) does not escape
; REC:      <ping>: malloc(16) does not escape
; REC:      <pong>: malloc(16) does not escape
; REC:      <calls_recursive>: malloc(16) does not escape
; REC:      <through_pointer>: malloc(16) does not escape
; REC:      <indirect_not_recursive>: malloc(16) does not escape
; REC:      <with_setjmp>: malloc(16) escapes to heap
; REC:      <with_returns_twice_call>: malloc(16) escapes to heap
; REC:      <without_setjmp>: malloc(16) does not escape

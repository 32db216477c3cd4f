; In a function that calls setjmp (or any returns_twice function), a site
; moves only where no such call can run before it in the same call of the
; function: a second return (from longjmp) comes out of a call the CFG does
; not show and goes on after the setjmp, so only a site there could run
; again while its earlier object is live.  A moved slot's address goes to an
; empty asm at entry (so no pass keeps its contents in registers across a
; call: the SROA run below leaves its loads and stores), and it gets no
; lifetime markers.  Negatives: after setjmp in its block, in a block setjmp
; reaches, before setjmp on a loop through it, after an invoke of setjmp.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape,sroa -S %s | FileCheck %s --check-prefix=SROA
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=WHY --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare i32 @setjmp(ptr) returns_twice
declare i32 @__gxx_personality_v0(...)

; TEST 1 - positive: before setjmp, written after it, read after longjmp's
; return.  The slot is pinned; no lifetime markers; SROA keeps the memory.
; CHECK-LABEL: define i32 @before(
; CHECK-NEXT:    %p.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void asm sideeffect "", "r"(ptr %p.stack)
; CHECK-NOT:     lifetime
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i32
; SROA-LABEL: define i32 @before(
; SROA-NEXT:     %p.stack = alloca [16 x i8], align 16
; SROA-NEXT:     call void asm sideeffect "", "r"(ptr %p.stack)
; SROA-NEXT:     store i32 1, ptr %p.stack
; SROA:          store i32 2, ptr %p.stack
; SROA:          load i32, ptr %p.stack
; SROA:          ret i32
define i32 @before(ptr %env) {
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p
  %r = call i32 @setjmp(ptr %env)
  %first = icmp eq i32 %r, 0
  br i1 %first, label %set, label %back
set:
  store i32 2, ptr %p
  call void @look(ptr %env)
  br label %back
back:
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; TEST 2 - the positive's control: no setjmp, so no pin, and lifetime
; markers; SROA turns the object into SSA values.
; CHECK-LABEL: define i32 @no_setjmp(
; CHECK-NEXT:    %p.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start
; SROA-LABEL: define i32 @no_setjmp(
; SROA-NOT:      alloca
; SROA-NOT:      asm
; SROA:          ret i32
define i32 @no_setjmp(ptr %env) {
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p
  %first = icmp eq ptr %env, null
  br i1 %first, label %set, label %back
set:
  store i32 2, ptr %p
  call void @look(ptr %env)
  br label %back
back:
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; TEST 3 - negative: after setjmp in the same block.
; CHECK-LABEL: define void @after_in_block(
; CHECK:         %p = call ptr @malloc(i64 16)
define void @after_in_block(ptr %env) {
  %r = call i32 @setjmp(ptr %env)
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative: in a block that setjmp's block reaches; the site
; before setjmp in the same function moves.
; CHECK-LABEL: define void @after_in_successor(
; CHECK-NEXT:    %a.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void asm sideeffect "", "r"(ptr %a.stack)
; CHECK:         %b = call ptr @malloc(i64 16)
define void @after_in_successor(ptr %env, i1 %c) {
  %a = call ptr @malloc(i64 16)
  call void @look(ptr %a)
  %r = call i32 @setjmp(ptr %env)
  br i1 %c, label %one, label %two
one:
  br label %two
two:
  %b = call ptr @malloc(i64 16)
  call void @look(ptr %b)
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret void
}

; TEST 5 - negative: before setjmp in its block, but the block is on a loop
; through the setjmp.  The site outside the loop, before it, moves.
; CHECK-LABEL: define void @loop_through_setjmp(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    call void asm sideeffect "", "r"(ptr %a.stack)
; CHECK:         %b = call ptr @malloc(i64 16)
define void @loop_through_setjmp(ptr %env, i32 %n) {
entry:
  %a = call ptr @malloc(i64 16)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %b = call ptr @malloc(i64 16)
  call void @look(ptr %b)
  call void @free(ptr %b)
  %r = call i32 @setjmp(ptr %env)
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %loop, label %done
done:
  call void @look(ptr %a)
  call void @free(ptr %a)
  ret void
}

; TEST 6 - negative: after an invoke of setjmp (in its normal and unwind
; destinations alike).
; CHECK-LABEL: define void @after_invoke(
; CHECK:         %b = call ptr @malloc(i64 16)
; CHECK:         %c = call ptr @malloc(i64 16)
define void @after_invoke(ptr %env) personality ptr @__gxx_personality_v0 {
  %r = invoke i32 @setjmp(ptr %env) to label %ok unwind label %lp
ok:
  %b = call ptr @malloc(i64 16)
  call void @look(ptr %b)
  call void @free(ptr %b)
  ret void
lp:
  %x = landingpad { ptr, i32 } cleanup
  %c = call ptr @malloc(i64 16)
  call void @look(ptr %c)
  call void @free(ptr %c)
  resume { ptr, i32 } %x
}

; WHY:      <before>: malloc(16) does not escape
; WHY:      <no_setjmp>: malloc(16) does not escape
; WHY:      <after_in_block>: malloc(16) escapes to heap:
; WHY-NEXT: <after_in_block>:   reachable from a call of setjmp or another returns_twice function
; WHY:      <after_in_successor>: malloc(16) does not escape
; WHY:      <after_in_successor>: malloc(16) escapes to heap:
; WHY-NEXT: <after_in_successor>:   reachable from a call of setjmp or another returns_twice function
; WHY:      <loop_through_setjmp>: malloc(16) does not escape
; WHY:      <loop_through_setjmp>: malloc(16) escapes to heap:
; WHY-NEXT: <loop_through_setjmp>:   reachable from a call of setjmp or another returns_twice function
; WHY:      <after_invoke>: malloc(16) escapes to heap:
; WHY-NEXT: <after_invoke>:   reachable from a call of setjmp or another returns_twice function
; WHY:      <after_invoke>: malloc(16) escapes to heap:
; WHY-NEXT: <after_invoke>:   reachable from a call of setjmp or another returns_twice function

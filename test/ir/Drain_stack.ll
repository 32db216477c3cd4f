; Drain_stack: a function that pushes list nodes onto a global stack head
; and empties the stack before every return (drain.c) takes the nodes from
; the side stack: a mark at entry, the node from __escape_side_alloc, each
; pop's free asking the side stack with the node's size (a pop of the top
; node gives its memory back), and the mark restored at each return.  The
; negatives are the same module with one rule broken (sed): the head not
; internal, a return with the stack not emptied, a function that may
; unwind, a setjmp in the program, the function's address taken (it may
; run on another thread, or from a signal handler), main called by the
; program, the option off, and a module not known to be the whole program
; (without -escape-whole-program, as per file: another file may call main,
; on another thread): each keeps eval's node on the heap (HEAP);
; and in eval2, whose loops are rotated, a phi of the head's values and a
; parameter (OTHER); in eval3, a branch that tests the head the other way
; round from the phi's null (SWAP).
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -escape-whole-program -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -escape-whole-program -verify-each -disable-output %t.ll
; RUN: %opt -passes='default<O2>' -escape-whole-program -S %t.ll | FileCheck %s --check-prefix=PIPE
; RUN: sed 's/^@stack = internal global/@stack = global/' %t.ll > %t.ext.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.ext.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed 's/  br label %%test$/  br i1 %%flag, label %%early, label %%test/' %t.ll > %t.early.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.early.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed '/@eval(i32 %%n)/s/ nounwind//' %t.ll > %t.unwind.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.unwind.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed 's/;SETJMP //' %t.ll > %t.setjmp.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.setjmp.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed 's/;TAKEN //' %t.ll > %t.taken.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.taken.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed 's/;AGAIN //' %t.ll > %t.again.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.again.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: %opt -passes=escape -escape-whole-program -escape-drained-stacks=false -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: %opt -passes=escape -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=HEAP
; RUN: sed 's/br i1 %%e0, label %%work, label %%pop0/br i1 %%e0, label %%pop0, label %%work/' %t.ll > %t.swap.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.swap.ll 2>&1 | FileCheck %s --check-prefix=SWAP
; RUN: sed 's/^  call void @free(ptr %%p)$/  %%mix = select i1 %%some, ptr %%p, ptr %%other\n  call void @free(ptr %%mix)/' %t.ll > %t.mix.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.mix.ll 2>&1 | FileCheck %s --check-prefix=OTHER
; RUN: sed 's/\[ %%g0, %%none \]/[ %%other, %%none ]/' %t.ll > %t.other.ll
; RUN: %opt -passes=escape -escape-whole-program -escape-m=2 -disable-output %t.other.ll 2>&1 | FileCheck %s --check-prefix=OTHER

; CHECK-LABEL: define internal i64 @eval(
; CHECK: entry:
; CHECK-NEXT: %side.mark = call ptr @__escape_side_mark()
; CHECK: push:
; CHECK: %side = call ptr @__escape_side_alloc(i64 16, i64 16)
; CHECK: %c = call ptr @malloc(i64 16)
; CHECK: %c.guarded = phi ptr [ %c, %{{[0-9]+}} ], [ %side, %{{[0-9]+}} ]
; CHECK: store ptr %c.guarded, ptr @stack
; CHECK: early:
; CHECK-NEXT: call void @__escape_side_release(ptr %side.mark)
; CHECK-NEXT: ret i64 -1
; CHECK: pop:
; CHECK: [[ASK:%[0-9]+]] = call i32 @__escape_side_free(ptr %top, i64 16)
; CHECK-NEXT: [[OWN:%[0-9]+]] = icmp ne i32 [[ASK]], 0
; CHECK-NEXT: [[P:%[0-9]+]] = select i1 [[OWN]], ptr null, ptr %top
; CHECK-NEXT: call void @free(ptr [[P]])
; CHECK: done:
; CHECK-NEXT: call void @__escape_side_release(ptr %side.mark)
; CHECK-NEXT: ret i64 %s

; WHY: <eval>: malloc(16) does not escape:
; WHY-NEXT: <eval>:   a node of global stack's list, which eval empties before it returns: on the thread's side stack while it has room, else on the heap
; WHY: <eval2>: malloc(16) does not escape:
; WHY-NEXT: <eval2>:   a node of global stack2's list, which eval2 empties before it returns: on the thread's side stack while it has room, else on the heap

; CHECK-LABEL: define internal i64 @eval2(
; CHECK: call ptr @__escape_side_alloc(i64 16, i64 16)
; CHECK: call i32 @__escape_side_free(ptr %p, i64 16)
; CHECK: done:
; CHECK-NEXT: call void @__escape_side_release(ptr %side.mark)

; WHY: <eval3>: malloc(16) does not escape:
; WHY-NEXT: <eval3>:   a node of global stack3's list, which eval3 empties before it returns: on the thread's side stack while it has room, else on the heap

; The branch taken the other way round: the phi's null comes from the path
; where the head was not null, and says nothing.
; SWAP: <eval3>: malloc(16) escapes to heap:
; SWAP-NOT: stack3's list

; A path that may leave another pointer in the phi (a parameter: not the
; head's value) proves nothing there, and a free of a select of a node and
; a parameter may be given something else than a node (its size would give
; back other memory): eval2's nodes stay, eval's move.
; OTHER: <eval>: malloc(16) does not escape:
; OTHER: <eval2>: malloc(16) escapes to heap:
; OTHER-NOT: stack2's list

; In a pipeline the side stack's calls are inlined: no call of malloc is
; left but the one for a full side stack.
; PIPE-LABEL: define i32 @main(
; PIPE-NOT: call {{.*}}@__escape_side_alloc(
; PIPE: call {{.*}}@malloc(i64 16)

; HEAP: <eval>: malloc(16) escapes to heap:
; HEAP-NOT: global stack's list
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@stack = internal global ptr null
@stack2 = internal global ptr null
@stack3 = internal global ptr null
;TAKEN @fp = global ptr @eval

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) returns_twice

define internal i64 @eval(i32 %n) nounwind {
entry:
  br label %push

push:
  %i = phi i32 [ 0, %entry ], [ %i1, %push ]
  %c = call ptr @malloc(i64 16)
  store i64 1, ptr %c
  %old = load ptr, ptr @stack
  %l = getelementptr inbounds i8, ptr %c, i64 8
  store ptr %old, ptr %l
  store ptr %c, ptr @stack
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %push, label %check

check:
  %flag = icmp eq i32 %n, 7
  br label %test

early:
  ret i64 -1

test:
  %s = phi i64 [ 0, %check ], [ %s1, %pop ]
  %top = load ptr, ptr @stack
  %empty = icmp eq ptr %top, null
  br i1 %empty, label %done, label %pop

pop:
  %nl = getelementptr inbounds i8, ptr %top, i64 8
  %next = load ptr, ptr %nl
  store ptr %next, ptr @stack
  %v = load i64, ptr %top
  %s1 = add i64 %s, %v
  call void @free(ptr %top)
  br label %test

done:
  ret i64 %s
}

; TEST 2 - the loops rotated: the head tested through a phi of what each
; path left in it (a load, the last node stored), then through the value
; each pop stored.
define internal i64 @eval2(i32 %n, ptr %other) nounwind {
entry:
  %some = icmp sgt i32 %n, 0
  br i1 %some, label %push, label %none

none:
  %g0 = load ptr, ptr @stack2
  br label %tst

push:
  %i = phi i32 [ 0, %entry ], [ %i1, %push ]
  %c = call ptr @malloc(i64 16)
  %old = load ptr, ptr @stack2
  %l = getelementptr inbounds i8, ptr %c, i64 8
  store ptr %old, ptr %l
  store ptr %c, ptr @stack2
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %push, label %tst

tst:
  %top = phi ptr [ %g0, %none ], [ %c, %push ]
  %empty = icmp eq ptr %top, null
  br i1 %empty, label %done, label %pop

pop:
  %p = phi ptr [ %top, %tst ], [ %next, %pop ]
  %nl = getelementptr inbounds i8, ptr %p, i64 8
  %next = load ptr, ptr %nl
  store ptr %next, ptr @stack2
  call void @free(ptr %p)
  %e = icmp eq ptr %next, null
  br i1 %e, label %done, label %pop

done:
  ret i64 0
}

; TEST 3 - a phi of null, from the branch that found the head null, and of
; a load of it: what LLVM leaves when it forwards the value it tested.
define internal i64 @eval3(i32 %n) nounwind {
entry:
  %g = load ptr, ptr @stack3
  %e0 = icmp eq ptr %g, null
  br i1 %e0, label %work, label %pop0

pop0:
  %p0 = phi ptr [ %g, %entry ], [ %n0, %pop0 ]
  %l0 = getelementptr inbounds i8, ptr %p0, i64 8
  %n0 = load ptr, ptr %l0
  store ptr %n0, ptr @stack3
  call void @free(ptr %p0)
  %e1 = icmp eq ptr %n0, null
  br i1 %e1, label %reload, label %pop0

reload:
  %g1 = load ptr, ptr @stack3
  br label %work

work:
  %w = phi ptr [ null, %entry ], [ %g1, %reload ]
  %none = icmp slt i32 %n, 1
  br i1 %none, label %final, label %push

push:
  %i = phi i32 [ 0, %work ], [ %i1, %push ]
  %c = call ptr @malloc(i64 16)
  %old = load ptr, ptr @stack3
  %l = getelementptr inbounds i8, ptr %c, i64 8
  store ptr %old, ptr %l
  store ptr %c, ptr @stack3
  %i1 = add i32 %i, 1
  %more = icmp slt i32 %i1, %n
  br i1 %more, label %push, label %after

after:
  %g2 = load ptr, ptr @stack3
  br label %final

final:
  %t = phi ptr [ %w, %work ], [ %g2, %after ]
  %e2 = icmp eq ptr %t, null
  br i1 %e2, label %done, label %pop1

pop1:
  %p1 = phi ptr [ %t, %final ], [ %n1, %pop1 ]
  %l1 = getelementptr inbounds i8, ptr %p1, i64 8
  %n1 = load ptr, ptr %l1
  store ptr %n1, ptr @stack3
  call void @free(ptr %p1)
  %e3 = icmp eq ptr %n1, null
  br i1 %e3, label %done, label %pop1

done:
  ret i64 0
}

define i32 @main(i32 %argc, ptr %argv) nounwind {
  ;SETJMP %j = call i32 @setjmp(ptr null)
  %r2 = call i64 @eval2(i32 %argc, ptr %argv)
  %r3 = call i64 @eval3(i32 %argc)
  %r = call i64 @eval(i32 %argc)
  %t = trunc i64 %r to i32
  ret i32 %t
}
;AGAIN define internal void @again() nounwind { call i32 @main(i32 0, ptr null) ret void }

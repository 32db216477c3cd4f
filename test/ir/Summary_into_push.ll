; Summary_into_push: a store through a parameter is a store into the caller's
; object.  A callee's summary says "parameter i's object at level d flows
; into parameter k's object at level e" (leaks.c, the into sinks; the -m
; line "leaking param: it to content of l level=0"), and each caller adds
; the store *deref^e(arg k) = deref^d(arg i) against its own objects
; (call.c): into its own stack object the pointer stays local; into a
; global, memory it does not own, or its own caller's object it escapes or
; is carried on in its own summary.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --match-full-lines
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)

@g_list = global [2 x ptr] zeroinitializer
@g_ptr = global ptr null
@g_pair = global [2 x ptr] zeroinitializer

; it->next = l->head; l->head = it
; REPORT: <push>: leaking param: arg0 to content of arg1 level=1
; REPORT-NEXT: <push>: leaking param: arg1 to content of arg0 level=0
define void @push(ptr %l, ptr %it) {
  %h = load ptr, ptr %l
  store ptr %h, ptr %it
  store ptr %it, ptr %l
  ret void
}

; TEST 1 - positive: two objects pushed onto a list in the caller's frame.
; CHECK-LABEL: define i1 @local_list(
; CHECK-NEXT:    %b.stack = alloca [16 x i8], align 16
; CHECK-NEXT:    %a.stack = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK:         call void @push(ptr %l, ptr %a.stack)
; CHECK-NEXT:    call void @push(ptr %l, ptr %b.stack)
; REPORT-NEXT: <local_list>: malloc(16) does not escape
; REPORT-NEXT: <local_list>: malloc(16) does not escape
define i1 @local_list() {
  %l = alloca [2 x ptr]
  store ptr null, ptr %l
  %a = call ptr @malloc(i64 16)
  call void @push(ptr %l, ptr %a)
  %b = call ptr @malloc(i64 16)
  call void @push(ptr %l, ptr %b)
  %h = load ptr, ptr %l
  %e = icmp eq ptr %h, null
  ret i1 %e
}

; TEST 2 - negative: pushed onto a global list.
; CHECK-LABEL: define void @global_list(
; CHECK-NEXT:    %a = call ptr @malloc(i64 16)
; REPORT-NEXT: <global_list>: malloc(16) escapes to heap
define void @global_list() {
  %a = call ptr @malloc(i64 16)
  call void @push(ptr @g_list, ptr %a)
  ret void
}

; TEST 3 - negative beside positive: pushed onto the list of the caller's
; caller (a parameter): fwd's summary carries the flow on (push2) or, for
; its own object, sends it to the heap (fwd).
; REPORT-NEXT: <push2>: leaking param: arg0 to content of arg1 level=1
; REPORT-NEXT: <push2>: leaking param: arg1 to content of arg0 level=0
define void @push2(ptr %l, ptr %it) {
  call void @push(ptr %l, ptr %it)
  ret void
}
; REPORT-NEXT: <fwd>: malloc(16) escapes to heap
; REPORT-NEXT: <fwd>: leaking param content: arg0
define void @fwd(ptr %outer) {
  %a = call ptr @malloc(i64 16)
  call void @push2(ptr %outer, ptr %a)
  ret void
}
; REPORT-NEXT: <local_list2>: malloc(16) does not escape
define i1 @local_list2() {
  %l = alloca [2 x ptr]
  store ptr null, ptr %l
  %a = call ptr @malloc(i64 16)
  call void @push2(ptr %l, ptr %a)
  %h = load ptr, ptr %l
  %e = icmp eq ptr %h, null
  ret i1 %e
}
; REPORT-NEXT: <global_list2>: malloc(16) escapes to heap
define void @global_list2() {
  %a = call ptr @malloc(i64 16)
  call void @push2(ptr @g_list, ptr %a)
  ret void
}

; TEST 4 - negative: the store's target may be l's object or a global.
; REPORT-NEXT: <push_maybe_global>: arg0 does not escape
; REPORT-NEXT: <push_maybe_global>: leaking param: arg1
define void @push_maybe_global(ptr %l, ptr %it, i1 %c) {
  %t = select i1 %c, ptr %l, ptr @g_list
  store ptr %it, ptr %t
  ret void
}
; REPORT-NEXT: <maybe_global>: malloc(16) escapes to heap
define void @maybe_global(i1 %c) {
  %l = alloca [2 x ptr]
  %a = call ptr @malloc(i64 16)
  call void @push_maybe_global(ptr %l, ptr %a, i1 %c)
  ret void
}

; TEST 5 - positive beside negatives: a store through a pointer loaded from
; the parameter (o->inner->head = it): into the caller's object one deref
; down, which is the caller's own (stack), a global (heap), or memory the
; caller does not own (heap).
; REPORT-NEXT: <link_inner>: arg0 does not escape
; REPORT-NEXT: <link_inner>: leaking param: arg1 to content of *arg0 level=0
define void @link_inner(ptr %o, ptr %it) {
  %in = load ptr, ptr %o
  store ptr %it, ptr %in
  ret void
}
; REPORT-NEXT: <inner_local>: malloc(16) does not escape
define void @inner_local() {
  %inner = alloca [2 x ptr]
  %outer = alloca ptr
  store ptr %inner, ptr %outer
  %a = call ptr @malloc(i64 16)
  call void @link_inner(ptr %outer, ptr %a)
  ret void
}
; REPORT-NEXT: <inner_global>: malloc(16) escapes to heap
define void @inner_global() {
  %outer = alloca ptr
  store ptr @g_list, ptr %outer
  %a = call ptr @malloc(i64 16)
  call void @link_inner(ptr %outer, ptr %a)
  ret void
}
; REPORT-NEXT: <inner_param>: malloc(16) escapes to heap
; REPORT-NEXT: <inner_param>: arg0 does not escape
define void @inner_param(ptr %o) {
  %a = call ptr @malloc(i64 16)
  call void @link_inner(ptr %o, ptr %a)
  ret void
}

; TEST 6 - negative: the address laundered through an integer stored into
; the caller's object; the caller turns it back and stores it in a global.
; REPORT-NEXT: <push_bits>: arg0 does not escape
; REPORT-NEXT: <push_bits>: leaking param: arg1 to content of arg0 level=0
define void @push_bits(ptr %l, ptr %it) {
  %b = ptrtoint ptr %it to i64
  store i64 %b, ptr %l
  ret void
}
; REPORT-NEXT: <launder>: malloc(16) escapes to heap
define void @launder() {
  %l = alloca i64
  %a = call ptr @malloc(i64 16)
  call void @push_bits(ptr %l, ptr %a)
  %v = load i64, ptr %l
  %p = inttoptr i64 %v to ptr
  store ptr %p, ptr @g_ptr
  ret void
}
; REPORT-NEXT: <launder_local>: malloc(16) does not escape
define i1 @launder_local() {
  %l = alloca i64
  %a = call ptr @malloc(i64 16)
  call void @push_bits(ptr %l, ptr %a)
  %v = load i64, ptr %l
  %z = icmp eq i64 %v, 0
  ret i1 %z
}

; TEST 7 - positive beside negative: recursion through the store.
; REPORT-NEXT: <push_n>: arg0 does not escape
; REPORT-NEXT: <push_n>: leaking param: arg1 to content of arg0 level=0
define void @push_n(ptr %l, ptr %it, i32 %n) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %base, label %rec
base:
  store ptr %it, ptr %l
  ret void
rec:
  %m = sub i32 %n, 1
  call void @push_n(ptr %l, ptr %it, i32 %m)
  ret void
}
; REPORT-NEXT: <rec_local>: malloc(16) does not escape
define void @rec_local(i32 %n) {
  %l = alloca ptr
  %a = call ptr @malloc(i64 16)
  call void @push_n(ptr %l, ptr %a, i32 %n)
  ret void
}
; REPORT-NEXT: <ra>: arg0 does not escape
; REPORT-NEXT: <ra>: leaking param: arg1
define void @ra(ptr %l, ptr %it, i32 %n) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %base, label %rec
base:
  store ptr %it, ptr %l
  ret void
rec:
  call void @rb(ptr %l, ptr %it, i32 %n)
  ret void
}
; REPORT-NEXT: <rb>: arg0 does not escape
; REPORT-NEXT: <rb>: leaking param: arg1
define void @rb(ptr %l, ptr %it, i32 %n) {
  %m = sub i32 %n, 1
  call void @ra(ptr @g_list, ptr %it, i32 %m)
  ret void
}
; REPORT-NEXT: <rec_global>: malloc(16) escapes to heap
define void @rec_global(i32 %n) {
  %l = alloca ptr
  %a = call ptr @malloc(i64 16)
  call void @ra(ptr %l, ptr %a, i32 %n)
  ret void
}

; TEST 8 - negative: a store into a parameter past the eighth: the heap.
; REPORT-NEXT: <wide>: arg0 does not escape
; REPORT-NEXT: <wide>: arg1 does not escape
; REPORT-NEXT: <wide>: arg2 does not escape
; REPORT-NEXT: <wide>: arg3 does not escape
; REPORT-NEXT: <wide>: arg4 does not escape
; REPORT-NEXT: <wide>: arg5 does not escape
; REPORT-NEXT: <wide>: arg6 does not escape
; REPORT-NEXT: <wide>: arg7 does not escape
; REPORT-NEXT: <wide>: arg8 does not escape
; REPORT-NEXT: <wide>: leaking param: arg9
define void @wide(ptr %p0, ptr %p1, ptr %p2, ptr %p3, ptr %p4, ptr %p5, ptr %p6, ptr %p7, ptr %p8, ptr %p9) {
  store ptr %p9, ptr %p8
  ret void
}
; REPORT-NEXT: <wide_local>: malloc(16) escapes to heap
define void @wide_local() {
  %l = alloca ptr
  %a = call ptr @malloc(i64 16)
  call void @wide(ptr null, ptr null, ptr null, ptr null, ptr null, ptr null, ptr null, ptr null, ptr %l, ptr %a)
  ret void
}

; TEST 9 - positive beside negative: memcpy of a struct of pointers into
; the caller's struct, or into a global one.
; CHECK-LABEL: define i1 @pair_local(
; CHECK-NEXT:    %x.stack = alloca [16 x i8], align 16
; CHECK-NOT:     @malloc
; CHECK-NOT:     @free
; CHECK:         ret i1 %e
; CHECK-LABEL: define void @pair_global(
; CHECK:         %x = call ptr @malloc(i64 8)
; REPORT-NEXT: <copy_pair>: arg0 does not escape
; REPORT-NEXT: <copy_pair>: leaking param: arg1 to content of arg0 level=1
define void @copy_pair(ptr %d, ptr %s) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 16, i1 false)
  ret void
}
; REPORT-NEXT: <pair_local>: malloc(8) does not escape
define i1 @pair_local() {
  %s = alloca [2 x ptr]
  %d = alloca [2 x ptr]
  %x = call ptr @malloc(i64 8)
  store ptr %x, ptr %s
  call void @copy_pair(ptr %d, ptr %s)
  %y = load ptr, ptr %d
  %e = icmp eq ptr %y, %x
  call void @free(ptr %y)
  ret i1 %e
}
; REPORT-NEXT: <pair_global>: malloc(8) escapes to heap
define void @pair_global() {
  %s = alloca [2 x ptr]
  %x = call ptr @malloc(i64 8)
  store ptr %x, ptr %s
  call void @copy_pair(ptr @g_pair, ptr %s)
  ret void
}

; TEST 10 - negative: stored through a null argument: anywhere.
; REPORT-NEXT: <null_list>: malloc(16) escapes to heap
define void @null_list() {
  %a = call ptr @malloc(i64 16)
  call void @push(ptr null, ptr %a)
  ret void
}

; TEST 11 - negative: the callee's own object, stored into the caller's.
; REPORT-NEXT: <make_node>: malloc(16) escapes to heap
; REPORT-NEXT: <make_node>: leaking param content: arg0
define void @make_node(ptr %l) {
  %n = call ptr @malloc(i64 16)
  %h = load ptr, ptr %l
  store ptr %h, ptr %n
  store ptr %n, ptr %l
  ret void
}

; TEST 12 - negative: a library's callback (qsort's comparator) stores what
; its first parameter points to into the object of its second.  The call
; cannot resolve the comparator's parameters against its own arguments (the
; library picks them, maybe in a buffer of its own): the into sinks count as
; the heap (leaks.c, esc_leaks_fold_into), so what the base array holds
; escapes.
declare void @qsort(ptr, i64, i64, ptr)
; REPORT-NEXT: <cmp_store>: leaking param: arg0 to content of arg1 level=1
; REPORT-NEXT: <cmp_store>: arg1 does not escape
define i32 @cmp_store(ptr %a, ptr %b) {
  %v = load ptr, ptr %a
  store ptr %v, ptr %b
  ret i32 0
}
; REPORT-NEXT: <sort_store>: malloc(16) escapes to heap
define void @sort_store() {
  %arr = alloca [2 x ptr]
  %x = call ptr @malloc(i64 16)
  store ptr %x, ptr %arr
  call void @qsort(ptr %arr, i64 2, i64 8, ptr @cmp_store)
  ret void
}

; TEST 13 - negative: pushed onto the caller's own list in a loop: every
; iteration's object is live in the next (the list holds it), so one slot
; cannot serve them all (solve.c's loop rule sees the call's store).
; REPORT-NEXT: <loop_list>: malloc(16) escapes to heap
define i1 @loop_list(i32 %n) {
entry:
  %l = alloca [2 x ptr]
  store ptr null, ptr %l
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %a = call ptr @malloc(i64 16)
  call void @push(ptr %l, ptr %a)
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  %h = load ptr, ptr %l
  %e = icmp eq ptr %h, null
  ret i1 %e
}

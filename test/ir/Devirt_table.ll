; Calls through a table of functions that the function's own fresh object
; holds (devirt.c): a C table of operations or a C++ vtable stored into the
; object is the table the call reads when nothing else can have written the
; object's field since, and the call becomes a direct call (the small ones
; inlined). Positives beside negatives: the object's address handed to a call
; or stored before the call, two tables on two paths, a table on one path
; only, a store, memset, atomic exchange or unknown-offset store over the
; field, a table in a variable global, a table entry of another type, an
; object that is not the function's own, a setjmp, a read before the store,
; a call with an operand bundle, a musttail call. The same rule for a field of
; the object that holds the function itself, and its negative (the object's
; address stored in a slot and the field written through the pointer loaded back).
; From a review: an object made in a later block and handed over before its
; table is stored; inlining only as LLVM's inliner may (a noinline call site,
; inline assembly, target features); a scalable vector store; the callee's
; attributes merged into the caller's as LLVM's inliner merges them.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s
; RUN: %opt -passes=escape -pass-remarks=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=table
; The passed remarks, in the order of the functions:
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to ext_close
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to small_close (inlined)
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to ext_close
; REMARK: remark: <unknown>:0:0: release inlined: it calls through the table of an object made here, which is known
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to small_close (inlined)
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to ext_close
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to avx_close
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to ext_close
; REMARK: remark: <unknown>:0:0: call through a table of functions resolved to plain_close (inlined)

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @ext_close(ptr)
declare void @ext_other(ptr)
declare i32 @ext_int(ptr)
declare void @unknown(ptr)
declare void @nothing()
declare i32 @setjmp(ptr) returns_twice

define internal void @small_close(ptr %p) {
  call void @free(ptr %p)
  ret void
}

@ops = internal constant { ptr, ptr } { ptr @ext_other, ptr @ext_close }
@ops2 = internal constant { ptr, ptr } { ptr @ext_close, ptr @ext_other }
@ops_small = internal constant { ptr, ptr } { ptr @ext_other, ptr @small_close }
@ops_var = internal global { ptr, ptr } { ptr @ext_other, ptr @ext_close }
@ops_int = internal constant { ptr, ptr } { ptr @ext_int, ptr @ext_int }
@vt = internal constant { [4 x ptr] } { [4 x ptr] [ptr null, ptr null, ptr @ext_other, ptr @ext_close] }
@g = global ptr null
@jb = global [64 x i8] zeroinitializer

; TEST 1 - positive: an unknown call that is not given the object between the store and the call.
; REPORT: <pos_extern>: malloc(16) escapes to heap
; CHECK-LABEL: define void @pos_extern(
; CHECK: call void @nothing()
; CHECK: call void @ext_close(ptr %o)
define void @pos_extern(i32 %k) {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %f = getelementptr inbounds i8, ptr %o, i64 8
  store i32 %k, ptr %f
  call void @nothing()
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 2 - positive: the resolved function is small and inlined; it frees the object, which then moves to the stack.
; REPORT: <pos_inlined>: malloc(16) does not escape
; CHECK-LABEL: define void @pos_inlined(
; CHECK-NEXT: %o.stack = alloca [16 x i8]
; CHECK-NOT: call void %fp
; CHECK-NOT: @small_close
; CHECK: ret void
define void @pos_inlined() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_small, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 3 - positive: a vtable address point (an offset into the vtable), an atomicrmw on the reference count and a fence between.
; REPORT: <pos_vtable_atomic>: malloc(24) escapes to heap
; CHECK-LABEL: define void @pos_vtable_atomic(
; CHECK: fence seq_cst
; CHECK: call void @ext_close(ptr %o)
define void @pos_vtable_atomic() {
  %o = call ptr @malloc(i64 24)
  %rc = getelementptr inbounds i8, ptr %o, i64 8
  store i32 1, ptr %rc
  store ptr getelementptr inbounds (i8, ptr @vt, i64 16), ptr %o
  %old = atomicrmw add ptr %rc, i32 -1 acq_rel
  fence seq_cst
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 4 - negative: the object is handed to a call that may write its table.
; REPORT: <neg_published>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_published(
; CHECK: call void %fp(ptr %o)
define void @neg_published() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  call void @unknown(ptr %o)
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 5 - negative: its address is stored to a global (another thread may write the table).
; REPORT: <neg_stored>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_stored(
; CHECK: call void %fp(ptr %o)
define void @neg_stored() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  store ptr %o, ptr @g
  call void @nothing()
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 6 - negative: two tables on two paths.
; REPORT: <neg_two_tables>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_two_tables(
; CHECK: call void %fp(ptr %o)
define void @neg_two_tables(i1 %c) {
  %o = call ptr @malloc(i64 16)
  br i1 %c, label %a, label %b
a:
  store ptr @ops, ptr %o
  br label %m
b:
  store ptr @ops2, ptr %o
  br label %m
m:
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 7 - negative: a table on one path only.
; REPORT: <neg_one_path>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_one_path(
; CHECK: call void %fp(ptr %o)
define void @neg_one_path(i1 %c) {
  %o = call ptr @malloc(i64 16)
  br i1 %c, label %a, label %m
a:
  store ptr @ops, ptr %o
  br label %m
m:
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 8 - negative: a store into bytes of the table field.
; REPORT: <neg_overlap>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_overlap(
; CHECK: call void %fp(ptr %o)
define void @neg_overlap() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %h = getelementptr inbounds i8, ptr %o, i64 4
  store i32 0, ptr %h
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 9 - negative: memset over the object.
; REPORT: <neg_memset>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_memset(
; CHECK: call void %fp(ptr %o)
define void @neg_memset() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  call void @llvm.memset.p0.i64(ptr %o, i8 0, i64 16, i1 false)
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 10 - negative: the table is a variable: its entries may change.
; REPORT: <neg_variable_table>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_variable_table(
; CHECK: call void %fp(ptr %o)
define void @neg_variable_table() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_var, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 11 - negative: the entry is a function of another type.
; REPORT: <neg_type>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_type(
; CHECK: call void %fp(ptr %o)
define void @neg_type() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_int, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 12 - negative: the object is the caller's.
; REPORT: <neg_param>: leaking param: arg0
; CHECK-LABEL: define void @neg_param(
; CHECK: call void %fp(ptr %o)
define void @neg_param(ptr %o) {
  store ptr @ops, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 13 - negative: a setjmp in the function.
; REPORT: <neg_setjmp>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_setjmp(
; CHECK: call void %fp(ptr %o)
define void @neg_setjmp() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %r = call i32 @setjmp(ptr @jb)
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 14 - negative: in a loop, the table is read before it is stored.
; REPORT: <neg_loop_before_store>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_loop_before_store(
; CHECK: call void %fp(ptr %o)
define void @neg_loop_before_store(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %o = call ptr @malloc(i64 16)
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  store ptr @ops, ptr %o
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %out
out:
  ret void
}

; A function that calls through its parameter's table; noinline, as libstdc++'s _M_release_last_use_cold.
; REPORT: <release>: leaking param: arg0
; CHECK-LABEL: define void @release(
; CHECK: call void %fp(ptr %p)
define void @release(ptr %p) noinline {
  %t = load ptr, ptr %p
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %p)
  ret void
}

; TEST 15 - positive: a call that hands the object, whose table is known, to @release is inlined, and @release's call resolves.
; REPORT: <pos_hands_table>: malloc(16) does not escape
; CHECK-LABEL: define void @pos_hands_table(
; CHECK-NEXT: %o.stack = alloca [16 x i8]
; CHECK-NOT: call void @release
; CHECK-NOT: call void %fp
; CHECK: ret void
define void @pos_hands_table() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_small, ptr %o
  call void @release(ptr %o)
  ret void
}

; TEST 16 - negative: the object was handed to an unknown call first: @release stays a call.
; REPORT: <neg_hands_unknown>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_hands_unknown(
; CHECK: call void @unknown(ptr %o)
; CHECK-NEXT: call void @release(ptr %o)
define void @neg_hands_unknown() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_small, ptr %o
  call void @unknown(ptr %o)
  call void @release(ptr %o)
  ret void
}

; TEST 17 - negative: a store at an offset not known.
; REPORT: <neg_unknown_offset>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_unknown_offset(
; CHECK: call void %fp(ptr %o)
define void @neg_unknown_offset(i64 %k) {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %q = getelementptr i8, ptr %o, i64 %k
  store i8 0, ptr %q
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 18 - negative: a table that is not a constant stored last.
; REPORT: <neg_table_from_param>: malloc(16) escapes to heap
; REPORT: <neg_table_from_param>: leaking param: arg0
; CHECK-LABEL: define void @neg_table_from_param(
; CHECK: call void %fp(ptr %o)
define void @neg_table_from_param(ptr %tab) {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  store ptr %tab, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 19 - negative: an atomic exchange of the table field.
; REPORT: <neg_xchg_table>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_xchg_table(
; CHECK: call void %fp(ptr %o)
define void @neg_xchg_table() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %old = atomicrmw xchg ptr %o, ptr @ops2 seq_cst
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 20 - negative: an operand bundle on the call (a kcfi check belongs to the indirect call).
; REPORT: <neg_bundle>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_bundle(
; CHECK: call void %fp(ptr %o) [ "escape.test"(i32 1) ]
define void @neg_bundle() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o) [ "escape.test"(i32 1) ]
  ret void
}

; TEST 21 - negative: a musttail call.
; REPORT: <neg_musttail>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_musttail(
; CHECK: musttail call void %fp(ptr %o)
define void @neg_musttail(ptr %unused) {
  %o = call ptr @malloc(i64 16)
  store ptr @ops, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  musttail call void %fp(ptr %o)
  ret void
}

; TEST 22 - positive: the object's own field holds the function (no table), a fence between.
; REPORT: <pos_field>: malloc(16) escapes to heap
; CHECK-LABEL: define void @pos_field(
; CHECK: fence seq_cst
; CHECK: call void @ext_close(ptr %o)
define void @pos_field() {
  %o = call ptr @malloc(i64 16)
  %f = getelementptr inbounds i8, ptr %o, i64 8
  store ptr @ext_close, ptr %f
  fence seq_cst
  %fp = load ptr, ptr %f
  call void %fp(ptr %o)
  ret void
}

; TEST 23 - negative: the field is written through a pointer loaded back from memory after
; the object's address was stored in a local slot (the store lets it go).
; REPORT: <neg_field_via_slot>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_field_via_slot(
; CHECK: call void %fp(ptr %o)
define void @neg_field_via_slot() {
  %slot = alloca ptr
  %o = call ptr @malloc(i64 16)
  %f = getelementptr inbounds i8, ptr %o, i64 8
  store ptr @ext_close, ptr %f
  store ptr %o, ptr %slot
  %o2 = load ptr, ptr %slot
  %f2 = getelementptr inbounds i8, ptr %o2, i64 8
  store ptr @ext_other, ptr %f2
  %fp = load ptr, ptr %f
  call void %fp(ptr %o)
  ret void
}

; TEST 24 - negative: the object is made in a later block and handed to a call before the
; table is stored there (the flow walks every block it reaches, not only those whose state
; grew); @retable then switches the table through the global.
; REPORT: <neg_late_published>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_late_published(
; CHECK: call void %fp(ptr %o)
define void @neg_late_published(i1 %c) {
entry:
  br i1 %c, label %b, label %out
b:
  %o = call ptr @malloc(i64 16)
  store ptr %o, ptr @g
  br label %m
m:
  store ptr @ops, ptr %o
  call void @retable()
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  br label %out
out:
  ret void
}

define void @retable() {
  %o = load ptr, ptr @g
  store ptr @ops2, ptr %o
  ret void
}

; TEST 25 - negative: a noinline call site is not inlined (it calls through the table of a
; known object all the same).
; REPORT: <neg_noinline_site>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_noinline_site(
; CHECK: call void @release(ptr %o) #[[NOINL:[0-9]+]]
define void @neg_noinline_site() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_small, ptr %o
  call void @release(ptr %o) noinline
  ret void
}

; TEST 26 - negative: a function with inline assembly is not inlined (a label defined twice).
; REPORT: <release_asm>: leaking param: arg0
; REPORT: <neg_asm>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_asm(
; CHECK: call void @release_asm(ptr %o)
define void @release_asm(ptr %p) noinline {
  call void asm sideeffect "probe_point:", ""()
  %t = load ptr, ptr %p
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %p)
  ret void
}

define void @neg_asm() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_small, ptr %o
  call void @release_asm(ptr %o)
  ret void
}

; TEST 27 - negative: a resolved callee built for target features the caller lacks (AVX2)
; becomes a direct call and is not inlined.
; REPORT: <neg_features>: malloc(16) escapes to heap
; CHECK-LABEL: define void @neg_features(
; CHECK: call void @avx_close(ptr %o)
define internal void @avx_close(ptr %p) #90 {
  call void @free(ptr %p)
  ret void
}
@ops_avx = internal constant { ptr, ptr } { ptr @ext_other, ptr @avx_close }

define void @neg_features() {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_avx, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

; TEST 28 - a scalable vector stored into the object (its size is not a constant) is a
; write of unknown length: no crash, and the table after it still resolves.
; REPORT: <pos_scalable>: malloc(64) escapes to heap
; CHECK-LABEL: define void @pos_scalable(
; CHECK: call void @ext_close(ptr %o)
define void @pos_scalable(<vscale x 4 x i32> %v) {
  %o = call ptr @malloc(i64 64)
  %d = getelementptr inbounds i8, ptr %o, i64 16
  store <vscale x 4 x i32> %v, ptr %d
  store ptr @ops, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

attributes #90 = { "target-features"="+avx2" }

; TEST 29 - positive: an inlined callee's attributes merge into the caller's as LLVM's inliner
; merges them: code compiled without fast math makes the caller's no-nans-fp-math false.
; REPORT: <pos_merge>: malloc(16) does not escape
; CHECK-LABEL: define void @pos_merge(
; CHECK-SAME: #[[MERGED:[0-9]+]]
define internal void @plain_close(ptr %p) {
  call void @free(ptr %p)
  ret void
}
@ops_plain = internal constant { ptr, ptr } { ptr @ext_other, ptr @plain_close }

define void @pos_merge() #91 {
  %o = call ptr @malloc(i64 16)
  store ptr @ops_plain, ptr %o
  %t = load ptr, ptr %o
  %s = getelementptr inbounds i8, ptr %t, i64 8
  %fp = load ptr, ptr %s
  call void %fp(ptr %o)
  ret void
}

attributes #91 = { "no-nans-fp-math"="true" }
; CHECK: attributes #[[MERGED]] = { {{.*}}"no-nans-fp-math"="false"

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

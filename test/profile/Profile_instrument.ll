; -escape-profile: what the instrumentation adds.  A converted site counts
; the allocation it avoided where the malloc was; a heap site reports its
; result, size and frame after the call; a function with heap sites enters
; its frame at entry and leaves it before each return; frees and reallocs
; anywhere report the object first; invokes get their hook on the normal
; edge; a constructor registers the module's table of sites.  Without the
; option nothing of this is added.
; RUN: %opt -passes=escape -escape-profile -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape,verify -escape-profile -disable-output %s
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -passes=escape,escape -escape-profile -S %s | FileCheck %s --check-prefix=TWICE

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)

@g = global ptr null

; OFF-NOT: __escape_profile
; OFF-NOT: escape.profile

; CHECK: @escape.profile.site = private global { [7 x i64], ptr, ptr, ptr, ptr, ptr, i32, i32, i32, i32, i64, ptr } { [7 x i64] zeroinitializer, {{.*}}, i32 0, i32 0, i32 1, i32 0, i64 0, ptr null }
; A site with a run-time size counts the sizes it asks for (flag 8, and its
; zero-initialized buckets): the heap sites of @heap and @invoked, and the
; guarded site (flags 1 | 4 | 8).
; CHECK: @escape.profile.sizes = private global [114 x i64] zeroinitializer, align 8
; CHECK: @escape.profile.site.{{[0-9]+}} = {{.*}}, i32 0, i32 0, i32 8, i32 0, i64 0, ptr @escape.profile.sizes }
; CHECK: @escape.profile.site.{{[0-9]+}} = {{.*}}, i32 0, i32 0, i32 13, i32 0, i64 0, ptr @escape.profile.sizes.{{[0-9]+}} }
; CHECK: @__escape_profile_module = private global { i32, i32, ptr, ptr } { i32 1, i32 4, ptr @escape.profile.sites, ptr null }
; CHECK: @llvm.global_ctors = appending global {{.*}} @escape.profile.ctor

; TEST 1 - positive: a converted site counts one avoided allocation of 16
; bytes; the function gets no frame hooks.
; CHECK-LABEL: define void @converted(
; CHECK-NOT:     __escape_profile_enter
; CHECK:         call void @__escape_profile_avoided(ptr @escape.profile.site, i64 16)
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr %p.stack)
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr %p.stack)
; CHECK-NEXT:    call void @look(ptr %p.stack)
; CHECK-NOT:     __escape_profile
; CHECK:         ret void
define void @converted() {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 2 - negative: a site that stays on the heap reports its object, its
; size (n * 8 for calloc) and its frame; the frame ends before each return.
; CHECK-LABEL: define void @heap(
; CHECK-NEXT:    [[T:%.*]] = call i64 @__escape_profile_enter()
; CHECK-NEXT:    %p = call ptr @calloc(i64 %n, i64 8)
; CHECK-NEXT:    [[SZ:%.*]] = mul i64 %n, 8
; CHECK-NEXT:    call void @__escape_profile_alloc(ptr @escape.profile.site.{{[0-9]+}}, ptr %p, i64 [[SZ]], i64 [[T]])
; CHECK-NEXT:    store ptr %p, ptr @g
; CHECK-NEXT:    br i1 %c, label %a, label %b
; CHECK:       a:
; CHECK-NEXT:    call void @__escape_profile_exit(i64 [[T]])
; CHECK-NEXT:    ret void
; CHECK:       b:
; CHECK-NEXT:    call void @__escape_profile_exit(i64 [[T]])
; CHECK-NEXT:    ret void
define void @heap(i64 %n, i1 %c) {
  %p = call ptr @calloc(i64 %n, i64 8)
  store ptr %p, ptr @g
  br i1 %c, label %a, label %b
a:
  ret void
b:
  ret void
}

; TEST 3 - a function with no allocation: its free and realloc are reported
; (realloc before and after), with no frame.
; CHECK-LABEL: define ptr @frees(
; CHECK-NEXT:    call void @__escape_profile_free(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK-NEXT:    call void @__escape_profile_realloc_begin(ptr %q)
; CHECK-NEXT:    %r = call ptr @realloc(ptr %q, i64 64)
; CHECK-NEXT:    call void @__escape_profile_realloc_end(ptr %q, ptr %r, i64 64)
; CHECK-NEXT:    ret ptr %r
define ptr @frees(ptr %p, ptr %q) {
  call void @free(ptr %p)
  %r = call ptr @realloc(ptr %q, i64 64)
  ret ptr %r
}

; TEST 4 - an invoke of an allocator: the hook runs on its normal edge only
; (the edge is split: the destination has another predecessor).
; CHECK-LABEL: define void @invoked(
; CHECK-NEXT:    [[T:%.*]] = call i64 @__escape_profile_enter()
; CHECK:         %p = invoke ptr @malloc(i64 %n)
; CHECK-NEXT:            to label %[[SPLIT:[a-z_.]+]] unwind label %lp
; CHECK:       [[SPLIT]]:
; CHECK-NEXT:    call void @__escape_profile_alloc(ptr @escape.profile.site.{{[0-9]+}}, ptr %p, i64 %n, i64 [[T]])
; CHECK-NEXT:    br label %join
; CHECK:         call void @may_throw()
; CHECK-NEXT:    call void @__escape_profile_exit(i64 [[T]])
; CHECK-NEXT:    ret void
; CHECK:       lp:
; CHECK:         call void @__escape_profile_exit(i64 [[T]])
; CHECK-NEXT:    resume
define void @invoked(i64 %n, i1 %c) personality ptr @__gxx_personality_v0 {
  br i1 %c, label %alloc, label %join
alloc:
  %p = invoke ptr @malloc(i64 %n) to label %join unwind label %lp
join:
  %v = phi ptr [ null, %0 ], [ %p, %alloc ]
  store ptr %v, ptr @g
  call void @may_throw()
  ret void
lp:
  %e = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %e
}

; TEST 6 - a guarded site (run-time size): every run counts as avoided
; before the guard; the heap path keeps its malloc and reports it (the
; runtime takes the avoided count back); the free sees NULL for the stack
; buffer.
; CHECK-LABEL: define void @guarded(
; CHECK:         [[T:%.*]] = call i64 @__escape_profile_enter()
; CHECK-NEXT:    call void @__escape_profile_avoided(ptr [[SITE:@escape.profile.site.[0-9]+]], i64 %n)
; CHECK-NEXT:    %fits = icmp ule i64 %n, 256
; CHECK:         %p = call ptr @malloc(i64 %n)
; CHECK-NEXT:    call void @__escape_profile_alloc(ptr [[SITE]], ptr %p, i64 %n, i64 [[T]])
; CHECK:         [[F:%.*]] = select i1 {{.*}}, ptr null, ptr %p.guarded
; CHECK-NEXT:    call void @__escape_profile_free(ptr [[F]])
; CHECK-NEXT:    call void @free(ptr [[F]])
; CHECK-NEXT:    call void @__escape_profile_exit(i64 [[T]])
; CHECK-NEXT:    ret void
define void @guarded(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; The constructor registers the table.
; CHECK: define internal void @escape.profile.ctor()
; CHECK-NEXT: entry:
; CHECK-NEXT: call void @__escape_profile_register(ptr @__escape_profile_module)

; TEST 5 - two copies of the instrumentation never stack up: a second run
; of the pass leaves the module as the first left it.
; TWICE-COUNT-1: @__escape_profile_module =
; TWICE-NOT: @__escape_profile_module.1
; TWICE-LABEL: define void @heap(
; TWICE-NEXT:    call i64 @__escape_profile_enter()
; TWICE-NEXT:    %p = call ptr @calloc(i64 %n, i64 8)
; TWICE-NEXT:    mul
; TWICE-NEXT:    call void @__escape_profile_alloc(
; TWICE-NEXT:    store ptr %p, ptr @g

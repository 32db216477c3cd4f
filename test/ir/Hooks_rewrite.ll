; Allocator hooks (hooks.c): a call through a global slot that starts as
; malloc or calloc is an allocation site; its stack path is taken only when
; the value called is that allocator and the size fits, and a call through
; a slot that starts as free skips the stack buffer (p == buf), its
; pointer never replaced.  Negatives side by side: a slot another module
; defines (ThinLTO's view) or a weak one (its initializer may not be the one
; that runs), a slot starting as anything else (a wrapper that adjusts the
; size too; a one-line wrapper of malloc is a hook), the realloc slot, the
; pointer handed to an ordinary indirect call, malloc not a builtin, a plain
; malloc freed through the free slot (an installed deallocator must see it).
; %opt runs the pass a second time under synthetic debug info (-g).
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape,verify -verify-each -disable-output %t.ll
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%hooks = type { ptr, ptr, ptr }

@global_hooks = internal global %hooks { ptr @malloc, ptr @free, ptr @realloc }
@vmalloc = internal global ptr @malloc
@vcalloc = internal global ptr @calloc
@vfree = internal global ptr @free
@ext_malloc = external global ptr
@weak_malloc = weak global ptr @malloc
@other = internal global ptr @make
@fp = internal global ptr null

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @realloc(ptr, i64)
declare void @free(ptr)
declare ptr @make(i64)
declare void @look(ptr nocapture readonly) nofree nounwind

; WHY: <table>: global_hooks+0(32) does not escape:
; WHY-NEXT: <table>:   allocator hook: a 32-byte stack buffer while the hook is malloc and the size fits, else the hook's call
; WHY-NEXT: <zeroed>: vcalloc(..., 4) does not escape:
; WHY-NEXT: <zeroed>:   allocator hook: a 256-byte stack buffer while the hook is calloc and the size fits, else the hook's call
; WHY-NEXT: <grown>: global_hooks+0(32) escapes to heap:
; WHY-NEXT: <grown>:   flow: {heap} = a temporary:
; WHY-NEXT: <grown>:     from a temporary (passed to an indirect call) at <grown>
; WHY-NEXT: <handed>: global_hooks+0(32) escapes to heap:
; WHY-NEXT: <handed>:   flow: {heap} = a temporary:
; WHY-NEXT: <handed>:     from a temporary (passed to an indirect call) at <handed>
; WHY-NEXT: <plain_hookfree>: malloc(...) escapes to heap:
; WHY-NEXT: <plain_hookfree>:   passed to an indirect callee, which may free it, at <plain_hookfree>
; WHY-NEXT: <fixed_hookfree>: malloc(16) escapes to heap:
; WHY-NEXT: <fixed_hookfree>:   passed to an indirect callee, which may free it, at <fixed_hookfree>
; WHY-NEXT: <rec>: vmalloc(32) does not escape:
; WHY-NEXT: <rec>:   allocator hook: a 32-byte stack buffer while the hook is malloc and the size fits, else the hook's call
; WHY-NEXT: <rec>:   recursive: on the thread's side stack while it has room, else on the heap
; WHY-NEXT: <wrap>: malloc(...) escapes to heap:
; WHY-NEXT: <wrap>:   flow: {heap} = malloc(...):
; WHY-NEXT: <wrap>:     from malloc(...) (returned) at <wrap>
; WHY-NEXT: <wrapped>: wslot(32) does not escape:
; WHY-NEXT: <wrapped>:   allocator hook: a 32-byte stack buffer while the hook is wrap and the size fits, else the hook's call
; WHY-NEXT: <wrap_plus>: malloc(...) escapes to heap:
; WHY-NEXT: <wrap_plus>:   flow: {heap} = malloc(...):
; WHY-NEXT: <wrap_plus>:     from malloc(...) (returned) at <wrap_plus>
; WHY-NOT: escape

; TEST 1 - a table's allocate field (offset 0) and deallocate field (offset
; 8): the loaded value is compared with malloc where it is called; the free
; runs only for a pointer that is not the buffer, with that pointer.
; CHECK-LABEL: define void @table(
; CHECK-NEXT:    [[G:%guard.stack]] = alloca [32 x i8], align 16
; CHECK-NEXT:    %a = load ptr, ptr @global_hooks, align 8
; CHECK-NEXT:    %hook.default = icmp eq ptr %a, @malloc
; CHECK-NEXT:    %hook.free = load ptr, ptr getelementptr inbounds (i8, ptr @global_hooks, i64 8), align 8
; CHECK-NEXT:    [[ISFREE:%.*]] = icmp eq ptr %hook.free, @free
; CHECK-NEXT:    [[FREES:%.*]] = and i1 true, [[ISFREE]]
; CHECK-NEXT:    [[HOOKS:%.*]] = and i1 %hook.default, [[FREES]]
; CHECK-NEXT:    [[OK:%.*]] = and i1 true, [[HOOKS]]
; CHECK-NEXT:    %heap = xor i1 [[OK]], true
; CHECK-NEXT:    br i1 %heap, label %[[HEAP:.*]], label %[[STACK:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr %a(i64 32)
; CHECK:         %p.guarded = phi ptr [ %p, %[[HEAP]] ], [ [[G]], %[[STACK]] ]
; CHECK-NEXT:    call void @look(ptr %p.guarded)
; CHECK-NEXT:    %d = load ptr, ptr getelementptr inbounds (i8, ptr @global_hooks, i64 8), align 8
; CHECK-NEXT:    [[EQ:%.*]] = icmp eq ptr %p.guarded, [[G]]
; CHECK-NEXT:    [[Q:%.*]] = select i1 [[EQ]], ptr null, ptr %p.guarded
; CHECK-NEXT:    %heap.free = icmp eq ptr %p.guarded, [[Q]]
; CHECK-NEXT:    br i1 %heap.free, label %[[FREE:.*]], label %[[SKIP:.*]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void %d(ptr %p.guarded)
; CHECK-NEXT:    br label %[[END:.*]]
; CHECK:       [[SKIP]]:
; CHECK-NEXT:    br label %[[END]]
; CHECK:       [[END]]:
; CHECK-NEXT:    ret void
define void @table() {
  %a = load ptr, ptr @global_hooks
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  %d = load ptr, ptr getelementptr inbounds (i8, ptr @global_hooks, i64 8)
  call void %d(ptr %p)
  ret void
}

; TEST 2 - a calloc slot, run-time size: both factors and the product
; checked, the hook compared, the stack path zeroed.
; CHECK-LABEL: define void @zeroed(
; CHECK:         %fits = and i1
; CHECK-NEXT:    %hook.default = icmp eq ptr %c, @calloc
; CHECK-NEXT:    %hook.free = load ptr, ptr @vfree, align 8
; CHECK-NEXT:    [[ISFREE:%.*]] = icmp eq ptr %hook.free, @free
; CHECK-NEXT:    [[FREES:%.*]] = and i1 true, [[ISFREE]]
; CHECK-NEXT:    [[HOOKS:%.*]] = and i1 %hook.default, [[FREES]]
; CHECK-NEXT:    [[OK:%.*]] = and i1 %fits, [[HOOKS]]
; CHECK-NEXT:    %heap = xor i1 [[OK]], true
; CHECK:         %p = call ptr %c(i64 %n, i64 4)
; CHECK:         call void @llvm.memset.p0.i64(ptr align 16 %guard.stack, i8 0, i64
; CHECK:         call void %d(ptr %p.guarded)
define void @zeroed(i64 %n) {
  %c = load ptr, ptr @vcalloc
  %p = call ptr %c(i64 %n, i64 4)
  call void @look(ptr %p)
  %d = load ptr, ptr @vfree
  call void %d(ptr %p)
  ret void
}

; TEST 3 - negative, a slot defined in another module: its initializer is
; not known here; an ordinary indirect call, nothing changes.
; CHECK-LABEL: define void @ext(
; CHECK-NEXT:    %a = load ptr, ptr @ext_malloc
; CHECK-NEXT:    %p = call ptr %a(i64 32)
; CHECK-NEXT:    call void @look(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
define void @ext() {
  %a = load ptr, ptr @ext_malloc
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 4 - negative, a weak slot: another definition may win at the link.
; CHECK-LABEL: define void @weak(
; CHECK-NEXT:    %a = load ptr, ptr @weak_malloc
; CHECK-NEXT:    %p = call ptr %a(i64 32)
define void @weak() {
  %a = load ptr, ptr @weak_malloc
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 5 - negative, a slot that starts as something else: not a site.
; CHECK-LABEL: define void @notalloc(
; CHECK-NEXT:    %a = load ptr, ptr @other
; CHECK-NEXT:    %p = call ptr %a(i64 32)
define void @notalloc() {
  %a = load ptr, ptr @other
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  ret void
}

; TEST 6 - negative, reallocated through the realloc slot: an ordinary
; indirect call, the object escapes.
; CHECK-LABEL: define void @grown(
; CHECK-NEXT:    %a = load ptr, ptr @global_hooks
; CHECK-NEXT:    %p = call ptr %a(i64 32)
define void @grown() {
  %a = load ptr, ptr @global_hooks
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  %r = load ptr, ptr getelementptr inbounds (i8, ptr @global_hooks, i64 16)
  %q = call ptr %r(ptr %p, i64 64)
  call void @free(ptr %q)
  ret void
}

; TEST 7 - negative, handed to an ordinary indirect call: escapes.
; CHECK-LABEL: define void @handed(
; CHECK-NEXT:    %a = load ptr, ptr @global_hooks
; CHECK-NEXT:    %p = call ptr %a(i64 32)
define void @handed() {
  %a = load ptr, ptr @global_hooks
  %p = call ptr %a(i64 32)
  %f = load ptr, ptr @fp
  call void %f(ptr %p)
  ret void
}

; TEST 8 - negative, malloc is not a builtin here (-fno-builtin-malloc):
; its slot is no hook.
; CHECK-LABEL: define void @nobuiltin(
; CHECK-NEXT:    %a = load ptr, ptr @vmalloc
; CHECK-NEXT:    %p = call ptr %a(i64 32)
define void @nobuiltin() #0 {
  %a = load ptr, ptr @vmalloc
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 9 - negative, a plain malloc freed through the free slot: the
; program may have installed its own deallocator there, which must see this
; pointer (a heap one) as in the plain build; the object stays on the heap.
; CHECK-LABEL: define void @plain_hookfree(
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n)
; CHECK-NEXT:    call void @look(ptr %p)
; CHECK-NEXT:    %d = load ptr, ptr @vfree
; CHECK-NEXT:    call void %d(ptr %p)
; CHECK-NEXT:    ret void
define void @plain_hookfree(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @look(ptr %p)
  %d = load ptr, ptr @vfree
  call void %d(ptr %p)
  ret void
}

; TEST 10 - negative, a fixed-size malloc freed through the free slot: the
; same, no slot; an installed deallocator gets its call with a heap pointer.
; CHECK-LABEL: define void @fixed_hookfree(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; CHECK-NEXT:    call void @look(ptr %p)
; CHECK-NEXT:    %d = load ptr, ptr @vfree
; CHECK-NEXT:    call void %d(ptr %p)
; CHECK-NEXT:    ret void
define void @fixed_hookfree() {
  %p = call ptr @malloc(i64 16)
  call void @look(ptr %p)
  %d = load ptr, ptr @vfree
  call void %d(ptr %p)
  ret void
}

; TEST 11 - a recursive function: the side stack while it has room and the
; hooks are malloc and free (else the side stack is asked for 0 bytes, and
; takes none); the free asks the side stack (which gives the memory back
; when it is on the top), and is skipped for its memory.
; CHECK-LABEL: define i32 @rec(
; CHECK:         %hook.default = icmp eq ptr %a, @malloc
; CHECK:         [[HOOKS:%.*]] = and i1 %hook.default,
; CHECK-NEXT:    [[OK:%.*]] = and i1 true, [[HOOKS]]
; CHECK-NEXT:    [[SIZE:%.*]] = select i1 [[OK]], i64 32, i64 0
; CHECK-NEXT:    %side = call ptr @__escape_side_alloc(i64 [[SIZE]], i64 16)
; CHECK:         %p = call ptr %a(i64 32)
; CHECK:         [[OWN:%.*]] = call i32 @__escape_side_free(ptr %p.guarded, i64 32)
; CHECK:         %heap.free = icmp eq ptr %p.guarded,
; CHECK:         call void %d(ptr %p.guarded)
define i32 @rec(i32 %k) {
  %a = load ptr, ptr @vmalloc
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  %d = load ptr, ptr @vfree
  call void %d(ptr %p)
  %c = icmp eq i32 %k, 0
  br i1 %c, label %done, label %again
again:
  %k1 = sub i32 %k, 1
  %r = call i32 @rec(i32 %k1)
  ret i32 %r
done:
  ret i32 0
}

; TEST 12 - a slot that starts as a one-line wrapper of malloc: the value
; called is compared with the wrapper.
; CHECK-LABEL: define void @wrapped(
; CHECK:         %hook.default = icmp eq ptr %a, @wrap
@wslot = internal global ptr @wrap
define internal ptr @wrap(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}
define void @wrapped() {
  %a = load ptr, ptr @wslot
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

; TEST 13 - negative, a wrapper that adjusts the size: no hook.
; CHECK-LABEL: define void @wrapped_plus(
; CHECK-NEXT:    %a = load ptr, ptr @wslot2
; CHECK-NEXT:    %p = call ptr %a(i64 32)
@wslot2 = internal global ptr @wrap_plus
define internal ptr @wrap_plus(i64 %n) {
  %m = add i64 %n, 16
  %p = call ptr @malloc(i64 %m)
  ret ptr %p
}
define void @wrapped_plus() {
  %a = load ptr, ptr @wslot2
  %p = call ptr %a(i64 32)
  call void @look(ptr %p)
  call void @free(ptr %p)
  ret void
}

attributes #0 = { "no-builtin-malloc" }

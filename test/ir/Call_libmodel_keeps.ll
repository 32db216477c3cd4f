; Library rows (libmodel.c) for calls that keep nothing, beside calls that
; keep the pointer: atexit keeps its argument until exit (a buffer of code
; would be an object), pthread_setspecific keeps the value, a stack given to
; pthread_attr_setstack and an alternate signal stack are kept (no rows:
; attributes, which let them escape); localtime_r returns its buffer, so a
; caller that returns the result returns the object.  A declaration with a
; row's name but another prototype is judged by its attributes.
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='alloc('

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @atexit(ptr)
declare i32 @pthread_setspecific(i32, ptr)
declare i32 @pthread_attr_setstack(ptr, ptr, i64)
declare i32 @sigaltstack(ptr, ptr)
declare ptr @localtime_r(ptr, ptr)
declare i32 @pthread_mutex_init(ptr, ptr)
declare i32 @pthread_mutex_lock(ptr)
declare i32 @pthread_mutex_unlock(ptr)
declare i32 @uname(ptr, ptr)

; TEST 1 - negative: atexit keeps its argument.
; CHECK: <at_exit>: malloc(16) escapes to heap
define void @at_exit() {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @atexit(ptr %p)
  ret void
}

; TEST 2 - negative: the value is kept for the thread.
; CHECK: <specific>: malloc(16) escapes to heap
define void @specific(i32 %k) {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @pthread_setspecific(i32 %k, ptr %p)
  ret void
}

; TEST 3 - negative: a thread's stack, and a signal stack (ss_sp in *ss).
; CHECK: <thread_stack>: malloc(16384) escapes to heap
; CHECK: <signal_stack>: malloc(8192) escapes to heap
define void @thread_stack(ptr %attr) {
  %s = call ptr @malloc(i64 16384)
  %r = call i32 @pthread_attr_setstack(ptr %attr, ptr %s, i64 16384)
  ret void
}
define void @signal_stack(ptr %ss) {
  %s = call ptr @malloc(i64 8192)
  store ptr %s, ptr %ss
  %r = call i32 @sigaltstack(ptr %ss, ptr null)
  ret void
}

; TEST 4 - positive beside negative: localtime_r fills its buffer and
; returns it; returned, the buffer goes with it.
; CHECK: <tm_local>: malloc(56) does not escape
; CHECK: <tm_returned>: malloc(56) escapes to heap
define i32 @tm_local(ptr %t) {
  %tm = call ptr @malloc(i64 56)
  %r = call ptr @localtime_r(ptr %t, ptr %tm)
  %y = load i32, ptr %r
  call void @free(ptr %tm)
  ret i32 %y
}
define ptr @tm_returned(ptr %t) {
  %tm = call ptr @malloc(i64 56)
  %r = call ptr @localtime_r(ptr %t, ptr %tm)
  ret ptr %r
}

; TEST 5 - positive: a mutex initialised, locked, unlocked and freed.
; CHECK: <mutex>: malloc(40) does not escape
define void @mutex() {
  %m = call ptr @malloc(i64 40)
  %a = call i32 @pthread_mutex_init(ptr %m, ptr null)
  %b = call i32 @pthread_mutex_lock(ptr %m)
  %c = call i32 @pthread_mutex_unlock(ptr %m)
  call void @free(ptr %m)
  ret void
}

; TEST 6 - negative: `uname` with two pointers is not POSIX's uname.
; CHECK: <not_uname>: malloc(390) escapes to heap
define void @not_uname(ptr %q) {
  %u = call ptr @malloc(i64 390)
  %r = call i32 @uname(ptr %u, ptr %q)
  ret void
}

; TEST 7 - positive beside negative: __dynamic_cast (the C++ ABI) reads the
; object's vtable pointer and returns null or a pointer into the object:
; kept local it stays on the stack, returned it escapes.
@_ZTI1A = external constant ptr
@_ZTI1B = external constant ptr
declare ptr @__dynamic_cast(ptr, ptr, ptr, i64)
; CHECK: <cast_local>: malloc(16) does not escape
; CHECK: <cast_returned>: malloc(16) escapes to heap
define i32 @cast_local(ptr %vt) {
  %o = call ptr @malloc(i64 16)
  store ptr %vt, ptr %o
  %b = call ptr @__dynamic_cast(ptr %o, ptr @_ZTI1A, ptr @_ZTI1B, i64 0)
  %null = icmp eq ptr %b, null
  call void @free(ptr %o)
  %r = zext i1 %null to i32
  ret i32 %r
}
define ptr @cast_returned(ptr %vt) {
  %o = call ptr @malloc(i64 16)
  store ptr %vt, ptr %o
  %b = call ptr @__dynamic_cast(ptr %o, ptr @_ZTI1A, ptr @_ZTI1B, i64 0)
  ret ptr %b
}

; TEST 8 - positive beside negative: vsnprintf fills the buffer from the
; arguments behind ap (the caller's memory); the buffer stays local, or
; escapes when it is returned.
declare i32 @vsnprintf(ptr, i64, ptr, ptr)
; CHECK: <vformat>: malloc(64) does not escape
; CHECK: <vformat_returned>: malloc(64) escapes to heap
define i32 @vformat(ptr %fmt, ptr %ap) {
  %b = call ptr @malloc(i64 64)
  %n = call i32 @vsnprintf(ptr %b, i64 64, ptr %fmt, ptr %ap)
  %c = load i8, ptr %b
  call void @free(ptr %b)
  %r = sext i8 %c to i32
  ret i32 %r
}
define ptr @vformat_returned(ptr %fmt, ptr %ap) {
  %b = call ptr @malloc(i64 64)
  %n = call i32 @vsnprintf(ptr %b, i64 64, ptr %fmt, ptr %ap)
  ret ptr %b
}

; Library models (libmodel.c) describe the C library's functions by name.  A
; declaration that has the name but not the prototype is some other
; function, and must be judged by its attributes: here, functions called
; `read` and `write` that take the pointer first and may keep it.  (`read`
; and `write` are POSIX, not ISO C: a C program may define its own.)
;
; (Found unsound and fixed: rows are now applied only to declarations whose
; prototype fits them, see libmodel.c.)

; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('

declare noalias ptr @malloc(i64)
declare void @read(ptr)
declare i64 @write(ptr, ptr, i64)

; TEST 1 - negative: `read(ptr)` may keep its argument.
; CHECK-LABEL: define void @user_read(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @user_read() {
  %p = call ptr @malloc(i64 16)
  call void @read(ptr %p)
  ret void
}

; TEST 2 - negative: `write(ptr, ptr, i64)` may keep both.
; CHECK-LABEL: define void @user_write(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define void @user_write(ptr %q) {
  %p = call ptr @malloc(i64 16)
  %n = call i64 @write(ptr %p, ptr %q, i64 16)
  ret void
}

; REPORT: <user_read>: malloc(16) escapes to heap
; REPORT: <user_write>: malloc(16) escapes to heap

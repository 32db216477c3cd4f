; strtol and strtod store a pointer into their string through endptr only
; "if endptr is not a null pointer" (C11 7.22.1.4): a null endptr stores
; nothing, so the string's buffer stays frame-local (libmodel.c's digit
; letters, call.c model_call).  Until this rule a null endptr counted as a
; store through an unknown constant, and the buffer went to the heap
; ("passed to parameter 0 of strtol, which keeps it"); 21 sites of LLVM's
; test-suite said so.  The negatives' pointer is stored where this function
; does not own the memory, as a store of its own would be.  Negatives beside each positive: endptr pointing to a
; global (the pointer into the buffer outlives the call), and endptr an
; integer constant cast to a pointer (may point anywhere).

; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc('

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
declare i64 @strtol(ptr, ptr, i32)
declare double @strtod(ptr, ptr)

@end = global ptr null

; TEST 1 - positive: strtol(buf, NULL, 10).
; CHECK-LABEL: define i64 @null_end(
; CHECK-NOT:     call ptr @malloc
; CHECK:         ret i64
define i64 @null_end(i8 %c) {
  %buf = call ptr @malloc(i64 32)
  store i8 %c, ptr %buf
  %v = call i64 @strtol(ptr %buf, ptr null, i32 10)
  call void @free(ptr %buf)
  ret i64 %v
}

; TEST 2 - positive: strtod(buf, NULL).
; CHECK-LABEL: define double @null_end_d(
; CHECK-NOT:     call ptr @malloc
; CHECK:         ret double
define double @null_end_d(i8 %c) {
  %buf = call ptr @malloc(i64 32)
  store i8 %c, ptr %buf
  %v = call double @strtod(ptr %buf, ptr null)
  call void @free(ptr %buf)
  ret double %v
}

; TEST 3 - negative: endptr is a global, which then points into the buffer.
; CHECK-LABEL: define i64 @global_end(
; CHECK-NEXT:    %buf = call ptr @malloc(i64 32)
define i64 @global_end(i8 %c) {
  %buf = call ptr @malloc(i64 32)
  store i8 %c, ptr %buf
  %v = call i64 @strtol(ptr %buf, ptr @end, i32 10)
  call void @free(ptr %buf)
  ret i64 %v
}

; TEST 4 - negative: endptr is an address made of an integer.
; CHECK-LABEL: define i64 @int_end(
; CHECK-NEXT:    %buf = call ptr @malloc(i64 32)
define i64 @int_end(i8 %c) {
  %buf = call ptr @malloc(i64 32)
  store i8 %c, ptr %buf
  %v = call i64 @strtol(ptr %buf, ptr inttoptr (i64 4096 to ptr), i32 10)
  call void @free(ptr %buf)
  ret i64 %v
}

; REPORT: <null_end>: malloc(32) does not escape
; REPORT: <null_end_d>: malloc(32) does not escape
; REPORT: <global_end>: malloc(32) escapes to heap:
; REPORT-NEXT: <global_end>:   flow: {heap} = malloc(...):
; REPORT-NEXT: <global_end>:     from malloc(...) (stored to memory not owned by this function) at <global_end>
; REPORT: <int_end>: malloc(32) escapes to heap:
; REPORT-NEXT: <int_end>:   flow: {heap} = malloc(...):
; REPORT-NEXT: <int_end>:     from malloc(...) (stored to memory not owned by this function) at <int_end>

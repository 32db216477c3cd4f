; Explain_call_rule: the -escape-m=2 step of an object passed to a call says
; which rule of call.c made the edge, and only that: "which leaks it" by
; the callee's summary, "which keeps it" by the library model, "which may
; keep it" by LLVM's attributes.  A callee that has a summary, or a name in
; the library model, is still judged by its attributes when the rule does
; not apply to the call (an operand bundle, a call of another type, a
; declaration whose prototype does not fit the row), and the explanation
; must say so.
;
; (Found wrong and fixed: the report used to work the rule out again from
; the callee alone, and said "which leaks it" or "which keeps it" for
; TESTs 2, 3 and 5.)
;
; RUN: %opt -passes=escape -escape-m=2 -disable-output %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace

declare noalias ptr @malloc(i64)
declare i32 @putenv(ptr)
declare void @read(ptr)

@g = global ptr null

define void @keep(ptr %s) noinline {
  store ptr %s, ptr @g
  ret void
}

; TEST 1 - by the summary: keep leaks its parameter.
; CHECK-LABEL:<by_summary>: malloc(16) escapes to heap:
; CHECK-NEXT:<by_summary>:   flow: {heap} = malloc(...):
; CHECK-NEXT:<by_summary>:     from malloc(...) (passed to parameter 0 of keep, which leaks it) at <by_summary>
define void @by_summary() {
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p)
  ret void
}

; TEST 2 - by attributes: a call with an operand bundle is not described by
; the summary.
; CHECK-LABEL:<by_attributes_bundle>: malloc(16) escapes to heap:
; CHECK-NEXT:<by_attributes_bundle>:   flow: {heap} = malloc(...):
; CHECK-NEXT:<by_attributes_bundle>:     from malloc(...) (passed to parameter 0 of keep, which may keep it) at <by_attributes_bundle>
define void @by_attributes_bundle() {
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p) [ "tag"(i32 0) ]
  ret void
}

; TEST 3 - by attributes: keep called with a type that is not its own.
; CHECK-LABEL:<by_attributes_type>: malloc(16) escapes to heap:
; CHECK-NEXT:<by_attributes_type>:   flow: {heap} = malloc(...):
; CHECK-NEXT:<by_attributes_type>:     from malloc(...) (passed to parameter 0 of keep, which may keep it) at <by_attributes_type>
define void @by_attributes_type() {
  %p = call ptr @malloc(i64 16)
  call void @keep(ptr %p, i32 1)
  ret void
}

; TEST 4 - by the library model: putenv keeps its argument.
; CHECK-LABEL:<by_model>: malloc(16) escapes to heap:
; CHECK-NEXT:<by_model>:   flow: {heap} = malloc(...):
; CHECK-NEXT:<by_model>:     from malloc(...) (passed to parameter 0 of putenv, which keeps it) at <by_model>
define void @by_model() {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @putenv(ptr %p)
  ret void
}

; TEST 5 - by attributes: a `read` that is not the library's (its prototype
; does not fit the row).
; CHECK-LABEL:<by_attributes_prototype>: malloc(16) escapes to heap:
; CHECK-NEXT:<by_attributes_prototype>:   flow: {heap} = malloc(...):
; CHECK-NEXT:<by_attributes_prototype>:     from malloc(...) (passed to parameter 0 of read, which may keep it) at <by_attributes_prototype>
define void @by_attributes_prototype() {
  %p = call ptr @malloc(i64 16)
  call void @read(ptr %p)
  ret void
}

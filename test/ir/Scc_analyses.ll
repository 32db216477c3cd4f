; Each function is analysed as few times as its SCC needs, and the graph
; of its last analysis is the one judged (ESCAPE_DEBUG_ANALYSES=1 prints
; the count).  @plain, on no cycle: once.  @reads recurses but its summary
; is the least one: one round, nothing changed, once.  @keeps recurses and
; stores p: the first round finds the leak, a second reads it back through
; the recursive call and changes nothing: twice.  (Until this round every
; function was analysed once more for its verdicts: 2 + 3 + 1.)
; RUN: env ESCAPE_DEBUG_ANALYSES=1 opt -load-pass-plugin=%plugin -passes=escape -disable-output %s 2>&1 | FileCheck %s --check-prefix=COUNT
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --match-full-lines
; RUN: %opt -passes=escape,verify -disable-output %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)

@g = global ptr null

define void @reads(ptr %p, i32 %n) {
entry:
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %more, label %done
more:
  %m = sub i32 %n, 1
  call void @reads(ptr %p, i32 %m)
  br label %done
done:
  ret void
}

define void @keeps(ptr %p, i32 %n) {
entry:
  store ptr %p, ptr @g
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %more, label %done
more:
  %m = sub i32 %n, 1
  call void @keeps(ptr %p, i32 %m)
  br label %done
done:
  ret void
}

; TEST 1 - positive: only read by the recursion.
; TEST 2 - negative: kept by it.
define void @plain() {
  %a = call ptr @malloc(i64 16)
  call void @reads(ptr %a, i32 3)
  call void @free(ptr %a)
  %b = call ptr @malloc(i64 16)
  call void @keeps(ptr %b, i32 3)
  ret void
}

; COUNT: escape: 4 analyses of 3 functions
; REPORT: <reads>: arg0 does not escape
; REPORT-NEXT: <keeps>: leaking param: arg0
; REPORT-NEXT: <plain>: malloc(16) does not escape
; REPORT-NEXT: <plain>: malloc(16) escapes to heap

; Loop_region_invoke: a loop region needs a preheader that ends in a branch
; or a switch (solve.c entry_of). Here the block before the outer loop ends
; in the invoke of an operator new that the rewrite turns into a call of a
; fixed slot: the mark, placed before that terminator, would have been
; placed before a deleted instruction (the first cut of loop regions crashed
; here). The list built in the inner loop stays on the heap; the new moves.
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape,verify -verify-each -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s
; CHECK: <invoke_pre>: operator new(16) does not escape
; CHECK-NEXT: <invoke_pre>: malloc(16) escapes to heap:
; CHECK-NEXT: <invoke_pre>:   live across loop iterations
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare noalias nonnull ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare i32 @__gxx_personality_v0(...)
declare void @look(ptr nocapture readonly) nofree nounwind

define i64 @invoke_pre(i64 %n) personality ptr @__gxx_personality_v0 {
entry:
  %o = invoke ptr @_Znwm(i64 16) to label %outer unwind label %lp
outer:
  %r = phi i64 [ 0, %entry ], [ %r1, %done ]
  %s = phi i64 [ 0, %entry ], [ %s2, %done ]
  br label %inner
inner:
  %i = phi i64 [ 0, %outer ], [ %i1, %inner ]
  %l = phi ptr [ null, %outer ], [ %a, %inner ]
  %a = call ptr @malloc(i64 16)
  store i64 %i, ptr %a, align 8, !tbaa !5
  %an = getelementptr inbounds i8, ptr %a, i64 8
  store ptr %l, ptr %an, align 8, !tbaa !8
  %i1 = add i64 %i, 1
  %more = icmp ult i64 %i1, %n
  br i1 %more, label %inner, label %walk
walk:
  %v = load i64, ptr %a, align 8, !tbaa !5
  %s2 = add i64 %s, %v
  br label %free
free:
  %p = phi ptr [ %a, %walk ], [ %nx, %free ]
  %pn = getelementptr inbounds i8, ptr %p, i64 8
  %nx = load ptr, ptr %pn, align 8, !tbaa !8
  call void @free(ptr %p)
  %end = icmp eq ptr %nx, null
  br i1 %end, label %done, label %free
done:
  %r1 = add i64 %r, 1
  %again = icmp ult i64 %r1, 10
  br i1 %again, label %outer, label %exit
exit:
  call void @look(ptr %o)
  call void @_ZdlPv(ptr %o)
  ret i64 %s2
lp:
  %x = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %x
}

!1 = !{!"Simple C/C++ TBAA"}
!2 = !{!"omnipotent char", !1, i64 0}
!3 = !{!"long", !2, i64 0}
!4 = !{!"any pointer", !2, i64 0}
!6 = !{!"node", !3, i64 0, !4, i64 8}
!5 = !{!6, !3, i64 0}
!8 = !{!6, !4, i64 8}

; bad.ll: a module whose escape.* records are not the pass's shapes (as an
; object built by another tool or another version of the plugin might
; carry): too few or too many operands, numbers where strings belong and
; strings where numbers belong, null operands, a site id attached to a call
; that is no site record.  The link takes them all as no information.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)

define i32 @bad_scratch(i32 %x) {
  %p = call ptr @malloc(i64 16), !escape.site !20
  store volatile i32 %x, ptr %p
  %v = load volatile i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

!escape.wrappers = !{!0, !1, !2, !3, !4}
!escape.sites = !{!10, !11, !12, !13, !20}
!escape.calls = !{!30, !31, !32}
!escape.params = !{!40, !41}
!escape.lto = !{!50, !51}
!escape.options = !{!52, !53, !54}
!escape.usercalls = !{!60, !61, !62}

!0 = !{}
!1 = !{!"get"}
!2 = !{!"get", i32 0}
!3 = !{i32 1, !"a.c"}
!4 = !{!"get", !"a.c", !"b.c"}

!10 = !{i32 1}
!11 = !{i32 2, !"bad.ll", i32 3, i32 4, i32 5, !"malloc", !"bad_scratch"}
!12 = !{i32 3, null, !"bad.c", i32 6, i32 7, !"malloc", !"bad_scratch", null}
!13 = !{ptr @bad_scratch, !"bad.ll", !"bad.c", i32 8, i32 9, !"malloc", !"bad_scratch"}
!20 = !{i32 4, !"bad.ll", !"bad.c", !"10", i32 11, !"malloc", !"bad_scratch", i32 16}

!30 = !{!"bad.ll", !"a.c", i32 17, i32 12, i32 99}
!31 = !{!"bad.ll", i32 1, i32 2, i32 3, !"get"}
!32 = !{!"bad.ll", !"a.c", i32 17, !"12", !"get", !"32"}

!40 = !{!"main", i32 1, !"bogus", i32 0, i32 1, i32 1}
!41 = !{!"b_part", !"0", !"n", !"b.c", i32 12, i32 16}

!50 = !{!"deferred"}
!51 = !{i64 1, i64 2}
!52 = !{!"1", !"0", !"0", !"0", !"0", !"0"}
!53 = !{i64 0, i64 0, i64 0, i64 0, i64 0}
!54 = !{!"escape-max-object-bytes", !"0", !"escape-max-frame-bytes", null, !"escape-max-chain-bytes"}

!60 = !{}
!61 = !{!11, i32 1, !"a.c", i32 2, !"get", i32 3}
!62 = !{!20, !"a.c", i32 17, i32 12, i32 7, !"main"}

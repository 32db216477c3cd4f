; Region_builder: builders and the callers that own their results
; (region.c, builder.c). mk is a builder: it returns null or its own node,
; linked to what its own calls return. owner and loop_owner own their call's
; tree: a side-stack mark at entry, given back before the return (and, in
; the loop, before each call), the call made to mk's region copy, whose site
; takes side-stack memory and whose returns release nothing; the module's
; free() calls first ask the side stack. Negatives: publisher stores the
; tree in a global (the call stays a call of mk), and mk_global returns a
; global on one path, so it is no builder.
; RUN: %host-datalayout %s > %t.ll
; RUN: %opt -passes=escape -S %t.ll | FileCheck %s
; RUN: %opt -passes=escape -escape-m=2 -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not=result
; RUN: %opt -passes=escape,verify -verify-each -disable-output %t.ll
; RUN: %opt -passes=escape -escape-regions=false -S %t.ll | FileCheck %s --check-prefix=OFF --implicit-check-not=region
; RUN: %opt -passes=escape -pass-remarks=escape -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=REMARK

; REPORT: <owner>: mk(...) result does not escape:
; REPORT-NEXT: <owner>:   its objects come from the side stack until owner returns
; REPORT: <loop_owner>: mk(...) result does not escape:
; REPORT-NEXT: <loop_owner>:   its objects come from the side stack until loop_owner returns, given back before each run of the call
; REMARK: remark: <unknown>:0:0: mk(...) result does not escape: its objects come from the side stack until owner returns
; REMARK: remark: <unknown>:0:0: mk(...) result does not escape: its objects come from the side stack until loop_owner returns, given back before each run of the call

; CHECK-LABEL: define dso_local i32 @owner(
; CHECK: %region.mark = call ptr @__escape_side_mark()
; CHECK-NEXT: %call = tail call fastcc ptr @mk.escape.region(i32 noundef %d)
; CHECK: call i32 @__escape_side_free(ptr %{{.*}}, i64 0)
; CHECK: call void @__escape_side_release(ptr %region.mark)
; CHECK-NEXT: ret i32
; CHECK-LABEL: define internal fastcc noalias noundef ptr @mk(
; CHECK-NOT: __escape_side
; CHECK: ret ptr
; CHECK-LABEL: define dso_local i32 @loop_owner(
; CHECK: %region.mark = call ptr @__escape_side_mark()
; CHECK: call void @__escape_side_release(ptr %region.mark)
; CHECK-NEXT: ret i32
; CHECK: call void @__escape_side_release(ptr %region.mark)
; CHECK-NEXT: %call = tail call fastcc ptr @mk.escape.region(i32 noundef %i.011)
; CHECK-LABEL: define dso_local i32 @publisher(
; CHECK: %call = tail call fastcc ptr @mk(i32 noundef %d)
; CHECK-LABEL: define dso_local i32 @not_builder(
; CHECK: %call = tail call fastcc ptr @mk_global(i32 noundef %d)
; CHECK-LABEL: define internal fastcc ptr @mk_global(
; CHECK-NOT: __escape_side
; CHECK: ret ptr
; CHECK: define internal fastcc noalias noundef ptr @mk.escape.region(i32 noundef %d) unnamed_addr #[[COPY:[0-9]+]] {
; CHECK: %side = call ptr @__escape_side_alloc(i64 16, i64 16)
; CHECK: call fastcc ptr @mk.escape.region(i32 noundef %sub)
; CHECK-NOT: __escape_side_release
; CHECK: ret ptr
; CHECK: attributes #[[COPY]] = { nofree nounwind uwtable
; OFF-LABEL: define dso_local i32 @owner(
; OFF: %call = tail call fastcc ptr @mk(i32 noundef %d)
; OFF: tail call void @free(

source_filename = "Region_builder.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g_node = dso_local local_unnamed_addr global ptr null, align 8

; Function Attrs: nounwind uwtable
define dso_local i32 @owner(i32 noundef %d) local_unnamed_addr #0 {
entry:
  %call = tail call fastcc ptr @mk(i32 noundef %d)
  %tobool.not2.i = icmp eq ptr %call, null
  br i1 %tobool.not2.i, label %drop.exit, label %cond.true.i

cond.true.i:                                      ; preds = %entry, %cond.true.i
  %n.tr4.i = phi ptr [ %0, %cond.true.i ], [ %call, %entry ]
  %accumulator.tr3.i = phi i32 [ %add.i, %cond.true.i ], [ 0, %entry ]
  %0 = load ptr, ptr %n.tr4.i, align 8, !tbaa !5
  %add.i = add nuw nsw i32 %accumulator.tr3.i, 1
  %tobool.not.i = icmp eq ptr %0, null
  br i1 %tobool.not.i, label %while.body.i, label %cond.true.i

while.body.i:                                     ; preds = %cond.true.i, %while.body.i
  %n.addr.04.i = phi ptr [ %1, %while.body.i ], [ %call, %cond.true.i ]
  %1 = load ptr, ptr %n.addr.04.i, align 8, !tbaa !5
  tail call void @free(ptr noundef nonnull %n.addr.04.i) #6
  %tobool.not.i3 = icmp eq ptr %1, null
  br i1 %tobool.not.i3, label %drop.exit, label %while.body.i, !llvm.loop !11

drop.exit:                                        ; preds = %while.body.i, %entry
  %accumulator.tr.lcssa.i5 = phi i32 [ 0, %entry ], [ %add.i, %while.body.i ]
  ret i32 %accumulator.tr.lcssa.i5
}

; Function Attrs: nofree nounwind memory(write, argmem: none, inaccessiblemem: readwrite) uwtable
define internal fastcc noalias noundef ptr @mk(i32 noundef %d) unnamed_addr #1 {
entry:
  %call = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #7
  %conv = sext i32 %d to i64
  %v = getelementptr inbounds i8, ptr %call, i64 8
  store i64 %conv, ptr %v, align 8, !tbaa !13
  %cmp = icmp sgt i32 %d, 0
  br i1 %cmp, label %cond.true, label %cond.end

cond.true:                                        ; preds = %entry
  %sub = add nsw i32 %d, -1
  %call2 = tail call fastcc ptr @mk(i32 noundef %sub)
  br label %cond.end

cond.end:                                         ; preds = %entry, %cond.true
  %cond = phi ptr [ %call2, %cond.true ], [ null, %entry ]
  store ptr %cond, ptr %call, align 8, !tbaa !5
  ret ptr %call
}

; Function Attrs: nounwind uwtable
define dso_local i32 @loop_owner(i32 noundef %d) local_unnamed_addr #0 {
entry:
  %cmp10 = icmp sgt i32 %d, 0
  br i1 %cmp10, label %for.body, label %for.cond.cleanup

for.cond.cleanup:                                 ; preds = %drop.exit, %entry
  %k.0.lcssa = phi i32 [ 0, %entry ], [ %add9, %drop.exit ]
  ret i32 %k.0.lcssa

for.body:                                         ; preds = %entry, %drop.exit
  %k.012 = phi i32 [ %add9, %drop.exit ], [ 0, %entry ]
  %i.011 = phi i32 [ %inc, %drop.exit ], [ 0, %entry ]
  %call = tail call fastcc ptr @mk(i32 noundef %i.011)
  %tobool.not2.i = icmp eq ptr %call, null
  br i1 %tobool.not2.i, label %drop.exit, label %cond.true.i

cond.true.i:                                      ; preds = %for.body, %cond.true.i
  %n.tr4.i = phi ptr [ %0, %cond.true.i ], [ %call, %for.body ]
  %accumulator.tr3.i = phi i32 [ %add.i, %cond.true.i ], [ 0, %for.body ]
  %0 = load ptr, ptr %n.tr4.i, align 8, !tbaa !5
  %add.i = add nuw nsw i32 %accumulator.tr3.i, 1
  %tobool.not.i = icmp eq ptr %0, null
  br i1 %tobool.not.i, label %while.body.i, label %cond.true.i

while.body.i:                                     ; preds = %cond.true.i, %while.body.i
  %n.addr.04.i = phi ptr [ %1, %while.body.i ], [ %call, %cond.true.i ]
  %1 = load ptr, ptr %n.addr.04.i, align 8, !tbaa !5
  tail call void @free(ptr noundef nonnull %n.addr.04.i) #6
  %tobool.not.i6 = icmp eq ptr %1, null
  br i1 %tobool.not.i6, label %drop.exit.loopexit, label %while.body.i, !llvm.loop !11

drop.exit.loopexit:                               ; preds = %while.body.i
  %add = add nsw i32 %add.i, %k.012
  br label %drop.exit

drop.exit:                                        ; preds = %drop.exit.loopexit, %for.body
  %add9 = phi i32 [ %k.012, %for.body ], [ %add, %drop.exit.loopexit ]
  %inc = add nuw nsw i32 %i.011, 1
  %exitcond.not = icmp eq i32 %inc, %d
  br i1 %exitcond.not, label %for.cond.cleanup, label %for.body, !llvm.loop !14
}

; Function Attrs: nofree nounwind uwtable
define dso_local i32 @publisher(i32 noundef %d) local_unnamed_addr #2 {
entry:
  %call = tail call fastcc ptr @mk(i32 noundef %d)
  store ptr %call, ptr @g_node, align 8, !tbaa !15
  %tobool.not2.i = icmp eq ptr %call, null
  br i1 %tobool.not2.i, label %depth.exit, label %cond.true.i

cond.true.i:                                      ; preds = %entry, %cond.true.i
  %n.tr4.i = phi ptr [ %0, %cond.true.i ], [ %call, %entry ]
  %accumulator.tr3.i = phi i32 [ %add.i, %cond.true.i ], [ 0, %entry ]
  %0 = load ptr, ptr %n.tr4.i, align 8, !tbaa !5
  %add.i = add nuw nsw i32 %accumulator.tr3.i, 1
  %tobool.not.i = icmp eq ptr %0, null
  br i1 %tobool.not.i, label %depth.exit, label %cond.true.i

depth.exit:                                       ; preds = %cond.true.i, %entry
  %accumulator.tr.lcssa.i = phi i32 [ 0, %entry ], [ %add.i, %cond.true.i ]
  ret i32 %accumulator.tr.lcssa.i
}

; Function Attrs: nofree nounwind uwtable
define dso_local i32 @not_builder(i32 noundef %d) local_unnamed_addr #2 {
entry:
  %call = tail call fastcc ptr @mk_global(i32 noundef %d)
  %tobool.not2.i = icmp eq ptr %call, null
  br i1 %tobool.not2.i, label %depth.exit, label %cond.true.i

cond.true.i:                                      ; preds = %entry, %cond.true.i
  %n.tr4.i = phi ptr [ %0, %cond.true.i ], [ %call, %entry ]
  %accumulator.tr3.i = phi i32 [ %add.i, %cond.true.i ], [ 0, %entry ]
  %0 = load ptr, ptr %n.tr4.i, align 8, !tbaa !5
  %add.i = add nuw nsw i32 %accumulator.tr3.i, 1
  %tobool.not.i = icmp eq ptr %0, null
  br i1 %tobool.not.i, label %depth.exit, label %cond.true.i

depth.exit:                                       ; preds = %cond.true.i, %entry
  %accumulator.tr.lcssa.i = phi i32 [ 0, %entry ], [ %add.i, %cond.true.i ]
  ret i32 %accumulator.tr.lcssa.i
}

; Function Attrs: nofree nounwind memory(readwrite, argmem: none) uwtable
define internal fastcc ptr @mk_global(i32 noundef %d) unnamed_addr #3 {
entry:
  %cmp = icmp eq i32 %d, 0
  br i1 %cmp, label %if.then, label %if.end

if.then:                                          ; preds = %entry
  %0 = load ptr, ptr @g_node, align 8, !tbaa !15
  br label %common.ret6

common.ret6:                                      ; preds = %if.end, %if.then
  %common.ret6.op = phi ptr [ %0, %if.then ], [ %call, %if.end ]
  ret ptr %common.ret6.op

if.end:                                           ; preds = %entry
  %call = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #7
  %conv = sext i32 %d to i64
  %v = getelementptr inbounds i8, ptr %call, i64 8
  store i64 %conv, ptr %v, align 8, !tbaa !13
  %sub = add nsw i32 %d, -1
  %call1 = tail call fastcc ptr @mk_global(i32 noundef %sub)
  store ptr %call1, ptr %call, align 8, !tbaa !5
  br label %common.ret6
}

; Function Attrs: mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite)
declare noalias noundef ptr @malloc(i64 noundef) local_unnamed_addr #4

; Function Attrs: mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite)
declare void @free(ptr allocptr nocapture noundef) local_unnamed_addr #5

attributes #0 = { nounwind uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nofree nounwind memory(write, argmem: none, inaccessiblemem: readwrite) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nofree nounwind uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { nofree nounwind memory(readwrite, argmem: none) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #5 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #6 = { nounwind }
attributes #7 = { nounwind allocsize(0) }


!5 = !{!6, !7, i64 0}
!6 = !{!"node", !7, i64 0, !10, i64 8}
!7 = !{!"any pointer", !8, i64 0}
!8 = !{!"omnipotent char", !9, i64 0}
!9 = !{!"Simple C/C++ TBAA"}
!10 = !{!"long", !8, i64 0}
!11 = distinct !{!11, !12}
!12 = !{!"llvm.loop.mustprogress"}
!13 = !{!6, !10, i64 8}
!14 = distinct !{!14, !12}
!15 = !{!7, !7, i64 0}

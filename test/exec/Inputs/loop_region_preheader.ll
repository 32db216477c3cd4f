; loop_region_preheader.ll: clang-19 -O2 -S -emit-llvm of a program from the
; loop regions' review (Loop_region_preheader.test): a first loop builds two
; lists per run and leaves from the block that allocates them, keeping both;
; a second loop, whose preheader is that block, builds its own lists and
; reads the kept ones.
; ModuleID = 'split6.c'
source_filename = "split6.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@.str = private unnamed_addr constant [37 x i8] c"kept lists: %ld %ld (heads %ld %ld)\0A\00", align 1
@.str.1 = private unnamed_addr constant [5 x i8] c"%ld\0A\00", align 1

; Function Attrs: noinline nounwind uwtable
define dso_local i64 @f(i64 noundef %0, i32 %1, i32 %2, i32 noundef %3) local_unnamed_addr #0 {
  %5 = icmp sgt i32 %3, 0
  %6 = zext nneg i32 %3 to i64
  br label %7

7:                                                ; preds = %35, %4
  %8 = phi i64 [ 0, %4 ], [ %36, %35 ]
  br i1 %5, label %9, label %35

9:                                                ; preds = %7
  %10 = mul nuw nsw i64 %8, 1000
  br label %14

11:                                               ; preds = %14
  %12 = add nuw nsw i64 %15, 1
  %13 = icmp eq i64 %12, %6
  br i1 %13, label %25, label %14, !llvm.loop !5

14:                                               ; preds = %9, %11
  %15 = phi i64 [ 0, %9 ], [ %12, %11 ]
  %16 = phi ptr [ null, %9 ], [ %18, %11 ]
  %17 = phi ptr [ null, %9 ], [ %21, %11 ]
  %18 = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #5
  %19 = add nuw nsw i64 %10, %15
  store i64 %19, ptr %18, align 8, !tbaa !8
  %20 = getelementptr inbounds i8, ptr %18, i64 8
  store ptr %16, ptr %20, align 8, !tbaa !14
  %21 = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #5
  %22 = add nuw nsw i64 %19, 500
  store i64 %22, ptr %21, align 8, !tbaa !8
  %23 = getelementptr inbounds i8, ptr %21, i64 8
  store ptr %17, ptr %23, align 8, !tbaa !14
  %24 = icmp eq i64 %19, %0
  br i1 %24, label %37, label %11

25:                                               ; preds = %11, %25
  %26 = phi ptr [ %28, %25 ], [ %18, %11 ]
  %27 = getelementptr inbounds i8, ptr %26, i64 8
  %28 = load ptr, ptr %27, align 8, !tbaa !14
  tail call void @free(ptr noundef nonnull %26) #6
  %29 = icmp eq ptr %28, null
  br i1 %29, label %30, label %25, !llvm.loop !15

30:                                               ; preds = %25, %30
  %31 = phi ptr [ %33, %30 ], [ %21, %25 ]
  %32 = getelementptr inbounds i8, ptr %31, i64 8
  %33 = load ptr, ptr %32, align 8, !tbaa !14
  tail call void @free(ptr noundef nonnull %31) #6
  %34 = icmp eq ptr %33, null
  br i1 %34, label %35, label %30, !llvm.loop !15

35:                                               ; preds = %30, %7
  %36 = add nuw nsw i64 %8, 1
  br label %7

37:                                               ; preds = %14, %75
  %38 = phi i64 [ %76, %75 ], [ 0, %14 ]
  %39 = phi i64 [ %69, %75 ], [ 0, %14 ]
  %40 = mul nuw nsw i64 %38, 10
  %41 = add nuw nsw i64 %40, 100000
  br label %78

42:                                               ; preds = %78, %42
  %43 = phi i64 [ %46, %42 ], [ 0, %78 ]
  %44 = phi ptr [ %48, %42 ], [ %81, %78 ]
  %45 = load i64, ptr %44, align 8, !tbaa !8
  %46 = add nsw i64 %45, %43
  %47 = getelementptr inbounds i8, ptr %44, i64 8
  %48 = load ptr, ptr %47, align 8, !tbaa !14
  %49 = icmp eq ptr %48, null
  br i1 %49, label %50, label %42, !llvm.loop !16

50:                                               ; preds = %42, %50
  %51 = phi i64 [ %54, %50 ], [ 0, %42 ]
  %52 = phi ptr [ %56, %50 ], [ %18, %42 ]
  %53 = load i64, ptr %52, align 8, !tbaa !8
  %54 = add nsw i64 %53, %51
  %55 = getelementptr inbounds i8, ptr %52, i64 8
  %56 = load ptr, ptr %55, align 8, !tbaa !14
  %57 = icmp eq ptr %56, null
  br i1 %57, label %58, label %50, !llvm.loop !16

58:                                               ; preds = %50, %58
  %59 = phi i64 [ %62, %58 ], [ 0, %50 ]
  %60 = phi ptr [ %64, %58 ], [ %21, %50 ]
  %61 = load i64, ptr %60, align 8, !tbaa !8
  %62 = add nsw i64 %61, %59
  %63 = getelementptr inbounds i8, ptr %60, i64 8
  %64 = load ptr, ptr %63, align 8, !tbaa !14
  %65 = icmp eq ptr %64, null
  br i1 %65, label %66, label %58, !llvm.loop !16

66:                                               ; preds = %58
  %67 = add i64 %46, %39
  %68 = add i64 %67, %54
  %69 = add i64 %68, %62
  br label %70

70:                                               ; preds = %66, %70
  %71 = phi ptr [ %73, %70 ], [ %81, %66 ]
  %72 = getelementptr inbounds i8, ptr %71, i64 8
  %73 = load ptr, ptr %72, align 8, !tbaa !14
  tail call void @free(ptr noundef nonnull %71) #6
  %74 = icmp eq ptr %73, null
  br i1 %74, label %75, label %70, !llvm.loop !15

75:                                               ; preds = %70
  %76 = add nuw nsw i64 %38, 1
  %77 = icmp eq i64 %76, %6
  br i1 %77, label %86, label %37

78:                                               ; preds = %37, %78
  %79 = phi i64 [ 0, %37 ], [ %84, %78 ]
  %80 = phi ptr [ null, %37 ], [ %81, %78 ]
  %81 = tail call noalias dereferenceable_or_null(16) ptr @malloc(i64 noundef 16) #5
  %82 = add nuw nsw i64 %41, %79
  store i64 %82, ptr %81, align 8, !tbaa !8
  %83 = getelementptr inbounds i8, ptr %81, i64 8
  store ptr %80, ptr %83, align 8, !tbaa !14
  %84 = add nuw nsw i64 %79, 1
  %85 = icmp eq i64 %84, %6
  br i1 %85, label %42, label %78, !llvm.loop !17

86:                                               ; preds = %75, %86
  %87 = phi i64 [ %90, %86 ], [ 0, %75 ]
  %88 = phi ptr [ %92, %86 ], [ %18, %75 ]
  %89 = load i64, ptr %88, align 8, !tbaa !8
  %90 = add nsw i64 %89, %87
  %91 = getelementptr inbounds i8, ptr %88, i64 8
  %92 = load ptr, ptr %91, align 8, !tbaa !14
  %93 = icmp eq ptr %92, null
  br i1 %93, label %94, label %86, !llvm.loop !16

94:                                               ; preds = %86, %94
  %95 = phi i64 [ %98, %94 ], [ 0, %86 ]
  %96 = phi ptr [ %100, %94 ], [ %21, %86 ]
  %97 = load i64, ptr %96, align 8, !tbaa !8
  %98 = add nsw i64 %97, %95
  %99 = getelementptr inbounds i8, ptr %96, i64 8
  %100 = load ptr, ptr %99, align 8, !tbaa !14
  %101 = icmp eq ptr %100, null
  br i1 %101, label %102, label %94, !llvm.loop !16

102:                                              ; preds = %94
  %103 = load i64, ptr %18, align 8, !tbaa !8
  %104 = load i64, ptr %21, align 8, !tbaa !8
  %105 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str, i64 noundef %90, i64 noundef %98, i64 noundef %103, i64 noundef %104)
  br label %106

106:                                              ; preds = %102, %106
  %107 = phi ptr [ %109, %106 ], [ %18, %102 ]
  %108 = getelementptr inbounds i8, ptr %107, i64 8
  %109 = load ptr, ptr %108, align 8, !tbaa !14
  tail call void @free(ptr noundef nonnull %107) #6
  %110 = icmp eq ptr %109, null
  br i1 %110, label %111, label %106, !llvm.loop !15

111:                                              ; preds = %106, %111
  %112 = phi ptr [ %114, %111 ], [ %21, %106 ]
  %113 = getelementptr inbounds i8, ptr %112, i64 8
  %114 = load ptr, ptr %113, align 8, !tbaa !14
  tail call void @free(ptr noundef nonnull %112) #6
  %115 = icmp eq ptr %114, null
  br i1 %115, label %116, label %111, !llvm.loop !15

116:                                              ; preds = %111
  ret i64 %69
}

; Function Attrs: mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite)
declare noalias noundef ptr @malloc(i64 noundef) local_unnamed_addr #1

; Function Attrs: nofree nounwind
declare noundef i32 @printf(ptr nocapture noundef readonly, ...) local_unnamed_addr #2

; Function Attrs: nounwind uwtable
define dso_local noundef i32 @main(i32 noundef %0, ptr nocapture noundef readnone %1) local_unnamed_addr #3 {
  %3 = add nsw i32 %0, 5
  %4 = tail call i64 @f(i64 noundef 3003, i32 poison, i32 poison, i32 noundef %3)
  %5 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.1, i64 noundef %4)
  ret i32 0
}

; Function Attrs: mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite)
declare void @free(ptr allocptr nocapture noundef) local_unnamed_addr #4

attributes #0 = { noinline nounwind uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { mustprogress nofree nounwind willreturn allockind("alloc,uninitialized") allocsize(0) memory(inaccessiblemem: readwrite) "alloc-family"="malloc" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #2 = { nofree nounwind "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { nounwind uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { mustprogress nounwind willreturn allockind("free") memory(argmem: readwrite, inaccessiblemem: readwrite) "alloc-family"="malloc" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #5 = { nounwind allocsize(0) }
attributes #6 = { nounwind }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 8, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 2}
!4 = !{!"Debian clang version 19.1.7 (3~deb12u1)"}
!5 = distinct !{!5, !6, !7}
!6 = !{!"llvm.loop.mustprogress"}
!7 = !{!"llvm.loop.unroll.disable"}
!8 = !{!9, !10, i64 0}
!9 = !{!"node", !10, i64 0, !13, i64 8}
!10 = !{!"long", !11, i64 0}
!11 = !{!"omnipotent char", !12, i64 0}
!12 = !{!"Simple C/C++ TBAA"}
!13 = !{!"any pointer", !11, i64 0}
!14 = !{!9, !13, i64 8}
!15 = distinct !{!15, !6}
!16 = distinct !{!16, !6}
!17 = distinct !{!17, !6, !7}

; Notes_imported: the function-pointer note speaks for the module's own
; functions. A body imported from another module (ThinLTO's
; available_externally copy of other.c's function) is that module's to
; report: no "other.c: no allocation sites" line here, though the copy
; calls through a function pointer; own.c, whose function does too, gets
; its note.
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --match-full-lines --implicit-check-not=other.c
; CHECK:      own.c:5:0: leaking param: arg0
; CHECK-NEXT: own.c: no allocation sites; 1 call through a function pointer, which the analysis does not follow
; CHECK-EMPTY:
define available_externally void @imported(ptr %f) !dbg !5 {
  call void %f(), !dbg !8
  ret void
}
define void @own(ptr %f) !dbg !9 {
  call void %f(), !dbg !10
  ret void
}
!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "own.c", directory: "/tmp")
!2 = !DIFile(filename: "other.c", directory: "/tmp")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "imported", scope: !2, file: !2, line: 3, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 4, column: 3, scope: !5)
!9 = distinct !DISubprogram(name: "own", scope: !1, file: !1, line: 5, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!10 = !DILocation(line: 6, column: 3, scope: !9)

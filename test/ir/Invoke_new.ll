; operator new called by `invoke`: a converted site becomes a plain branch
; to the normal destination (the stack cannot throw), and the landing pad
; loses that predecessor: its phis stay valid.  An invoked operator delete
; of a converted object goes too.
; RUN: %opt -passes=escape -S %s | FileCheck %s --check-prefixes=CHECK,%ir-prefix
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not='alloc(' --implicit-check-not='operator new'
; RUN: %opt -passes=escape,verify -verify-each -disable-output %s

declare noalias nonnull ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @may_throw()
declare void @keep(ptr)
declare i32 @__gxx_personality_v0(...)

; TEST 1 - positive: invoke of new; the landing pad has a phi with an entry
; for the invoke's block and one for another invoke: the first goes (the
; phi, left with one entry, folds to its value).
; CHECK-LABEL: define i32 @invoke_new(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    br label %ok
; CHECK:       ok:
; CHECK-NEXT:    store i32 1, ptr [[S]], align 4
; CHECK-NEXT:    invoke void @may_throw()
; CHECK-NEXT:            to label %ok2 unwind label %lpad
; CHECK:       ok2:
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 16, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    ret i32 0
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
; CHECK-NEXT:            cleanup
; CHECK-NEXT:    ret i32 2
define i32 @invoke_new() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znwm(i64 16) builtin
          to label %ok unwind label %lpad
ok:
  store i32 1, ptr %p
  invoke void @may_throw()
          to label %ok2 unwind label %lpad
ok2:
  call void @look(ptr %p)
  call void @_ZdlPv(ptr %p) builtin
  ret i32 0
lpad:
  %which = phi i32 [ 1, %entry ], [ 2, %ok ]
  %lp = landingpad { ptr, i32 } cleanup
  ret i32 %which
}

; TEST 2 - negative: the same, but the object is kept.
; CHECK-LABEL: define i32 @invoke_new_kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %p = invoke ptr @_Znwm(i64 16)
; CHECK:       lpad:
; CHECK-NEXT:    %which = phi i32 [ 1, %entry ], [ 2, %ok ]
define i32 @invoke_new_kept() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znwm(i64 16) builtin
          to label %ok unwind label %lpad
ok:
  invoke void @keep(ptr %p)
          to label %ok2 unwind label %lpad
ok2:
  ret i32 0
lpad:
  %which = phi i32 [ 1, %entry ], [ 2, %ok ]
  %lp = landingpad { ptr, i32 } cleanup
  ret i32 %which
}

; TEST 3 - positive: the landing pad is reached only from the new: it
; becomes unreachable (and stays well-formed); a delete invoked in the normal
; path goes too.
; CHECK-LABEL: define void @only_pred(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [32 x i8], align 16
; IR-NEXT:    call void @llvm.lifetime.start.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.start.p0(ptr [[S]])
; CHECK-NEXT:    br label %ok
; CHECK:       ok:
; CHECK-NEXT:    call void @look(ptr [[S]])
; IR-NEXT:    call void @llvm.lifetime.end.p0(i64 32, ptr [[S]])
; IR22-NEXT:  call void @llvm.lifetime.end.p0(ptr [[S]])
; CHECK-NEXT:    br label %done
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
define void @only_pred() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znwm(i64 32) builtin
          to label %ok unwind label %lpad
ok:
  call void @look(ptr %p)
  invoke void @_ZdlPv(ptr %p) builtin
          to label %done unwind label %lpad2
done:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
lpad2:
  %lp2 = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp2
}

; TEST 4 - positive: the normal destination has a phi of the object's
; address: it now takes the slot from the entry block.
; CHECK-LABEL: define void @normal_dest_phi(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[S:%.*]] = alloca [16 x i8], align 16
; CHECK:       ok:
; CHECK-NEXT:    %m = phi ptr [ [[S]], %entry ]
define void @normal_dest_phi() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @_Znwm(i64 16) builtin
          to label %ok unwind label %lpad
ok:
  %m = phi ptr [ %p, %entry ]
  call void @look(ptr %m)
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}

; REPORT:      <invoke_new>: operator new(16) does not escape
; REPORT:      <invoke_new_kept>: operator new(16) escapes to heap
; REPORT:      <only_pred>: operator new(32) does not escape
; REPORT:      <normal_dest_phi>: operator new(16) does not escape

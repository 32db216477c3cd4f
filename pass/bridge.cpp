//===- bridge.cpp - C access to LLVM facilities missing from the C API ----===//
//
// No analysis logic lives here: each function answers one question the C core
// asks, using LLVM's own implementation (TargetLibraryInfo, MemoryBuiltins,
// CallBase attribute queries, debug records, Local.h utilities).
//
//===----------------------------------------------------------------------===//
#include "bridge.h"
#include "bridge_ctx.h"

#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Constants.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#if LLVM_VERSION_MAJOR >= 19 // debug records (DbgVariableRecord), LLVM 19's RemoveDIs
#include "llvm/IR/DebugProgramInstruction.h"
#endif
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#if LLVM_VERSION_MAJOR >= 17 // Triple moved from ADT to TargetParser in LLVM 17
#include "llvm/TargetParser/Triple.h"
#else
#include "llvm/ADT/Triple.h"
#endif
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <link.h>
#include <cstring>
#include <string>

using namespace llvm;

// The supported LLVMs are 16, 19 and 22 (CMakeLists.txt checks); every
// difference between them is an #if below, on LLVM_VERSION_MAJOR, with the
// upstream change that forced it.  Debug variables come in two forms:
//   16      dbg.declare / dbg.value intrinsics only
//   19      both: records (DbgVariableRecord, the default in LLVM 19's
//           passes) and intrinsics (IR read by older tools' conventions)
//   22      records only (the intrinsics' lookups were removed in LLVM 21/22)
#define ESCB_DBG_INTRINSICS (LLVM_VERSION_MAJOR < 22)
#define ESCB_DBG_RECORDS (LLVM_VERSION_MAJOR >= 19)
#if LLVM_VERSION_MAJOR != 16 && LLVM_VERSION_MAJOR != 19 && LLVM_VERSION_MAJOR != 22
#error "llvm-escape's bridge is written against LLVM 16, 19 and 22"
#endif

static void copy_out(StringRef s, char *buf, size_t n) {
  if (!n)
    return;
  size_t k = s.size() < n - 1 ? s.size() : n - 1;
  memcpy(buf, s.data(), k);
  buf[k] = 0;
}

static int arg_index(const CallBase *CB, const Value *V) {
  for (unsigned i = 0, e = CB->arg_size(); i != e; ++i)
    if (CB->getArgOperand(i) == V)
      return (int)i;
  return -1;
}

static escb_libfunc libfunc(LibFunc LF) {
  switch (LF) {
  case LibFunc_malloc:
    return ESCB_LIB_MALLOC;
  case LibFunc_calloc:
    return ESCB_LIB_CALLOC;
  case LibFunc_aligned_alloc:
    return ESCB_LIB_ALIGNED_ALLOC;
  case LibFunc_memalign:
    return ESCB_LIB_MEMALIGN;
  case LibFunc_valloc:
    return ESCB_LIB_VALLOC;
  case LibFunc_Znwm: case LibFunc_Znam: case LibFunc_Znwj: case LibFunc_Znaj:
  case LibFunc_ZnwmRKSt9nothrow_t: case LibFunc_ZnamRKSt9nothrow_t:
  case LibFunc_ZnwjRKSt9nothrow_t: case LibFunc_ZnajRKSt9nothrow_t:
    return ESCB_LIB_NEW;
  case LibFunc_ZnwmSt11align_val_t: case LibFunc_ZnamSt11align_val_t:
  case LibFunc_ZnwjSt11align_val_t: case LibFunc_ZnajSt11align_val_t:
  case LibFunc_ZnwmSt11align_val_tRKSt9nothrow_t:
  case LibFunc_ZnamSt11align_val_tRKSt9nothrow_t:
  case LibFunc_ZnwjSt11align_val_tRKSt9nothrow_t:
  case LibFunc_ZnajSt11align_val_tRKSt9nothrow_t:
    return ESCB_LIB_NEW_ALIGNED;
  case LibFunc_strdup:
    return ESCB_LIB_STRDUP;
  case LibFunc_strndup:
    return ESCB_LIB_STRNDUP;
  case LibFunc_posix_memalign:
    return ESCB_LIB_POSIX_MEMALIGN;
  case LibFunc_realloc: case LibFunc_reallocf: case LibFunc_vec_realloc:
    return ESCB_LIB_REALLOC;
  default:
    return ESCB_LIB_OTHER;
  }
}

extern "C" int escb_lib_refused(escb_ctx *ctx, LLVMValueRef call, char *proto, size_t n) {
  if (n)
    proto[0] = 0;
  auto *CB = dyn_cast<CallBase>(unwrap(call));
  /* The function called even when the call's type is not its declared
   * one (a K&R `int free();` called with a pointer), which LLVM takes for
   * an indirect call. */
  Function *F = CB ? dyn_cast<Function>(CB->getCalledOperand()->stripPointerCasts()) : nullptr;
  if (!F || F->isIntrinsic())
    return 0;
  const TargetLibraryInfo &TLI = ctx->tli(*CB->getFunction());
  LibFunc LF, taken;
  if (!TLI.getLibFunc(F->getName(), LF) || TLI.getLibFunc(*CB, taken))
    return 0; /* not a library name, or LLVM takes the call for it */
  bool family = libfunc(LF) != ESCB_LIB_OTHER || LF == LibFunc_free ||
                LF == LibFunc_ZdlPv || LF == LibFunc_ZdaPv;
  if (!family)
    return 0;
  if (!TLI.has(LF) || CB->isNoBuiltin())
    return 2;
  std::string text;
  raw_string_ostream os(text);
  F->getFunctionType()->print(os);
  os.flush();
  snprintf(proto, n, "%s", text.c_str());
  return 1;
}

extern "C" void escb_call_facts(escb_ctx *ctx, LLVMValueRef call, escb_callfacts *out) {
  memset(out, 0, sizeof *out);
  out->freed_arg = out->realloc_arg = -1;
  auto *CB = dyn_cast<CallBase>(unwrap(call));
  if (!CB || !CB->getCalledFunction() || CB->getCalledFunction()->isIntrinsic())
    return;
  Function *F = CB->getCalledFunction();
  const TargetLibraryInfo &TLI = ctx->tli(*CB->getFunction());
  out->direct = 1;
  out->nargs = CB->arg_size();
  LibFunc LF;
  if (TLI.getLibFunc(*CB, LF)) {
    out->lib = libfunc(LF);
    out->tli_free = LF == LibFunc_free || LF == LibFunc_vec_free || isLibFreeFunction(F, LF);
  }
  if (Value *P = getFreedOperand(CB, &TLI))
    out->freed_arg = arg_index(CB, P);
  out->realloc_like = isReallocLikeFn(F);
  if (out->realloc_like)
    out->realloc_arg = arg_index(CB, getReallocatedOperand(CB));
  out->allocation_fn = isAllocationFn(CB, &TLI);
  AllocFnKind K = F->getAttributes().getFnAttrs().getAllocKind();
  const struct { AllocFnKind k; unsigned bit; } kinds[] = {
      {AllocFnKind::Alloc, ESCB_AK_ALLOC}, {AllocFnKind::Realloc, ESCB_AK_REALLOC},
      {AllocFnKind::Free, ESCB_AK_FREE}, {AllocFnKind::Uninitialized, ESCB_AK_UNINITIALIZED},
      {AllocFnKind::Zeroed, ESCB_AK_ZEROED}, {AllocFnKind::Aligned, ESCB_AK_ALIGNED}};
  for (const auto &k : kinds)
    if ((K & k.k) != AllocFnKind::Unknown)
      out->allockind |= k.bit;
  std::optional<StringRef> Family = getAllocationFamily(CB, &TLI);
  out->family_malloc = Family && *Family == "malloc";
}

extern "C" escb_libfunc escb_function_libfunc(escb_ctx *ctx, LLVMValueRef fn,
                                              LLVMValueRef caller, int *is_free) {
  *is_free = 0;
  auto *F = dyn_cast<Function>(unwrap(fn));
  if (!F || F->isIntrinsic())
    return ESCB_LIB_NONE;
  const TargetLibraryInfo &TLI = ctx->tli(*cast<Function>(unwrap(caller)));
  LibFunc LF;
  if (!TLI.getLibFunc(*F, LF) || !TLI.has(LF))
    return ESCB_LIB_NONE;
  *is_free = LF == LibFunc_free;
  return libfunc(LF);
}

// initial_at: what a load of type Ty reads at byte Add past P (a constant
// offset into a global variable) while the global still holds its
// initializer, when that initializer is the one that runs (definitive, not
// externally initialized) and, with NeedConstant, the global is `constant`;
// nullptr otherwise (another base, a negative or unreadable offset).
static Constant *initial_at(Value *P, int64_t Add, Type *Ty, bool NeedConstant,
                            const DataLayout &DL) {
  APInt Off(DL.getIndexTypeSizeInBits(P->getType()), 0);
  auto *GV = dyn_cast<GlobalVariable>(
      P->stripAndAccumulateConstantOffsets(DL, Off, /*AllowNonInbounds=*/true));
  if (!GV || !GV->hasDefinitiveInitializer() || GV->isExternallyInitialized() ||
      (NeedConstant && !GV->isConstant()) || Off.getBitWidth() > 64)
    return nullptr;
  int64_t At = Off.getSExtValue() + Add;
  if (At < 0)
    return nullptr;
  return ConstantFoldLoadFromConst(GV->getInitializer(), Ty,
                                   APInt(Off.getBitWidth(), (uint64_t)At), DL);
}

extern "C" LLVMValueRef escb_slot_initial(LLVMValueRef load) {
  auto *LI = dyn_cast<LoadInst>(unwrap(load));
  if (!LI)
    return nullptr;
  return wrap(initial_at(LI->getPointerOperand(), 0, LI->getType(), /*NeedConstant=*/false,
                         LI->getModule()->getDataLayout()));
}

extern "C" LLVMValueRef escb_strip_offset(LLVMValueRef p, int64_t *off) {
  Value *V = unwrap(p);
  *off = 0;
  if (!V->getType()->isPointerTy())
    return nullptr;
  const Module *M = nullptr;
  if (auto *I = dyn_cast<Instruction>(V))
    M = I->getModule();
  else if (auto *A = dyn_cast<Argument>(V))
    M = A->getParent()->getParent();
  else if (auto *G = dyn_cast<GlobalValue>(getUnderlyingObject(V)))
    M = G->getParent();
  if (!M)
    return nullptr;
  const DataLayout &DL = M->getDataLayout();
  APInt Off(DL.getIndexTypeSizeInBits(V->getType()), 0);
  Value *Base = V->stripAndAccumulateConstantOffsets(DL, Off, /*AllowNonInbounds=*/true);
  if (Off.getBitWidth() > 64)
    return nullptr;
  *off = Off.getSExtValue();
  return wrap(Base);
}

extern "C" LLVMValueRef escb_const_table_entry(LLVMValueRef table, int64_t add,
                                               LLVMTypeRef ty) {
  // A constant has no module of its own: the data layout is its global's.
  auto *Under = dyn_cast<GlobalVariable>(getUnderlyingObject(unwrap(table)));
  Constant *C = Under ? initial_at(unwrap(table), add, unwrap(ty), /*NeedConstant=*/true,
                                   Under->getParent()->getDataLayout())
                      : nullptr;
  return C ? wrap(dyn_cast<Function>(C->stripPointerCasts())) : nullptr;
}

extern "C" int escb_inline_compatible(escb_ctx *ctx, LLVMValueRef call, int over_noinline) {
  auto *CB = dyn_cast<CallBase>(unwrap(call));
  Function *Callee = CB ? CB->getCalledFunction() : nullptr;
  // A body that runs at the call (ODR copies are all the same code), the
  // call site's own noinline (CallBase::isNoInline asks the callee too).
  if (!Callee || Callee->isDeclaration() || Callee->isInterposable() ||
      Callee->hasFnAttribute(Attribute::OptimizeNone) ||
      CB->getAttributes().hasFnAttr(Attribute::NoInline))
    return 0;
  Function *Caller = CB->getCaller();
  if (Callee->hasFnAttribute(Attribute::NoInline) && !over_noinline)
    return 0;
  if (!isInlineViable(*Callee).isSuccess()) // indirectbr, setjmp, va_start...
    return 0;
  // What a body may rely on being its own function: its assembly (a label
  // defined twice), its frame and return address.
  for (Instruction &I : instructions(*Callee))
    if (auto *C = dyn_cast<CallBase>(&I)) {
      if (C->isInlineAsm())
        return 0;
      if (auto *II = dyn_cast<IntrinsicInst>(C))
        switch (II->getIntrinsicID()) {
        case Intrinsic::frameaddress:
        case Intrinsic::returnaddress:
        case Intrinsic::addressofreturnaddress:
        case Intrinsic::sponentry:
          return 0;
        default:
          break;
        }
    }
  // The inliner's own compatibility rules: target features, sanitizers and
  // the other attributes whose meeting needs care, strict FP, null pointers.
  if (!AttributeFuncs::areInlineCompatible(*Caller, *Callee))
    return 0;
  if (!ctx->FAM->getResult<TargetIRAnalysis>(*Caller).areInlineCompatible(Caller, Callee))
    return 0;
  if (Callee->hasFnAttribute(Attribute::StrictFP) && !Caller->hasFnAttribute(Attribute::StrictFP))
    return 0;
  if (Callee->nullPointerIsDefined() && !Caller->nullPointerIsDefined())
    return 0;
  return 1;
}

extern "C" void escb_function_changed(escb_ctx *ctx, LLVMValueRef fn) {
  ctx->FAM->invalidate(*cast<Function>(unwrap(fn)), PreservedAnalyses::none());
}

// range_of: V's range where `At` runs (V is available there), LLVM's
// LazyValueInfo's narrowed by the ranges of what V is made of: integer
// arithmetic, casts, selects and phis, Depth levels deep, at most Budget
// values.  LVI gives up on an operand defined in a loop (n = 4 + r % 9 with
// r the loop's counter), where ConstantRange's transfer functions still
// bound the remainder and what is made of it.  An operand is asked about
// where its user runs, a phi's incoming value at the end of its block (LVI
// must not be asked about a value where its definition does not dominate).
// Undef is allowed: the range only sizes a guarded buffer, whose run-time
// test stays.
static ConstantRange range_of(Value *V, Instruction *At, unsigned Depth, unsigned &Budget,
                              LazyValueInfo &LVI) {
  unsigned W = V->getType()->getIntegerBitWidth();
  if (auto *C = dyn_cast<ConstantInt>(V))
    return ConstantRange(C->getValue());
  if (Budget == 0)
    return ConstantRange::getFull(W);
  Budget--;
  ConstantRange R = LVI.getConstantRange(V, At, /*UndefAllowed=*/true);
  auto *I = dyn_cast<Instruction>(V);
  if (!I || Depth == 0 || R.isSingleElement())
    return R;
  auto Op = [&](Value *X, Instruction *Where) { return range_of(X, Where, Depth - 1, Budget, LVI); };
  if (auto *BO = dyn_cast<BinaryOperator>(I)) {
    ConstantRange L = Op(BO->getOperand(0), BO), Rt = Op(BO->getOperand(1), BO);
    unsigned NoWrap = 0;
    if (auto *OBO = dyn_cast<OverflowingBinaryOperator>(BO)) {
      if (OBO->hasNoUnsignedWrap())
        NoWrap |= OverflowingBinaryOperator::NoUnsignedWrap;
      if (OBO->hasNoSignedWrap())
        NoWrap |= OverflowingBinaryOperator::NoSignedWrap;
    }
    R = R.intersectWith(NoWrap ? L.overflowingBinaryOp(BO->getOpcode(), Rt, NoWrap)
                               : L.binaryOp(BO->getOpcode(), Rt));
  } else if (auto *CI = dyn_cast<CastInst>(I)) {
    if (CI->getOperand(0)->getType()->isIntegerTy())
      R = R.intersectWith(Op(CI->getOperand(0), CI).castOp(CI->getOpcode(), W));
  } else if (auto *S = dyn_cast<SelectInst>(I)) {
    R = R.intersectWith(Op(S->getTrueValue(), S).unionWith(Op(S->getFalseValue(), S)));
  } else if (auto *P = dyn_cast<PHINode>(I)) {
    if (P->getNumIncomingValues() <= 4) {
      ConstantRange U = ConstantRange::getEmpty(W);
      for (unsigned K = 0; K < P->getNumIncomingValues(); K++) {
        Value *In = P->getIncomingValue(K);
        if (In != P)
          U = U.unionWith(Op(In, P->getIncomingBlock(K)->getTerminator()));
      }
      R = R.intersectWith(U);
    }
  }
  return R;
}

extern "C" int escb_value_umax(escb_ctx *ctx, LLVMValueRef v, LLVMValueRef at,
                                uint64_t *out) {
  Value *V = unwrap(v);
  auto *I = cast<Instruction>(unwrap(at));
  if (!ctx || !ctx->FAM || !V->getType()->isIntegerTy())
    return 0;
  Function &F = *I->getFunction();
  ctx->FAM->invalidate(F, PreservedAnalyses::none());
  unsigned Budget = 64;
  ConstantRange R = range_of(V, I, 6, Budget, ctx->FAM->getResult<LazyValueAnalysis>(F));
  if (R.isFullSet() || R.isEmptySet())
    return 0;
  APInt Max = R.getUnsignedMax();
  if (Max.getActiveBits() > 64)
    return 0;
  *out = Max.getZExtValue();
  return 1;
}

extern "C" void escb_alloc_facts(escb_ctx *ctx, LLVMValueRef call, escb_allocfacts *out) {
  memset(out, 0, sizeof *out);
  out->align_arg = -1;
  auto *CB = cast<CallBase>(unwrap(call));
  const TargetLibraryInfo &TLI = ctx->tli(*CB->getFunction());
  if (std::optional<APInt> Size = getAllocSize(CB, &TLI)) {
    out->size = 2;
    if (Size->getActiveBits() <= 64) {
      out->size = 1;
      out->bytes = Size->getZExtValue();
    }
  }
  if (Value *A = getAllocAlignment(CB, &TLI))
    out->align_arg = arg_index(CB, A);
  if (Constant *Init =
          getInitialValueOfAllocation(CB, &TLI, Type::getInt8Ty(CB->getContext())))
    out->init_zero = Init->isNullValue();
}

extern "C" int escb_const_uint(LLVMValueRef v, uint64_t *out) {
  auto *C = dyn_cast<ConstantInt>(unwrap(v));
  if (!C || C->getValue().getActiveBits() > 64)
    return 0;
  *out = C->getZExtValue();
  return 1;
}

extern "C" void escb_ctx_keep(escb_ctx *ctx, void *p, void (*release)(void *)) {
  ctx->kept = p;
  ctx->release = release;
}

extern "C" void *escb_ctx_kept(escb_ctx *ctx) { return ctx->kept; }

extern "C" unsigned escb_call_arg_flags(LLVMValueRef call, unsigned i) {
  auto *CB = cast<CallBase>(unwrap(call));
  unsigned fl = 0;
  if (CB->doesNotCapture(i))
    fl |= ESCB_ARG_NOCAPTURE;
  if (CB->hasFnAttr(Attribute::NoFree) || CB->paramHasAttr(i, Attribute::NoFree))
    fl |= ESCB_ARG_NOFREE;
  if (CB->onlyReadsMemory())
    fl |= ESCB_ARG_CALL_READONLY;
  if (CB->onlyReadsMemory(i))
    fl |= ESCB_ARG_READONLY;
  if (CB->paramHasAttr(i, Attribute::Returned))
    fl |= ESCB_ARG_RETURNED;
  return fl;
}

extern "C" int escb_call_returns_twice(LLVMValueRef call) {
  auto *CB = cast<CallBase>(unwrap(call));
  // __builtin_setjmp is llvm.eh.sjlj.setjmp, which returns twice without
  // saying so.
  if (const Function *F = CB->getCalledFunction())
    if (F->getIntrinsicID() == Intrinsic::eh_sjlj_setjmp)
      return 1;
  return CB->hasFnAttr(Attribute::ReturnsTwice);
}

static bool usable(const DILocalVariable *Var) {
  return Var && !Var->getName().empty() && !Var->isArtificial();
}

extern "C" int escb_value_var_name(LLVMValueRef v, char *buf, size_t n) {
  Value *V = unwrap(v);
  if (isa<Constant>(V) && !isa<GlobalValue>(V))
    return 0;
  if (auto *GV = dyn_cast<GlobalVariable>(V)) {
    copy_out(GV->getName(), buf, n);
    return 1;
  }
  if (isa<AllocaInst>(V)) {
#if ESCB_DBG_INTRINSICS
#if LLVM_VERSION_MAJOR >= 18 // FindDbgDeclareUses became findDbgDeclares (LLVM 18)
    for (DbgDeclareInst *D : findDbgDeclares(V))
#else
    for (DbgDeclareInst *D : FindDbgDeclareUses(V))
#endif
      if (usable(D->getVariable())) {
        copy_out(D->getVariable()->getName(), buf, n);
        return 1;
      }
#endif
#if ESCB_DBG_RECORDS
    for (DbgVariableRecord *R : findDVRDeclares(V))
      if (usable(R->getVariable())) {
        copy_out(R->getVariable()->getName(), buf, n);
        return 1;
      }
#endif
  }
#if ESCB_DBG_INTRINSICS
  SmallVector<DbgValueInst *, 4> Values;
#endif
#if ESCB_DBG_RECORDS
  SmallVector<DbgVariableRecord *, 4> Records;
#endif
#if LLVM_VERSION_MAJOR >= 22 // findDbgValues finds records only (LLVM 22)
  findDbgValues(V, Records);
#elif ESCB_DBG_RECORDS
  findDbgValues(Values, V, &Records);
#else
  findDbgValues(Values, V);
#endif
#if ESCB_DBG_INTRINSICS
  for (DbgValueInst *D : Values)
    if (usable(D->getVariable())) {
      copy_out(D->getVariable()->getName(), buf, n);
      return 1;
    }
#endif
#if ESCB_DBG_RECORDS
  for (DbgVariableRecord *R : Records)
    if (usable(R->getVariable())) {
      copy_out(R->getVariable()->getName(), buf, n);
      return 1;
    }
#endif
  return 0;
}

extern "C" int escb_param_sret(LLVMValueRef fn, unsigned i) {
  auto *F = cast<Function>(unwrap(fn));
  return i < F->arg_size() && F->hasParamAttribute(i, Attribute::StructRet);
}

extern "C" int escb_param_debug(LLVMValueRef fn, unsigned i, char *name, size_t n,
                                char *file, char *dir, size_t fn_len,
                                unsigned *line, unsigned *col) {
  auto *F = cast<Function>(unwrap(fn));
  // Debug info numbers the source's parameters: a hidden sret pointer (a
  // struct returned through memory) has none, and shifts the rest by one.
  if (i >= F->arg_size() || F->hasParamAttribute(i, Attribute::StructRet))
    return 0;
  unsigned arg = i + 1;
  for (unsigned j = 0; j < i; j++)
    if (F->hasParamAttribute(j, Attribute::StructRet))
      arg--;
  const DILocalVariable *Best = nullptr;
  DebugLoc BestLoc;
  auto consider = [&](const DILocalVariable *V, const DebugLoc &DL) {
    if (!V || V->getArg() != arg || V->getName().empty())
      return;
    // The declaration's own location names the parameter's column; later
    // dbg.values carry line 0.
    if (!Best || (!BestLoc || BestLoc.getLine() == 0)) {
      Best = V;
      BestLoc = DL;
    }
  };
  for (Instruction &I : instructions(*F)) {
#if ESCB_DBG_INTRINSICS
    if (auto *D = dyn_cast<DbgVariableIntrinsic>(&I))
      consider(D->getVariable(), D->getDebugLoc());
#endif
#if ESCB_DBG_RECORDS
    for (DbgVariableRecord &R : filterDbgVars(I.getDbgRecordRange()))
      consider(R.getVariable(), R.getDebugLoc());
#endif
    if (Best && BestLoc && BestLoc.getLine())
      break;
  }
  if (!Best)
    return 0;
  copy_out(Best->getName(), name, n);
  copy_out(Best->getFile() ? Best->getFile()->getFilename() : StringRef(), file, fn_len);
  if (dir)
    copy_out(Best->getFile() ? Best->getFile()->getDirectory() : StringRef(), dir, fn_len);
  *line = Best->getLine();
  *col = BestLoc && BestLoc.getLine() == Best->getLine() ? BestLoc.getCol() : 0;
  return 1;
}

extern "C" int escb_function_debug(LLVMValueRef fn, char *file, char *dir, size_t n,
                                   unsigned *line) {
  const DISubprogram *SP = cast<Function>(unwrap(fn))->getSubprogram();
  if (!SP || !SP->getLine())
    return 0;
  copy_out(SP->getFilename(), file, n);
  copy_out(SP->getDirectory(), dir, n);
  *line = SP->getLine();
  return 1;
}

// field_name: the member of DI type T at byte offset Off, nested members
// joined by dots ("hooks.allocate"), or "" when debug info does not say.
static std::string field_name(const DIType *T, uint64_t Off, int depth = 0) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type)
      break;
    T = D->getBaseType();
  }
  auto *C = dyn_cast_or_null<DICompositeType>(T);
  if (!C || depth > 8 || (C->getTag() != dwarf::DW_TAG_structure_type &&
                          C->getTag() != dwarf::DW_TAG_union_type))
    return "";
  for (const DINode *E : C->getElements()) {
    auto *M = dyn_cast<DIDerivedType>(E);
    if (!M || M->getTag() != dwarf::DW_TAG_member || M->getOffsetInBits() % 8)
      continue;
    uint64_t At = M->getOffsetInBits() / 8, Size = M->getSizeInBits() / 8;
    if (Off < At || (Size && Off >= At + Size) || (!Size && Off != At))
      continue;
    std::string Inner = field_name(M->getBaseType(), Off - At, depth + 1);
    if (Inner.empty() && Off != At)
      continue;
    return "." + M->getName().str() + Inner;
  }
  return "";
}

// slot_name: a callee loaded from a global (an allocator hook, hooks.c)
// as written: "parson_malloc", "global_hooks.allocate" (debug info names
// the field), else "global_hooks+8"; "" when it is not such a load.
static std::string slot_name(Value *V) {
  auto *LI = dyn_cast<LoadInst>(V);
  if (!LI)
    return "";
  const DataLayout &DL = LI->getModule()->getDataLayout();
  Value *P = LI->getPointerOperand();
  APInt Off(DL.getIndexTypeSizeInBits(P->getType()), 0);
  auto *GV = dyn_cast<GlobalVariable>(
      P->stripAndAccumulateConstantOffsets(DL, Off, /*AllowNonInbounds=*/true));
  if (!GV || Off.isNegative() || Off.getActiveBits() > 32)
    return "";
  uint64_t At = Off.getZExtValue();
  SmallVector<DIGlobalVariableExpression *, 1> GVs;
  GV->getDebugInfo(GVs);
  const DIGlobalVariable *Var = GVs.empty() ? nullptr : GVs[0]->getVariable();
  // A global split by GlobalOpt (global_hooks.0) is a fragment of the
  // variable the user wrote.
  bool Fragment = false;
  if (Var)
    if (auto Frag = GVs[0]->getExpression()->getFragmentInfo()) {
      At += Frag->OffsetInBits / 8;
      Fragment = true;
    }
  std::string Name = Var && !Var->getName().empty() ? Var->getName().str()
                                                     : GV->getName().str();
  Type *VT = GV->getValueType();
  if (At == 0 && !Fragment && !VT->isStructTy() && !VT->isArrayTy())
    return Name;
  std::string Field = Var ? field_name(Var->getType(), At) : "";
  return Name + (Field.empty() ? "+" + std::to_string(At) : Field);
}

extern "C" void escb_display_name(LLVMValueRef fn, char *buf, size_t n) {
  Value *V = unwrap(fn)->stripPointerCasts();
  std::string Slot = slot_name(V);
  if (!Slot.empty()) {
    copy_out(Slot, buf, n);
    return;
  }
  StringRef Name = V->getName();
  if (Name.empty()) {
    copy_out("<indirect>", buf, n);
    return;
  }
#if LLVM_VERSION_MAJOR >= 17 // StringRef::startswith became starts_with (LLVM 17)
  if (!Name.starts_with("_Z")) {
#else
  if (!Name.startswith("_Z")) {
#endif
    copy_out(Name, buf, n);
    return;
  }
  std::string D = demangle(Name.str());
  // "operator new(unsigned long)" -> "operator new": drop the parameter list.
  if (!D.empty() && D.back() == ')') {
    int depth = 0;
    for (size_t i = D.size(); i-- > 0;) {
      if (D[i] == ')')
        depth++;
      else if (D[i] == '(' && --depth == 0) {
        D.resize(i);
        break;
      }
    }
  }
  copy_out(D, buf, n);
}

extern "C" int escb_remarks_enabled(escb_ctx *ctx, LLVMValueRef fn) {
  auto *F = cast<Function>(unwrap(fn));
  return ctx->FAM->getResult<OptimizationRemarkEmitterAnalysis>(*F).allowExtraAnalysis(
      "escape");
}

template <typename R>
static void fill(R &Rem, const char *const *parts, int nparts) {
  for (int k = 0; k + 1 < 2 * nparts; k += 2) {
    if (!parts[k])
      Rem << parts[k + 1];
    else
      Rem << ore::NV(parts[k], StringRef(parts[k + 1]));
  }
}

extern "C" void escb_remark(escb_ctx *ctx, escb_remark_kind kind, const char *name,
                            LLVMValueRef fn, LLVMValueRef at, unsigned line,
                            unsigned col, const char *const *parts, int nparts) {
  auto *F = cast<Function>(unwrap(fn));
  auto &ORE = ctx->FAM->getResult<OptimizationRemarkEmitterAnalysis>(*F);
  Instruction *I = at ? cast<Instruction>(unwrap(at)) : nullptr;
  DiagnosticLocation Loc = I ? DiagnosticLocation(I->getDebugLoc())
                             : DiagnosticLocation(F->getSubprogram());
  if (!I && line && F->getSubprogram())
    Loc = DiagnosticLocation(DebugLoc(
        DILocation::get(F->getContext(), line, col, F->getSubprogram())));
  const BasicBlock *BB = I ? I->getParent() : &F->getEntryBlock();
  switch (kind) {
  case ESCB_REMARK_PASSED: {
    OptimizationRemark R("escape", name, Loc, BB);
    fill(R, parts, nparts);
    ORE.emit(R);
    break;
  }
  case ESCB_REMARK_MISSED: {
    OptimizationRemarkMissed R("escape", name, Loc, BB);
    fill(R, parts, nparts);
    ORE.emit(R);
    break;
  }
  case ESCB_REMARK_ANALYSIS: {
    OptimizationRemarkAnalysis R("escape", name, Loc, BB);
    fill(R, parts, nparts);
    ORE.emit(R);
    break;
  }
  }
}

// --- LLVM-C calls some supported LLVMs lack (bridge.h) ---

extern "C" int escb_is_musttail(LLVMValueRef inst) {
  auto *CI = dyn_cast<CallInst>(unwrap(inst));
  return CI && CI->getTailCallKind() == CallInst::TCK_MustTail;
}

extern "C" int escb_is_tail(LLVMValueRef inst) {
  auto *CI = dyn_cast<CallInst>(unwrap(inst));
  return CI && CI->getTailCallKind() == CallInst::TCK_Tail;
}

extern "C" void escb_clear_tail(LLVMValueRef call) {
  cast<CallInst>(unwrap(call))->setTailCallKind(CallInst::TCK_None);
}

extern "C" LLVMTypeRef escb_array_type(LLVMTypeRef elem, uint64_t n) {
  return wrap(ArrayType::get(unwrap(elem), n));
}

extern "C" LLVMValueRef escb_const_array(LLVMTypeRef elem, LLVMValueRef *vals, uint64_t n) {
  ArrayRef<Constant *> V(unwrap<Constant>(vals, n), n);
  return wrap(ConstantArray::get(ArrayType::get(unwrap(elem), n), V));
}

extern "C" LLVMValueRef escb_const_string(LLVMContextRef cx, const char *s, size_t n) {
  return wrap(ConstantDataArray::getString(*unwrap(cx), StringRef(s, n), /*AddNull=*/true));
}

extern "C" void escb_build_lifetime(LLVMBuilderRef b, LLVMModuleRef m, const char *name,
                                    uint64_t bytes, LLVMValueRef slot) {
  LLVMContextRef cx = LLVMGetModuleContext(m);
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  LLVMValueRef fn = LLVMGetIntrinsicDeclaration(m, id, &ptr, 1);
#if LLVM_VERSION_MAJOR >= 22 // lifetime markers lost their size operand (LLVM 22)
  (void)bytes;
  LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(cx), &ptr, 1, 0);
  LLVMBuildCall2(b, fty, fn, &slot, 1, "");
#else
  LLVMTypeRef params[2] = {LLVMInt64TypeInContext(cx), ptr};
  LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(cx), params, 2, 0);
  LLVMValueRef args[2] = {LLVMConstInt(params[0], bytes, 0), slot};
  LLVMBuildCall2(b, fty, fn, args, 2, "");
#endif
}

extern "C" LLVMValueRef escb_invoke_to_call(LLVMValueRef invoke) {
  return wrap(changeToCall(cast<InvokeInst>(unwrap(invoke))));
}

// guard_invoke: escb_guard_call for an invoke.  Its block ends in a branch
// on the condition; the invoke moves to a block of its own (its landing
// pad's phis follow it), and both paths meet in a block that branches to
// the normal destination (whose phis now come from there).
static BasicBlock *guard_invoke(InvokeInst *II, Value *Cond, Instruction *&StackTerm) {
  LLVMContext &Cx = II->getContext();
  BasicBlock *B = II->getParent(), *N = II->getNormalDest(), *U = II->getUnwindDest();
  Function *F = B->getParent();
  BasicBlock *H = BasicBlock::Create(Cx, B->getName() + ".heap", F, N);
  BasicBlock *S = BasicBlock::Create(Cx, B->getName() + ".stack", F, N);
  BasicBlock *J = BasicBlock::Create(Cx, B->getName() + ".join", F, N);
  II->removeFromParent();
  II->insertInto(H, H->end());
  BranchInst::Create(H, S, Cond, B)->setDebugLoc(II->getDebugLoc());
  II->setNormalDest(J);
  U->replacePhiUsesWith(B, H);
  N->replacePhiUsesWith(B, J);
  StackTerm = BranchInst::Create(J, S);
  StackTerm->setDebugLoc(II->getDebugLoc());
  BranchInst::Create(N, J)->setDebugLoc(II->getDebugLoc());
  return J;
}

extern "C" LLVMValueRef escb_guard_call(LLVMValueRef call, LLVMValueRef heap_cond,
                                        LLVMValueRef stack_value,
                                        LLVMValueRef *stack_term) {
  auto *CB = cast<CallBase>(unwrap(call));
  Instruction *ElseTerm = nullptr;
  BasicBlock *HeapBB = nullptr, *Join = nullptr;
  if (auto *II = dyn_cast<InvokeInst>(CB)) {
    Join = guard_invoke(II, unwrap(heap_cond), ElseTerm);
    HeapBB = II->getParent();
  } else {
    Instruction *ThenTerm = nullptr;
#if LLVM_VERSION_MAJOR >= 18 // split points became iterators (LLVM 18, RemoveDIs)
    SplitBlockAndInsertIfThenElse(unwrap(heap_cond), CB->getIterator(), &ThenTerm,
                                  &ElseTerm);
#else
    SplitBlockAndInsertIfThenElse(unwrap(heap_cond), CB, &ThenTerm, &ElseTerm);
#endif
    Join = CB->getParent();
#if LLVM_VERSION_MAJOR >= 22 // moveBefore(Instruction *) is deprecated in LLVM 22
    CB->moveBefore(ThenTerm->getIterator());
#else
    CB->moveBefore(ThenTerm);
#endif
    HeapBB = ThenTerm->getParent();
  }
  *stack_term = wrap(ElseTerm);
  if (CB->getType()->isVoidTy())
    return nullptr;
  Value *Stack = unwrap(stack_value);
  if (Stack->getType() != CB->getType())
#if LLVM_VERSION_MAJOR >= 22 // InsertPosition(Instruction *) is deprecated in LLVM 22
    Stack = new AddrSpaceCastInst(Stack, CB->getType(), "", ElseTerm->getIterator());
#else
    Stack = new AddrSpaceCastInst(Stack, CB->getType(), "", ElseTerm);
#endif
  PHINode *Phi = PHINode::Create(CB->getType(), 2, CB->getName() + ".guarded");
  // At the join's head, ahead of the debug records there: a phi may carry
  // none (inserting before the first instruction would attach them to it,
  // which the verifier rejects under -g).
  Phi->insertInto(Join, Join->begin());
  Phi->setDebugLoc(CB->getDebugLoc());
  CB->replaceAllUsesWith(Phi);
  Phi->addIncoming(CB, HeapBB);
  Phi->addIncoming(Stack, ElseTerm->getParent());
  *stack_term = wrap(ElseTerm);
  return wrap(Phi);
}

extern "C" void escb_drop_named_metadata(LLVMModuleRef M, const char *name) {
  if (NamedMDNode *N = unwrap(M)->getNamedMetadata(name))
    N->eraseFromParent();
}

extern "C" int escb_inline_call(LLVMValueRef call) {
  auto *CB = dyn_cast<CallBase>(unwrap(call));
  Function *Callee = CB ? CB->getCalledFunction() : nullptr;
  if (!Callee || Callee->isDeclaration())
    return 0;
  Function *Caller = CB->getCaller();
  InlineFunctionInfo IFI;
  if (!InlineFunction(*CB, IFI).isSuccess())
    return 0;
  // As LLVM's inliner does: the caller's attributes take the callee's in
  // (fast-math flags, stack protector, probes, vector width, mustprogress).
  AttributeFuncs::mergeAttributesForInlining(*Caller, *Callee);
  return 1;
}

extern "C" void escb_call_only_if(LLVMValueRef call, LLVMValueRef cond) {
  auto *CI = cast<CallInst>(unwrap(call));
#if LLVM_VERSION_MAJOR >= 18 // split points became iterators (LLVM 18, RemoveDIs)
  Instruction *Then = SplitBlockAndInsertIfThen(unwrap(cond), CI->getIterator(), false);
#else
  Instruction *Then = SplitBlockAndInsertIfThen(unwrap(cond), CI, false);
#endif
#if LLVM_VERSION_MAJOR >= 22 // moveBefore(Instruction *) is deprecated in LLVM 22
  CI->moveBefore(Then->getIterator());
#else
  CI->moveBefore(Then);
#endif
}

extern "C" LLVMValueRef escb_clone_function(LLVMValueRef fn, const char *name,
                                            const LLVMValueRef *olds, LLVMValueRef *news,
                                            int n) {
  Function *F = cast<Function>(unwrap(fn));
  ValueToValueMapTy VMap;
  Function *C = CloneFunction(F, VMap);
  C->setName(name);
  C->setLinkage(GlobalValue::InternalLinkage);
  C->setVisibility(GlobalValue::DefaultVisibility);
  C->setComdat(nullptr);
  for (int k = 0; k < n; k++) {
    auto It = VMap.find(unwrap(olds[k]));
    news[k] = It == VMap.end() ? nullptr : wrap(It->second);
  }
  return wrap(C);
}

extern "C" int escb_tbaa_kind(LLVMValueRef inst) {
  auto *I = dyn_cast<Instruction>(unwrap(inst));
  MDNode *Tag = I ? I->getMetadata(LLVMContext::MD_tbaa) : nullptr;
  if (!Tag || Tag->getNumOperands() < 2)
    return ESCB_TBAA_OTHER;
  // Only a struct-path tag (base type, access type, offset).
  if (Tag->getNumOperands() < 3 || !isa<MDNode>(Tag->getOperand(0)))
    return ESCB_TBAA_OTHER;
  // A number counts only as a field of a struct (base and access types
  // differ): a tag whose base is the scalar itself may come from a
  // memcpy's !tbaa.struct, which clang also gives a union member's
  // aggregate copy (punning that C allows).
  bool Field = Tag->getOperand(0) != Tag->getOperand(1);
  MDNode *Type = dyn_cast<MDNode>(Tag->getOperand(1));
  if (!Type || Type->getNumOperands() < 2)
    return ESCB_TBAA_OTHER;
  // And only under clang's C root: accesses under two roots may alias (a
  // C++ file's "Simple C++ TBAA", another frontend's, linked together).
  MDNode *Root = Type;
  for (int Depth = 0; Root && Root->getNumOperands() >= 2 && Depth < 64; Depth++)
    Root = dyn_cast<MDNode>(Root->getOperand(1));
  auto *RootName = Root && Root->getNumOperands() >= 1 ? dyn_cast<MDString>(Root->getOperand(0))
                                                       : nullptr;
  if (!RootName || RootName->getString() != "Simple C/C++ TBAA")
    return ESCB_TBAA_OTHER;
  auto *Name = dyn_cast<MDString>(Type->getOperand(0));
  if (!Name)
    return ESCB_TBAA_OTHER;
  StringRef N = Name->getString();
  static const char *const scalars[] = {"int", "long", "long long", "short", "_Bool", "bool",
                                        "float", "double", "long double", "__int128",
                                        "wchar_t", "char16_t", "char32_t"};
  for (const char *S : scalars)
    if (N == S)
      return Field ? ESCB_TBAA_SCALAR : ESCB_TBAA_OTHER;
  // "any pointer", and the pointer types of -fpointer-tbaa ("p1 int",
  // "any p2 pointer").
  if (N == "any pointer" || (N.size() > 2 && N[0] == 'p' && isdigit((unsigned char)N[1])) ||
      (N.size() > 13 && N.substr(0, 5) == "any p" && N.substr(N.size() - 8) == " pointer"))
    return ESCB_TBAA_POINTER;
  return ESCB_TBAA_OTHER;
}

extern "C" void escb_forget_memory_effects(LLVMValueRef fn) {
  Function *F = cast<Function>(unwrap(fn));
  F->removeFnAttr(Attribute::Memory);
  for (User *U : F->users())
    if (auto *CB = dyn_cast<CallBase>(U))
      if (CB->getCalledFunction() == F)
        CB->removeFnAttr(Attribute::Memory);
}

extern "C" void escb_mark_rewritten(LLVMValueRef fn) {
  cast<Function>(unwrap(fn))->addFnAttr("escape-rewritten");
}

extern "C" int escb_has_exact_definition(LLVMValueRef fn) {
  return cast<Function>(unwrap(fn))->hasExactDefinition();
}

extern "C" LLVMValueRef escb_insert_point_after(LLVMValueRef call) {
  Instruction *I = cast<Instruction>(unwrap(call));
  auto *II = dyn_cast<InvokeInst>(I);
  if (!II)
    return wrap(I->getNextNode());
  BasicBlock *Dest = II->getNormalDest();
  if (!Dest->getSinglePredecessor())
    Dest = SplitEdge(II->getParent(), Dest);
  return wrap(&*Dest->getFirstInsertionPt());
}

extern "C" void escb_append_global_ctor(LLVMModuleRef M, LLVMValueRef fn, int priority) {
  appendToGlobalCtors(*unwrap(M), cast<Function>(unwrap(fn)), priority);
}

extern "C" int escb_is_library_call(escb_ctx *ctx, LLVMValueRef call) {
  auto *CB = dyn_cast<CallBase>(unwrap(call));
  Function *F = CB ? CB->getCalledFunction() : nullptr;
  if (!F)
    return 0;
  LibFunc LF;
  return ctx->tli(*CB->getFunction()).getLibFunc(*F, LF);
}

extern "C" int escb_inlinable(LLVMValueRef fn) {
  auto *F = cast<Function>(unwrap(fn));
  return !F->isDeclaration() && !F->isInterposable() && !F->hasWeakLinkage() &&
         !F->hasFnAttribute(Attribute::NoInline) && !F->isVarArg() &&
         !F->hasFnAttribute(Attribute::OptimizeNone);
}

extern "C" int escb_inline_chain(LLVMValueRef inst, escb_frame *out, int max) {
  const DILocation *L = cast<Instruction>(unwrap(inst))->getDebugLoc().get();
  int n = 0;
  for (; L && n < max; L = L->getInlinedAt(), n++) {
    const DISubprogram *SP = L->getScope() ? L->getScope()->getSubprogram() : nullptr;
    copy_out(SP ? SP->getName() : StringRef(), out[n].fn, sizeof out[n].fn);
    const DILocation *At = L->getInlinedAt();
    copy_out(At ? At->getFilename() : StringRef(), out[n].file, sizeof out[n].file);
    copy_out(At ? At->getDirectory() : StringRef(), out[n].dir, sizeof out[n].dir);
    out[n].line = At ? At->getLine() : 0;
    out[n].col = At ? At->getColumn() : 0;
  }
  return n;
}

extern "C" void escb_source_name(LLVMValueRef fn, char *buf, size_t n) {
  auto *F = cast<Function>(unwrap(fn));
  if (const DISubprogram *SP = F->getSubprogram())
    if (!SP->getName().empty()) {
      copy_out(SP->getName(), buf, n);
      return;
    }
  copy_out(F->getName(), buf, n);
}

// --- the host's LLVM ---
//
// The plugin is not linked against libLLVM: its references bind to
// whatever LLVM the host brought, by name.  Another major version has other
// class layouts (clang-16 crashed in registerCallbacks) or lacks symbols
// (clang-14: "symbol lookup error"), so nothing of LLVM's may run before
// this check.  The host's version: LLVMGetVersion (LLVM 16 and later) as
// the host's own LLVM exports it, found the way the plugin's references
// are bound (the global scope), never the plugin's own reference; else the
// first libLLVM in the process, by its file name (libLLVM-14.so.1).

namespace {
struct HostLLVM {
  unsigned Major = 0, Minor = 0, Patch = 0;
  int Parts = 0; // of the version known: 1 from "libLLVM-14.so.1", else 3
  bool Known = false;
};

// version_from_name reads "libLLVM-14.so.1", "libLLVM.so.19.1",
// "libLLVM-16.0.6.so".
bool version_from_name(const char *Path, HostLLVM &H) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  if (std::strncmp(Base, "libLLVM", 7) != 0)
    return false;
  const char *P = Base + 7;
  if (*P == '-')
    P++;
  else if (std::strncmp(P, ".so.", 4) == 0)
    P += 4;
  else
    return false;
  unsigned V[3] = {0, 0, 0};
  int N = 0;
  while (N < 3 && *P >= '0' && *P <= '9') {
    V[N++] = unsigned(std::strtoul(P, const_cast<char **>(&P), 10));
    if (*P != '.')
      break;
    P++;
  }
  if (N == 0 || V[0] < 3)
    return false;
  H.Major = V[0];
  H.Minor = V[1];
  H.Patch = V[2];
  H.Parts = N;
  H.Known = true;
  return true;
}

int find_libllvm(struct dl_phdr_info *Info, size_t, void *Data) {
  HostLLVM &H = *static_cast<HostLLVM *>(Data);
  return Info->dlpi_name && version_from_name(Info->dlpi_name, H) ? 1 : 0;
}

HostLLVM host_llvm() {
  HostLLVM H;
  using GetVersion = void (*)(unsigned *, unsigned *, unsigned *);
  if (void *Sym = dlsym(RTLD_DEFAULT, "LLVMGetVersion")) {
    reinterpret_cast<GetVersion>(Sym)(&H.Major, &H.Minor, &H.Patch);
    H.Parts = 3;
    H.Known = H.Major > 0;
    return H;
  }
  dl_iterate_phdr(find_libllvm, &H);
  return H;
}
} // namespace

// plugin_api_of: the pass-plugin interface of an LLVM.  LLVM 22 added
// PreCodeGenCallback to PassPluginLibraryInfo and made
// LLVM_PLUGIN_API_VERSION 2; before, it was 1.
static unsigned plugin_api_of(unsigned Major) { return Major >= 22 ? 2 : 1; }

extern "C" int escb_host_check(void) {
  static int Result = -1; // per process: the check runs and prints once
  if (Result >= 0)
    return Result;
  HostLLVM H = host_llvm();
  Result = !H.Known || H.Major == LLVM_VERSION_MAJOR;
  if (!Result) {
    Dl_info Self;
    const char *Name = "LLVMEscape.so";
    if (dladdr(reinterpret_cast<void *>(&escb_host_check), &Self) && Self.dli_fname) {
      const char *Base = std::strrchr(Self.dli_fname, '/');
      Name = Base ? Base + 1 : Self.dli_fname;
    }
    char Host[48];
    if (H.Parts >= 3)
      std::snprintf(Host, sizeof Host, "%u.%u.%u", H.Major, H.Minor, H.Patch);
    else if (H.Parts == 2)
      std::snprintf(Host, sizeof Host, "%u.%u", H.Major, H.Minor);
    else
      std::snprintf(Host, sizeof Host, "%u", H.Major);
    unsigned Theirs = plugin_api_of(H.Major), Ours = plugin_api_of(LLVM_VERSION_MAJOR);
    if (Theirs == Ours)
      std::fprintf(stderr,
                   "%s: built for LLVM %s, loaded into LLVM %s; the escape pass is off "
                   "(build the plugin with -DLLVM_DIR=$(llvm-config-%u --cmakedir))\n",
                   Name, LLVM_VERSION_STRING, Host, H.Major);
    else
      std::fprintf(stderr,
                   "%s: built for LLVM %s, loaded into LLVM %s, whose pass plugins are of "
                   "interface %u, not %u: it cannot run this one (build the plugin with "
                   "-DLLVM_DIR=$(llvm-config-%u --cmakedir))\n",
                   Name, LLVM_VERSION_STRING, Host, Theirs, Ours, H.Major);
  }
  return Result;
}

extern "C" unsigned escb_host_plugin_api(void) {
  HostLLVM H = host_llvm();
  return H.Known ? plugin_api_of(H.Major) : 0;
}

extern "C" void escb_host_stop(void) {
  std::fflush(stderr);
  std::_Exit(1);
}

// --- target triples ---

extern "C" void escb_parse_triple(const char *triple, escb_triple *out) {
  Triple T(Triple::normalize(triple ? triple : ""));
  copy_out(Triple::getArchTypeName(T.getArch()), out->arch, sizeof out->arch);
  copy_out(Triple::getOSTypeName(T.getOS()), out->os, sizeof out->os);
  copy_out(Triple::getEnvironmentTypeName(T.getEnvironment()), out->env, sizeof out->env);
}

// --- the verifier and errors (-escape-verify) ---

extern "C" char *escb_verify_function(LLVMValueRef fn) {
  std::string Msg;
  raw_string_ostream OS(Msg);
  if (!verifyFunction(*cast<Function>(unwrap(fn)), &OS))
    return nullptr;
  OS.flush();
  while (!Msg.empty() && Msg.back() == '\n')
    Msg.pop_back();
  char *Out = static_cast<char *>(std::malloc(Msg.size() + 1));
  if (Out)
    std::memcpy(Out, Msg.c_str(), Msg.size() + 1);
  return Out ? Out : strdup("(no message)");
}

namespace {
// EscapeError is a plain error message of the plugin (LLVM 19 has no
// DiagnosticInfoGeneric): hosts print it as "error: <message>".
class EscapeError : public DiagnosticInfo {
  const char *Msg;

public:
  EscapeError(const char *Msg) : DiagnosticInfo(kind(), DS_Error), Msg(Msg) {}
  void print(DiagnosticPrinter &DP) const override { DP << Msg; }
  static int kind() {
    static int K = getNextAvailablePluginDiagnosticKind();
    return K;
  }
};
} // namespace

extern "C" void escb_error(LLVMValueRef fn, const char *msg) {
  Function *F = cast<Function>(unwrap(fn));
  F->getContext().diagnose(EscapeError(msg));
}

extern "C" void escb_delete_body(LLVMValueRef fn) {
  cast<Function>(unwrap(fn))->deleteBody();
}

// --- the report's paths (source.c) ---

extern "C" int escb_scope_unit(LLVMMetadataRef md, char *dir, char *name, size_t n) {
  const Metadata *M = unwrap(md);
  const DIScope *S = nullptr;
  if (const auto *L = dyn_cast_or_null<DILocation>(M))
    S = L->getScope();
  else
    S = dyn_cast_or_null<DIScope>(M);
  const DISubprogram *SP = nullptr;
  if (const auto *LS = dyn_cast_or_null<DILocalScope>(S))
    SP = LS->getSubprogram();
  const DICompileUnit *CU = SP ? SP->getUnit() : dyn_cast_or_null<DICompileUnit>(S);
  if (!CU || !CU->getFile())
    return 0;
  copy_out(CU->getFile()->getDirectory(), dir, n);
  copy_out(CU->getFile()->getFilename(), name, n);
  return 1;
}

// escb_demangle_function: the qualified name with template arguments of an
// Itanium-mangled function name ("std::make_unique<Acc>"), no return type
// and no parameters; 0 if it is not one.
extern "C" int escb_demangle_function(const char *mangled, char *buf, size_t n) {
  ItaniumPartialDemangler D;
  if (!mangled || strncmp(mangled, "_Z", 2) != 0 || D.partialDemangle(mangled) ||
      !D.isFunction())
    return 0;
  char *Name = D.getFunctionName(nullptr, nullptr);
  if (!Name)
    return 0;
  copy_out(Name, buf, n);
  std::free(Name);
  return 1;
}

/* wrapper.c — allocation and free wrappers, constructors and destructors,
 * seen through by inlining.
 *
 * Real programs rarely call malloc where the object dies: they call their
 * own xmalloc, which calls malloc, checks for NULL and returns, and free
 * through xfree.  The pass `escape-wrappers` runs before the inliner (at
 * the start of the per-module simplification, and at the start of the
 * full-LTO link pipeline, where wrappers in other files are visible) and
 * marks each wrapper `alwaysinline`; after inlining, the escape pass sees a
 * plain malloc whose object it can judge, and a plain free.  Inlining keeps
 * the program's meaning whatever the body does, so soundness never rests
 * on the recognition: it only decides what is worth inlining, and what the
 * report names: an allocation inlined from a wrapper in another file (a
 * header, or another translation unit at link time) is reported at the
 * call as written, `use.c:8:12: xmalloc(64) does not escape`, not at the
 * malloc inside the wrapper (that attribution is the ledger's: ledger.c).
 *
 * An allocation wrapper W returns a pointer, and on every path that can
 * return:
 *   - calls exactly one allocator A (malloc, calloc, aligned_alloc,
 *     operator new, or an allocation wrapper found earlier),
 *   - returns A (or, after `if (!p) return NULL`, a phi or select of A
 *     and null),
 *   - uses A otherwise only in comparisons with null and as memset's
 *     destination (zeroing),
 *   - computes sizes with integer arithmetic, selects and plain loads
 *     (rounding, a header word), branches only on integers or on A == null,
 *   - stores nothing and calls nothing else.
 * Paths that cannot return (the out-of-memory report ending in abort or
 * exit) may do anything.  A function that also keeps the pointer (a
 * registry, a debug list, a counter keyed by its address) is not a
 * wrapper; if LLVM inlines it anyway, the store is plain to see and the
 * object escapes.
 *
 *   void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
 *
 * A free wrapper F frees its pointer parameter and on returning paths does
 * nothing else but compare parameters with null:
 *
 *   void xfree(void *p) { if (p) free(p); }
 *
 * Records come with a constructor and a destructor, and a caller that
 * makes one, uses it and destroys it in one frame could keep every object
 * of it off the heap if both were inlined (the loop rule lets a record's
 * fields share slots across iterations: solve.c, dead_holder).  A
 * destructor D(p) loads p's pointer fields at fixed offsets, compares p and
 * them with null, and frees them and p (free, free wrappers, destructors
 * found before) -- nothing else on a returning path: a field kept in a
 * cache or a global list, a free under a global flag, a loop over an array
 * of fields, a call of itself (a tree) make it no destructor.  A
 * constructor C allocates a few objects (allocators, allocation wrappers,
 * constructors found before), stores only into them and into what their
 * fields point to, calls only the C library's fillers and copiers
 * (strncpy, snprintf, memset), and returns one of them:
 *
 *   struct rec *rec_new(...) { r = xmalloc(24); r->name = xmalloc(16); ...; return r; }
 *   void rec_free(struct rec *r) { if (!r) return; free(r->name); free(r->vals); free(r); }
 *
 * Both are bounded (ESC_DTOR_INSTS instructions on returning paths, twice
 * that in all, a few objects), and a constructor is marked only where it pays: some function
 * of the module calls it and also frees something (free, a free wrapper, a
 * destructor), or a marked constructor calls it.  Constructors are not
 * listed in !escape.wrappers: their objects are reported as a same-file
 * wrapper's are, one line per object at the call in the function holding
 * the copy (`main.c:17:21: malloc(24) does not escape`, the allocation
 * inside named).  A recursive destructor (free_tree) stays a call, and
 * what it is given stays on the heap: it may free it.
 *
 * Only functions whose body is the one that runs (escb_inlinable: not
 * interposable, not weak) and not marked noinline are considered, and none
 * built for size (-Os, -Oz): each inlined copy carries the out-of-memory
 * path, which only folds away where the object moves to the stack.
 * Exercised by test/exec/Wrapper_*.c, test/exec/Dtor_*.c,
 * test/ir/Wrapper_recognise.c, test/ir/Dtor_recognise.c and test/lto/.
 */
#include "internal.h"
#include "libmodel.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BLOCKS ESC_WRAPPER_BLOCKS /* options.def */
#define MAX_INSTS ESC_WRAPPER_INSTS
#define DTOR_INSTS ESC_DTOR_INSTS
#define MAX_OBJS 8 /* objects one constructor makes: a record and its fields */

typedef enum wrap_kind { WRAP_NONE, WRAP_ALLOC, WRAP_FREE, WRAP_DTOR, WRAP_CTOR } wrap_kind;

/* harmless_intrinsic: debug records and hints with no effect on memory. */
static int harmless_intrinsic(LLVMValueRef callee) {
  esc_intrinsic_kind k = esc_intrinsic_kind_of(callee);
  return k == ESC_INTR_MARKER || k == ESC_INTR_EXPECT;
}

static int is_memset(LLVMValueRef callee) {
  return esc_intrinsic_kind_of(callee) == ESC_INTR_MEMSET;
}

/* paths: a walk over the instructions of fn's returning paths (the blocks
 * from which a `ret` can be reached), in block order, at most `budget` of
 * them; `over` says the walk stopped at the budget. */
typedef struct paths {
  LLVMBasicBlockRef blocks[MAX_BLOCKS];
  int live[MAX_BLOCKS], n, at, seen, budget, over;
  LLVMValueRef inst;
} paths;

/* paths_rewind: back to the first instruction, the budget whole again. */
static void paths_rewind(paths *w) {
  w->at = -1;
  w->inst = NULL;
  w->seen = w->over = 0;
}

/* paths_open: marks the returning blocks; 0 if fn has too many blocks to
 * consider. */
static int paths_open(paths *w, LLVMValueRef fn, int budget) {
  int n = 0;
  LLVMBasicBlockRef *blocks = w->blocks;
  int *live = w->live;
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b)) {
    if (n == MAX_BLOCKS)
      return 0;
    blocks[n] = b;
    LLVMValueRef t = LLVMGetBasicBlockTerminator(b);
    live[n++] = t && LLVMGetInstructionOpcode(t) == LLVMRet;
  }
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 0; i < n; i++) {
      if (live[i])
        continue;
      LLVMValueRef t = LLVMGetBasicBlockTerminator(blocks[i]);
      unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
      for (unsigned k = 0; k < ns && !live[i]; k++) {
        LLVMBasicBlockRef s = LLVMGetSuccessor(t, k);
        for (int j = 0; j < n; j++)
          if (blocks[j] == s && live[j]) {
            live[i] = changed = 1;
            break;
          }
      }
    }
  }
  w->n = n;
  w->budget = budget;
  paths_rewind(w);
  return 1;
}

/* paths_next: the next instruction, NULL at the end or past the budget. */
static LLVMValueRef paths_next(paths *w) {
  if (w->inst)
    w->inst = LLVMGetNextInstruction(w->inst);
  while (!w->inst) {
    do
      w->at++;
    while (w->at < w->n && !w->live[w->at]);
    if (w->at >= w->n)
      return NULL;
    w->inst = LLVMGetFirstInstruction(w->blocks[w->at]);
  }
  if (++w->seen > w->budget) {
    w->over = 1;
    return w->inst = NULL;
  }
  return w->inst;
}

/* allocator: is this call an allocation the escape pass can convert, or a
 * call of an allocation wrapper found before? */
static int allocator(escb_ctx *ctx, LLVMValueRef call, const esc_ptrmap *known) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAFunction(callee) && esc_ptrmap_get(known, callee) == WRAP_ALLOC)
    return 1;
  esc_callinfo ci;
  esc_call_classify(ctx, call, &ci);
  return ci.kind == ESC_CALL_ALLOC &&
         (ci.fn == ESC_FN_MALLOC || ci.fn == ESC_FN_CALLOC ||
          ci.fn == ESC_FN_ALIGNED_ALLOC || ci.fn == ESC_FN_NEW);
}

/* null_compare: icmp eq/ne of `v` with null. */
static int null_compare(LLVMValueRef i, LLVMValueRef v) {
  if (LLVMGetInstructionOpcode(i) != LLVMICmp)
    return 0;
  LLVMIntPredicate p = LLVMGetICmpPredicate(i);
  if (p != LLVMIntEQ && p != LLVMIntNE)
    return 0;
  LLVMValueRef a = LLVMGetOperand(i, 0), b = LLVMGetOperand(i, 1);
  return (a == v && esc_is_null(b)) || (b == v && esc_is_null(a));
}

/* result_phi: a phi or select of A and null only. */
static int result_phi(LLVMValueRef i, LLVMValueRef a) {
  if (LLVMIsASelectInst(i)) {
    LLVMValueRef t = LLVMGetOperand(i, 1), e = LLVMGetOperand(i, 2);
    return (t == a || esc_is_null(t)) && (e == a || esc_is_null(e));
  }
  if (!LLVMIsAPHINode(i))
    return 0;
  unsigned n = LLVMCountIncoming(i);
  for (unsigned k = 0; k < n; k++) {
    LLVMValueRef v = LLVMGetIncomingValue(i, k);
    if (v != a && !esc_is_null(v))
      return 0;
  }
  return n > 0;
}

/* integer_only: an instruction computing an integer (size arithmetic). */
static int integer_only(LLVMValueRef i) {
  if (esc_is_pointer(i))
    return 0;
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    if (esc_is_pointer(LLVMGetOperand(i, k)))
      return 0;
  switch (LLVMGetInstructionOpcode(i)) {
  case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMUDiv: case LLVMSDiv:
  case LLVMURem: case LLVMSRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
  case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMTrunc: case LLVMZExt:
  case LLVMSExt: case LLVMICmp: case LLVMSelect: case LLVMPHI: case LLVMFreeze:
  case LLVMExtractValue:
    return 1;
  default:
    return 0;
  }
}

/* alloc_wrapper: is fn an allocation wrapper (see the top of the file)? */
static int alloc_wrapper(escb_ctx *ctx, LLVMValueRef fn, const esc_ptrmap *known) {
  if (LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(fn))) != LLVMPointerTypeKind)
    return 0;
  paths w;
  if (!paths_open(&w, fn, MAX_INSTS))
    return 0;
  LLVMValueRef a = NULL;
  /* First the allocator, then every instruction of a returning path (the
   * out-of-memory path, which cannot return, may hold anything). */
  for (LLVMValueRef i; (i = paths_next(&w));)
    if (esc_is_call(i) && allocator(ctx, i, known)) {
      if (a)
        return 0; /* two allocations: which one is returned? */
      a = i;
    }
  if (w.over || !a || LLVMGetInstructionOpcode(a) != LLVMCall)
    return 0;
  paths_rewind(&w);
  for (LLVMValueRef i; (i = paths_next(&w));) {
    if (i == a)
      continue;
    switch (LLVMGetInstructionOpcode(i)) {
    case LLVMRet:
      if (LLVMGetNumOperands(i) != 1)
        return 0;
      {
        LLVMValueRef v = LLVMGetOperand(i, 0);
        if (v != a && !result_phi(v, a))
          return 0;
      }
      break;
    case LLVMBr:
      if (LLVMIsConditional(i)) {
        LLVMValueRef c = LLVMGetCondition(i);
        if (!null_compare(c, a) && !(LLVMIsAInstruction(c) && integer_only(c)) &&
            !LLVMIsAArgument(c))
          return 0;
      }
      break;
    case LLVMLoad:
      if (LLVMGetVolatile(i) || esc_is_pointer(i) || LLVMGetOrdering(i) != LLVMAtomicOrderingNotAtomic)
        return 0;
      break;
    case LLVMCall: {
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if (LLVMIsAFunction(callee) && harmless_intrinsic(callee))
        break;
      if (LLVMIsAFunction(callee) && is_memset(callee) && LLVMGetOperand(i, 0) == a)
        break; /* zeroing the new object */
      return 0;
    }
    case LLVMPHI: case LLVMSelect:
      if (esc_is_pointer(i) ? !result_phi(i, a) : !integer_only(i))
        return 0;
      break;
    case LLVMICmp:
      if (!null_compare(i, a) && !integer_only(i))
        return 0;
      break;
    default:
      if (!integer_only(i))
        return 0;
    }
  }
  if (w.over)
    return 0;
  /* Every use of A: returned, compared with null, zeroed. */
  for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user))
      return 0;
    LLVMOpcode op = LLVMGetInstructionOpcode(user);
    if (op == LLVMRet || null_compare(user, a))
      continue;
    if ((op == LLVMPHI || op == LLVMSelect) && result_phi(user, a)) {
      for (LLVMUseRef v = LLVMGetFirstUse(user); v; v = LLVMGetNextUse(v))
        if (LLVMGetInstructionOpcode(LLVMGetUser(v)) != LLVMRet)
          return 0;
      continue;
    }
    if (op == LLVMCall && LLVMGetOperand(user, 0) == a &&
        LLVMIsAFunction(LLVMGetCalledValue(user)) && is_memset(LLVMGetCalledValue(user)))
      continue;
    return 0;
  }
  return 1;
}

/* free_wrapper: does fn free a parameter and, on returning paths, nothing
 * else? */
static int free_wrapper(escb_ctx *ctx, LLVMValueRef fn) {
  paths w;
  int frees = 0;
  if (LLVMCountParams(fn) == 0 || !paths_open(&w, fn, MAX_INSTS))
    return 0;
  for (LLVMValueRef i; (i = paths_next(&w));) {
    switch (LLVMGetInstructionOpcode(i)) {
    case LLVMRet:
      if (LLVMGetNumOperands(i) != 0)
        return 0;
      break;
    case LLVMBr:
      if (LLVMIsConditional(i) && !LLVMIsAICmpInst(LLVMGetCondition(i)))
        return 0;
      break;
    case LLVMICmp: {
      LLVMValueRef x = LLVMGetOperand(i, 0), y = LLVMGetOperand(i, 1);
      if (!((LLVMIsAArgument(x) && esc_is_null(y)) || (LLVMIsAArgument(y) && esc_is_null(x))))
        return 0;
      break;
    }
    case LLVMCall: {
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if (LLVMIsAFunction(callee) && harmless_intrinsic(callee))
        break;
      esc_callinfo ci;
      esc_call_classify(ctx, i, &ci);
      if (ci.kind != ESC_CALL_FREE ||
          !LLVMIsAArgument(LLVMGetOperand(i, (unsigned)ci.arg)))
        return 0;
      frees++;
      break;
    }
    default:
      return 0;
    }
  }
  if (w.over)
    return 0;
  return frees > 0;
}


/* fixed_offset: addr is p, or p at constant offsets (GEPs with constant
 * indices only: &p->vals, &p->hdr.name). */
static int fixed_offset(LLVMValueRef addr, LLVMValueRef p) {
  for (int depth = 0; addr != p; depth++) {
    if (depth == 4 || !LLVMIsAGetElementPtrInst(addr))
      return 0;
    int n = LLVMGetNumOperands(addr);
    for (int k = 1; k < n; k++)
      if (!LLVMIsAConstantInt(LLVMGetOperand(addr, k)))
        return 0;
    addr = LLVMGetOperand(addr, 0);
  }
  return 1;
}

static int plain_load(LLVMValueRef i) {
  return LLVMIsALoadInst(i) && !LLVMGetVolatile(i) &&
         LLVMGetOrdering(i) == LLVMAtomicOrderingNotAtomic;
}

/* field_of: v is p, or a pointer field of *p loaded at a fixed offset. */
static int field_of(LLVMValueRef v, LLVMValueRef p) {
  return v == p || (plain_load(v) && esc_is_pointer(v) && fixed_offset(LLVMGetOperand(v, 0), p));
}

/* frees_field: a call that frees p or one of its fields: free (or
 * operator delete), or a free wrapper or destructor found before, of one
 * parameter. */
static int frees_field(escb_ctx *ctx, LLVMValueRef call, LLVMValueRef p, const esc_ptrmap *known) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAFunction(callee)) {
    int k = esc_ptrmap_get(known, callee);
    if (k == WRAP_FREE || k == WRAP_DTOR)
      return LLVMCountParams(callee) == 1 && LLVMGetNumArgOperands(call) == 1 &&
             field_of(LLVMGetOperand(call, 0), p);
  }
  esc_callinfo ci;
  esc_call_classify(ctx, call, &ci);
  return ci.kind == ESC_CALL_FREE && field_of(LLVMGetOperand(call, (unsigned)ci.arg), p);
}

/* small: fn has at most `limit` instructions in all (the paths that cannot
 * return too: a constructor's or destructor's every inlined copy carries
 * them, and unlike xmalloc's report they need not fold away). */
static int small(LLVMValueRef fn, int limit) {
  int n = 0;
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b))
    for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
      if (++n > limit)
        return 0;
  return 1;
}

/* destructor: does fn, of one pointer parameter p, on returning paths only
 * load p's pointer fields at fixed offsets, compare p and them with null,
 * branch on those comparisons, and free them and p (free, free wrappers,
 * destructors found before)?
 *
 *   void rec_free(struct rec *r) { if (!r) return; free(r->name); vec_free(r->v); free(r); }
 *
 * Anything else on a returning path makes it no destructor: a store (the
 * field kept in a cache, on a global list), a load of anything but p's
 * fields (a free only under a global flag), another call, a loop over
 * the fields (a variable index), and a call of itself (free_tree: the
 * recursion could not be inlined anyway; it stays a call, and what it is
 * given stays on the heap). */
static int destructor(escb_ctx *ctx, LLVMValueRef fn, const esc_ptrmap *known) {
  paths w;
  int frees = 0;
  if (LLVMCountParams(fn) != 1 ||
      LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(fn))) != LLVMVoidTypeKind)
    return 0;
  LLVMValueRef p = LLVMGetParam(fn, 0);
  if (!esc_is_pointer(p) || !small(fn, 2 * DTOR_INSTS) || !paths_open(&w, fn, DTOR_INSTS))
    return 0;
  for (LLVMValueRef i; (i = paths_next(&w));) {
    switch (LLVMGetInstructionOpcode(i)) {
    case LLVMRet:
      break;
    case LLVMBr:
      if (LLVMIsConditional(i) && !LLVMIsAICmpInst(LLVMGetCondition(i)))
        return 0;
      break;
    case LLVMICmp: {
      LLVMValueRef x = LLVMGetOperand(i, 0), y = LLVMGetOperand(i, 1);
      if (!((field_of(x, p) && esc_is_null(y)) || (field_of(y, p) && esc_is_null(x))))
        return 0;
      break;
    }
    case LLVMGetElementPtr:
      if (!fixed_offset(i, p))
        return 0;
      break;
    case LLVMLoad:
      if (!field_of(i, p))
        return 0;
      break;
    case LLVMCall: {
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if (LLVMIsAFunction(callee) && harmless_intrinsic(callee))
        break;
      if (!frees_field(ctx, i, p, known))
        return 0;
      frees++;
      break;
    }
    default:
      return 0;
    }
  }
  if (w.over)
    return 0;
  return frees > 0;
}

/* made_here: v points into one of the objects objs[0..n) the constructor
 * made, or into an object one of their pointer fields holds (r->name[15]
 * through a load of r->name). */
static int made_here(LLVMValueRef v, LLVMValueRef *objs, int n) {
  for (int depth = 0; depth < 3; depth++) {
    LLVMValueRef b = esc_pointer_base(v);
    if (!b)
      return 0;
    for (int k = 0; k < n; k++)
      if (b == objs[k])
        return 1;
    if (!plain_load(b))
      return 0;
    v = LLVMGetOperand(b, 0);
  }
  return 0;
}

/* fills_only: a C library call that only reads its pointers and writes
 * plain data through them (strlen, strcpy, snprintf: the library model's
 * r, w, W, <, ^, R and n, also for the variadic ones), writing only into
 * objects the constructor made. */
static int fills_only(LLVMValueRef call, LLVMValueRef *objs, int n) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!LLVMIsAFunction(callee) || !LLVMIsDeclaration(callee))
    return 0;
  size_t len = 0;
  const char *name = LLVMGetValueName2(callee, &len);
  const esc_libmodel *m = esc_libmodel_find(name, len);
  unsigned nargs = LLVMGetNumArgOperands(call), nfixed = m ? (unsigned)strlen(m->params) : 0;
  if (!m || m->callback >= 0 || nargs < nfixed || (nargs > nfixed && !m->varargs))
    return 0;
  for (unsigned k = 0; k < nargs; k++) {
    char c = k < nfixed ? m->params[k] : m->varargs;
    if (!strchr("rwW<^Rn", c)) /* ^: into *arg0, a w one made here */
      return 0;
    if ((c == 'w' || c == 'W') && !made_here(LLVMGetOperand(call, k), objs, n))
      return 0;
  }
  return 1;
}

/* holds_pointers: a pointer, or a vector of them. */
static int holds_pointers(LLVMTypeRef t) {
  LLVMTypeKind k = LLVMGetTypeKind(t);
  if (k == LLVMVectorTypeKind || k == LLVMScalableVectorTypeKind)
    k = LLVMGetTypeKind(LLVMGetElementType(t));
  return k == LLVMPointerTypeKind;
}

/* plain_value: arithmetic on numbers, also floating-point and vectors (an
 * initialisation loop the vectorizer turned into vector stores: the
 * constructors of a link-time module are optimized once already). */
static int plain_value(LLVMValueRef i) {
  switch (LLVMGetInstructionOpcode(i)) {
  case LLVMAdd: case LLVMSub: case LLVMMul: case LLVMUDiv: case LLVMSDiv:
  case LLVMURem: case LLVMSRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
  case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMTrunc: case LLVMZExt:
  case LLVMSExt: case LLVMFAdd: case LLVMFSub: case LLVMFMul: case LLVMFDiv:
  case LLVMFRem: case LLVMFNeg: case LLVMFPTrunc: case LLVMFPExt: case LLVMFPToUI:
  case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP: case LLVMFreeze:
  case LLVMInsertElement: case LLVMExtractElement: case LLVMShuffleVector:
    break;
  default:
    return 0;
  }
  if (holds_pointers(LLVMTypeOf(i)))
    return 0;
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    if (holds_pointers(LLVMTypeOf(LLVMGetOperand(i, k))))
      return 0;
  return 1;
}

/* constructor: does fn, on returning paths, allocate a few objects
 * (allocators, allocation wrappers and constructors found before), store
 * only into them and into the objects their fields point to, call nothing
 * but the C library's fillers and copiers on them, and return one of them
 * (or null beside it)?
 *
 *   struct rec *rec_new(const char *s) {
 *     struct rec *r = xmalloc(sizeof *r);
 *     r->name = xmalloc(16); strncpy(r->name, s, 15); r->name[15] = 0;
 *     r->vals = xmalloc(32); for (...) r->vals[i] = i;
 *     return r;
 *   }
 *
 * Inlined into a caller that destroys the record in the same frame, every
 * object it made is the caller's to judge.  One that also keeps the record
 * (a store into a global, a registry) is no constructor. */
static int constructor(escb_ctx *ctx, LLVMValueRef fn, const esc_ptrmap *known) {
  if (LLVMGetTypeKind(LLVMGetReturnType(LLVMGlobalGetValueType(fn))) != LLVMPointerTypeKind)
    return 0;
  paths w;
  LLVMValueRef objs[MAX_OBJS], result = NULL;
  int nobjs = 0;
  if (!small(fn, 2 * DTOR_INSTS) || !paths_open(&w, fn, DTOR_INSTS))
    return 0;
  /* The objects first (a store may come before the block of a later one). */
  for (LLVMValueRef i; (i = paths_next(&w));)
    if (LLVMGetInstructionOpcode(i) == LLVMCall) {
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if (allocator(ctx, i, known) ||
          (LLVMIsAFunction(callee) && esc_ptrmap_get(known, callee) == WRAP_CTOR)) {
        if (nobjs == MAX_OBJS)
          return 0;
        objs[nobjs++] = i;
      }
    }
  if (w.over || nobjs == 0)
    return 0;
  paths_rewind(&w);
  for (LLVMValueRef i; (i = paths_next(&w));) {
    switch (LLVMGetInstructionOpcode(i)) {
    case LLVMRet: {
      if (LLVMGetNumOperands(i) != 1)
        return 0;
      LLVMValueRef v = LLVMGetOperand(i, 0), r = NULL;
      for (int k = 0; k < nobjs && !r; k++)
        if (v == objs[k] || result_phi(v, objs[k]))
          r = objs[k];
      if (!r || (result && r != result))
        return 0;
      result = r;
      break;
    }
    case LLVMStore:
      if (LLVMGetVolatile(i) || LLVMGetOrdering(i) != LLVMAtomicOrderingNotAtomic ||
          !made_here(LLVMGetOperand(i, 1), objs, nobjs))
        return 0;
      break;
    case LLVMLoad:
      if (!plain_load(i))
        return 0;
      break;
    case LLVMCall: {
      LLVMValueRef callee = LLVMGetCalledValue(i);
      int is_obj = 0;
      for (int k = 0; k < nobjs; k++)
        is_obj |= objs[k] == i;
      if (is_obj || (LLVMIsAFunction(callee) && harmless_intrinsic(callee)))
        break;
      esc_intrinsic_kind ik = LLVMIsAFunction(callee) ? esc_intrinsic_kind_of(callee)
                                                      : ESC_INTR_NONE;
      if ((ik == ESC_INTR_MEMSET || ik == ESC_INTR_MEMCPY) &&
          made_here(LLVMGetOperand(i, 0), objs, nobjs))
        break;
      if (!fills_only(i, objs, nobjs))
        return 0;
      break;
    }
    case LLVMBr: case LLVMGetElementPtr: case LLVMPHI: case LLVMSelect:
    case LLVMICmp: case LLVMFCmp: case LLVMBitCast:
      break;
    default:
      if (!integer_only(i) && !plain_value(i))
        return 0;
    }
  }
  if (w.over)
    return 0;
  return result != NULL;
}

/* paired: some function of M calls ctor and also frees something (free,
 * a free wrapper, a destructor): the pair is in one frame there, so
 * inlining the constructor may move its objects off the heap.  A
 * constructor whose callers only keep what it makes stays a call. */
static int paired(escb_ctx *ctx, LLVMValueRef ctor, const esc_ptrmap *known) {
  int callers = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(ctor); u && callers < 64; u = LLVMGetNextUse(u)) {
    LLVMValueRef call = LLVMGetUser(u);
    if (!LLVMIsAInstruction(call) || !esc_is_call(call) || LLVMGetCalledValue(call) != ctor)
      continue;
    callers++;
    LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
    long seen = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(caller); b && seen < 4096;
         b = LLVMGetNextBasicBlock(b))
      for (LLVMValueRef i = LLVMGetFirstInstruction(b); i && ++seen < 4096;
           i = LLVMGetNextInstruction(i)) {
        if (!esc_is_call(i))
          continue;
        LLVMValueRef callee = LLVMGetCalledValue(i);
        int k = LLVMIsAFunction(callee) ? esc_ptrmap_get(known, callee) : -1;
        if (k == WRAP_FREE || k == WRAP_DTOR)
          return 1;
        esc_callinfo ci;
        esc_call_classify(ctx, i, &ci);
        if (ci.kind == ESC_CALL_FREE)
          return 1;
      }
  }
  return 0;
}


/* mark: fn gets alwaysinline; 1 if it did not have it. */
static int mark(LLVMValueRef fn) {
  unsigned always = LLVMGetEnumAttributeKindForName("alwaysinline", 12);
  if (LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, always))
    return 0;
  LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(LLVMGetModuleContext(LLVMGetGlobalParent(fn)),
                                                  always, 0));
  return 1;
}

/* called_by_marked: a constructor marked before calls ctor (vec_new inside
 * rec_new): inlined there, it is inlined wherever the outer one is. */
static int called_by_marked(LLVMValueRef ctor, const esc_ptrmap *marked) {
  for (LLVMUseRef u = LLVMGetFirstUse(ctor); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef call = LLVMGetUser(u);
    if (LLVMIsAInstruction(call) && esc_is_call(call) && LLVMGetCalledValue(call) == ctor &&
        esc_ptrmap_get(marked, LLVMGetBasicBlockParent(LLVMGetInstructionParent(call))) > 0)
      return 1;
  }
  return 0;
}

int esc_wrappers_mark(LLVMModuleRef M, escb_ctx *ctx) {
  unsigned optsize = LLVMGetEnumAttributeKindForName("optsize", 7);
  unsigned minsize = LLVMGetEnumAttributeKindForName("minsize", 7);
  esc_ptrmap known = {0}, marked = {0};
  esc_wrappers listed;
  esc_wrappers_load(M, &listed);
  int changed = 0;
  /* Rounds, so that a wrapper of a wrapper is found too. */
  for (int round = 0, found = 1; round < 4 && found; round++) {
    found = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
      if (esc_ptrmap_get(&known, fn) >= 0 || !escb_inlinable(fn) ||
          LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optsize) ||
          LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, minsize))
        continue;
      wrap_kind k = alloc_wrapper(ctx, fn, &known) ? WRAP_ALLOC
                    : free_wrapper(ctx, fn)        ? WRAP_FREE
                    : destructor(ctx, fn, &known)  ? WRAP_DTOR
                    : constructor(ctx, fn, &known) ? WRAP_CTOR
                                                   : WRAP_NONE;
      if (k == WRAP_NONE)
        continue;
      esc_ptrmap_put(&known, fn, k);
      found = 1;
      if (k == WRAP_CTOR)
        continue; /* marked below, if paired */
      changed |= mark(fn);
      char name[256], file[1024], dir[1024];
      unsigned line = 0;
      escb_source_name(fn, name, sizeof name);
      if (!escb_function_debug(fn, file, dir, sizeof file, &line))
        file[0] = 0;
      else
        esc_fn_path(fn, file, dir, sizeof file);
      if (k == WRAP_ALLOC && !esc_wrappers_listed(&listed, name, file)) {
        /* New here: a wrapper whose allocator the compile step could not
         * see (a wrapper of a wrapper in another file, found at the link). */
        esc_schema_wrapper_write(M, name, file);
        esc_wrappers_add(&listed, name, file);
        changed = 1;
      }
    }
  }
  /* Constructors: those paired with a free in some caller, and those the
   * marked ones call, until none is added. */
  for (int round = 0, found = 1; round < 8 && found; round++) {
    found = 0;
    for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
      if (esc_ptrmap_get(&known, fn) == WRAP_CTOR && esc_ptrmap_get(&marked, fn) < 0 &&
          (paired(ctx, fn, &known) || called_by_marked(fn, &marked))) {
        esc_ptrmap_put(&marked, fn, 1);
        changed |= mark(fn);
        found = 1;
      }
  }
  esc_ptrmap_free(&known);
  esc_ptrmap_free(&marked);
  esc_wrappers_free(&listed);
  return changed;
}

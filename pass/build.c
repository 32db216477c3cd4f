/* build.c — IR -> graph, one function at a time.
 *
 * One switch over opcodes holds all per-instruction policy, as in LLVM's
 * CaptureTracking; its default is "every operand escapes".  Calls are in
 * call.c.  Exercised by test/ir/, e.g.
 *   opt-19 -load-pass-plugin=build/pass/LLVMEscape.so -passes=escape -S \
 *     test/ir/Flow_casts_phi_select.ll
 */
#include "internal.h"
#include "region.h"

#include <stdlib.h>
#include <string.h>

/* objects creates the function's objects: its allocas and allocation sites.
 * They must all exist before the graph is sealed. */
static void objects(esc_func *f) {
  ESC_FOR_EACH_INST(f->fn, b, i) {
      if (LLVMGetInstructionOpcode(i) == LLVMAlloca) {
        esc_graph_new_obj(&f->g, ESC_OBJ_ALLOCA, i);
        continue;
      }
      esc_callinfo ci;
      if (!esc_is_call(i))
        continue;
      if (f->regions)
        esc_region_objects(f, i);
      if (!esc_is_alloc_site(f->ctx, i, &ci))
        continue;
      esc_cand c;
      memset(&c, 0, sizeof c);
      c.call = i;
      c.info = ci;
      c.obj = esc_graph_new_obj(&f->g, ESC_OBJ_HEAP, i);
      c.group = f->ncands;
      f->g.objs[c.obj].cand = f->ncands;
      ESC_PUSH(f->cands, f->ncands, f->capcands, c);
    }
  /* Parameter i points to the caller's object P_i, which points to Q_i,
   * then R_i, then S_i, which points to itself (Go's derefs 0, 1, 2, and 3
   * or more): tracked, so the summary can tell a parameter that leaks from
   * one whose contents leak or that is returned, and nothing reachable from
   * a parameter is lost however deep the callee reads. */
  f->nparams = (int)LLVMCountParams(f->fn);
  f->pobj = esc_alloc((size_t)(f->nparams + 1) * sizeof(int));
  for (int i = 0; i < f->nparams; i++) {
    f->pobj[i] = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM, NULL);
    f->g.objs[f->pobj[i]].param = i;
    int q = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM_CONTENT, NULL);
    f->g.objs[q].param = i;
    for (int deep = 0; deep < 2; deep++) { /* R_i, S_i */
      int o = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM_DEEP, NULL);
      f->g.objs[o].param = i;
    }
  }
  /* The numbers in them, levels 1 (in P_i), 2 (in Q_i) and 3 (deeper): what
   * a scalar-typed load of the caller's objects gives (graph.h `other`),
   * so the summary can tell a number read from *p from a pointer. */
  f->pint = esc_alloc((size_t)(f->nparams + 1) * sizeof(int));
  for (int i = 0; i < f->nparams; i++)
    for (int level = 1; level <= 3; level++) {
      int o = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM_INT, NULL);
      f->g.objs[o].param = i;
      f->g.objs[o].level = level;
      if (level == 1)
        f->pint[i] = o;
    }
  esc_graph_seal(&f->g);
  /* %a = alloca / %p = malloc(n): the value holds the object's address
   * (derefs -1 in Go's terms). */
  for (int o = 1; o < f->g.nobjs; o++)
    if (f->g.objs[o].inst &&
        !(f->g.objs[o].kind == ESC_OBJ_HEAP &&
          f->cands[f->g.objs[o].cand].info.fn == ESC_FN_POSIX_MEMALIGN))
      esc_graph_addr(&f->g, o, esc_graph_loc_of(&f->g, f->g.objs[o].inst));
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->info.fn != ESC_FN_POSIX_MEMALIGN) {
      c->addr = esc_graph_loc_of(&f->g, c->call);
      continue;
    }
    /* posix_memalign(&p, a, n): *memptr = &object; its int result holds
     * no address. */
    c->addr = esc_graph_new_loc(&f->g, c->call); /* named after the call */
    esc_graph_addr(&f->g, c->obj, c->addr);
    esc_graph_store(&f->g, c->addr, esc_graph_loc_of(&f->g, LLVMGetOperand(c->call, 0)),
                    c->call);
  }
  for (int i = 0; i < f->nparams; i++) {
    LLVMValueRef arg = LLVMGetParam(f->fn, (unsigned)i);
    int l = esc_graph_new_loc(&f->g, arg);
    esc_ptrmap_put(&f->g.vals, arg, l);
    int p = f->pobj[i];
    esc_graph_addr(&f->g, p, l);
    for (int d = 1; d <= 3; d++) /* P -> Q -> R -> S -> S */
      esc_graph_addr(&f->g, p + d, f->g.objs[p + d - 1].content);
    esc_graph_addr(&f->g, p + 3, f->g.objs[p + 3].content);
    /* numbers: P's are level 1, Q's level 2, R's and S's level 3; what a
     * number read as an address points to is unknown */
    int n = f->pint[i];
    for (int d = 0; d <= 3; d++)
      esc_graph_addr(&f->g, n + (d < 2 ? d : 2), f->g.objs[p + d].other);
    /* a number of level d used as an address stands for the caller's
     * object it was made from, as Q_i (level 1) and R_i (2) do: what it
     * points to is the next level's (a review's reproducer: a uintptr_t
     * field read back and dereferenced in a callee) */
    for (int level = 0; level < 3; level++)
      esc_graph_addr(&f->g, p + (level + 2 <= 3 ? level + 2 : 3), f->g.objs[n + level].content);
  }
}

/* flow_from_operands: the result may hold whatever any operand holds
 * (casts, GEPs, arithmetic, phi, select, aggregates, vectors). */
static void flow_from_operands(esc_func *f, LLVMValueRef i) {
  int dst = esc_graph_loc_of(&f->g, i);
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    esc_graph_copy(&f->g, esc_graph_loc_of(&f->g, LLVMGetOperand(i, k)), dst,
                   ESC_WHY_COPY, i);
}

/* escape_operands: the default for anything not understood. */
static void escape_operands(esc_func *f, LLVMValueRef i, esc_why why) {
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    esc_graph_escape(&f->g, esc_graph_loc_of(&f->g, LLVMGetOperand(i, k)), why, i);
  int dst = esc_graph_loc_of(&f->g, i);
  esc_graph_copy(&f->g, f->g.unknown, dst, ESC_WHY_OTHER, i);
}

/* Moving an object's own bytes.  `n->count++` loads from *n and stores
 * back into *n: whatever the loaded bytes carry was in that object
 * already, so the store brings nothing new into it, and into a
 * parameter's object (where every store goes to the heap) it leaks
 * nothing.  esc_self_walk finds the value's sources through integer and
 * floating-point arithmetic, casts (not ptrtoint or inttoptr) and selects;
 * a source that is a load through the store's own base pointer
 * (esc_pointer_base) is such a move, every other source (a parameter, a
 * call, a phi, ptrtoint, a load from any other pointer) is stored as
 * before.  One base is one object: the store's address and each load's
 * are its non-phi uses, so they see the same instance of it, also in a
 * loop (a use's definitions dominate it; a value that a phi carried from
 * an earlier iteration is a source, never walked through).  The rule is
 * about where the value came from, never about its type: an i64 loaded
 * from another object that holds a pointer carries that pointer. */
enum { ESC_SELF_WALK = 64 }; /* values looked at; past it, no filter */
enum { ESC_SELF_BLOCKS = 4096 }; /* above it, no walk through phis */

/* esc_build_ctx is what building one function keeps between its
 * instructions: the blocks, and per block B asked about, the blocks
 * reached from the entry without passing B (those B does not dominate). */
typedef struct esc_build_ctx {
  esc_ptrmap block; /* block -> index */
  LLVMBasicBlockRef *blocks;
  int nblocks;
  esc_ptrmap avoid; /* block B -> its row in reached */
  uint64_t **reached;
  int nreached, capreached;
} esc_build_ctx;

static void ctx_free(esc_build_ctx *c) {
  esc_ptrmap_free(&c->block);
  free(c->blocks);
  esc_ptrmap_free(&c->avoid);
  for (int k = 0; k < c->nreached; k++)
    free(c->reached[k]);
  free(c->reached);
}

/* strictly_dominates: block d dominates block h and is not h (every path
 * from the entry to h passes d): h is not reached when d is removed. */
static int strictly_dominates(esc_build_ctx *c, LLVMBasicBlockRef d, LLVMBasicBlockRef h) {
  if (d == h)
    return 0;
  if (!c->blocks) {
    LLVMValueRef fn = LLVMGetBasicBlockParent(d);
    c->nblocks = (int)LLVMCountBasicBlocks(fn);
    c->blocks = esc_alloc(((size_t)c->nblocks + 1) * sizeof *c->blocks);
    int n = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b)) {
      esc_ptrmap_put(&c->block, b, n);
      c->blocks[n++] = b;
    }
  }
  if (c->nblocks > ESC_SELF_BLOCKS)
    return 0;
  int row = esc_ptrmap_get(&c->avoid, d);
  if (row < 0) {
    int words = (c->nblocks + 63) / 64;
    uint64_t *seen = esc_alloc((size_t)(words ? words : 1) * sizeof *seen);
    int *stack = esc_alloc(((size_t)c->nblocks + 1) * sizeof *stack), n = 0;
    int di = esc_ptrmap_get(&c->block, d);
    if (di != 0) { /* the entry avoided: nothing is reached */
      esc_bit_set(seen, 0);
      stack[n++] = 0;
    }
    while (n > 0) {
      LLVMValueRef term = LLVMGetBasicBlockTerminator(c->blocks[stack[--n]]);
      unsigned ns = term ? LLVMGetNumSuccessors(term) : 0;
      for (unsigned k = 0; k < ns; k++) {
        int s = esc_ptrmap_get(&c->block, LLVMGetSuccessor(term, k));
        if (s >= 0 && s != di && esc_bit_set(seen, s))
          stack[n++] = s;
      }
    }
    free(stack);
    ESC_PUSH(c->reached, c->nreached, c->capreached, seen);
    row = c->nreached - 1;
    esc_ptrmap_put(&c->avoid, d, row);
  }
  int hi = esc_ptrmap_get(&c->block, h);
  return hi >= 0 && !esc_bit_get(c->reached[row], hi);
}

/* esc_self_walk is the walk's state: the store's base, what was seen,
 * the other sources. */
typedef struct esc_self_walk {
  esc_build_ctx *ctx;
  LLVMValueRef base;
  LLVMValueRef seen[ESC_SELF_WALK];
  int nseen;
  LLVMValueRef other[ESC_SELF_WALK];
  int nother;
  int self; /* a load through base was found */
  int over; /* past the budget */
  int to_other; /* the store is not pointer-typed: it fills the object's
                   `other` part (graph.h) */
  int mix;      /* ...with bytes a load of the whole object read: its
                   pointers may now be where numbers are read */
} esc_self_walk;

static void self_source(esc_self_walk *w, LLVMValueRef v) {
  if (w->over)
    return;
  for (int k = 0; k < w->nseen; k++)
    if (w->seen[k] == v)
      return;
  if (w->nseen == ESC_SELF_WALK) {
    w->over = 1;
    return;
  }
  w->seen[w->nseen++] = v;
  if (LLVMIsAInstruction(v))
    switch (LLVMGetInstructionOpcode(v)) {
    case LLVMLoad:
      /* Bytes moved within the object bring nothing new, unless a
       * pointer's bytes move to where a scalar-typed load can read them
       * (memcpy(&b, &s->buf, 8); s->bits = b). */
      if (esc_pointer_base(LLVMGetOperand(v, 0)) == w->base) {
        w->self = 1;
        if (w->to_other && !(LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind &&
                             escb_tbaa_kind(v) == ESCB_TBAA_SCALAR))
          w->mix = 1;
        return;
      }
      break;
    case LLVMTrunc: case LLVMZExt: case LLVMSExt:
    case LLVMFPToUI: case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP:
    case LLVMFPTrunc: case LLVMFPExt: case LLVMBitCast:
    case LLVMAdd: case LLVMFAdd: case LLVMSub: case LLVMFSub: case LLVMMul:
    case LLVMFMul: case LLVMUDiv: case LLVMSDiv: case LLVMFDiv: case LLVMURem:
    case LLVMSRem: case LLVMFRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
    case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMFNeg: case LLVMFreeze: {
      int n = LLVMGetNumOperands(v);
      for (int k = 0; k < n; k++)
        self_source(w, LLVMGetOperand(v, k));
      return;
    }
    case LLVMSelect:
      self_source(w, LLVMGetOperand(v, 1));
      self_source(w, LLVMGetOperand(v, 2));
      return;
    case LLVMPHI:
      /* A value carried from an earlier iteration (a sum kept in a
       * register) came through the same instance of base only if base is
       * defined above the phi: an argument, or in a block that strictly
       * dominates the phi's. */
      if (LLVMIsAArgument(w->base) ||
          strictly_dominates(w->ctx, LLVMGetInstructionParent(w->base),
                             LLVMGetInstructionParent(v))) {
        unsigned n = LLVMCountIncoming(v);
        for (unsigned k = 0; k < n; k++)
          self_source(w, LLVMGetIncomingValue(v, k));
        return;
      }
      break;
    default:
      break;
    }
  w->other[w->nother++] = v;
}

/* stored_value: the location `store v, p` brings into memory: v's own, or
 * when part of v is p's object's own bytes, a temporary with v's other
 * sources only, or -1 when it has none (n->count++ stores nothing new). */
static int stored_value(esc_func *f, esc_build_ctx *ctx, LLVMValueRef v, LLVMValueRef p,
                        int to_other) {
  esc_graph *g = &f->g;
  int loc = esc_graph_loc_of(g, v);
  esc_self_walk w;
  w.ctx = ctx;
  w.to_other = to_other;
  w.base = esc_pointer_base(p);
  if (loc < 0 || !w.base)
    return loc;
  w.nseen = w.nother = w.self = w.over = w.mix = 0;
  self_source(&w, v);
  if (!w.self || w.over)
    return loc;
  if (w.mix)
    esc_graph_mix(g, esc_graph_loc_of(g, w.base));
  int t = -1;
  for (int k = 0; k < w.nother; k++) {
    int l = esc_graph_loc_of(g, w.other[k]); /* -1: a constant, no address */
    if (l < 0)
      continue;
    if (t < 0)
      t = esc_graph_new_loc(g, NULL);
    esc_graph_copy(g, l, t, ESC_WHY_COPY, v);
  }
  return t; /* -1: nothing new, no store at all (the object is not "written") */
}

/* Pointer differences.  `q - p` of two pointers into one object (a sub of
 * two ptrtoints, as clang emits it) is an offset: the object's address
 * cancels, so the result carries none (parson's `*len = cur - buf`).  Both
 * pointers must reach one SSA value V through inbounds GEPs (which stay
 * within V's object, LangRef) and bitcasts (not addrspacecasts), or
 * through phis of such pointers (a cursor advanced in a loop), and a phi
 * only when V is defined
 * above it (an argument, or in a block that strictly dominates the phi's),
 * so that every value it carries points into the same instance of V.
 * Anything else (a plain GEP, whose index could hold another address, a
 * difference with null or a global, with another object, with an earlier
 * iteration's instance) flows as arithmetic does.  Each operand is a
 * ptrtoint of such a pointer or an integer phi of them (diff_int). */
enum { ESC_DIFF_PHIS = 16 }; /* phis looked at; past it, no rule */

typedef struct esc_diff_walk {
  LLVMValueRef root; /* V */
  LLVMValueRef phis[ESC_DIFF_PHIS];
  int nphis;
  int bad;
} esc_diff_walk;

/* diff_phi: 1 when phi is new to the walk (its values are to be walked),
 * 0 when it was seen already or the walk is past its budget (then bad). */
static int diff_phi(esc_diff_walk *w, LLVMValueRef phi) {
  for (int k = 0; k < w->nphis; k++)
    if (w->phis[k] == phi)
      return 0;
  if (w->nphis == ESC_DIFF_PHIS) {
    w->bad = 1;
    return 0;
  }
  w->phis[w->nphis++] = phi;
  return 1;
}

static void diff_root(esc_diff_walk *w, LLVMValueRef p) {
  while (!w->bad) {
    /* Not through addrspacecast: another address space's integers need
     * not be the same addresses (a narrower one loses the high bits, and
     * the difference would be them). */
    if ((LLVMIsAGetElementPtrInst(p) && LLVMIsInBounds(p)) || LLVMIsABitCastInst(p)) {
      p = LLVMGetOperand(p, 0);
      continue;
    }
    if (LLVMIsAPHINode(p)) {
      if (diff_phi(w, p))
        for (unsigned k = 0, n = LLVMCountIncoming(p); k < n; k++)
          diff_root(w, LLVMGetIncomingValue(p, k));
      return;
    }
    if ((!LLVMIsAArgument(p) && !LLVMIsAInstruction(p)) || LLVMIsAIntToPtrInst(p) ||
        LLVMIsAGetElementPtrInst(p) || (w->root && w->root != p))
      w->bad = 1; /* a constant, a global, a plain GEP, a second object */
    else
      w->root = p;
    return;
  }
}

/* diff_int: an operand of the sub: a ptrtoint of such a pointer, or an
 * integer phi of those (LLVM keeps a cursor as the integer it is compared
 * and subtracted as), held to the same rule as a phi of pointers. */
static void diff_int(esc_diff_walk *w, LLVMValueRef v) {
  if (w->bad)
    return;
  if (LLVMIsAPtrToIntInst(v)) {
    diff_root(w, LLVMGetOperand(v, 0));
    return;
  }
  if (!LLVMIsAPHINode(v)) {
    w->bad = 1;
    return;
  }
  if (diff_phi(w, v))
    for (unsigned k = 0, n = LLVMCountIncoming(v); k < n; k++)
      diff_int(w, LLVMGetIncomingValue(v, k));
}

/* offset_difference: is sub the difference of two pointers into one
 * object (above)? */
static int offset_difference(esc_build_ctx *ctx, LLVMValueRef sub) {
  if (LLVMGetTypeKind(LLVMTypeOf(sub)) != LLVMIntegerTypeKind) /* no vectors */
    return 0;
  esc_diff_walk w = {NULL, {NULL}, 0, 0};
  diff_int(&w, LLVMGetOperand(sub, 0));
  diff_int(&w, LLVMGetOperand(sub, 1));
  if (w.bad || !w.root)
    return 0;
  for (int k = 0; k < w.nphis; k++)
    if (!LLVMIsAArgument(w.root) &&
        !strictly_dominates(ctx, LLVMGetInstructionParent(w.root),
                            LLVMGetInstructionParent(w.phis[k])))
      return 0;
  return 1;
}

static void instruction(esc_func *f, esc_build_ctx *ctx, LLVMValueRef i) {
  esc_graph *g = &f->g;
  switch (LLVMGetInstructionOpcode(i)) {
  case LLVMAlloca:
    break; /* its address was set when the objects were made */
  case LLVMLoad:
    /* v = *p (derefs 1); a number of a scalar type reads only what was not
     * stored as a pointer (graph.h `other`; LLVM's TBAA) */
    if (LLVMGetTypeKind(LLVMTypeOf(i)) == LLVMIntegerTypeKind &&
        escb_tbaa_kind(i) == ESCB_TBAA_SCALAR)
      esc_graph_load_scalar(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                            esc_graph_loc_of(g, i));
    else
      esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                     esc_graph_loc_of(g, i));
    break;
  case LLVMStore: {
    /* *p = v: into the objects p points to, or the heap; bytes of p's
     * own object moved within it bring nothing (stored_value). */
    if (LLVMGetVolatile(i))
      esc_graph_escape(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)), ESC_WHY_VOLATILE, i);
    else if (escb_tbaa_kind(i) == ESCB_TBAA_POINTER)
      esc_graph_store_ptr(g, stored_value(f, ctx, LLVMGetOperand(i, 0), LLVMGetOperand(i, 1), 0),
                          esc_graph_loc_of(g, LLVMGetOperand(i, 1)), i);
    else
      esc_graph_store(g, stored_value(f, ctx, LLVMGetOperand(i, 0), LLVMGetOperand(i, 1), 1),
                      esc_graph_loc_of(g, LLVMGetOperand(i, 1)), i);
    break;
  }
  case LLVMAtomicCmpXchg: /* cmpxchg p, cmp, new: *p = new; result = *p */
    esc_graph_store(g, esc_graph_loc_of(g, LLVMGetOperand(i, 2)),
                    esc_graph_loc_of(g, LLVMGetOperand(i, 0)), i);
    esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                   esc_graph_loc_of(g, i));
    break;
  case LLVMAtomicRMW: /* atomicrmw op p, v: *p = f(*p, v); result = old *p */
    esc_graph_store(g, esc_graph_loc_of(g, LLVMGetOperand(i, 1)),
                    esc_graph_loc_of(g, LLVMGetOperand(i, 0)), i);
    esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                   esc_graph_loc_of(g, i));
    break;
  case LLVMGetElementPtr: {
    /* A GEP's result is based on its base pointer alone (LangRef); the
     * indices carry no provenance unless the base is a constant (null). */
    int base = esc_graph_loc_of(g, LLVMGetOperand(i, 0));
    if (base >= 0 && base != g->unknown)
      esc_graph_copy(g, base, esc_graph_loc_of(g, i), ESC_WHY_COPY, i);
    else
      flow_from_operands(f, i);
    break;
  }
  case LLVMTrunc: case LLVMZExt: case LLVMSExt:
  case LLVMFPToUI: case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP:
  case LLVMFPTrunc: case LLVMFPExt:
  case LLVMPtrToInt: case LLVMBitCast: case LLVMAddrSpaceCast:
  case LLVMAdd: case LLVMFAdd: case LLVMFSub: case LLVMMul:
  case LLVMFMul: case LLVMUDiv: case LLVMSDiv: case LLVMFDiv: case LLVMURem:
  case LLVMSRem: case LLVMFRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
  case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMFNeg: case LLVMFreeze:
  case LLVMPHI:
  case LLVMExtractValue: case LLVMInsertValue:
  case LLVMExtractElement: case LLVMInsertElement: case LLVMShuffleVector:
    /* Integers carry addresses too (ptrtoint round trips, SROA'd
     * structs): every operand flows into the result. */
    flow_from_operands(f, i);
    break;
  case LLVMSub:
    if (offset_difference(ctx, i))
      break; /* an offset within one object: no address (above) */
    flow_from_operands(f, i);
    break;
  case LLVMSelect: /* the chosen values, not the condition */
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 1)), esc_graph_loc_of(g, i),
                   ESC_WHY_COPY, i);
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 2)), esc_graph_loc_of(g, i),
                   ESC_WHY_COPY, i);
    break;
  case LLVMICmp: case LLVMFCmp:
    break; /* a truth value cannot rebuild an address */
  case LLVMRet: /* into the result; the heap once summaries are read */
    if (LLVMGetNumOperands(i) > 0)
      esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)), g->ret,
                     ESC_WHY_RETURN, i);
    break;
  case LLVMIntToPtr: /* an integer may be any address */
    flow_from_operands(f, i);
    esc_graph_copy(g, g->unknown, esc_graph_loc_of(g, i), ESC_WHY_OTHER, i);
    break;
  case LLVMBr: case LLVMSwitch: case LLVMUnreachable: case LLVMFence:
    break;
  case LLVMCall: case LLVMInvoke: case LLVMCallBr:
    esc_build_call(f, i);
    break;
  default: /* va_arg, landing pads, resume, indirectbr, funclets... */
    escape_operands(f, i, ESC_WHY_OTHER);
    break;
  }
}

void esc_build(esc_func *f) {
  esc_graph_init(&f->g, ESC_GRAPH_STEPS);
  objects(f);
  esc_build_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ESC_FOR_EACH_INST(f->fn, b, i)
      instruction(f, &ctx, i);
  ctx_free(&ctx);
}

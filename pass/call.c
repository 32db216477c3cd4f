/* call.c — what a call does with the pointers it is given: the one
 * dispatch, esc_build_call, and each rule it picks.
 *
 * esc_build_call asks, in this order, and the first that knows decides:
 *   1. an intrinsic, by its ID in one table (intrinsics below): memory
 *      intrinsics, integer arithmetic, hints and debug records;
 *   2. an allocator, a free or a realloc (alloc.c's classification; a
 *      realloc of the function's own allocations is the grow rule), also
 *      when called through an allocator hook (hooks.c): its only arguments
 *      are sizes, or the pointer freed;
 *   3. the callee's summary, for a direct call of a function defined here
 *      with an exact definition (summary.c extracts them; applied here);
 *   4. the library model, for a declaration whose name and prototype a row
 *      of libmodel.c's table fits;
 *   5. LLVM's own attributes, for everything else (indirect calls, inline
 *      asm, declarations the table does not know).
 * Under attributes a pointer argument stays local only if the parameter is
 * `nocapture`; it may still be freed by the callee unless `nofree` says
 * otherwise, which is checked after solving (ESC_CHECK_MAY_FREE).
 * Whatever an argument points to (its contents) escapes, and the callee
 * may store unknown pointers into it unless it only reads.  The edges into
 * the heap that rules 3, 4 and 5 make carry the rule (ESC_WHY_SUMMARY_*,
 * ESC_WHY_MODEL_*, ESC_WHY_CALL_*: graph.h), and the -m=2 explanation
 * words the rule from the edge alone.  Exercised by
 * test/ir/Call_ files and the test/report/Summary_ files.
 */
#include "internal.h"
#include "libmodel.h"
#include "region.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* esc_add_check records a use to judge once the graph is solved. */
void esc_add_check(esc_func *f, esc_checkkind kind, LLVMValueRef call, int loc) {
  if (loc < 0)
    return;
  esc_check c = {kind, call, loc};
  ESC_PUSH(f->checks, f->nchecks, f->capchecks, c);
}

/* --- 1. intrinsics, by ID --- */

/* intrinsics: the llvm.* functions whose memory behaviour is known, by
 * base name (an overloaded one's name without its type suffixes).  The
 * names become IDs once per process (LLVMLookupIntrinsicID; IDs are
 * constants of the LLVM the plugin runs in); a call is matched by its
 * callee's ID.  Any other intrinsic goes on down the dispatch. */
static const struct {
  const char *name;
  esc_intrinsic_kind kind;
} intrinsics[] = {
    {"llvm.dbg.declare", ESC_INTR_MARKER}, {"llvm.dbg.value", ESC_INTR_MARKER},
    {"llvm.dbg.assign", ESC_INTR_MARKER}, {"llvm.dbg.label", ESC_INTR_MARKER},
    {"llvm.assume", ESC_INTR_MARKER}, {"llvm.lifetime.start", ESC_INTR_MARKER},
    {"llvm.lifetime.end", ESC_INTR_MARKER},
    {"llvm.expect", ESC_INTR_EXPECT}, {"llvm.expect.with.probability", ESC_INTR_EXPECT},
    {"llvm.memset", ESC_INTR_MEMSET}, {"llvm.memset.inline", ESC_INTR_MEMSET},
    {"llvm.memset.element.unordered.atomic", ESC_INTR_MEMSET},
    {"llvm.invariant.start", ESC_INTR_NOFLOW}, {"llvm.invariant.end", ESC_INTR_NOFLOW},
    {"llvm.prefetch", ESC_INTR_NOFLOW}, {"llvm.objectsize", ESC_INTR_NOFLOW},
    {"llvm.is.constant", ESC_INTR_NOFLOW},
    {"llvm.experimental.noalias.scope.decl", ESC_INTR_NOFLOW},
    {"llvm.sideeffect", ESC_INTR_NOFLOW}, {"llvm.donothing", ESC_INTR_NOFLOW},
    {"llvm.pseudoprobe", ESC_INTR_NOFLOW}, {"llvm.trap", ESC_INTR_NOFLOW},
    {"llvm.debugtrap", ESC_INTR_NOFLOW}, {"llvm.stacksave", ESC_INTR_NOFLOW},
    {"llvm.stackrestore", ESC_INTR_NOFLOW},
    {"llvm.memcpy", ESC_INTR_MEMCPY}, {"llvm.memcpy.inline", ESC_INTR_MEMCPY},
    {"llvm.memcpy.element.unordered.atomic", ESC_INTR_MEMCPY},
    {"llvm.memmove", ESC_INTR_MEMCPY},
    {"llvm.memmove.element.unordered.atomic", ESC_INTR_MEMCPY},
    {"llvm.umax", ESC_INTR_ARITH}, {"llvm.umin", ESC_INTR_ARITH},
    {"llvm.smax", ESC_INTR_ARITH}, {"llvm.smin", ESC_INTR_ARITH},
    {"llvm.abs", ESC_INTR_ARITH}, {"llvm.ctlz", ESC_INTR_ARITH},
    {"llvm.cttz", ESC_INTR_ARITH}, {"llvm.ctpop", ESC_INTR_ARITH},
    {"llvm.bswap", ESC_INTR_ARITH}, {"llvm.bitreverse", ESC_INTR_ARITH},
    {"llvm.fshl", ESC_INTR_ARITH}, {"llvm.fshr", ESC_INTR_ARITH},
    {"llvm.uadd.with.overflow", ESC_INTR_ARITH}, {"llvm.uadd.sat", ESC_INTR_ARITH},
    {"llvm.usub.with.overflow", ESC_INTR_ARITH}, {"llvm.usub.sat", ESC_INTR_ARITH},
    {"llvm.umul.with.overflow", ESC_INTR_ARITH}, {"llvm.umul.fix", ESC_INTR_ARITH},
    {"llvm.umul.fix.sat", ESC_INTR_ARITH},
    {"llvm.sadd.with.overflow", ESC_INTR_ARITH}, {"llvm.sadd.sat", ESC_INTR_ARITH},
    {"llvm.ssub.with.overflow", ESC_INTR_ARITH}, {"llvm.ssub.sat", ESC_INTR_ARITH},
    {"llvm.smul.with.overflow", ESC_INTR_ARITH}, {"llvm.smul.fix", ESC_INTR_ARITH},
    {"llvm.smul.fix.sat", ESC_INTR_ARITH},
    {"llvm.vector.reduce.add", ESC_INTR_ARITH}, {"llvm.vector.reduce.mul", ESC_INTR_ARITH},
    {"llvm.vector.reduce.and", ESC_INTR_ARITH}, {"llvm.vector.reduce.or", ESC_INTR_ARITH},
    {"llvm.vector.reduce.xor", ESC_INTR_ARITH}, {"llvm.vector.reduce.smax", ESC_INTR_ARITH},
    {"llvm.vector.reduce.smin", ESC_INTR_ARITH}, {"llvm.vector.reduce.umax", ESC_INTR_ARITH},
    {"llvm.vector.reduce.umin", ESC_INTR_ARITH}, {"llvm.vector.reduce.fadd", ESC_INTR_ARITH},
    {"llvm.vector.reduce.fmul", ESC_INTR_ARITH}, {"llvm.vector.reduce.fmax", ESC_INTR_ARITH},
    {"llvm.vector.reduce.fmin", ESC_INTR_ARITH},
    {"llvm.vector.reduce.fmaximum", ESC_INTR_ARITH},
    {"llvm.vector.reduce.fminimum", ESC_INTR_ARITH},
    /* Floating-point arithmetic (a float loaded from an object may, for
     * the graph, be its pointer): operands to the result. */
    {"llvm.fmuladd", ESC_INTR_ARITH}, {"llvm.fma", ESC_INTR_ARITH},
    {"llvm.sqrt", ESC_INTR_ARITH}, {"llvm.fabs", ESC_INTR_ARITH},
    {"llvm.copysign", ESC_INTR_ARITH}, {"llvm.minnum", ESC_INTR_ARITH},
    {"llvm.maxnum", ESC_INTR_ARITH}, {"llvm.minimum", ESC_INTR_ARITH},
    {"llvm.maximum", ESC_INTR_ARITH}, {"llvm.floor", ESC_INTR_ARITH},
    {"llvm.ceil", ESC_INTR_ARITH}, {"llvm.trunc", ESC_INTR_ARITH},
    {"llvm.rint", ESC_INTR_ARITH}, {"llvm.nearbyint", ESC_INTR_ARITH},
    {"llvm.round", ESC_INTR_ARITH}, {"llvm.roundeven", ESC_INTR_ARITH},
    {"llvm.lround", ESC_INTR_ARITH}, {"llvm.llround", ESC_INTR_ARITH},
    {"llvm.lrint", ESC_INTR_ARITH}, {"llvm.llrint", ESC_INTR_ARITH},
    {"llvm.sin", ESC_INTR_ARITH}, {"llvm.cos", ESC_INTR_ARITH},
    {"llvm.exp", ESC_INTR_ARITH}, {"llvm.exp2", ESC_INTR_ARITH},
    {"llvm.log", ESC_INTR_ARITH}, {"llvm.log2", ESC_INTR_ARITH},
    {"llvm.log10", ESC_INTR_ARITH}, {"llvm.pow", ESC_INTR_ARITH},
    {"llvm.powi", ESC_INTR_ARITH}, {"llvm.canonicalize", ESC_INTR_ARITH},
    {"llvm.is.fpclass", ESC_INTR_ARITH},
    /* va_start fills *ap with addresses of the caller's arguments; va_copy
     * copies one va_list into another. */
    {"llvm.va_start", ESC_INTR_VASTART}, {"llvm.va_end", ESC_INTR_NOFLOW},
    {"llvm.va_copy", ESC_INTR_MEMCPY},
    {"llvm.ptrmask", ESC_INTR_COPY}, {"llvm.launder.invariant.group", ESC_INTR_COPY},
    {"llvm.strip.invariant.group", ESC_INTR_COPY}, {"llvm.ssa.copy", ESC_INTR_COPY},
};

#define NINTRINSICS (sizeof intrinsics / sizeof *intrinsics)

/* byid: the table's IDs, sorted, with their kinds (filled once). */
static struct {
  unsigned id;
  esc_intrinsic_kind kind;
} byid[NINTRINSICS];
static size_t nbyid;
static pthread_once_t byid_once = PTHREAD_ONCE_INIT;

static int by_id(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return (x > y) - (x < y);
}

static void byid_init(void) {
  for (size_t k = 0; k < NINTRINSICS; k++) {
    unsigned id = LLVMLookupIntrinsicID(intrinsics[k].name, strlen(intrinsics[k].name));
    if (!id) /* not in this LLVM */
      continue;
    byid[nbyid].id = id;
    byid[nbyid++].kind = intrinsics[k].kind;
  }
  qsort(byid, nbyid, sizeof *byid, by_id);
}

esc_intrinsic_kind esc_intrinsic_kind_of(LLVMValueRef fn) {
  unsigned id = LLVMIsAFunction(fn) ? LLVMGetIntrinsicID(fn) : 0;
  if (!id)
    return ESC_INTR_NONE;
  pthread_once(&byid_once, byid_init);
  size_t lo = 0, hi = nbyid;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (byid[mid].id == id)
      return byid[mid].kind;
    if (byid[mid].id < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return ESC_INTR_NONE;
}

/* intrinsic: the flow of a call to a known intrinsic; 0 for the rest. */
static int intrinsic(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  esc_graph *g = &f->g;
  switch (esc_intrinsic_kind_of(callee)) {
  case ESC_INTR_NONE:
    return 0;
  case ESC_INTR_MARKER: case ESC_INTR_NOFLOW:
    return 1; /* no address flows anywhere */
  case ESC_INTR_MEMSET: {
    /* The fill byte goes into *dst: a byte of an address (an integer may
     * carry one), set eight times, is the address. */
    int v = esc_graph_loc_of(&f->g, LLVMGetOperand(call, 1));
    if (v >= 0)
      esc_graph_store(&f->g, v, esc_graph_loc_of(&f->g, LLVMGetOperand(call, 0)), call);
    return 1;
  }
  case ESC_INTR_MEMCPY: {
    /* *dst = *src, bytes of pointers included; within one object
     * (memmove(b->data, b->data + k, n): one base, build.c's
     * stored_value) the bytes were there already, but a pointer's may now
     * be where a number is read (the object's `other` part, graph.h). */
    LLVMValueRef base = esc_pointer_base(LLVMGetOperand(call, 0));
    if (base && base == esc_pointer_base(LLVMGetOperand(call, 1))) {
      esc_graph_mix(g, esc_graph_loc_of(g, base));
      return 1;
    }
    int src = esc_graph_loc_of(g, LLVMGetOperand(call, 1));
    int t = esc_graph_new_deref(g, src);
    esc_graph_load(g, src, t);
    esc_graph_store(g, t, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    return 1;
  }
  case ESC_INTR_ARITH: {
    /* Arithmetic: an address carried by an operand (p - start)
     * may be carried by the result, and goes nowhere else. */
    int result = esc_graph_loc_of(g, call);
    unsigned nargs = LLVMGetNumArgOperands(call);
    for (unsigned a = 0; a < nargs; a++) {
      int l = esc_graph_loc_of(g, LLVMGetOperand(call, a));
      if (l >= 0 && result >= 0)
        esc_graph_copy(g, l, result, ESC_WHY_COPY, call);
      else if (l >= 0)
        esc_graph_escape(g, l, ESC_WHY_CALL_ARG, call);
    }
    return 1;
  }
  case ESC_INTR_VASTART: /* *ap: the caller's memory, unknown here */
    esc_graph_store(g, g->unknown, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    return 1;
  case ESC_INTR_EXPECT: case ESC_INTR_COPY:
    /* The result is operand 0 (maybe with bits masked off). */
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(call, 0)),
                   esc_graph_loc_of(g, call), ESC_WHY_COPY, call);
    return 1;
  }
  return 0;
}

/* --- 5. attributes --- */

/* attribute_args: a call's arguments, judged by the callee's attributes. */
static void attribute_args(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  int asm_call = LLVMIsAInlineAsm(callee) != NULL;
  int direct = LLVMIsAFunction(callee) != NULL;
  int musttail = escb_is_musttail(call);
  for (unsigned k = 0; k < nargs; k++) {
    int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
    if (a < 0)
      continue;
    unsigned fl = escb_call_arg_flags(call, k);
    /* A call that only reads memory frees nothing either. */
    int nofree = (fl & (ESCB_ARG_NOFREE | ESCB_ARG_CALL_READONLY)) != 0;
    /* The callee may read what the argument points to, and keep it. */
    int content = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, content);
    esc_graph_escape(g, content, ESC_WHY_CALL_CONTENT, call);
    /* It may write unknown pointers into it. */
    if (!(fl & ESCB_ARG_READONLY)) {
      esc_graph_store(g, g->unknown, a, call);
      esc_graph_mix(g, a); /* and it may move the object's own bytes */
    }
    if (fl & ESCB_ARG_RETURNED)
      esc_graph_copy(g, a, result, ESC_WHY_CALL_RET, call);
    if (asm_call)
      esc_graph_escape(g, a, ESC_WHY_ASM, call);
    else if (musttail)
      esc_graph_escape(g, a, ESC_WHY_MUSTTAIL, call);
    else if (!(fl & ESCB_ARG_NOCAPTURE))
      esc_graph_escape(g, a, direct ? ESC_WHY_CALL_ARG : ESC_WHY_INDIRECT, call);
    else if (!nofree)
      esc_add_check(f, ESC_CHECK_MAY_FREE, call, a);
  }
  /* Operand bundles, and a callee computed from an object (calling into a
   * buffer): escape. */
  int nops = LLVMGetNumOperands(call);
  for (int k = (int)nargs; k < nops; k++) {
    LLVMValueRef op = LLVMGetOperand(call, k);
    if (op == callee && (direct || asm_call))
      continue;
    esc_graph_escape(g, esc_graph_loc_of(g, op), ESC_WHY_OTHER, call);
  }
}

/* attribute_rule: a call to anything else; its result is unknown memory. */
static void attribute_rule(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  attribute_args(f, call, callee);
  esc_graph_copy(&f->g, f->g.unknown, esc_graph_loc_of(&f->g, call),
                 ESC_WHY_OTHER, call);
}

/* --- 2. allocators, frees, reallocs (alloc.c decides which) --- */

/* grow_source: v is, through casts, phis and selects, only allocation
 * sites of this function, results of realloc (ESC_FN_REALLOC) and null:
 * memory the function allocated itself, never a parameter's or a global's
 * (a pointer loaded from memory, a call's result, an offset: no).  seen
 * holds the phis and selects on the way; past ESC_GROW_VALUES, no. */
enum { ESC_GROW_VALUES = 64 };
static int grow_source(esc_func *f, LLVMValueRef v, LLVMValueRef *seen, int *nseen) {
  for (;;) {
    if (LLVMIsAConstantPointerNull(v))
      return 1;
    if (!LLVMIsAInstruction(v))
      return 0;
    if (LLVMIsABitCastInst(v)) {
      v = LLVMGetOperand(v, 0);
      continue;
    }
    break;
  }
  for (int k = 0; k < *nseen; k++)
    if (seen[k] == v)
      return 1;
  if (*nseen >= ESC_GROW_VALUES)
    return 0;
  seen[(*nseen)++] = v;
  if (esc_is_call(v)) {
    esc_callinfo ci;
    esc_call_classify(f->ctx, v, &ci);
    return (ci.kind == ESC_CALL_ALLOC && ci.fn != ESC_FN_POSIX_MEMALIGN) ||
           (ci.kind == ESC_CALL_REALLOC && ci.fn == ESC_FN_REALLOC);
  }
  LLVMOpcode op = LLVMGetInstructionOpcode(v);
  if (op == LLVMPHI) {
    unsigned n = LLVMCountIncoming(v);
    for (unsigned k = 0; k < n; k++)
      if (!grow_source(f, LLVMGetIncomingValue(v, k), seen, nseen))
        return 0;
    return 1;
  }
  if (op == LLVMSelect)
    return grow_source(f, LLVMGetOperand(v, 1), seen, nseen) &&
           grow_source(f, LLVMGetOperand(v, 2), seen, nseen);
  return 0;
}

/* grow_rule: realloc(p, n) of a pointer that is only the function's own
 * allocations (grow_source), in a function with no side stack: p may be a
 * stack buffer that realloc moves to the heap (a string builder's
 * `b = realloc(b, cap * 2)`; rewrite.c's grow).  So p does not escape by
 * being passed; the result is a heap block, never the buffer (unknown
 * memory, as any call's); what the buffer holds is copied into that block
 * and escapes; the size leaks nothing.  solve.c judges the check (p's
 * objects are grown) and summary.c never sees a parameter in it.  0: the
 * general rule (p escapes). */
static int grow_rule(esc_func *f, LLVMValueRef call, const esc_callinfo *ci) {
  esc_graph *g = &f->g;
  if (ci->fn != ESC_FN_REALLOC || f->side_stack_usable || escb_is_musttail(call) ||
      LLVMGetInstructionOpcode(call) != LLVMCall ||
      LLVMGetNumOperands(call) != (int)LLVMGetNumArgOperands(call) + 1)
    return 0;
  LLVMValueRef seen[ESC_GROW_VALUES];
  int nseen = 0;
  LLVMValueRef p = LLVMGetOperand(call, 0);
  if (!grow_source(f, p, seen, &nseen))
    return 0;
  int a = esc_graph_loc_of(g, p);
  if (a >= 0) {
    int content = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, content);
    esc_graph_escape(g, content, ESC_WHY_CALL_CONTENT, call);
    esc_add_check(f, ESC_CHECK_REALLOC, call, a);
  }
  esc_graph_copy(g, g->unknown, esc_graph_loc_of(g, call), ESC_WHY_OTHER, call);
  return 1;
}

/* allocator: a call alloc.c classified; 0 for ESC_CALL_OTHER. */
static int allocator(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  esc_graph *g = &f->g;
  esc_callinfo ci;
  esc_call_classify(f->ctx, call, &ci);
  switch (ci.kind) {
  case ESC_CALL_OTHER:
    return 0;
  case ESC_CALL_ALLOC:
    /* An allocation site (every one is an object, see build.c): its
     * address was set when the objects were made.  Arguments such as
     * strdup's source are judged by attributes; posix_memalign's were
     * modelled there too. */
    if (ci.fn == ESC_FN_OTHER) /* strdup(s) and the like read pointers */
      attribute_args(f, call, callee);
    /* strdup(s), strndup(s, n): the new object holds s's bytes, an address
     * printed there among them (sscanf may parse it back). */
    if (ci.fn == ESC_FN_STRDUP || ci.fn == ESC_FN_STRNDUP) {
      int s = esc_graph_loc_of(g, LLVMGetOperand(call, 0)), obj = esc_graph_loc_of(g, call);
      if (s >= 0 && obj >= 0) {
        int bytes = esc_graph_new_deref(g, s);
        esc_graph_load(g, s, bytes);
        esc_graph_store(g, bytes, obj, call);
      }
    }
    /* malloc, calloc, aligned_alloc, new: sizes and alignments only (an
     * integer size computed from pointers, p - start, leaks nothing). */
    return 1;
  case ESC_CALL_FREE:
    if (LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMVoidTypeKind) {
      /* A free-like call whose result is used cannot simply be deleted. */
      attribute_rule(f, call, callee);
      return 1;
    }
    esc_add_check(f, ESC_CHECK_FREE, call,
              esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)ci.arg)));
    return 1;
  case ESC_CALL_REALLOC:
    if (grow_rule(f, call, &ci))
      return 1;
    /* The old object moves to a new heap block: it must be on the heap. */
    esc_graph_escape(g, esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)ci.arg)),
                     ESC_WHY_REALLOC, call);
    attribute_rule(f, call, callee);
    return 1;
  }
  return 0;
}

/* --- 3. and 4. summaries and library models --- */

/* content_freed: the callee may free what the argument points to, one
 * deref down or further (a destructor that frees a tree: freed 1). */
static int content_freed(const esc_leaks *t) {
  for (int d = 1; d < ESC_LEAKS_LEVELS; d++)
    if (esc_leaks_has(t, ESC_SINK_FREED, d))
      return 1;
  return 0;
}

/* may_free_below: every object one deref below argument a or further may
 * be freed by the call: a may-free check at each level (the third loads
 * from itself: three derefs or more), as for the argument's own object. */
static void may_free_below(esc_func *f, LLVMValueRef call, int a) {
  esc_graph *g = &f->g;
  int from = a;
  for (int d = 1; d <= 3; d++) {
    int t = esc_graph_new_deref(g, from);
    esc_graph_load(g, from, t);
    if (d == 3)
      esc_graph_load(g, t, t);
    esc_add_check(f, ESC_CHECK_MAY_FREE, call, t);
    from = t;
  }
}

/* levels: temporaries for what argument a points to at each level: at[0]
 * is a, at[d] what at[d - 1] points to (at[3] also loads from itself:
 * three derefs or more). */
static void levels(esc_graph *g, int a, int at[ESC_LEAKS_LEVELS]) {
  at[0] = a;
  for (int d = 1; d < ESC_LEAKS_LEVELS; d++) {
    at[d] = esc_graph_new_deref(g, at[d - 1]);
    esc_graph_load(g, at[d - 1], at[d]);
  }
  esc_graph_load(g, at[3], at[3]);
}

/* apply: argument a of a call, given what the callee does with it; the
 * edges into the heap carry the rule that knew it (arg_why, content_why:
 * the summary's or the library model's pair, graph.h). */
static void apply(esc_func *f, LLVMValueRef call, int a, const esc_leaks *t, int result,
                  int store_into, esc_why arg_why, esc_why content_why) {
  esc_graph *g = &f->g;
  if (esc_leaks_has(t, ESC_SINK_HEAP, 0))
    esc_graph_escape(g, a, arg_why, call);
  if (esc_leaks_reaches(t, ESC_SINK_HEAP)) {
    /* From level 1 (what a points to) or, when only deeper levels leak
     * (level 2 stands for two derefs and more), from there. */
    int content = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, content);
    if (!esc_leaks_has(t, ESC_SINK_HEAP, 0) && !esc_leaks_has(t, ESC_SINK_HEAP, 1)) {
      int deeper = esc_graph_new_deref(g, content);
      esc_graph_load(g, content, deeper);
      content = deeper;
    }
    esc_graph_escape(g, content, content_why, call);
  }
  /* A write a summary describes says what it stores (a move within the
   * object is its MIX); one of the library or of an unknown callee may
   * also move the object's own bytes. */
  int summarised = arg_why == ESC_WHY_SUMMARY_ARG;
  if (esc_leaks_has(t, ESC_SINK_WRITES, 0)) {
    esc_graph_store(g, g->unknown, a, call);
    if (!summarised)
      esc_graph_mix(g, a);
  }
  if (esc_leaks_has(t, ESC_SINK_WRITES, 1)) {
    int pointee = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, pointee);
    esc_graph_store(g, g->unknown, pointee, call);
    if (!summarised)
      esc_graph_mix(g, pointee);
  }
  if (esc_leaks_has(t, ESC_SINK_RESULT, 0))
    esc_graph_copy(g, a, result, ESC_WHY_CALL_RET, call);
  if (esc_leaks_has(t, ESC_SINK_RESULT, 1))
    esc_graph_load(g, a, result);
  if (esc_leaks_has(t, ESC_SINK_RESULT, 2) || esc_leaks_has(t, ESC_SINK_RESULT, 3)) {
    int first = esc_graph_new_deref(g, a);
    int second = esc_graph_new_deref(g, first);
    esc_graph_load(g, a, first);
    esc_graph_load(g, first, second);
    if (esc_leaks_has(t, ESC_SINK_RESULT, 2)) /* **a */
      esc_graph_copy(g, second, result, ESC_WHY_CALL_RET, call);
    if (esc_leaks_has(t, ESC_SINK_RESULT, 3)) {
      /* ***a, ****a, ...: a location loading from itself */
      int deep = esc_graph_new_deref(g, second);
      esc_graph_load(g, second, deep);
      esc_graph_load(g, deep, deep);
      esc_graph_copy(g, deep, result, ESC_WHY_CALL_RET, call);
    }
  }
  if (esc_leaks_reaches(t, ESC_SINK_MIX) || esc_leaks_reaches(t, ESC_SINK_RESULT_INT)) {
    /* Bytes moved within the objects at level d (summary.c); numbers read
     * at level d: what the caller's objects there hold that was not stored
     * as a pointer (graph.h `other`). */
    int at[ESC_LEAKS_LEVELS];
    levels(g, a, at);
    for (int d = 0; d < ESC_LEAKS_LEVELS; d++) {
      if (esc_leaks_has(t, ESC_SINK_MIX, d))
        esc_graph_mix(g, at[d]);
      /* the numbers at level d are in the objects at[d - 1] points to
       * (level 3: those of R_i and deeper) */
      if (d > 0 && esc_leaks_has(t, ESC_SINK_RESULT_INT, d))
        esc_graph_load_scalar(g, at[d - 1], result);
      if (d == 3 && esc_leaks_has(t, ESC_SINK_RESULT_INT, d))
        esc_graph_load_scalar(g, at[3], result);
    }
  }
  if (store_into >= 0)
    esc_graph_store(g, a, store_into, call);
  if (esc_leaks_has(t, ESC_SINK_FREED, 0) && !esc_leaks_has(t, ESC_SINK_HEAP, 0))
    esc_add_check(f, ESC_CHECK_MAY_FREE, call, a);
  /* (A leak from level 1 lets all of it escape; one from level 2 does
   * not cover what may be freed at level 1.) */
  if (content_freed(t) && !esc_leaks_has(t, ESC_SINK_HEAP, 0) &&
      !esc_leaks_has(t, ESC_SINK_HEAP, 1))
    may_free_below(f, call, a);
}

/* unknown_leaks: what a callee nothing is known of may do with an argument:
 * let it and its contents escape, store into it. */
static esc_leaks unknown_leaks(void) {
  esc_leaks t = {{0}};
  esc_leaks_add(&t, ESC_SINK_HEAP, 0);
  esc_leaks_add(&t, ESC_SINK_HEAP, 1);
  esc_leaks_add(&t, ESC_SINK_WRITES, 0);
  return t;
}

/* letter_leaks: a library model letter (libmodel.c) as a leaks value. */
static esc_leaks letter_leaks(char c) {
  esc_leaks t = {{0}};
  switch (c) {
  case 'r': case 'n': case 'k': case '<':
    break;
  case 'p': /* qsort's elements need not be the struct's fields: its
             * pointers' bytes may land where a number is read */
    esc_leaks_add(&t, ESC_SINK_MIX, 0);
    break;
  case 'w':
    esc_leaks_add(&t, ESC_SINK_WRITES, 0);
    break;
  case 'R':
    esc_leaks_add(&t, ESC_SINK_RESULT, 0);
    break;
  case 'W':
    esc_leaks_add(&t, ESC_SINK_RESULT, 0);
    esc_leaks_add(&t, ESC_SINK_WRITES, 0);
    break;
  case 'c':
    esc_leaks_add(&t, ESC_SINK_HEAP, 1);
    esc_leaks_add(&t, ESC_SINK_WRITES, 0);
    break;
  case 'f':
    esc_leaks_add(&t, ESC_SINK_FREED, 0);
    esc_leaks_add(&t, ESC_SINK_HEAP, 1);
    break;
  case 'x': /* its bytes leave the program: anyone may read them back */
    esc_leaks_add(&t, ESC_SINK_HEAP, 1);
    break;
  case '^': case 'T': case 'N': /* model_call's flows; nothing kept */
    break;
  case '>':
    esc_leaks_add(&t, ESC_SINK_WRITES, 0);
    break;
  default:
    if (!(c >= '0' && c <= '9'))
      t = unknown_leaks(); /* 'e', unknown */
    break;
  }
  return t;
}

/* callback_leaks: what a callback does with the objects it is given (its
 * result is not the call's). */
static esc_leaks callback_leaks(esc_func *f, LLVMValueRef cb, int k) {
  const esc_summary *s = LLVMIsAFunction(cb) ? esc_summary_of(f->sums, cb) : NULL;
  if (!s || k >= s->nparams)
    return unknown_leaks();
  esc_leaks t = s->leaks[k];
  esc_leaks_clear(&t, ESC_SINK_RESULT);
  esc_leaks_clear(&t, ESC_SINK_RESULT_INT);
  esc_leaks_fold_into(&t); /* its parameters are not the call's arguments */
  return t;
}

/* model_fits: the declaration's prototype is the one the row describes. */
static int model_fits(const esc_libmodel *m, LLVMValueRef callee) {
  LLVMTypeRef fty = LLVMGlobalGetValueType(callee);
  unsigned n = LLVMCountParamTypes(fty);
  if (n != strlen(m->params) || (LLVMIsFunctionVarArg(fty) != 0) != (m->varargs != 0))
    return 0;
  LLVMTypeRef types[ESC_LIBMODEL_PARAMS];
  if (n > ESC_LIBMODEL_PARAMS)
    return 0;
  LLVMGetParamTypes(fty, types);
  int returns_ptr = LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMPointerTypeKind;
  for (unsigned k = 0; k < n; k++) {
    int ptr = LLVMGetTypeKind(types[k]) == LLVMPointerTypeKind;
    char c = m->params[k];
    if ((c == 'n') == ptr)
      return 0;
    if ((c == 'R' || c == 'W') && !returns_ptr)
      return 0;
  }
  return 1;
}

/* Formats.  sprintf's arguments go into the buffer as its format says: %s
 * copies what the argument points to, %p and the numbers its value (an
 * integer may carry an address), %n writes through it.  printf's leave the
 * program the same way, as text that fscanf or sscanf may parse back: %s
 * its contents escape, %p and the numbers the value itself.  format_letters
 * gives one letter per variadic argument (into a buffer: '<' contents, '0'
 * the value; printed: 'x' contents, 'P' the value, 'd' a number, which
 * printed_number_plain judges; 'w' written) when the
 * format is a constant string it understands, and returns their number
 * plus one; else 0 (then the row's letter for every one: '^' both, 'o'
 * escapes). */
enum { ESC_FORMAT_ARGS = 64 };

static int format_letters(LLVMValueRef fmt, int printed, char *out, int max) {
  const char contents = printed ? 'x' : '<', value = printed ? 'd' : '0';
  /* Only a format no other definition can replace (a string literal is
   * private): a weak or interposable one may be another string at run time. */
  LLVMLinkage link = LLVMIsAGlobalVariable(fmt) ? LLVMGetLinkage(fmt) : LLVMExternalLinkage;
  if (link != LLVMPrivateLinkage && link != LLVMInternalLinkage)
    return 0;
  if (!LLVMIsAGlobalVariable(fmt) || !LLVMIsGlobalConstant(fmt) || !LLVMGetInitializer(fmt) ||
      !LLVMIsAConstantDataSequential(LLVMGetInitializer(fmt)) ||
      !LLVMIsConstantString(LLVMGetInitializer(fmt)))
    return 0;
  size_t len = 0;
  const char *s = LLVMGetAsString(LLVMGetInitializer(fmt), &len);
  int n = 0;
  for (size_t i = 0; i < len && s[i]; i++) {
    if (s[i] != '%')
      continue;
    i++;
    if (i < len && s[i] == '%')
      continue;
    /* flags, width, precision, length; '*' takes an int argument */
    for (; i < len && s[i] && strchr("-+ #0123456789.*'hlqjztLI", s[i]); i++)
      if (s[i] == '*') {
        if (n == max)
          return 0;
        out[n++] = value;
      }
    if (i >= len || !s[i] || s[i] == '$')
      return 0; /* positional arguments, or a cut format: not followed */
    char c = s[i];
    if (c == 'm')
      continue; /* strerror(errno): no argument */
    if (n == max)
      return 0;
    if (c == 's' || c == 'S')
      out[n++] = contents;
    else if (c == 'n')
      out[n++] = 'w';
    else if (c == 'p')
      out[n++] = printed ? 'P' : '0';
    else if (strchr("diouxXcCeEfFgGaA", c))
      out[n++] = value;
    else
      return -1; /* a conversion of the program's own: its handler may keep it */
  }
  return n + 1; /* letters, plus one: the rest (none expected) as both */
}

/* printed_number_plain: a number printf prints that is made of integers
 * loaded from memory and constants (through casts between integers,
 * arithmetic, phis and selects): the graph, one location per object,
 * cannot tell a counter from the pointer stored beside it, and
 * printf("%zu", b->len) would send b's contents to the heap.  An address
 * printed as a number is followed when ptrtoint, a parameter or a call
 * made it, also through a struct returned or passed by value
 * (by_value_memory); one stored into memory as an integer and printed from
 * there is not (README: known gaps). */
enum { ESC_PRINTED_VALUES = 32 };

/* by_value_memory: p points into a struct that is a value in C and in
 * memory only in the IR: a call's result returned through an sret slot,
 * or a by-value argument.  A number loaded from there is one a call
 * returned or the caller passed, followed as such. */
static int by_value_memory(LLVMValueRef p) {
  while (LLVMIsAGetElementPtrInst(p) || LLVMIsACastInst(p))
    p = LLVMGetOperand(p, 0);
  if (LLVMIsAAllocaInst(p)) {
    unsigned sret = LLVMGetEnumAttributeKindForName("sret", 4);
    for (LLVMUseRef u = LLVMGetFirstUse(p); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef call = LLVMGetUser(u);
      if (!LLVMIsACallInst(call) && !LLVMIsAInvokeInst(call))
        continue;
      for (unsigned k = 0, n = LLVMGetNumArgOperands(call); k < n; k++)
        if (LLVMGetOperand(call, k) == p && LLVMGetCallSiteEnumAttribute(call, k + 1, sret))
          return 1;
    }
    return 0;
  }
  if (!LLVMIsAArgument(p))
    return 0;
  LLVMValueRef fn = LLVMGetParamParent(p);
  unsigned k = 0;
  while (LLVMGetParam(fn, k) != p)
    k++;
  return LLVMGetEnumAttributeAtIndex(fn, k + 1, LLVMGetEnumAttributeKindForName("byval", 5)) != NULL;
}

static int printed_number_plain(LLVMValueRef v) {
  LLVMValueRef todo[ESC_PRINTED_VALUES], seen[ESC_PRINTED_VALUES];
  int n = 0, nseen = 0;
  todo[n++] = v;
  while (n > 0) {
    v = todo[--n];
    int again = 0;
    for (int i = 0; i < nseen && !again; i++)
      again = seen[i] == v;
    if (again)
      continue; /* a loop's phi */
    if (nseen == ESC_PRINTED_VALUES)
      return 0;
    seen[nseen++] = v;
    if (LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMIntegerTypeKind)
      return 0;
    if (LLVMIsAConstantInt(v) || (LLVMIsALoadInst(v) && !by_value_memory(LLVMGetOperand(v, 0))))
      continue;
    unsigned from = 0, ops = 0;
    if (LLVMIsATruncInst(v) || LLVMIsAZExtInst(v) || LLVMIsASExtInst(v) || LLVMIsAFreezeInst(v))
      ops = 1;
    else if (LLVMIsABinaryOperator(v) || LLVMIsAPHINode(v))
      ops = (unsigned)LLVMGetNumOperands(v);
    else if (LLVMIsASelectInst(v))
      from = 1, ops = 3;
    else
      return 0;
    for (unsigned k = from; k < ops; k++) {
      if (n == ESC_PRINTED_VALUES)
        return 0;
      todo[n++] = LLVMGetOperand(v, k);
    }
  }
  return 1;
}

static void model_call(esc_func *f, LLVMValueRef call, const esc_libmodel *m) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  size_t nfixed = strlen(m->params);
  char fl[ESC_FORMAT_ARGS + 1];
  int nfl = (m->varargs == '^' || m->varargs == 'o') && nfixed > 0 && nfixed <= nargs
                ? format_letters(LLVMGetOperand(call, (unsigned)nfixed - 1), m->varargs == 'o',
                                 fl, ESC_FORMAT_ARGS)
                : 0;
  for (unsigned k = 0; k < nargs; k++) {
    int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
    if (a < 0)
      continue;
    char c = k < nfixed ? m->params[k] : (m->varargs ? m->varargs : 'e');
    if (k >= nfixed && nfl < 0)
      c = 'e';
    else if (k >= nfixed && nfl && (int)(k - nfixed) < nfl - 1)
      c = fl[k - nfixed];
    if (c == 'd')
      c = printed_number_plain(LLVMGetOperand(call, k)) ? 'r' : 'P';
    /* Bytes written out, or a value printed as text (P): worded apart. */
    esc_why arg_why = c == 'P' ? ESC_WHY_OUT_ARG : ESC_WHY_MODEL_ARG;
    esc_why content_why = c == 'x' || c == 'P' ? ESC_WHY_OUT_CONTENT : ESC_WHY_MODEL_CONTENT;
    esc_leaks t = letter_leaks(c);
    int into = -1;
    LLVMValueRef dst = c >= '0' && c <= '9' && (unsigned)(c - '0') < nargs
                           ? LLVMGetOperand(call, (unsigned)(c - '0'))
                           : NULL;
    if (dst)
      into = esc_graph_loc_of(g, dst);
    /* Stored through another constant: anywhere.  Through a null pointer:
     * nowhere, as the library's specification says (strtol's endptr "if
     * not a null pointer"). */
    if (c >= '0' && c <= '9' && into < 0 && !(dst && LLVMIsAConstantPointerNull(dst)))
      t = unknown_leaks();
    /* A callback receives pointers into some arguments' objects. */
    if (m->callback >= 0 && (unsigned)m->callback < nargs)
      for (const char *d = m->cb_gets; *d; d++)
        if ((unsigned)(*d - '0') == k) {
          esc_leaks cb = callback_leaks(f, LLVMGetOperand(call, (unsigned)m->callback),
                                        (int)(d - m->cb_gets));
          esc_leaks_join(&t, &cb);
        }
    if ((c == '<' || c == '^') && nargs > 0) { /* *arg0 gets *a */
      int bytes = esc_graph_new_deref(g, a);
      esc_graph_load(g, a, bytes);
      esc_graph_store(g, bytes, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    }
    if (c == '^' && nargs > 0) /* ...and a itself: printed with %p */
      esc_graph_store(g, a, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    if (c == '>' && k > 0) { /* *a gets *arg0: parsed back with %p */
      int arg0 = esc_graph_loc_of(g, LLVMGetOperand(call, 0));
      if (arg0 >= 0) {
        int bytes = esc_graph_new_deref(g, arg0);
        esc_graph_load(g, arg0, bytes);
        esc_graph_store(g, bytes, a, call);
      }
    }
    if (c == 'T' || c == 'N') /* the result is a number read from *a */
      esc_graph_load(g, a, result);
    if (c == 'N' && nargs > 1) { /* ...and *arg1 = a + k (strtol's endptr) */
      int end = esc_graph_loc_of(g, LLVMGetOperand(call, 1));
      if (end >= 0)
        esc_graph_store(g, a, end, call);
      else if (!LLVMIsAConstantPointerNull(LLVMGetOperand(call, 1)))
        esc_graph_escape(g, a, ESC_WHY_MODEL_ARG, call);
    }
    apply(f, call, a, &t, result, into, arg_why, content_why);
  }
  esc_graph_copy(g, g->unknown, result, ESC_WHY_OTHER, call);
}

/* deref: a location holding what argument arg (location loc) holds
 * `level` derefs down (level 3: three or more, a location loading from
 * itself), made once per call and level (memo: -1 where not yet, three per
 * argument) whichever of the callee's into sinks asks for it. */
static int deref(esc_graph *g, int *memo, int arg, int loc, int level) {
  for (int d = 1; d <= level && d <= 3; d++) {
    int *m = &memo[3 * arg + d - 1];
    if (*m < 0) {
      int t = esc_graph_new_deref(g, loc);
      esc_graph_load(g, loc, t);
      if (d == 3)
        esc_graph_load(g, t, t);
      *m = t;
    }
    loc = *m;
  }
  return loc;
}

/* into_stores: the callee's stores of argument i (location a) into the
 * objects its arguments point to (the summary's "into" sinks, leaks.c):
 * for "i at level d into k at level e" the caller's own store
 * *deref^e(arg k) = deref^d(arg i), so the caller's objects receive the
 * pointer (an object of its own keeps it local, an escaping one or unknown
 * memory lets it escape, a parameter of its own carries the flow on in its
 * summary).  Through a constant (null, an integer) it goes anywhere. */
static void into_stores(esc_func *f, LLVMValueRef call, int i, int a, const esc_leaks *t,
                        int nparams, int *memo) {
  esc_graph *g = &f->g;
  for (int k = 0; k < nparams && k < ESC_INTO_PARAMS; k++)
    for (int e = 0; e < 2; e++) {
      esc_sink sink = esc_sink_into(k, e);
      if (!esc_leaks_reaches(t, sink))
        continue;
      int b = esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)k));
      int target = b >= 0 ? deref(g, memo, k, b, e) : -1;
      for (int d = 0; d < ESC_LEAKS_LEVELS; d++) {
        if (!esc_leaks_has(t, sink, d))
          continue;
        int src = deref(g, memo, i, a, d);
        if (target >= 0)
          esc_graph_store(g, src, target, call);
        else
          esc_graph_escape(g, src, ESC_WHY_SUMMARY_ARG, call);
      }
    }
}

static void summary_call(esc_func *f, LLVMValueRef call, const esc_summary *s) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  int *memo = esc_alloc(3 * ((size_t)nargs + 1) * sizeof *memo);
  memset(memo, -1, 3 * ((size_t)nargs + 1) * sizeof *memo);
  for (unsigned k = 0; k < nargs; k++) {
    int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
    if (a < 0)
      continue;
    /* Variadic arguments: the callee's va_arg reads are not tracked. */
    esc_leaks t = (int)k < s->nparams ? s->leaks[k] : unknown_leaks();
    apply(f, call, a, &t, result, -1, ESC_WHY_SUMMARY_ARG, ESC_WHY_SUMMARY_CONTENT);
    into_stores(f, call, (int)k, a, &t, s->nparams, memo);
  }
  free(memo);
  /* A builder's call gives its RESULT object only (region.c). */
  int region = f->nresults && esc_region_attach(f, call);
  if (s->ret_other && !region)
    esc_graph_copy(g, g->unknown, result, ESC_WHY_OTHER, call);
}

/* plain_direct: a direct call a summary or a library model may describe:
 * the callee called with its own type, no operand bundles, not musttail or
 * callbr (those go the conservative way); only with interprocedural
 * analysis on. */
static int plain_direct(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  if (!LLVMIsAFunction(callee) || !f->sums)
    return 0;
  if (escb_is_musttail(call))
    return 0;
  LLVMOpcode op = LLVMGetInstructionOpcode(call);
  int expect = (int)LLVMGetNumArgOperands(call) + (op == LLVMInvoke ? 3 : 1);
  if (op == LLVMCallBr || LLVMGetNumOperands(call) != expect)
    return 0;
  return LLVMGetCalledFunctionType(call) == LLVMGlobalGetValueType(callee);
}

/* summarised: the callee's summary, if it has one (a definition here). */
static int summarised(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  const esc_summary *s = esc_summary_of(f->sums, callee);
  if (!s)
    return 0;
  summary_call(f, call, s);
  return 1;
}

/* unmodelled_here: rows the program itself can make wrong.  A printf
 * conversion of its own (register_printf_specifier) hands the arguments to
 * a handler that may keep them; a stream of its own (fopencookie) hands
 * the buffers written to its write function, which may keep them. */
static int in_list(const char *name, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, name, n) == 0)
      return 1;
  return 0;
}

static int unmodelled_here(LLVMValueRef callee, const char *name, size_t n) {
  static const char *const formats[] = {
      "printf", "fprintf", "sprintf", "snprintf", "dprintf", "__printf_chk", "__fprintf_chk",
      "__sprintf_chk", "__snprintf_chk", "vprintf", "vfprintf", "vsprintf", "vsnprintf", NULL};
  static const char *const streams[] = {
      "fwrite", "fwrite_unlocked", "fputs", "puts", "printf", "fprintf", "__printf_chk",
      "__fprintf_chk", "vprintf", "vfprintf", "fputc", "putc", "fflush", "perror", NULL};
  static const char *const registers[] = {"register_printf_specifier",
                                          "register_printf_function",
                                          "register_printf_modifier", "register_printf_type",
                                          NULL};
  LLVMModuleRef M = LLVMGetGlobalParent(callee);
  if (in_list(name, n, formats))
    for (const char *const *r = registers; *r; r++)
      if (LLVMGetNamedFunction(M, *r))
        return 1;
  return in_list(name, n, streams) && LLVMGetNamedFunction(M, "fopencookie");
}

/* modelled: a declaration whose row of libmodel.c fits it. */
static int modelled(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  if (!LLVMIsDeclaration(callee))
    return 0;
  size_t n = 0;
  const char *name = LLVMGetValueName2(callee, &n);
  if (unmodelled_here(callee, name, n)) {
    /* Not even LLVM's attributes (nocapture) hold: every argument escapes. */
    esc_graph *g = &f->g;
    esc_leaks t = unknown_leaks();
    int result = esc_graph_loc_of(g, call);
    for (unsigned k = 0, nargs = LLVMGetNumArgOperands(call); k < nargs; k++) {
      int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
      if (a >= 0)
        apply(f, call, a, &t, result, -1, ESC_WHY_MODEL_ARG, ESC_WHY_MODEL_CONTENT);
    }
    esc_graph_copy(g, g->unknown, result, ESC_WHY_OTHER, call);
    return 1;
  }
  const esc_libmodel *m = esc_libmodel_find(name, n);
  if (!m || !model_fits(m, callee))
    return 0;
  model_call(f, call, m);
  return 1;
}

/* esc_build_call is the one dispatch of a call (the order is the banner's:
 * intrinsic, allocator, summary, library model, attributes). */
void esc_build_call(esc_func *f, LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (escb_call_returns_twice(call))
    f->returns_twice = 1;
  if (intrinsic(f, call, callee))
    return;
  if (allocator(f, call, callee))
    return;
  if (plain_direct(f, call, callee) &&
      (summarised(f, call, callee) || modelled(f, call, callee)))
    return;
  attribute_rule(f, call, callee);
}

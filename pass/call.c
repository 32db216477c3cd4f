/* call.c — call sites: allocation and free, memory intrinsics, and every
 * other call judged by LLVM's own parameter attributes.
 *
 * A pointer argument stays local only if the parameter is `nocapture`; it
 * may still be freed by the callee unless `nofree` says otherwise, which is
 * checked after solving (ESC_CHECK_MAY_FREE).  Whatever an argument points
 * to (its contents) escapes, and the callee may store unknown pointers into
 * it unless it only reads.  Exercised by test/ir/Call_ files.
 */
#include "internal.h"

#include <string.h>

static int has_prefix(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

/* esc_add_check records a use to judge once the graph is solved. */
void esc_add_check(esc_func *f, esc_checkkind kind, LLVMValueRef call, int loc) {
  if (loc < 0)
    return;
  esc_check c = {kind, call, loc};
  ESC_PUSH(f->checks, f->nchecks, f->capchecks, c);
}

/* intrinsic handles the llvm.* functions whose memory behaviour is known.
 * Returns 0 for the rest, which go through the attribute rule. */
static int intrinsic(esc_func *f, LLVMValueRef call, const char *name, size_t n) {
  esc_graph *g = &f->g;
  if (has_prefix(name, n, "llvm.lifetime.") || has_prefix(name, n, "llvm.dbg.") ||
      has_prefix(name, n, "llvm.assume") || has_prefix(name, n, "llvm.invariant.") ||
      has_prefix(name, n, "llvm.prefetch") || has_prefix(name, n, "llvm.objectsize") ||
      has_prefix(name, n, "llvm.is.constant") || has_prefix(name, n, "llvm.memset") ||
      has_prefix(name, n, "llvm.experimental.noalias.scope.decl") ||
      has_prefix(name, n, "llvm.sideeffect") || has_prefix(name, n, "llvm.donothing") ||
      has_prefix(name, n, "llvm.pseudoprobe") || has_prefix(name, n, "llvm.trap") ||
      has_prefix(name, n, "llvm.debugtrap") || has_prefix(name, n, "llvm.stacksave") ||
      has_prefix(name, n, "llvm.stackrestore"))
    return 1; /* no address flows anywhere */
  if (has_prefix(name, n, "llvm.memcpy") || has_prefix(name, n, "llvm.memmove")) {
    /* *dst = *src, bytes of pointers included */
    int src = esc_graph_loc_of(g, LLVMGetOperand(call, 1));
    int t = esc_graph_new_deref(g, src);
    esc_graph_load(g, src, t);
    esc_graph_store(g, t, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    return 1;
  }
  static const char *const arith[] = {
      "llvm.umax.", "llvm.umin.", "llvm.smax.", "llvm.smin.", "llvm.abs.",
      "llvm.ctlz.", "llvm.cttz.", "llvm.ctpop.", "llvm.bswap.", "llvm.bitreverse.",
      "llvm.fshl.", "llvm.fshr.", "llvm.uadd.", "llvm.usub.", "llvm.umul.",
      "llvm.sadd.", "llvm.ssub.", "llvm.smul.", "llvm.vector.reduce."};
  for (size_t k = 0; k < sizeof arith / sizeof *arith; k++)
    if (has_prefix(name, n, arith[k])) {
      /* Integer arithmetic: an address carried by an operand (p - start)
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
  if (has_prefix(name, n, "llvm.ptrmask") ||
      has_prefix(name, n, "llvm.launder.invariant.group") ||
      has_prefix(name, n, "llvm.strip.invariant.group") ||
      has_prefix(name, n, "llvm.expect") || has_prefix(name, n, "llvm.ssa.copy")) {
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(call, 0)),
                   esc_graph_loc_of(g, call), ESC_WHY_COPY, call);
    return 1;
  }
  return 0;
}

/* attribute_args: a call's arguments, judged by the callee's attributes. */
static void attribute_args(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  int asm_call = LLVMIsAInlineAsm(callee) != NULL;
  int direct = LLVMIsAFunction(callee) != NULL;
  int musttail = LLVMGetInstructionOpcode(call) == LLVMCall &&
                 LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail;
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
    if (!(fl & ESCB_ARG_READONLY))
      esc_graph_store(g, g->unknown, a, call);
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

void esc_build_call(esc_func *f, LLVMValueRef call) {
  esc_graph *g = &f->g;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (escb_call_returns_twice(call))
    f->returns_twice = 1;
  if (LLVMIsAFunction(callee)) {
    size_t n = 0;
    const char *name = LLVMGetValueName2(callee, &n);
    if (has_prefix(name, n, "llvm.") && intrinsic(f, call, name, n))
      return;
  }
  escb_callinfo ci;
  esc_call_classify(f->ctx, call, &ci);
  switch (ci.kind) {
  case ESCB_CALL_ALLOC:
    /* An allocation site (every one is an object, see build.c): its
     * address was set when the objects were made.  Arguments such as
     * strdup's source are judged by attributes; posix_memalign's were
     * modelled there too. */
    if (ci.fn == ESCB_FN_OTHER) /* strdup(s) and the like read pointers */
      attribute_args(f, call, callee);
    /* malloc, calloc, aligned_alloc, new: sizes and alignments only (an
     * integer size computed from pointers, p - start, leaks nothing). */
    return;
  case ESCB_CALL_FREE:
    if (LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMVoidTypeKind) {
      /* A free-like call whose result is used cannot simply be deleted. */
      attribute_rule(f, call, callee);
      return;
    }
    esc_add_check(f, ESC_CHECK_FREE, call,
              esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)ci.arg)));
    return;
  case ESCB_CALL_REALLOC:
    /* The old object moves to a new heap block: it must be on the heap. */
    esc_graph_escape(g, esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)ci.arg)),
                     ESC_WHY_REALLOC, call);
    attribute_rule(f, call, callee);
    return;
  case ESCB_CALL_OTHER:
    if (!esc_summary_call(f, call, callee))
      attribute_rule(f, call, callee);
    return;
  }
}

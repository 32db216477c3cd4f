/* builder.c — which functions are builders (the probe), their region
 * copies, the owners' rewrite and the module's guarded frees; the model
 * they rest on, and the design, are region.c's.  Tests:
 * test/exec/Region_tree.c, test/ir/Region_builder.ll. */
#include "region.h"

#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>

#include <stdlib.h>
#include <string.h>

/* --- the probe --- */

/* returned_leaves: the values a ret may give, through phis and selects:
 * null, B's own allocation sites (added to q), B's calls of itself.  0 when
 * anything else, or more than a small walk. */
typedef struct esc_leafwalk {
  const esc_func *f;
  LLVMValueRef seen[64];
  int nseen;
  int *q, nq, capq;
  int self; /* a call of B itself was met */
} esc_leafwalk;

static int leaves(esc_leafwalk *w, LLVMValueRef v) {
  for (int k = 0; k < w->nseen; k++)
    if (w->seen[k] == v)
      return 1;
  if (w->nseen == 64)
    return 0;
  w->seen[w->nseen++] = v;
  if (LLVMIsAConstantPointerNull(v))
    return 1;
  if (!LLVMIsAInstruction(v))
    return 0;
  LLVMOpcode op = LLVMGetInstructionOpcode(v);
  if (op == LLVMPHI) {
    for (unsigned k = 0, n = LLVMCountIncoming(v); k < n; k++)
      if (!leaves(w, LLVMGetIncomingValue(v, k)))
        return 0;
    return 1;
  }
  if (op == LLVMSelect)
    return leaves(w, LLVMGetOperand(v, 1)) && leaves(w, LLVMGetOperand(v, 2));
  if (op != LLVMCall)
    return 0;
  if (LLVMGetCalledValue(v) == w->f->fn) {
    w->self = 1;
    return 1;
  }
  for (int k = 0; k < w->f->ncands; k++)
    if (w->f->cands[k].call == v) {
      for (int j = 0; j < w->nq; j++)
        if (w->q[j] == k)
          return 1;
      ESC_PUSH(w->q, w->nq, w->capq, k);
      return 1;
    }
  return 0;
}

/* only_direct_calls: fn is used only as the callee of calls. */
static int only_direct_calls(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsACallInst(user) || LLVMGetCalledValue(user) != fn)
      return 0;
    for (unsigned k = 0, n = LLVMGetNumArgOperands(user); k < n; k++)
      if (LLVMGetOperand(user, k) == fn)
        return 0;
  }
  return 1;
}

/* syntactic: what the probe needs before it builds a graph; fills q. */
static int syntactic(esc_regions *R, int i, const esc_func *f, esc_leafwalk *w) {
  LLVMValueRef fn = f->fn;
  LLVMLinkage link = LLVMGetLinkage(fn);
  if ((link != LLVMInternalLinkage && link != LLVMPrivateLinkage) || !only_direct_calls(fn) ||
      f->returns_twice || !escb_has_exact_definition(fn))
    return 0;
  int k = R->sccs->of[i];
  if (R->sccs->start[k + 1] - R->sccs->start[k] != 1)
    return 0;
  LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(fn));
  if (LLVMGetTypeKind(rt) != LLVMPointerTypeKind)
    return 0;
  w->f = f;
  int rets = 0;
  ESC_FOR_EACH_INST(fn, bb, in) {
    if (LLVMGetInstructionOpcode(in) != LLVMRet)
      continue;
    rets++;
    if (LLVMGetNumOperands(in) != 1 || !leaves(w, LLVMGetOperand(in, 0)))
      return 0;
  }
  if (!rets || !w->nq)
    return 0;
  for (int j = 0; j < w->nq; j++) {
    const esc_cand *c = &f->cands[w->q[j]];
    if ((c->info.fn != ESC_FN_MALLOC && c->info.fn != ESC_FN_CALLOC) || c->info.hook ||
        !c->info.size_known || c->info.size == 0 || c->guarded || c->grown ||
        c->bytes == 0 || c->bytes > f->opt->max_object_bytes ||
        LLVMGetInstructionOpcode(c->call) != LLVMCall)
      return 0;
  }
  return 1;
}

/* in_region: obj is one of Q's or an RR object of the probe */
static int in_region(const esc_func *p, const esc_leafwalk *w, int obj) {
  const esc_obj *o = &p->g.objs[obj];
  if (o->kind == ESC_OBJ_RESULT)
    return 1;
  if (o->kind != ESC_OBJ_HEAP)
    return 0;
  for (int j = 0; j < w->nq; j++)
    if (w->q[j] == o->cand)
      return 1;
  return 0;
}

static int probe_graph(esc_regions *R, const esc_func *f, const esc_leafwalk *w) {
  esc_func p;
  memset(&p, 0, sizeof p);
  p.fn = f->fn;
  p.ctx = f->ctx;
  p.opt = f->opt;
  p.sums = f->sums;
  p.recursive = f->recursive;
  p.side_stack_usable = f->side_stack_usable;
  p.regions = R;
  p.probe = 1;
  esc_build(&p);
  esc_solve_flow(&p);
  esc_graph *g = &p.g;
  int ok = !g->over_budget && p.ncands == f->ncands && !p.returns_twice;
  for (int r = 0; ok && r < p.nresults; r++) {
    int l = esc_graph_find(g, p.results[r].call);
    ok = l >= 0 && esc_graph_holds(g, l, p.results[r].obj);
  }
  /* Before returns join the heap: Q and RR do not escape, and only their
   * own contents hold them in memory. */
  for (int o = 1; ok && o < g->nobjs; o++) {
    if (!in_region(&p, w, o))
      continue;
    int why;
    LLVMValueRef at;
    if (esc_graph_obj_escaped(g, o) || !esc_region_uses_ok(&p, o, &why, &at)) {
      ok = 0;
      break;
    }
  }
  /* ...and only as pointers: no store of other than pointer type puts one
   * into another (an owner's scalar loads of them read no address). */
  for (int l = 0; ok && l < g->nlocs; l++) {
    int holder = g->locs[l].content_of;
    if (holder < 0 || (in_region(&p, w, holder) && l != g->objs[holder].other))
      continue;
    for (int o = esc_graph_next(g, l, 0); o >= 0 && ok; o = esc_graph_next(g, l, o + 1))
      if (in_region(&p, w, o))
        ok = 0;
  }
  /* What it returns is Q's and RR's only. */
  for (int o = esc_graph_next(g, g->ret, 0); ok && o >= 0; o = esc_graph_next(g, g->ret, o + 1))
    if (!in_region(&p, w, o))
      ok = 0;
  esc_graph_free(&p.g);
  free(p.cands);
  free(p.checks);
  free(p.pobj);
  free(p.pint);
  free(p.results);
  return ok;
}

/* esc_region_probe: whether judged function i (f, with its final summary
 * and verdicts) is a builder. */
void esc_region_probe(esc_regions *R, int i, const esc_func *f) {
  if (!R || !R->usable || R->b[i].state)
    return;
  R->b[i].state = -1;
  esc_leafwalk w;
  memset(&w, 0, sizeof w);
  int ok = syntactic(R, i, f, &w);
  if (ok && R->usable < 0)
    R->usable = esc_sidestack_usable(R->M);
  ok = ok && R->usable > 0 && probe_graph(R, f, &w);
  if (ok) {
    R->b[i].state = 1;
    R->b[i].q = w.q;
    R->b[i].nq = w.nq;
  } else {
    free(w.q);
  }
}

/* --- the rewrites --- */

/* esc_region_copy: builder i's region copy, from its body before its own
 * rewrite (f: its judged analysis). */
void esc_region_copy(esc_regions *R, int i, esc_func *f) {
  if (!R || R->b[i].state != 1 || R->b[i].copy || !f->opt->rewrite)
    return;
  int n = f->ncands + f->nchecks;
  LLVMValueRef *olds = esc_alloc(((size_t)n + 1) * sizeof *olds);
  LLVMValueRef *news = esc_alloc(((size_t)n + 1) * sizeof *news);
  for (int k = 0; k < f->ncands; k++)
    olds[k] = f->cands[k].call;
  for (int k = 0; k < f->nchecks; k++)
    olds[f->ncands + k] = f->checks[k].call;
  size_t len = 0;
  const char *name = LLVMGetValueName2(f->fn, &len);
  char *copy_name = esc_alloc(len + 16);
  memcpy(copy_name, name, len);
  memcpy(copy_name + len, ".escape.region", 15);
  LLVMValueRef copy = escb_clone_function(f->fn, copy_name, olds, news, n);
  free(copy_name);
  esc_func c = *f;
  c.fn = copy;
  c.cands = esc_alloc(((size_t)f->ncands + 1) * sizeof *c.cands);
  c.checks = esc_alloc(((size_t)f->nchecks + 1) * sizeof *c.checks);
  c.ncands = c.capcands = f->ncands;
  c.nchecks = c.capchecks = 0;
  memcpy(c.cands, f->cands, (size_t)f->ncands * sizeof *c.cands);
  int whole = 1;
  for (int k = 0; k < f->ncands; k++) {
    c.cands[k].call = news[k];
    whole &= news[k] != NULL;
  }
  for (int k = 0; k < f->nchecks; k++)
    if (news[f->ncands + k]) {
      c.checks[c.nchecks] = f->checks[k];
      c.checks[c.nchecks++].call = news[f->ncands + k];
    } else {
      whole = 0;
    }
  free(olds);
  free(news);
  if (!whole) { /* not expected: every instruction has its copy */
    LLVMDeleteFunction(copy);
    free(c.cands);
    free(c.checks);
    R->b[i].state = -1;
    return;
  }
  for (int j = 0; j < R->b[i].nq; j++) {
    esc_cand *q = &c.cands[R->b[i].q[j]];
    q->verdict = (esc_verdict){.reason = ESC_OK};
    q->on_side_stack = 1;
  }
  /* (the copy's loop regions would name B's blocks: its side-stack
   * objects are given back when the owner's mark is) */
  c.loop_regions = NULL;
  c.nloop_regions = c.caploop_regions = 0;
  for (int k = 0; k < c.ncands; k++)
    c.cands[k].loop_region = 0;
  c.side_stack_usable = 1;
  c.region_copy = 1;
  c.side_mark = NULL;
  c.grown = NULL;
  c.ngrown = c.capgrown = 0;
  c.nconverted = 0;
  c.rewrites = 0;
  c.results = NULL;
  c.nresults = c.capresults = 0;
  esc_rewrite(&c);
  ESC_FOR_EACH_INST(copy, bb, in)
    if (esc_is_call(in) && LLVMGetCalledValue(in) == f->fn)
      LLVMSetOperand(in, (unsigned)LLVMGetNumOperands(in) - 1, copy);
  free(c.cands);
  free(c.checks);
  free(c.grown);
  escb_forget_memory_effects(copy);
  R->b[i].copy = copy;
}

/* esc_region_rewrite: the owner's part: a mark at entry, given back before
 * every return or resume and, on a cycle, before the owned call, which
 * calls the region copy. */
void esc_region_rewrite(esc_regions *R, esc_func *f) {
  if (!R || !f->opt->rewrite)
    return;
  for (int k = 0; k < f->nresults; k++) {
    esc_result *r = &f->results[k];
    int j = esc_region_index(R, r->callee);
    if (!r->owned || j < 0 || !R->b[j].copy)
      continue;
    LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(LLVMGetModuleContext(m));
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
    LLVMValueRef first = LLVMGetFirstInstruction(entry);
    while (first && LLVMIsAAllocaInst(first))
      first = LLVMGetNextInstruction(first);
    LLVMPositionBuilderBefore(b, first);
    LLVMSetCurrentDebugLocation2(b, NULL);
    LLVMValueRef mark = esc_sidestack_call(b, m, NULL, "region.mark");
    if (!mark) {
      LLVMDisposeBuilder(b);
      return;
    }
    LLVMValueRef *made = NULL;
    int nmade = 0, capmade = 0;
    ESC_PUSH(made, nmade, capmade, mark);
    if (r->in_cycle) {
      LLVMPositionBuilderBefore(b, r->call);
      LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(r->call));
      ESC_PUSH(made, nmade, capmade, esc_sidestack_call(b, m, mark, ""));
    }
    LLVMSetOperand(r->call, (unsigned)LLVMGetNumOperands(r->call) - 1, R->b[j].copy);
    ESC_FOR_EACH_INST(f->fn, bb, i) {
      LLVMOpcode op = LLVMGetInstructionOpcode(i);
      if (op != LLVMRet && op != LLVMResume)
        continue;
      LLVMPositionBuilderBefore(b, i);
      LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(i));
      ESC_PUSH(made, nmade, capmade, esc_sidestack_call(b, m, mark, ""));
    }
    LLVMDisposeBuilder(b);
    if (f->opt->mark_rewritten) {
      for (int k2 = 0; k2 < nmade; k2++)
        if (made[k2])
          escb_inline_call(made[k2]);
      escb_mark_rewritten(f->fn);
    }
    free(made);
    escb_forget_memory_effects(f->fn);
    esc_calls_forget(f->ctx, f->fn);
    R->b[j].owners++;
    R->used = 1;
    return; /* one owned call per function */
  }
}

/* guard_free: free(p) becomes  if (!__escape_side_free(p, 0)) free(p)
 * (in opt's form: free(side ? NULL : p)); the call made, or NULL. */
static LLVMValueRef guard_free(LLVMValueRef call, int pipeline) {
  LLVMContextRef cx = LLVMGetModuleContext(
      LLVMGetGlobalParent(LLVMGetBasicBlockParent(LLVMGetInstructionParent(call))));
  LLVMBuilderRef b = LLVMCreateBuilderInContext(cx);
  LLVMPositionBuilderBefore(b, call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  LLVMValueRef p = LLVMGetOperand(call, 0);
  LLVMValueRef mine = esc_side_free_ask(b, call, &p, 0, pipeline);
  if (mine && p != LLVMGetOperand(call, 0)) {
    LLVMSetOperand(call, 0, p);
    esc_free_arg_may_be_null(call, 0);
  }
  LLVMDisposeBuilder(b);
  return mine;
}

/* esc_region_finish: with an owned call in the module, every free() call
 * asks the side stack first; region copies no owner calls go.  The number
 * of frees guarded. */
int esc_region_finish(esc_regions *R, int pipeline) {
  if (!R)
    return 0;
  for (int i = 0; i < R->n; i++)
    if (R->b[i].copy && !R->b[i].owners) {
      LLVMDeleteFunction(R->b[i].copy);
      R->b[i].copy = NULL;
    }
  if (!R->used)
    return 0;
  LLVMValueRef free_fn = LLVMGetNamedFunction(R->M, "free");
  if (!free_fn || !LLVMIsDeclaration(free_fn))
    return 0;
  LLVMValueRef *calls = NULL;
  int n = 0, cap = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(free_fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (esc_is_call(user) && LLVMGetCalledValue(user) == free_fn &&
        LLVMGetNumArgOperands(user) == 1 && LLVMGetInstructionOpcode(user) != LLVMCallBr)
      ESC_PUSH(calls, n, cap, user);
  }
  for (int k = 0; k < n; k++) {
    LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(calls[k]));
    LLVMValueRef mine = guard_free(calls[k], pipeline);
    if (mine)
      escb_forget_memory_effects(fn);
    if (mine && pipeline) {
      escb_inline_call(mine);
      escb_mark_rewritten(fn);
    }
  }
  free(calls);
  return n;
}

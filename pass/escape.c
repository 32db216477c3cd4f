/* escape.c — the driver, and the design of llvm-escape's analysis.
 *
 *   opt-19 -load-pass-plugin=build/pass/LLVMEscape.so -passes=escape \
 *       -escape-m=2 -S f.ll
 *   clang-19 -O2 -g -fplugin=LLVMEscape.so -fpass-plugin=LLVMEscape.so \
 *       -mllvm -escape-m=1 -c f.c
 *
 * What escapes
 * ------------
 * An object allocated by malloc and friends may live in the allocating
 * function's frame instead of the heap when two invariants hold, as in Go:
 *   1. no pointer to it is stored where it outlives the frame, and
 *   2. no pointer to it outlives the frame in any other way (returned,
 *      handed to code that may keep or free it).
 * Anything the analysis does not understand breaks one of them.
 *
 * The graph
 * ---------
 * Locations are SSA values (and temporaries) that may hold addresses, and the
 * contents of objects: each alloca, each allocation site, and object 0, the
 * unknown object, which stands for all memory this function does not own.
 * The contents of the unknown object are the heap location: whatever flows
 * there escapes.  Edges carry Go's dereference counts:
 *
 *   IR                      Go            edge
 *   %p = alloca / malloc    p = &x        x -> p       derefs -1 (address)
 *   %q = gep %p, 8          q = p         p -> q       derefs  0 (copy)
 *   %q = phi/select/cast    q = p         p -> q       derefs  0
 *   %v = load %p            v = *p        p -> v       derefs  1 (load)
 *   store %v, %p            *p = v        v -> *p      store through p
 *   ret %v                  return v      v -> heap
 *   call f(%v)              f(v)          by f's parameter attributes
 *
 * Go sends every store through a pointer to the heap; here a store goes into
 * the contents of each object the pointer may point to, so a pointer stored
 * into a local struct, or into another allocation that stays local, escapes
 * only if that object does.  The solver (graph.c) propagates object
 * addresses forward to a fixed point; an object reaching the heap makes its
 * contents escape and may hold unknown pointers from then on.  Integers
 * carry addresses like pointers do (ptrtoint round trips, SROA'd structs).
 *
 * Beyond the graph (solve.c): frees must free converted objects only;
 * callees that may free an argument keep it on the heap; sizes must be
 * small (a run-time size gets a fixed buffer and a size check, the heap
 * above it); a site on a CFG cycle needs one object per iteration with
 * none live into the next; functions calling setjmp keep their heap.
 *
 * The stack
 * ---------
 * C stacks do not grow, so fixed slots are budgeted per object, per
 * function, and along call chains: bottom-up over the SCCs each function
 * learns the most converted bytes any chain of its callees holds, and may
 * add only what keeps the chain within -escape-max-chain-bytes.  Recursive
 * functions have no such bound: their sites outside loops take memory from
 * a per-thread side stack, released when the function returns
 * (runtime/sidestack.c), and the thread's stack is not touched.
 *
 * Whole programs: allocation and free wrappers (xmalloc, xfree) are marked
 * alwaysinline before the inliner runs, so their malloc and free show up in
 * the callers (wrapper.c).  Under -flto the compile step only records the
 * sites; the link-time pipeline, which sees every file, analyses, rewrites
 * and reports once.
 *
 * Files: graph.c (locations, edges, solver), build.c (IR -> graph), call.c
 * (calls), solve.c (verdicts), rewrite.c (heap -> stack), record.c (sites as
 * written), report.c (-m output), instrument.c (-escape-profile), wrapper.c
 * (allocation wrappers), lto.c (link-time mode), bridge.cpp (C++-only LLVM
 * facilities), plugin.cpp (registration and options).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* esc_cg is the module's call graph over defined functions, for the
 * recursion policy. */
typedef struct esc_cg {
  int n;
  LLVMValueRef *fns;
  esc_ptrmap index;
  int **succ;
  int *nsucc, *capsucc;
  int *recursive;
  int *order;     /* functions by SCC, callees' SCCs first (Tarjan's order) */
  int *scc_start; /* SCC k is order[scc_start[k] .. scc_start[k+1]) */
  int nscc;
} esc_cg;

static void cg_edge(esc_cg *cg, int a, int b) {
  ESC_PUSH(cg->succ[a], cg->nsucc[a], cg->capsucc[a], b);
}

static int has_llvm_prefix(LLVMValueRef fn) {
  size_t n = 0;
  const char *name = LLVMGetValueName2(fn, &n);
  return n >= 5 && memcmp(name, "llvm.", 5) == 0;
}

/* address_taken: F is used other than as the callee of a direct call. */
static int address_taken(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user) || !esc_is_call(user) ||
        LLVMGetCalledValue(user) != fn)
      return 1;
    unsigned n = LLVMGetNumArgOperands(user);
    for (unsigned k = 0; k < n; k++)
      if (LLVMGetOperand(user, k) == fn)
        return 1;
  }
  return 0;
}

static void cg_build(esc_cg *cg, LLVMModuleRef M, escb_ctx *ctx) {
  memset(cg, 0, sizeof *cg);
  int cap = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn)) {
      esc_ptrmap_put(&cg->index, fn, cg->n);
      ESC_PUSH(cg->fns, cg->n, cap, fn);
    }
  size_t n = (size_t)cg->n + 1;
  cg->succ = esc_alloc(n * sizeof *cg->succ);
  cg->nsucc = esc_alloc(n * sizeof(int));
  cg->capsucc = esc_alloc(n * sizeof(int));
  cg->recursive = esc_alloc(n * sizeof(int));
  int *taken = NULL, ntaken = 0, captaken = 0;
  for (int i = 0; i < cg->n; i++)
    if (address_taken(cg->fns[i]))
      ESC_PUSH(taken, ntaken, captaken, i);
  for (int i = 0; i < cg->n; i++)
    ESC_FOR_EACH_INST(cg->fns[i], b, in) {
        if (!esc_is_call(in))
          continue;
        LLVMValueRef callee = LLVMGetCalledValue(in);
        if (LLVMIsAInlineAsm(callee))
          continue;
        int j = LLVMIsAFunction(callee) ? esc_ptrmap_get(&cg->index, callee) : -1;
        if (j >= 0) {
          cg_edge(cg, i, j);
        } else if (!LLVMIsAFunction(callee)) {
          /* An indirect call may reach any function whose address is taken. */
          for (int k = 0; k < ntaken; k++)
            cg_edge(cg, i, taken[k]);
        } else if (!has_llvm_prefix(callee) && !escb_is_library_call(ctx, in)) {
          /* Code in another file may call back the functions whose address
           * it can have (a visitor stored in a struct): recursion through
           * it is recursion all the same.  Functions it could call by name
           * are not followed (the cost would be every visible function
           * that calls out; README, known gaps). */
          for (int k = 0; k < ntaken; k++)
            cg_edge(cg, i, taken[k]);
        }
        /* External code handed one of our functions may call it back. */
        unsigned na = LLVMGetNumArgOperands(in);
        for (unsigned a = 0; a < na; a++) {
          int t = esc_ptrmap_get(&cg->index, LLVMGetOperand(in, a));
          if (t >= 0)
            cg_edge(cg, i, t);
        }
      }
  free(taken);
}

/* cg_sccs marks functions on a cycle (Tarjan, iterative: call graphs of
 * generated code can be deep). */
static void cg_sccs(esc_cg *cg) {
  int n = cg->n, counter = 0, sp = 0, csp = 0;
  int *index = esc_alloc((size_t)(n + 1) * sizeof(int));
  int *low = esc_alloc((size_t)(n + 1) * sizeof(int));
  int *onstack = esc_alloc((size_t)(n + 1) * sizeof(int));
  int *stack = esc_alloc((size_t)(n + 1) * sizeof(int));
  int *cstack = esc_alloc((size_t)(n + 1) * sizeof(int)); /* dfs nodes */
  int *cedge = esc_alloc((size_t)(n + 1) * sizeof(int));  /* next edge */
  int norder = 0;
  cg->order = esc_alloc((size_t)(n + 1) * sizeof(int));
  cg->scc_start = esc_alloc((size_t)(n + 2) * sizeof(int));
  for (int i = 0; i < n; i++)
    index[i] = -1;
  for (int root = 0; root < n; root++) {
    if (index[root] >= 0)
      continue;
    cstack[csp] = root;
    cedge[csp++] = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onstack[root] = 1;
    while (csp > 0) {
      int v = cstack[csp - 1];
      if (cedge[csp - 1] < cg->nsucc[v]) {
        int w = cg->succ[v][cedge[csp - 1]++];
        if (w == v)
          cg->recursive[v] = 1;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onstack[w] = 1;
          cstack[csp] = w;
          cedge[csp++] = 0;
        } else if (onstack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      csp--;
      if (csp > 0 && low[v] < low[cstack[csp - 1]])
        low[cstack[csp - 1]] = low[v];
      if (low[v] == index[v]) {
        int size = 0, top = sp;
        do {
          onstack[stack[--top]] = 0;
          size++;
        } while (stack[top] != v);
        cg->scc_start[cg->nscc++] = norder;
        for (int k = top; k < sp; k++) {
          if (size > 1)
            cg->recursive[stack[k]] = 1;
          cg->order[norder++] = stack[k];
        }
        sp = top;
      }
    }
  }
  free(index);
  free(low);
  free(onstack);
  free(stack);
  free(cstack);
  free(cedge);
  cg->scc_start[cg->nscc] = norder;
}

static void cg_free(esc_cg *cg) {
  for (int i = 0; i < cg->n; i++)
    free(cg->succ[i]);
  free(cg->succ);
  free(cg->nsucc);
  free(cg->capsucc);
  free(cg->recursive);
  free(cg->order);
  free(cg->scc_start);
  free(cg->fns);
  esc_ptrmap_free(&cg->index);
}

static void func_free(esc_func *f) {
  esc_graph_free(&f->g);
  free(f->cands);
  free(f->checks);
  free(f->pobj);
  memset(f, 0, sizeof *f);
}

/* esc_run is the state of one run of the pass over a module. */
typedef struct esc_run {
  LLVMModuleRef M;
  escb_ctx *ctx;
  const esc_options *opt;
  esc_cg cg;
  esc_summaries sums;
  esc_sites sites;
  esc_report rep;
  esc_prof *prof; /* -escape-profile, else NULL */
  int changed;
  int sidestack; /* the side stack's runtime links into M: -1 not known yet */
  uint64_t *chain; /* per function: converted bytes on its deepest call chain */
  char *chained;   /* chain[i] is final */
} esc_run;

static void analyse(esc_run *r, int i, esc_func *f) {
  memset(f, 0, sizeof *f);
  f->fn = r->cg.fns[i];
  f->ctx = r->ctx;
  f->opt = r->opt;
  f->sums = r->opt->interprocedural ? &r->sums : NULL;
  f->recursive = r->cg.recursive[i];
  if (f->recursive && r->opt->side_stack) {
    if (r->sidestack < 0)
      r->sidestack = esc_sidestack_usable(r->M);
    f->side_stack_usable = r->sidestack;
  }
  f->order = i;
  f->remarks = escb_remarks_enabled(r->ctx, f->fn);
  esc_build(f);
  esc_solve_flow(f);
}

/* finish judges, reports and rewrites one function whose summary is final. */
static void finish(esc_run *r, int i) {
  esc_func f;
  analyse(r, i, &f);
  esc_summary_extract(&f, &r->sums.v[i]);
  /* Callees outside this SCC are finished; peers on a cycle count 0 (their
   * static conversions are capped by -escape-max-recursive-frame-bytes). */
  for (int k = 0; k < r->cg.nsucc[i]; k++) {
    int j = r->cg.succ[i][k];
    if (r->chained[j] && r->chain[j] > f.chain_below)
      f.chain_below = r->chain[j];
  }
  esc_solve_verdicts(&f);
  r->chain[i] = f.chain_below + f.frame_used;
  r->chained[i] = 1;
  /* A body imported from another module (ThinLTO) is analysed for its
   * summary; its own module reports and rewrites it. */
  if (LLVMGetLinkage(f.fn) == LLVMAvailableExternallyLinkage) {
    func_free(&f);
    return;
  }
  if (r->opt->m > 0 || f.remarks) {
    for (int k = 0; k < f.ncands; k++)
      esc_report_site(&r->rep, &f, &f.cands[k], &r->sites);
    esc_report_params(&r->rep, &f, &r->sums.v[i], &r->sites);
  }
  if (r->prof)
    esc_prof_note(r->prof, &f, &r->sites);
  if (r->opt->rewrite)
    esc_rewrite(&f);
  r->changed |= f.nconverted > 0;
  func_free(&f);
}

/* bottom: the least summary, where an SCC's fixed point starts. */
static void bottom(esc_run *r, int i) {
  esc_summary *s = &r->sums.v[i];
  esc_summary_free(s);
  s->nparams = (int)LLVMCountParams(r->cg.fns[i]);
  s->tags = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->tags);
  s->why = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->why);
  s->valid = escb_has_exact_definition(r->cg.fns[i]);
}

static void top(esc_run *r, int i) {
  esc_summary *s = &r->sums.v[i];
  for (int k = 0; k < s->nparams; k++)
    s->tags[k] = ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_RESULT0 | ESC_TAG_RESULT1 |
                 ESC_TAG_RESULT2 | ESC_TAG_RESULT3 | ESC_TAG_FREED | ESC_TAG_WRITES |
                 ESC_TAG_WRITES1;
  s->ret_other = 1;
}

/* scc solves a strongly connected component: a call inside it is an edge
 * through the peer's current summary, iterated from the least summaries to
 * a fixed point (monotone: more tags only add flow). */
static void scc(esc_run *r, int from, int to) {
  int single = to - from == 1 && !r->cg.recursive[r->cg.order[from]];
  if (!single) {
    for (int k = from; k < to; k++)
      bottom(r, r->cg.order[k]);
    int stable = 0;
    for (int round = 0; round < ESC_SCC_ROUNDS && !stable; round++) {
      stable = 1;
      for (int k = from; k < to; k++) {
        int i = r->cg.order[k];
        esc_func f;
        esc_summary next = {0};
        analyse(r, i, &f);
        esc_summary_extract(&f, &next);
        func_free(&f);
        if (!esc_summary_equal(&next, &r->sums.v[i])) {
          stable = 0;
          esc_summary_free(&r->sums.v[i]);
          r->sums.v[i] = next;
        } else {
          esc_summary_free(&next);
        }
      }
    }
    if (!stable) /* give up: everything leaks */
      for (int k = from; k < to; k++)
        top(r, r->cg.order[k]);
  }
  for (int k = from; k < to; k++)
    finish(r, r->cg.order[k]);
}

/* removed_remark: a site LLVM deleted before the pass, as a passed remark
 * at its recorded position, when the function it was in still exists. */
static void removed_remark(esc_run *r, const esc_site *site) {
  LLVMValueRef fn = LLVMGetNamedFunction(r->M, site->fn);
  if (!fn || LLVMIsDeclaration(fn) || !site->line || !escb_remarks_enabled(r->ctx, fn))
    return;
  char *text = esc_site_text(site);
  const char *parts[4] = {"Allocation", text, NULL, esc_reason_removed_remark};
  escb_remark(r->ctx, ESCB_REMARK_PASSED, "RemovedByOptimizer", fn, NULL, site->line,
              site->col, parts, 2);
  free(text);
}

/* removed: the report line, remark and profile entry of a site LLVM
 * deleted before the pass. */
static void removed(esc_run *r, const esc_site *s) {
  if (r->opt->m > 0)
    esc_report_removed(&r->rep, s);
  removed_remark(r, s);
  if (r->prof)
    esc_prof_removed(r->prof, s);
}

/* leftovers: the lines, remarks and profile entries of the records that
 * no allocation call claimed, as the ledger decides them (ledger.c).
 * own_only: a ThinLTO backend, reporting only its own module's records. */
static void leftovers(esc_run *r, int own_only) {
  esc_leftover *v = NULL;
  int n = esc_sites_leftovers(r->M, &r->sites, own_only, r->opt->m > 0, &v);
  for (int k = 0; k < n; k++)
    switch (v[k].kind) {
    case ESC_LEFT_REMOVED: removed(r, &v[k].site); break;
    case ESC_LEFT_WRAPPER_KEPT: esc_report_wrapper_kept(&r->rep, &v[k].site); break;
    case ESC_LEFT_WRAPPER_REMOVED: esc_report_removed(&r->rep, &v[k].site); break;
    }
  free(v);
}

int esc_run_module(LLVMModuleRef M, escb_ctx *ctx, const esc_options *given) {
  /* Compiled for -flto: the link analyses every file at once and reports;
   * the compile step only recorded the sites (lto.c). */
  int phase = esc_lto_get(M);
  if (!given->link && phase == ESC_LTO_PRELINK) {
    esc_lto_set(M, ESC_LTO_DEFERRED);
    if (given->m > 0 && given->lto_note)
      esc_lto_note(M);
    return 1;
  }
  esc_options linkopt = *given;
  esc_effective_options(M, &linkopt);
  const esc_options *opt = &linkopt;
  if (opt->print_options)
    esc_options_print(opt);
  int lto = phase != ESC_LTO_NONE;
  esc_lto_forget(M);
  esc_run r;
  memset(&r, 0, sizeof r);
  r.M = M;
  r.ctx = ctx;
  r.opt = opt;
  r.sidestack = -1;
  esc_sites_load(M, &r.sites);
  esc_sites_mark_seen(M, ctx, &r.sites); /* the report and the remarks both need it */
  cg_build(&r.cg, M, ctx);
  cg_sccs(&r.cg);
  r.sums.v = esc_alloc(((size_t)r.cg.n + 1) * sizeof *r.sums.v);
  r.chain = esc_alloc(((size_t)r.cg.n + 1) * sizeof *r.chain);
  r.chained = esc_alloc((size_t)r.cg.n + 1);
  r.sums.n = r.cg.n;
  for (int i = 0; i < r.cg.n; i++)
    esc_ptrmap_put(&r.sums.index, r.cg.fns[i], i);
  if (opt->profile)
    r.prof = esc_prof_new(M);
  for (int k = 0; k < r.cg.nscc; k++)
    scc(&r, r.cg.scc_start[k], r.cg.scc_start[k + 1]);
  leftovers(&r, lto && !given->link);
  if (r.prof) {
    r.changed |= esc_prof_finish(r.prof, ctx);
    esc_prof_free(r.prof);
  }
  esc_report_print(&r.rep, opt->m);
  esc_report_free(&r.rep);
  if (r.sites.n || r.sites.nparams) {
    esc_sites_forget(M, &r.sites);
    r.changed = 1;
  }
  esc_sites_free(&r.sites);
  r.changed |= lto;
  for (int i = 0; i < r.cg.n; i++)
    esc_summary_free(&r.sums.v[i]);
  free(r.sums.v);
  free(r.chain);
  free(r.chained);
  esc_ptrmap_free(&r.sums.index);
  cg_free(&r.cg);
  return r.changed;
}

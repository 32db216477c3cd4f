/* region.c — builders: objects a function returns, kept off the heap by
 * the caller that owns them: the model (RESULT objects, the checks on
 * their uses, which functions free only with free()); the probe and the
 * rewrites are builder.c's.
 *
 * A recursive parser returns a tree of nodes it allocated; its caller
 * walks the tree, frees it and returns.  Every node escapes the parser (it
 * is returned), so no site of the parser moves.  But the caller can own
 * them all: when the tree does not escape the caller, its nodes may come
 * from the thread's side stack (runtime/sidestack.c) above a mark the
 * caller takes, and the caller's return gives them all back at once.
 *
 * A builder B is an internal function called only directly, alone in its
 * call-graph SCC (it may call itself), that returns null, objects of its
 * own constant-size malloc/calloc sites, or what its own calls of itself
 * return; those objects escape it only by being returned or held by one
 * another.  The probe (esc_region_probe) analyses B again with each call
 * of itself giving a RESULT object (RR, whose contents hold RR and unknown
 * memory), and asks that the returned sites (Q) and the RR objects do not
 * escape before returns join the heap, are held in memory only by one
 * another, reach no realloc, and are freed only by free() or by functions
 * of this module that free only with free() (clean).
 *
 * A caller C (on no call-graph cycle) gives each call of a builder a
 * RESULT object R for all the objects of the call, pointing to one
 * another: the result holds R, R's contents hold R and unknown memory (the
 * builder's summary lets whatever of the arguments it stored in them
 * leak).  solve.c's regions owns at most one such call per function: R
 * does not escape, its frees and may-free callees are as above, and on a
 * CFG cycle R is held only by its own contents and by no SSA value live at
 * the call.  The rewrite (esc_region_rewrite): C takes a side-stack mark
 * at entry, gives it back before every return (and before the owned call,
 * on a cycle), and calls B's region copy.
 *
 * The region copy (esc_region_copy) is B as it was before its rewrite,
 * with B's verdicts, and Q's sites taken from the side stack (the heap
 * when it is full); its returns release nothing, and its calls of B call
 * the copy.  Once an owned call exists, every free() call of the module
 * first asks the side stack whether the pointer is its own
 * (esc_region_finish), so a side-stack object is never handed to the
 * heap's free, whoever frees it.
 *
 * Tests: test/ir/Region_*.ll, test/exec/Region_*.c.
 */
#include "region.h"

#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void esc_regions_init(esc_regions *R, LLVMModuleRef M, LLVMValueRef *fns, int n,
                      const esc_ptrmap *index, const esc_digraph *cg, const esc_sccs *sccs,
                      int allowed) {
  memset(R, 0, sizeof *R);
  R->M = M;
  R->n = n;
  R->fns = fns;
  R->index = index;
  R->cg = cg;
  R->sccs = sccs;
  R->usable = allowed ? -1 : 0;
  R->b = esc_alloc(((size_t)n + 1) * sizeof *R->b);
}

void esc_regions_free(esc_regions *R) {
  for (int i = 0; i < R->n; i++)
    free(R->b[i].q);
  free(R->b);
  free(R->clean);
  memset(R, 0, sizeof *R);
}

int esc_region_index(const esc_regions *R, LLVMValueRef fn) {
  return R && fn && LLVMIsAFunction(fn) ? esc_ptrmap_get(R->index, fn) : -1;
}

static int is_named(LLVMValueRef fn, const char *want) {
  size_t n = 0;
  const char *name = LLVMGetValueName2(fn, &n);
  return n == strlen(want) && memcmp(name, want, n) == 0;
}

/* the C library's free, declared here */
static int is_free_decl(LLVMValueRef fn) {
  return fn && LLVMIsAFunction(fn) && LLVMIsDeclaration(fn) && is_named(fn, "free");
}

/* a definition here whose body is the one that runs */
static int runs_here(LLVMValueRef fn) {
  return !LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) != LLVMAvailableExternallyLinkage &&
         escb_has_exact_definition(fn);
}

/* call_clean: a call frees nothing but with free(), as far as this
 * function can see (callees defined here are judged by clean_all). */
static int call_clean(escb_ctx *ctx, LLVMValueRef call, int *callee_index,
                      const esc_regions *R) {
  *callee_index = -1;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!callee || !LLVMIsAFunction(callee))
    return 0; /* indirect, inline assembly */
  esc_callinfo ci;
  esc_call_classify(ctx, call, &ci);
  if (ci.kind == ESC_CALL_REALLOC)
    return 0;
  if (ci.kind == ESC_CALL_FREE)
    return !ci.hook && is_free_decl(callee);
  if (ci.kind == ESC_CALL_ALLOC)
    return 1;
  if (LLVMIsDeclaration(callee)) /* an intrinsic frees nothing it is given */
    return LLVMGetIntrinsicID(callee) != 0 || esc_fn_has_attr(callee, "nofree");
  if (!runs_here(callee))
    return 0;
  *callee_index = esc_region_index(R, callee);
  return *callee_index >= 0;
}

/* clean_all: per function, whether it and everything it calls free only
 * with free(): SCC by SCC, callees first. */
static void clean_all(esc_regions *R, escb_ctx *ctx) {
  R->clean = esc_alloc((size_t)R->n + 1);
  for (int k = 0; k < R->sccs->n; k++) {
    int ok = 1;
    for (int s = R->sccs->start[k]; s < R->sccs->start[k + 1] && ok; s++) {
      LLVMValueRef fn = R->fns[R->sccs->order[s]];
      if (!runs_here(fn)) {
        ok = 0;
        break;
      }
      ESC_FOR_EACH_INST(fn, bb, i) {
        if (!esc_is_call(i))
          continue;
        int j;
        if (!call_clean(ctx, i, &j, R) ||
            (j >= 0 && R->sccs->of[j] != k && !R->clean[j])) {
          ok = 0;
          break;
        }
      }
    }
    for (int s = R->sccs->start[k]; s < R->sccs->start[k + 1]; s++)
      R->clean[R->sccs->order[s]] = (signed char)ok;
  }
}

static int clean(esc_regions *R, escb_ctx *ctx, LLVMValueRef fn) {
  int i = esc_region_index(R, fn);
  if (i < 0)
    return 0;
  if (!R->clean)
    clean_all(R, ctx);
  return R->clean[i] == 1;
}

/* --- RESULT objects --- */

static int result_of(const esc_func *f, LLVMValueRef call) {
  for (int k = 0; k < f->nresults; k++)
    if (f->results[k].call == call)
      return k;
  return -1;
}

/* esc_region_objects: called by build.c for each call while the objects
 * are made: a builder's call in a function that may own it (on no cycle),
 * or, in a builder's probe, its call of itself. */
void esc_region_objects(esc_func *f, LLVMValueRef call) {
  esc_regions *R = f->regions;
  if (!R || R->usable <= 0)
    return;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!callee || !LLVMIsAFunction(callee))
    return;
  if (f->probe) {
    if (callee != f->fn)
      return;
  } else {
    int j = esc_region_index(R, callee);
    if (j < 0 || R->b[j].state != 1 || callee == f->fn || f->recursive ||
        LLVMGetLinkage(f->fn) == LLVMAvailableExternallyLinkage)
      return;
  }
  esc_result r;
  memset(&r, 0, sizeof r);
  r.call = call;
  r.callee = callee;
  r.obj = esc_graph_new_obj(&f->g, ESC_OBJ_RESULT, call);
  r.why = ESC_RG_UNMODELLED;
  ESC_PUSH(f->results, f->nresults, f->capresults, r);
}

/* esc_region_attach: call.c's summary rule at a call with a RESULT object:
 * the result is R and nothing else (the builder returns only its fresh
 * objects), R's contents hold R, stored as pointers (the probe saw every
 * store of one of its objects into another typed so), and unknown memory
 * (the numbers and whatever the builder's arguments gave it).  0: not
 * such a call. */
int esc_region_attach(esc_func *f, LLVMValueRef call) {
  int k = result_of(f, call);
  if (k < 0)
    return 0;
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  if (result < 0)
    return 0;
  int t = esc_graph_new_loc(g, NULL); /* holds R only */
  esc_graph_addr(g, f->results[k].obj, t);
  esc_graph_store_ptr(g, t, t, call);
  esc_graph_store(g, g->unknown, t, call);
  esc_graph_copy(g, t, result, ESC_WHY_COPY, call);
  return 1;
}

/* esc_region_uses_ok: the checks on an object of a region: no realloc;
 * frees by free() or by a function defined here that frees only with
 * free() (a free wrapper); may-free callees defined here and clean. */
int esc_region_uses_ok(esc_func *f, int obj, int *why, LLVMValueRef *at) {
  esc_graph *g = &f->g;
  esc_regions *R = f->regions;
  for (int k = 0; k < f->nchecks; k++) {
    esc_check *ck = &f->checks[k];
    if (!esc_graph_holds(g, ck->loc, obj))
      continue;
    LLVMValueRef callee = LLVMGetCalledValue(ck->call);
    int ok;
    if (ck->kind == ESC_CHECK_REALLOC) {
      *why = ESC_RG_REALLOC;
      *at = ck->call;
      return 0;
    } else if (ck->kind == ESC_CHECK_FREE) {
      esc_callinfo ci;
      esc_call_classify(f->ctx, ck->call, &ci);
      ok = !ci.hook && callee && LLVMIsAFunction(callee) &&
           (is_free_decl(callee) || clean(R, f->ctx, callee));
    } else {
      ok = callee && LLVMIsAFunction(callee) && clean(R, f->ctx, callee);
    }
    if (!ok) {
      *why = ESC_RG_FREED;
      *at = ck->call;
      return 0;
    }
  }
  return 1;
}


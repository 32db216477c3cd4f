/* graph.c — locations, objects and edges, and the solver that propagates
 * object addresses along them (inclusion constraints; the model is in
 * escape.c's essay).
 *
 * Exercised by every test; the smallest is
 *   opt-19 -load-pass-plugin=build/pass/LLVMEscape.so -passes=escape \
 *     -escape-m=2 -disable-output test/ir/Rewrite_basic.ll
 */
#include "graph.h"
#include "escape.h" /* the budgets of options.def */
#include "leaks.h"  /* ESC_INTO_PARAMS */

#include <stdlib.h>
#include <string.h>

void esc_graph_init(esc_graph *g, long budget) {
  memset(g, 0, sizeof *g);
  g->budget = budget;
  /* Object 0 is everything the function does not own: memory behind
   * parameters, globals, call results.  Its contents location is the heap:
   * whatever flows there escapes. */
  esc_graph_new_obj(g, ESC_OBJ_UNKNOWN, NULL);
  g->heap = g->objs[0].content;
  g->unknown = esc_graph_new_loc(g, NULL);
  g->ret = esc_graph_new_loc(g, NULL);
}

void esc_graph_free(esc_graph *g) {
  for (int i = 0; i < g->nlocs; i++) {
    esc_loc *l = &g->locs[i];
    esc_pts_free(&l->pts, g->words, NULL);
    esc_pts_free(&l->done, g->words, NULL);
    free(l->out);
    free(l->loads);
    free(l->stores);
    free(l->store_at);
    free(l->store_ptr);
    free(l->iloads);
  }
  free(g->locs);
  free(g->objs);
  free(g->work);
  free(g->escaped);
  free(g->param_objs);
  esc_ptrmap_free(&g->vals);
  esc_u64set_free(&g->edges);
  memset(g, 0, sizeof *g);
}

int esc_graph_new_loc(esc_graph *g, LLVMValueRef val) {
  esc_loc l;
  memset(&l, 0, sizeof l);
  l.val = val;
  l.content_of = -1;
  l.deref_of = -1;
  ESC_PUSH(g->locs, g->nlocs, g->caplocs, l);
  return g->nlocs - 1;
}

int esc_graph_new_deref(esc_graph *g, int from) {
  int l = esc_graph_new_loc(g, NULL);
  g->locs[l].deref_of = from;
  return l;
}

/* split_contents: objects whose contents have a separate `other` part: the
 * function's own, whose stores the graph sees, and the parameters' P..S,
 * whose numbers are the PARAM_INT objects (build.c). */
static int split_contents(esc_objkind kind) {
  return kind == ESC_OBJ_ALLOCA || kind == ESC_OBJ_HEAP || kind == ESC_OBJ_RESULT ||
         kind == ESC_OBJ_PARAM || kind == ESC_OBJ_PARAM_CONTENT || kind == ESC_OBJ_PARAM_DEEP;
}

int esc_graph_new_obj(esc_graph *g, esc_objkind kind, LLVMValueRef inst) {
  esc_obj o;
  memset(&o, 0, sizeof o);
  o.kind = kind;
  o.inst = inst;
  o.cand = o.param = o.into = -1;
  int content = esc_graph_new_loc(g, NULL);
  o.content = o.other = content;
  if (split_contents(kind))
    o.other = esc_graph_new_loc(g, NULL);
  ESC_PUSH(g->objs, g->nobjs, g->capobjs, o);
  g->locs[content].content_of = g->nobjs - 1;
  if (o.other != content)
    g->locs[o.other].content_of = g->nobjs - 1; /* its edge: esc_graph_seal */
  return g->nobjs - 1;
}

static void enqueue(esc_graph *g, int loc) {
  if (g->locs[loc].queued)
    return;
  g->locs[loc].queued = 1;
  ESC_PUSH(g->work, g->nwork, g->capwork, loc);
}

/* over_cap: the points-to sets hold more than ESC_GRAPH_MAX_BYTES
 * (options.def).  They grow with what they hold (pts.h), so only a function
 * whose locations really may point to thousands of objects each gets here;
 * then it is too large to analyse: every set is freed and stays empty, and
 * the verdicts say so (over_budget).  Returns 1 past the cap. */
static int over_cap(esc_graph *g) {
  if (g->nosets)
    return 1;
  if (g->set_bytes <= (size_t)ESC_GRAPH_MAX_BYTES)
    return 0;
  for (int i = 0; i < g->nlocs; i++) {
    esc_pts_free(&g->locs[i].pts, g->words, &g->set_bytes);
    esc_pts_free(&g->locs[i].done, g->words, &g->set_bytes);
  }
  g->nosets = 1;
  g->over_budget = 1;
  g->nwork = 0;
  return 1;
}

static int add_obj(esc_graph *g, int loc, int obj) {
  return !g->nosets && esc_pts_add(&g->locs[loc].pts, obj, g->words, &g->set_bytes);
}

void esc_graph_seal(esc_graph *g) {
  g->words = (g->nobjs + 63) / 64;
  g->escaped = esc_alloc((size_t)g->words * sizeof(uint64_t));
  g->param_objs = esc_alloc((size_t)g->words * sizeof(uint64_t));
  /* A store through a parameter is a store into the caller's object: into
   * P_k and Q_k it goes to their `into` location, which the summary reads
   * (summary.c) and the caller replays against its own objects (call.c).
   * The function's own objects and unknown memory stored there outlive it:
   * the location's edge to the heap carries every object but the
   * parameters'. */
  for (int o = 0; o < g->nobjs; o++) {
    esc_obj *ob = &g->objs[o];
    if (ob->kind != ESC_OBJ_PARAM && ob->kind != ESC_OBJ_PARAM_CONTENT &&
        ob->kind != ESC_OBJ_PARAM_DEEP && ob->kind != ESC_OBJ_PARAM_INT)
      continue;
    esc_bit_set(g->param_objs, o);
    if (ob->kind == ESC_OBJ_PARAM_INT)
      continue;
    if (ob->kind == ESC_OBJ_PARAM_DEEP || ob->param < 0 || ob->param >= ESC_INTO_PARAMS)
      continue;
    int into = esc_graph_new_loc(g, NULL);
    g->locs[into].filtered = 1;
    g->objs[o].into = into;
    esc_graph_copy(g, into, g->heap, ESC_WHY_COPY, NULL);
  }
  /* The `other` part of an object's contents is part of them.  (Not for
   * the parameters' objects: Q_i, what P_i holds, stands for all of it, the
   * numbers included, and PARAM_INT only for what a scalar load reads.) */
  for (int o = 0; o < g->nobjs; o++)
    if (g->objs[o].other != g->objs[o].content && !esc_bit_get(g->param_objs, o))
      esc_graph_copy(g, g->objs[o].other, g->objs[o].content, ESC_WHY_COPY, NULL);
  add_obj(g, g->heap, 0);
  add_obj(g, g->unknown, 0);
  enqueue(g, g->heap);
}

/* holds_nothing: constants that cannot carry the address of any object. */
static int holds_nothing(LLVMValueRef v) {
  return LLVMIsAConstantInt(v) || LLVMIsAConstantFP(v) ||
         LLVMIsAConstantPointerNull(v) || LLVMIsAUndefValue(v) ||
         LLVMIsAConstantAggregateZero(v) || LLVMIsAConstantDataSequential(v) ||
         LLVMGetValueKind(v) == LLVMMetadataAsValueValueKind || LLVMIsABasicBlock(v) ||
         LLVMIsAConstantTokenNone(v);
}

/* esc_graph_find: v's location if the graph has one (nothing is added);
 * -1 when it has none, also for values that hold no address. */
int esc_graph_find(const esc_graph *g, LLVMValueRef v) {
  return esc_ptrmap_get(&g->vals, v);
}

/* esc_graph_lookup: the location esc_graph_loc_of would give v, never
 * creating one: the unknown location for globals and constants that may
 * hold an address (they all share it), -1 for a value that holds no
 * address and for an instruction or argument the graph has no location
 * for.  The report's reader of the graph. */
int esc_graph_lookup(const esc_graph *g, LLVMValueRef v) {
  int l = esc_ptrmap_get(&g->vals, v);
  if (l >= 0 || holds_nothing(v) || LLVMIsAInstruction(v) || LLVMIsAArgument(v))
    return l;
  return g->unknown;
}

int esc_graph_loc_of(esc_graph *g, LLVMValueRef v) {
  int l = esc_ptrmap_get(&g->vals, v);
  if (l >= 0)
    return l;
  if (holds_nothing(v))
    return -1;
  if (LLVMIsAInstruction(v) || LLVMIsAArgument(v)) {
    l = esc_graph_new_loc(g, v);
    if (LLVMIsAArgument(v)) /* points into the caller's world */
      add_obj(g, l, 0);
  } else {
    /* Globals, constant expressions, inline asm, block addresses: unknown. */
    l = g->unknown;
  }
  esc_ptrmap_put(&g->vals, v, l);
  return l;
}

/* flow_set: dst gets `set` (src's, or what is new in it), without the
 * parameters' objects when src is filtered; 1 when dst grew. */
static int flow_set(esc_graph *g, const esc_pts *set, int src, int dst) {
  if (g->nosets || g->over_budget)
    return 0;
  g->steps += esc_pts_cost(set, g->words);
  int grew = esc_pts_union(&g->locs[dst].pts, set,
                           g->locs[src].filtered ? g->param_objs : NULL, g->words,
                           &g->set_bytes);
  return grew && !over_cap(g);
}

/* flow_along: a new edge carries all of src's set. */
static int flow_along(esc_graph *g, int src, int dst) {
  return flow_set(g, &g->locs[src].pts, src, dst);
}

void esc_graph_addr(esc_graph *g, int obj, int dst) {
  if (add_obj(g, dst, obj) && !over_cap(g))
    enqueue(g, dst);
}

/* prefer_own: an edge into the heap recorded first from a callee's summary
 * takes the reason of the function's own instruction when it has one too
 * (the flow is the same; the explanation then names the store or return
 * here, not a callee that may leak it only because of this function: a
 * recursive peer). */
static void prefer_own(esc_graph *g, int src, int dst, esc_why why, LLVMValueRef at) {
  if (dst != g->heap || why == ESC_WHY_SUMMARY_ARG || why == ESC_WHY_SUMMARY_CONTENT ||
      why == ESC_WHY_CONTENT || !at)
    return;
  esc_loc *s = &g->locs[src];
  for (int k = 0; k < s->nout; k++)
    if (s->out[k].dst == dst &&
        (s->out[k].why == ESC_WHY_SUMMARY_ARG || s->out[k].why == ESC_WHY_SUMMARY_CONTENT)) {
      s->out[k].why = why;
      s->out[k].at = at;
      return;
    }
}

void esc_graph_copy(esc_graph *g, int src, int dst, esc_why why, LLVMValueRef at) {
  if (src < 0 || dst < 0 || src == dst)
    return;
  if (!esc_u64set_add(&g->edges, ((uint64_t)(uint32_t)src << 32) | (uint32_t)dst)) {
    prefer_own(g, src, dst, why, at);
    return;
  }
  esc_edge e = {dst, why, at};
  esc_loc *s = &g->locs[src];
  ESC_PUSH(s->out, s->nout, s->capout, e);
  if (g->edges.len > (size_t)ESC_GRAPH_EDGES)
    g->over_budget = 1; /* too large to analyse: flow stops here */
  if (flow_along(g, src, dst))
    enqueue(g, dst);
}

void esc_graph_load(esc_graph *g, int addr, int dst) {
  if (addr < 0 || dst < 0)
    return;
  esc_loc *a = &g->locs[addr];
  ESC_PUSH(a->loads, a->nloads, a->caploads, dst);
  enqueue(g, addr);
}

void esc_graph_load_scalar(esc_graph *g, int addr, int dst) {
  if (addr < 0 || dst < 0)
    return;
  esc_loc *a = &g->locs[addr];
  ESC_PUSH(a->iloads, a->niloads, a->capiloads, dst);
  enqueue(g, addr);
}

static void store(esc_graph *g, int src, int addr, LLVMValueRef at, int ptr) {
  if (addr < 0 || src < 0)
    return;
  esc_loc *a = &g->locs[addr];
  int n = a->nstores, cap = a->capstores;
  ESC_PUSH(a->stores, a->nstores, a->capstores, src);
  int n2 = n, cap2 = a->capstore_ptr;
  ESC_PUSH(a->store_at, n, cap, at);
  a->capstore_at = cap;
  unsigned char p = (unsigned char)ptr;
  ESC_PUSH(a->store_ptr, n2, cap2, p);
  a->capstore_ptr = cap2;
  enqueue(g, addr);
}

void esc_graph_store(esc_graph *g, int src, int addr, LLVMValueRef at) {
  store(g, src, addr, at, 0);
}

void esc_graph_mix(esc_graph *g, int addr) {
  if (addr < 0 || g->locs[addr].mix)
    return;
  g->locs[addr].mix = 1;
  enqueue(g, addr);
}

/* mix_obj: o's contents flow into its `other` part; in memory the
 * function does not own, the summary says so (MIX). */
static void mix_obj(esc_graph *g, int o) {
  esc_obj *ob = &g->objs[o];
  if (ob->other == ob->content || esc_bit_get(g->param_objs, o) || o == 0) {
    ob->mixed = 1;
    return;
  }
  esc_graph_copy(g, ob->content, ob->other, ESC_WHY_COPY, NULL);
}

void esc_graph_store_ptr(esc_graph *g, int src, int addr, LLVMValueRef at) {
  store(g, src, addr, at, 1);
}

void esc_graph_escape(esc_graph *g, int src, esc_why why, LLVMValueRef at) {
  esc_graph_copy(g, src, g->heap, why, at);
}

/* next_of: the next object of `set` from `from` on, -1 at the end. */
static int next_of(const esc_graph *g, const esc_pts *set, int from) {
  return g->nosets ? -1 : esc_pts_next(set, g->words, from);
}

/* apply_store: the store constraint k of location li, for object o. */
static void apply_store(esc_graph *g, int li, int k, int o) {
  esc_obj *ob = &g->objs[o];
  int outside = o == 0 || ob->kind == ESC_OBJ_PARAM || ob->kind == ESC_OBJ_PARAM_CONTENT ||
                ob->kind == ESC_OBJ_PARAM_DEEP || ob->kind == ESC_OBJ_PARAM_INT;
  ob->written = 1;
  /* A pointer-typed store fills the content; any other store its `other`
   * part, which is all a scalar-typed load reads (and which flows into
   * the content, which every other load reads). */
  int own = g->locs[li].store_ptr[k] ? ob->content : ob->other;
  int dst = !outside ? own : ob->into >= 0 ? ob->into : g->heap;
  esc_graph_copy(g, g->locs[li].stores[k], dst, outside ? ESC_WHY_STORE_UNK : ESC_WHY_STORE,
                 g->locs[li].store_at[k]);
}

/* visit propagates what is new in one location's set along its edges and
 * constraints (difference propagation: an edge or a constraint already
 * had the rest), and applies its constraints added since the last visit
 * to all of the set. */
static void visit(esc_graph *g, int li) {
  if (g->nosets)
    return;
  esc_pts fresh;
  memset(&fresh, 0, sizeof fresh);
  size_t fresh_bytes = 0;
  esc_pts_minus(&fresh, &g->locs[li].pts, &g->locs[li].done, g->words, &fresh_bytes);
  esc_pts_union(&g->locs[li].done, &fresh, NULL, g->words, &g->set_bytes);
  int old_loads = g->locs[li].loads_done, old_stores = g->locs[li].stores_done;
  int old_iloads = g->locs[li].iloads_done;
  g->locs[li].loads_done = g->locs[li].nloads;
  g->locs[li].stores_done = g->locs[li].nstores;
  g->locs[li].iloads_done = g->locs[li].niloads;
  for (int i = 0; i < g->locs[li].nout; i++) {
    int d = g->locs[li].out[i].dst;
    if (flow_set(g, &fresh, li, d))
      enqueue(g, d);
  }
  /* dst = *this: every object this may point to lends its contents. */
  for (int i = 0; i < g->locs[li].nloads; i++) {
    const esc_pts *set = i < old_loads ? &fresh : &g->locs[li].pts;
    for (int o = next_of(g, set, 0); o >= 0; o = next_of(g, set, o + 1))
      esc_graph_copy(g, g->objs[o].content, g->locs[li].loads[i], ESC_WHY_LOAD, NULL);
  }
  /* dst = a number loaded from *this: only what was not stored as a
   * pointer (LLVM's TBAA: a scalar-typed load never reads bytes a
   * pointer-typed store wrote). */
  for (int i = 0; i < g->locs[li].niloads; i++) {
    const esc_pts *set = i < old_iloads ? &fresh : &g->locs[li].pts;
    for (int o = next_of(g, set, 0); o >= 0; o = next_of(g, set, o + 1))
      esc_graph_copy(g, g->objs[o].other, g->locs[li].iloads[i], ESC_WHY_LOAD, NULL);
  }
  /* Bytes moved within the objects this points to. */
  if (g->locs[li].mix) {
    const esc_pts *set = g->locs[li].mix_done ? &fresh : &g->locs[li].pts;
    g->locs[li].mix_done = 1;
    for (int o = next_of(g, set, 0); o >= 0; o = next_of(g, set, o + 1))
      mix_obj(g, o);
  }
  /* *this = src: src flows into the contents of every object this may
   * point to; into the heap when that object is not the function's own
   * (unknown memory, or the caller's objects behind parameters), except
   * that into a parameter's object P_k or Q_k it flows into the object's
   * `into` location (esc_graph_seal): the caller's store. */
  for (int i = 0; i < g->locs[li].nstores; i++) {
    const esc_pts *set = i < old_stores ? &fresh : &g->locs[li].pts;
    for (int o = next_of(g, set, 0); o >= 0; o = next_of(g, set, o + 1))
      apply_store(g, li, i, o);
  }
  /* An object reaching the heap escapes: anything may now read it (its
   * contents escape too) and write it (it holds unknown pointers). */
  if (li == g->heap)
    for (int o = next_of(g, &fresh, 0); o >= 0; o = next_of(g, &fresh, o + 1)) {
      if (!esc_bit_set(g->escaped, o))
        continue;
      int c = g->objs[o].content, other = g->objs[o].other;
      if (add_obj(g, c, 0))
        enqueue(g, c);
      if (other != c && add_obj(g, other, 0))
        enqueue(g, other);
      esc_graph_copy(g, c, g->heap, ESC_WHY_CONTENT, NULL);
    }
  esc_pts_free(&fresh, g->words, &fresh_bytes);
}

static int empty(const esc_graph *g, int loc) {
  return esc_pts_empty(&g->locs[loc].pts, g->words);
}

/* settle: an address that holds no known object at all (an integer
 * constant, arithmetic on null) may point anywhere: stores through it
 * escape, loads from it are unknown.  Returns 1 if that added flow. */
static int settle(esc_graph *g) {
  int added = 0;
  for (int li = 0; li < g->nlocs; li++) {
    esc_loc *l = &g->locs[li];
    if ((!l->nstores && !l->nloads && !l->niloads) || !empty(g, li))
      continue;
    for (int i = 0; i < g->locs[li].nstores; i++) {
      int before = g->nwork;
      esc_graph_escape(g, g->locs[li].stores[i], ESC_WHY_STORE_UNK,
                       g->locs[li].store_at[i]);
      added |= g->nwork != before;
    }
    for (int i = 0; i < g->locs[li].nloads; i++) {
      int before = g->nwork;
      esc_graph_copy(g, g->unknown, g->locs[li].loads[i], ESC_WHY_LOAD, NULL);
      added |= g->nwork != before;
    }
    for (int i = 0; i < g->locs[li].niloads; i++) {
      int before = g->nwork;
      esc_graph_copy(g, g->unknown, g->locs[li].iloads[i], ESC_WHY_LOAD, NULL);
      added |= g->nwork != before;
    }
  }
  return added;
}

void esc_graph_solve(esc_graph *g) {
  do {
    while (g->nwork > 0) {
      if (g->steps > g->budget || g->over_budget) {
        g->over_budget = 1;
        return;
      }
      int li = g->work[--g->nwork];
      g->locs[li].queued = 0;
      visit(g, li);
    }
  } while (settle(g));
}

void esc_graph_close_returns(esc_graph *g) {
  esc_graph_copy(g, g->ret, g->heap, ESC_WHY_RETURN, NULL);
  esc_graph_solve(g);
}

int esc_graph_holds(const esc_graph *g, int loc, int obj) {
  /* No sets at all (a function too large to analyse): callers that decide
   * anything check over_budget first; explanations find nothing. */
  return loc >= 0 && !g->nosets && esc_pts_has(&g->locs[loc].pts, obj);
}

int esc_graph_next(const esc_graph *g, int loc, int from) {
  return g->nosets ? -1 : esc_pts_next(&g->locs[loc].pts, g->words, from);
}

int esc_graph_obj_escaped(const esc_graph *g, int obj) {
  return g->over_budget || esc_bit_get(g->escaped, obj);
}

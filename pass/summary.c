/* summary.c — interprocedural escape: parameter summaries, a leaks value
 * per parameter (leaks.c), extracted from a solved function's graph (call.c
 * applies them at calls).
 *
 * Functions are solved bottom-up over the call graph's strongly connected
 * components (escape.c).  A function's graph gives each parameter i the
 * objects P_i (what the caller passed), Q_i (what P_i points to), R_i (two
 * derefs down) and S_i (three or more, pointing to itself); once the graph is
 * solved, before returns are joined to the heap, the leaks read off it:
 *
 *   P_i reaches the heap               leaking param: p          heap 0, 1
 *   Q_i reaches the heap, or R_i or S_i leaking param content: p  heap 1
 *     is written
 *   only R_i or S_i reaches the heap   leaking param content: p  heap 2
 *   the result may hold P_i / Q_i / R_i / S_i   to result ~r0    result 0..3
 *   a free, or a callee, may free P_i  freed                     freed 0
 *   ...or Q_i, R_i or S_i             leaking param content: p  freed 1
 *   P_j / Q_j is stored something that is not a parameter's object
 *                                      writes                   writes 0, 1
 *   P_i+d (d derefs down) is stored into P_k / Q_k
 *                            leaking param: p to content of k   into k 0, 1
 *
 * The last row: a store through parameter k, into the object it points to
 * (or the one that points to), is a store into the caller's memory, and
 * the graph keeps what is stored there in the object's `into` location
 * (graph.c) instead of sending it to the heap.  The parameters' objects
 * in it are flows for the caller to replay (call.c); the function's own
 * objects and unknown memory in it escape in the graph already, and to the
 * caller they are the unknown pointers of "writes".
 *
 * A call then flows its arguments through the callee's leaks instead of
 * giving up (call.c).  Summaries are trusted only for exact definitions
 * (not weak, interposable or available_externally).  Exercised by the
 * test/report/Summary_ files.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const esc_summary *esc_summary_of(const esc_summaries *s, LLVMValueRef fn) {
  if (!s)
    return NULL;
  int k = esc_ptrmap_get(&s->index, fn);
  return k >= 0 && s->v[k].valid ? &s->v[k] : NULL;
}

void esc_summary_free(esc_summary *s) {
  free(s->leaks);
  free(s->why);
  free(s->into_at);
  memset(s, 0, sizeof *s);
}

/* esc_summary_least: the least summary of fn, where a recursive SCC's
 * fixed point starts: no parameter does anything, the result is only
 * parameters. */
void esc_summary_least(LLVMValueRef fn, esc_summary *s) {
  esc_summary_free(s);
  s->nparams = (int)LLVMCountParams(fn);
  s->leaks = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->leaks);
  s->why = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->why);
  s->into_at = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->into_at);
  s->valid = escb_has_exact_definition(fn);
}

/* esc_summary_join: *s becomes the least summary holding both *s and *next
 * (of the same function), with next's instructions behind the leaks where
 * it has them; 1 if *s changed. */
int esc_summary_join(esc_summary *s, const esc_summary *next) {
  int changed = 0;
  for (int i = 0; i < s->nparams && i < next->nparams; i++)
    changed |= esc_leaks_join(&s->leaks[i], &next->leaks[i]);
  if (next->ret_other && !s->ret_other)
    s->ret_other = changed = 1;
  if (changed)
    for (int i = 0; i < s->nparams && i < next->nparams; i++)
      if (next->why[i])
        s->why[i] = next->why[i];
  for (int i = 0; i < s->nparams && i < next->nparams; i++)
    for (int j = 0; j < 2 * ESC_INTO_PARAMS; j++)
      if (!s->into_at[i][j])
        s->into_at[i][j] = next->into_at[i][j];
  return changed;
}

/* leak: parameter i reaches sink at level; the first instruction found
 * behind a heap leak or a free is kept for -m=2. */
static void leak(esc_summary *s, int i, esc_sink sink, int level, LLVMValueRef why) {
  if (esc_leaks_has(&s->leaks[i], sink, level))
    return;
  esc_leaks_add(&s->leaks[i], sink, level);
  if (!s->why[i] && why && (sink == ESC_SINK_HEAP || sink == ESC_SINK_FREED))
    s->why[i] = why;
}

/* param_level: a parameter object's level: P_i 0, Q_i 1, R_i 2, S_i 3, a
 * PARAM_INT object its own (the numbers in *p are read at level 1). */
static int param_level(const esc_func *f, int o) {
  const esc_obj *ob = &f->g.objs[o];
  return ob->kind == ESC_OBJ_PARAM_INT ? ob->level : o - f->pobj[ob->param];
}

/* into_flows: what the stores through parameter k put into the objects
 * P_k and Q_k (their `into` locations, graph.c): each parameter's object
 * P_i+d there is "i at level d flows into k's object at that level", with
 * the store behind it; foreign[e]: something else is there too (the
 * function's own objects, which escape, or unknown memory). */
static void into_flows(esc_func *f, esc_summary *s, int k, int foreign[2]) {
  esc_graph *g = &f->g;
  for (int e = 0; e < 2; e++) {
    foreign[e] = 0;
    int into = g->objs[f->pobj[k] + e].into;
    if (into < 0 || g->over_budget)
      continue;
    for (int o = esc_graph_next(g, into, 0); o >= 0;
         o = esc_graph_next(g, into, o + 1)) {
      if (!esc_bit_get(g->param_objs, o)) {
        foreign[e] = 1;
        continue;
      }
      int i = g->objs[o].param, d = param_level(f, o);
      esc_leaks_add(&s->leaks[i], esc_sink_into(k, e), d);
      /* The store: an edge into the location from one holding P_i+d. */
      LLVMValueRef *at = &s->into_at[i][2 * k + e];
      for (int l = 0; l < g->nlocs && !*at; l++)
        for (int x = 0; x < g->locs[l].nout && !*at; x++)
          if (g->locs[l].out[x].dst == into && g->locs[l].out[x].at &&
              esc_graph_holds(g, l, o))
            *at = g->locs[l].out[x].at;
    }
  }
}

/* returned_holders: parameter objects held by the function's own objects
 * (or unknown memory) that the result may point to, directly or through
 * more of them: `x = malloc(..); x->p = p; return x;` hands the caller an
 * object it may keep, and p with it, so p leaks (Go: x escapes to the heap,
 * and p with it).  The result's own parameter objects are the rows above
 * (to result ~r0); their contents are the caller's to follow. */
static void returned_holders(esc_func *f, esc_summary *s) {
  esc_graph *g = &f->g;
  char *seen = esc_alloc((size_t)g->nobjs + 1);
  int *stack = esc_alloc(((size_t)g->nobjs + 1) * sizeof(int));
  int sp = 0;
  for (int o = esc_graph_next(g, g->ret, 0); o >= 0; o = esc_graph_next(g, g->ret, o + 1))
    if (!esc_bit_get(g->param_objs, o) && !seen[o]) {
      seen[o] = 1;
      stack[sp++] = o;
    }
  while (sp > 0) {
    int c = g->objs[stack[--sp]].content;
    for (int o = esc_graph_next(g, c, 0); o >= 0; o = esc_graph_next(g, c, o + 1)) {
      if (esc_bit_get(g->param_objs, o)) {
        /* P_i: the parameter leaks; Q_i: its contents; R_i and S_i (the
         * bytes a copy took from what Q_i points to): from two derefs on */
        int i = g->objs[o].param, d = param_level(f, o);
        if (d == 0)
          leak(s, i, ESC_SINK_HEAP, 0, NULL);
        leak(s, i, ESC_SINK_HEAP, d <= 1 ? 1 : 2, NULL);
      } else if (!seen[o]) {
        seen[o] = 1;
        stack[sp++] = o;
      }
    }
  }
  free(seen);
  free(stack);
}

void esc_summary_extract(esc_func *f, esc_summary *s) {
  esc_graph *g = &f->g;
  esc_summary_free(s);
  s->nparams = f->nparams;
  s->leaks = esc_alloc(((size_t)f->nparams + 1) * sizeof *s->leaks);
  s->why = esc_alloc(((size_t)f->nparams + 1) * sizeof *s->why);
  s->into_at = esc_alloc(((size_t)f->nparams + 1) * sizeof *s->into_at);
  s->valid = escb_has_exact_definition(f->fn);
  int foreign[2] = {0, 0}; /* per level: P_i / Q_i's into holds a non-parameter object */
  for (int i = 0; i < f->nparams; i++) {
    int p = f->pobj[i], q = p + 1, r = p + 2, deeper = p + 3;
    int n1 = f->pint[i], n2 = n1 + 1, n3 = n1 + 2; /* the numbers, by level */
    /* A number read from the caller's objects that escapes, or is used as
     * an address to write through, counts as their contents leaking, as
     * Q_i's and R_i's do below. */
    if (esc_graph_obj_escaped(g, n1) || g->objs[n1].written || g->objs[n2].written ||
        g->objs[n3].written)
      leak(s, i, ESC_SINK_HEAP, 1, NULL);
    else if (esc_graph_obj_escaped(g, n2) || esc_graph_obj_escaped(g, n3))
      leak(s, i, ESC_SINK_HEAP, 2, NULL);
    /* The result may be made of those numbers (to result, of numbers only:
     * the caller reads the other part of its objects, call.c). */
    if (g->over_budget || esc_graph_holds(g, g->ret, n1))
      leak(s, i, ESC_SINK_RESULT_INT, 1, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, n2))
      leak(s, i, ESC_SINK_RESULT_INT, 2, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, n3))
      leak(s, i, ESC_SINK_RESULT_INT, 3, NULL);
    for (int d = 0; d <= 3; d++)
      if (g->over_budget || g->objs[p + d].mixed)
        leak(s, i, ESC_SINK_MIX, d, NULL);
    for (int level = 1; level <= 3; level++)
      if (g->objs[n1 + level - 1].mixed) /* a number used as an address */
        leak(s, i, ESC_SINK_MIX, level, NULL);
    if (esc_graph_obj_escaped(g, p)) {
      leak(s, i, ESC_SINK_HEAP, 0, NULL);
      leak(s, i, ESC_SINK_HEAP, 1, NULL);
    }
    /* Anything below the parameter's object that escapes, is freed or
     * written counts as the contents leaking: the caller lets everything
     * reachable escape (heap at level 1 stands for every level below). */
    if (esc_graph_obj_escaped(g, q) || g->objs[r].written || g->objs[deeper].written)
      leak(s, i, ESC_SINK_HEAP, 1, NULL);
    else if (esc_graph_obj_escaped(g, r) || esc_graph_obj_escaped(g, deeper))
      leak(s, i, ESC_SINK_HEAP, 2, NULL); /* only from two derefs down */
    if (g->over_budget || esc_graph_holds(g, g->ret, deeper))
      leak(s, i, ESC_SINK_RESULT, 3, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, r))
      leak(s, i, ESC_SINK_RESULT, 2, NULL);
    into_flows(f, s, i, foreign);
    if (g->over_budget || (g->objs[q].into >= 0 ? foreign[1] : g->objs[q].written))
      leak(s, i, ESC_SINK_WRITES, 1, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, p))
      leak(s, i, ESC_SINK_RESULT, 0, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, q))
      leak(s, i, ESC_SINK_RESULT, 1, NULL);
    if (g->over_budget || (g->objs[p].into >= 0 ? foreign[0] : g->objs[p].written))
      leak(s, i, ESC_SINK_WRITES, 0, NULL);
    if (g->over_budget)
      leak(s, i, ESC_SINK_FREED, 0, NULL);
  }
  for (int o = esc_graph_next(g, g->ret, 0); o >= 0;
       o = esc_graph_next(g, g->ret, o + 1))
    if (g->objs[o].kind != ESC_OBJ_PARAM && g->objs[o].kind != ESC_OBJ_PARAM_CONTENT &&
        g->objs[o].kind != ESC_OBJ_PARAM_DEEP && g->objs[o].kind != ESC_OBJ_PARAM_INT)
      s->ret_other = 1;
  if (g->over_budget)
    s->ret_other = 1;
  else
    returned_holders(f, s);
  /* Frees of a parameter, or calls that may free it; then of what it
   * points to (so that a parameter's own free is the one -m=2 names). */
  for (int below = 0; below < 2; below++)
    for (int k = 0; k < f->nchecks; k++) {
      esc_check *ck = &f->checks[k];
      for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
           o = esc_graph_next(g, ck->loc, o + 1)) {
        const esc_obj *ob = &g->objs[o];
        if (!below && ob->kind == ESC_OBJ_PARAM)
          leak(s, ob->param, ESC_SINK_FREED, 0, ck->call);
        else if (below && (ob->kind == ESC_OBJ_PARAM_CONTENT || ob->kind == ESC_OBJ_PARAM_DEEP ||
                           ob->kind == ESC_OBJ_PARAM_INT))
          leak(s, ob->param, ESC_SINK_FREED, 1, ck->call); /* below level 0: folded */
      }
    }
  /* The first leak's instruction, for -m=2: the edge into the heap. */
  for (int i = 0; i < f->nparams; i++)
    if (esc_leaks_reaches(&s->leaks[i], ESC_SINK_HEAP) && !s->why[i]) {
      int p = f->pobj[i];
      for (int l = 0; l < g->nlocs && !s->why[i]; l++)
        if (esc_graph_holds(g, l, p) || esc_graph_holds(g, l, p + 1) ||
            esc_graph_holds(g, l, p + 2) || esc_graph_holds(g, l, p + 3))
          for (int e = 0; e < g->locs[l].nout; e++)
            if (g->locs[l].out[e].dst == g->heap && g->locs[l].out[e].at) {
              s->why[i] = g->locs[l].out[e].at;
              break;
            }
    }
}

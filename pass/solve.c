/* solve.c — from the solved graph to a verdict for every allocation site.
 *
 * A site moves to the stack only if its object never reaches the heap
 * location, every free of it frees only converted objects, no callee may
 * free it, its size is a constant within the caps, the function is not on a
 * call-graph cycle (beyond its own budget), no returns_twice call (setjmp)
 * can run before it in the same call of the function, and, when the site
 * is on a CFG cycle, no object from one iteration can be live when the
 * next one is allocated.  A site whose
 * pointer reaches realloc (call.c's grow rule) may still move: its reallocs
 * move it to the heap (grows).  Exercised by test/ir/ and test/exec/.
 */
#include "digraph.h"
#include "internal.h"
#include "region.h"

#include <stdlib.h>
#include <string.h>

/* refuse: the site stays on the heap for verdict v, unless a reason found
 * before stands. */
static void refuse(esc_cand *c, esc_verdict v) {
  if (c->verdict.reason != ESC_OK)
    return;
  c->verdict = v;
}

/* because: a verdict with no facts but the instruction behind it. */
static esc_verdict because(esc_reason r, LLVMValueRef at) {
  return (esc_verdict){.reason = r, .at = at};
}

/* align_fault: which alignment rule the call's alignment breaks. */
static esc_align_fault align_fault(const esc_callinfo *ci) {
  if (!ci->align_known || ci->align == 0)
    return ESC_ALIGN_UNKNOWN;
  if (ci->align & (ci->align - 1))
    return ESC_ALIGN_NOT_POW2;
  if (ci->align > ESC_MAX_ALIGN)
    return ESC_ALIGN_OVER_MAX;
  /* posix_memalign fails with EINVAL below sizeof(void *) */
  if (ci->fn == ESC_FN_POSIX_MEMALIGN && ci->align < sizeof(void *))
    return ESC_ALIGN_BELOW_PTR;
  return ESC_ALIGN_FITS;
}

static int find(esc_func *f, int i) {
  while (f->cands[i].group != i) {
    f->cands[i].group = f->cands[f->cands[i].group].group;
    i = f->cands[i].group;
  }
  return i;
}

static void unite(esc_func *f, int a, int b) {
  a = find(f, a);
  b = find(f, b);
  if (a != b)
    f->cands[a > b ? a : b].group = a < b ? a : b;
}

static uint64_t fit(const esc_psizes *p, uint64_t limit);

/* size_bound: the largest number of bytes the call may ask for, from its
 * size arguments' value ranges (calloc: the product, when it does not
 * wrap). */
static int size_bound(esc_func *f, const esc_cand *c, uint64_t *out) {
  uint64_t total = 1;
  for (int k = 0; k < 2; k++) {
    if (c->info.size_arg[k] < 0)
      continue;
    uint64_t most;
    if (!escb_value_umax(f->ctx, LLVMGetOperand(c->call, (unsigned)c->info.size_arg[k]),
                         c->call, &most))
      return 0;
    if (most && total > UINT64_MAX / most)
      return 0;
    total *= most;
  }
  *out = total;
  return 1;
}

/* size_checks: what the allocation call itself allows. */
static void size_checks(esc_func *f, esc_cand *c) {
  const esc_callinfo *ci = &c->info;
  c->guard_profiled = c->guard_ranged = c->guard_unbounded = c->guard_open = 0;
  c->guard_want = c->guard_limit = c->guard_range = 0;
  c->guard_cap = ESC_CAP_NONE;
  if (ci->fn == ESC_FN_OTHER) {
    refuse(c, because(ESC_R_ALLOCATOR, c->call));
    return;
  }
  uint64_t size = ci->size;
  /* strdup and strndup always take the guarded path, which copies the
   * string; a constant-size one gets a buffer of just its size. */
  int copies = ci->fn == ESC_FN_STRDUP || ci->fn == ESC_FN_STRNDUP;
  int constant_args = 1;
  for (int k = 0; k < 2; k++)
    if (ci->size_arg[k] >= 0 && !LLVMIsAConstantInt(LLVMGetOperand(c->call, (unsigned)ci->size_arg[k])))
      constant_args = 0;
  if ((copies || ci->hook) && ci->size_known) { /* a hook: its slot is tested */
    c->guarded = 1;
  } else if (!ci->size_known) {
    /* A run-time size: a fixed stack buffer, the heap above it.  Not for
     * posix_memalign (its result is a status, the object goes to *p). */
    if (f->opt->guard_bytes == 0 || ci->size_arg[0] < 0 || (constant_args && !copies) ||
        ci->fn == ESC_FN_POSIX_MEMALIGN) {
      /* (constant arguments whose product overflows: calloc fails) */
      refuse(c, because(ESC_R_NONCONST, NULL));
      return;
    }
    c->guarded = 1;
    size = f->opt->guard_bytes;
    uint64_t cap = f->opt->max_object_bytes < ESC_GUARD_CAP ? f->opt->max_object_bytes
                                                             : ESC_GUARD_CAP;
    /* -escape-profile-use: what the site asked for, within the object
     * limit; more than the default starts at the default, and grow adds
     * what the budgets leave. */
    if (c->profile && !copies) {
      uint64_t want = c->profile->want;
      if (want > cap) {
        want = fit(c->profile, cap);
        c->guard_cap = ESC_CAP_OBJECT;
        c->guard_limit = f->opt->max_object_bytes;
      }
      c->guard_want = want;
      c->guard_profiled = want > 0;
    }
    /* A size LLVM's value ranges bound (n <= 12 in a loop, a masked
     * length) needs no larger buffer than its largest value, and with one
     * that large the heap path never runs: the same as a profile's size,
     * preferred to it when smaller. */
    /* (a buffer size the command line gave caps a range's too: who keeps
     * frames small asked for it) */
    uint64_t range_cap = f->opt->guard_bytes == ESC_DEFAULT_guard_bytes ? ESC_RANGE_GUARD_BYTES
                                                                         : f->opt->guard_bytes;
    uint64_t most;
    if (!copies && size_bound(f, c, &most) && most > 0 && most <= range_cap) {
      c->guard_range = most;
      if (most <= cap && (!c->guard_want || most <= c->guard_want)) {
        c->guard_want = most;
        c->guard_ranged = 1;
        c->guard_profiled = 0;
        c->guard_cap = ESC_CAP_NONE;
      }
    }
    /* No bound and no profile: the size may be anything, and the sizes a
     * program asks for at run time are mostly small; it gets the largest
     * buffer a range may, 4 KiB, from the same share of the budgets (grow:
     * capped, what the share has left).  Not for a hook (its slot decides
     * at run time) or a string copy (its buffer is of the string), nor
     * with a buffer size the command line gave (range_cap is that size
     * then: the buffer is of it).  Nor where a call may run code whose
     * frames the chain budget cannot count (another file's, an indirect
     * call's): recursion through another file, or a chain of files, would
     * take 4 KiB a frame. */
    if (f->opt->unbounded_guard && !copies && !ci->hook && !c->profile && !c->guard_ranged &&
        range_cap > size && range_cap <= cap) {
      c->guard_open = f->calls_out;
      c->guard_unbounded = !f->calls_out;
      if (c->guard_unbounded)
        c->guard_want = range_cap;
    }
    if (c->guard_want && c->guard_want < size)
      size = c->guard_want;
    if (size > f->opt->max_object_bytes)
      size = f->opt->max_object_bytes;
    if (size > ESC_GUARD_CAP) /* a sane cap; rewrite.c bounds calloc's factors */
      size = ESC_GUARD_CAP;
    if (size == 0) {
      refuse(c, because(ESC_R_NONCONST, NULL));
      return;
    }
  }
  if (size > f->opt->max_object_bytes) {
    refuse(c, (esc_verdict){.reason = ESC_R_TOO_LARGE, .bytes = size,
                            .limit = f->opt->max_object_bytes});
    return;
  }
  uint64_t align = 16;
  if (ci->fn == ESC_FN_ALIGNED_ALLOC || ci->align_known) {
    esc_align_fault fault = align_fault(ci);
    if (fault != ESC_ALIGN_FITS) {
      refuse(c, (esc_verdict){.reason = ESC_R_BAD_ALIGN, .align = ci->align,
                              .align_fault = fault});
      return;
    }
    if (ci->align > align)
      align = ci->align;
  }
  c->align = align;
  if (size == 0)
    size = 1;
  c->bytes = (size + align - 1) / align * align;
}

/* checks judges the uses recorded while building: frees and calls that may
 * free. */
static void checks(esc_func *f) {
  esc_graph *g = &f->g;
  for (int k = 0; k < f->nchecks; k++) {
    esc_check *ck = &f->checks[k];
    if (ck->kind == ESC_CHECK_FREE) {
      /* free(p) goes away if p can hold converted objects and nothing
       * else; where it may also hold other memory (a phi of the object and
       * a parameter) it stays, given NULL for the object (free_mixed,
       * rewrite.c keep_free).  A free through an allocator hook may be the
       * program's own deallocator: only an allocation through a hook,
       * which tests the free's slot too (rewrite.c), may skip it. */
      esc_callinfo fi;
      esc_call_classify(f->ctx, ck->call, &fi);
      int mixed = 0, first = -1;
      for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
           o = esc_graph_next(g, ck->loc, o + 1))
        if (g->objs[o].kind != ESC_OBJ_HEAP)
          mixed = 1; /* unknown memory, an alloca, a parameter's object */
      for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
           o = esc_graph_next(g, ck->loc, o + 1)) {
        if (g->objs[o].kind != ESC_OBJ_HEAP)
          continue;
        int ci = g->objs[o].cand;
        if (fi.hook && !f->cands[ci].info.hook) {
          refuse(&f->cands[ci], because(ESC_R_MAY_FREE, ck->call));
          continue;
        }
        if (mixed)
          f->cands[ci].free_mixed = 1;
        if (first < 0)
          first = ci;
        else
          unite(f, first, ci);
      }
    } else if (ck->kind == ESC_CHECK_MAY_FREE) {
      for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
           o = esc_graph_next(g, ck->loc, o + 1))
        if (g->objs[o].kind == ESC_OBJ_HEAP)
          refuse(&f->cands[g->objs[o].cand], because(ESC_R_MAY_FREE, ck->call));
    }
  }
}

/* grows: the sites whose pointer may reach realloc (call.c's grow rule).
 * Such a site may still move: its object starts in the stack buffer, and
 * each realloc of the buffer moves it to a new heap block (rewrite.c's
 * grow), so the buffer is never handed to realloc or free.  Its frees stay,
 * given NULL for the buffer, so a free of the buffer or of a realloc's
 * result (unknown memory in the graph: the free is mixed) is sound as it
 * is; the buffer still escapes wherever a value that may hold it escapes
 * (returned, stored, passed). */
static void grows(esc_func *f) {
  esc_graph *g = &f->g;
  for (int k = 0; k < f->nchecks; k++) {
    esc_check *ck = &f->checks[k];
    if (ck->kind != ESC_CHECK_REALLOC)
      continue;
    for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
         o = esc_graph_next(g, ck->loc, o + 1))
      if (g->objs[o].kind == ESC_OBJ_HEAP)
        f->cands[g->objs[o].cand].grown = 1;
  }
}

/* esc_cfg: the function's blocks as an esc_digraph, built on demand for
 * the loop rule (the C API has no predecessor lists), and its SCCs: a block
 * can run again before the function returns iff it is on a cycle (also in
 * irreducible loops). */
typedef struct esc_cfg {
  LLVMBasicBlockRef *blocks;
  esc_ptrmap index;
  esc_digraph g;
  esc_sccs sccs;
  int *mark;
  int *stack; /* live_back's work list, one block each */
  int epoch;
  long steps; /* live_back's, for all the function's loop sites */
} esc_cfg;

static void cfg_build(esc_cfg *c, LLVMValueRef fn) {
  memset(c, 0, sizeof *c);
  int n = (int)LLVMCountBasicBlocks(fn);
  c->blocks = esc_alloc(((size_t)n + 1) * sizeof *c->blocks);
  LLVMGetBasicBlocks(fn, c->blocks);
  for (int i = 0; i < n; i++)
    esc_ptrmap_put(&c->index, c->blocks[i], i);
  esc_digraph_init(&c->g, n);
  c->mark = esc_alloc(((size_t)n + 1) * sizeof(int));
  c->stack = esc_alloc(((size_t)n + 1) * sizeof(int));
  for (int i = 0; i < n; i++) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(c->blocks[i]);
    if (!t)
      continue;
    unsigned ns = LLVMGetNumSuccessors(t);
    for (unsigned s = 0; s < ns; s++) {
      int j = esc_ptrmap_get(&c->index, LLVMGetSuccessor(t, s));
      if (j >= 0)
        esc_digraph_edge(&c->g, i, j);
    }
  }
  esc_digraph_sccs(&c->g, &c->sccs);
}

static void cfg_free(esc_cfg *c) {
  esc_digraph_free(&c->g);
  esc_sccs_free(&c->sccs);
  free(c->mark);
  free(c->stack);
  free(c->blocks);
  esc_ptrmap_free(&c->index);
}

/* live_back: walking backwards from just before `from` (NULL: the end of
 * block b), is `alloc` met on some path before `def`?  That is: is the value
 * defined by `def` live where the next object is allocated. */
static int live_back(esc_cfg *c, int b, LLVMValueRef from, LLVMValueRef def,
                     LLVMValueRef alloc, long budget) {
  int n = c->g.n;
  int *stack = c->stack;
  int sp = 0, live = 0;
  c->epoch++;
  LLVMValueRef i = from ? LLVMGetPreviousInstruction(from)
                        : LLVMGetLastInstruction(c->blocks[b]);
  for (;;) {
    int stopped = 0;
    for (; i; i = LLVMGetPreviousInstruction(i)) {
      if (++c->steps > budget) {
        live = 1;
        goto done;
      }
      if (i == def) {
        stopped = 1;
        break;
      }
      if (i == alloc) {
        live = 1;
        goto done;
      }
    }
    if (!stopped)
      for (int k = 0; k < c->g.npred[b]; k++) {
        int p = c->g.pred[b][k];
        if (c->mark[p] != c->epoch && sp < n) {
          c->mark[p] = c->epoch;
          stack[sp++] = p;
        }
      }
    if (sp == 0)
      break;
    b = stack[--sp];
    i = LLVMGetLastInstruction(c->blocks[b]);
  }
done:
  return live;
}

/* esc_holders: the loop rule's index of the solved graph, built once per
 * function: for each object the locations that may hold its address, in
 * the order of the locations (so each walk meets them as a walk over all
 * locations would, in a function of thousands of sites without its cost),
 * and which locations a load writes. */
typedef struct esc_holders {
  int *start; /* object o's holders: locs[start[o]] .. locs[start[o + 1] - 1] */
  int *locs;
  unsigned char *loaded; /* a load constraint's destination */
} esc_holders;

static void holders_build(esc_holders *h, const esc_graph *g) {
  h->start = esc_alloc(((size_t)g->nobjs + 1) * sizeof(int));
  h->loaded = esc_alloc((size_t)g->nlocs + 1);
  for (int l = 0; l < g->nlocs; l++) {
    for (int o = esc_graph_next(g, l, 0); o >= 0; o = esc_graph_next(g, l, o + 1))
      h->start[o + 1]++;
    for (int k = 0; k < g->locs[l].nloads; k++)
      h->loaded[g->locs[l].loads[k]] = 1;
    for (int k = 0; k < g->locs[l].niloads; k++)
      h->loaded[g->locs[l].iloads[k]] = 1;
  }
  for (int o = 0; o < g->nobjs; o++)
    h->start[o + 1] += h->start[o];
  h->locs = esc_alloc(((size_t)h->start[g->nobjs] + 1) * sizeof(int));
  int *fill = esc_alloc(((size_t)g->nobjs + 1) * sizeof(int));
  for (int l = 0; l < g->nlocs; l++)
    for (int o = esc_graph_next(g, l, 0); o >= 0; o = esc_graph_next(g, l, o + 1))
      h->locs[h->start[o] + fill[o]++] = l;
  free(fill);
}

static void holders_free(esc_holders *h) {
  free(h->start);
  free(h->locs);
  free(h->loaded);
}

/* esc_loops: what the loop rule's walks share. */
typedef struct esc_loops {
  esc_cfg cfg;
  esc_holders h;
} esc_loops;

#define FOR_EACH_HOLDER(lp, obj, l)                                            \
  for (int hk_ = (lp)->h.start[obj], l; hk_ < (lp)->h.start[(obj) + 1] &&      \
                                        (l = (lp)->h.locs[hk_], 1);            \
       hk_++)

/* ssa_live_at: is an SSA value holding object `obj` live where `alloc`
 * runs (walking back from each of its uses, `alloc` met before the value's
 * definition)? */
static int ssa_live_at(esc_func *f, esc_loops *lp, int obj, LLVMValueRef alloc) {
  esc_graph *g = &f->g;
  esc_cfg *cfg = &lp->cfg;
  const long budget = ESC_LIVE_STEPS;
  FOR_EACH_HOLDER(lp, obj, l) {
    LLVMValueRef v = g->locs[l].val;
    if (!v || !LLVMIsAInstruction(v))
      continue;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (!LLVMIsAInstruction(user))
        return 1;
      if (LLVMGetInstructionOpcode(user) == LLVMPHI) {
        unsigned n = LLVMCountIncoming(user);
        for (unsigned k = 0; k < n; k++)
          if (LLVMGetIncomingValue(user, k) == v) {
            int b = esc_ptrmap_get(&cfg->index, LLVMGetIncomingBlock(user, k));
            if (b < 0 || live_back(cfg, b, NULL, v, alloc, budget))
              return 1;
          }
      } else {
        int b = esc_ptrmap_get(&cfg->index, LLVMGetInstructionParent(user));
        if (b < 0 || live_back(cfg, b, user, v, alloc, budget))
          return 1;
      }
    }
  }
  return 0;
}

/* stores_fresh: every write into o's contents of an address that may be
 * c's is a plain store of an SSA value, and on every path back from it
 * c's site ran after o's: o's contents only ever get copies of c made
 * after o itself. */
static int stores_fresh(esc_func *f, esc_loops *lp, int o, esc_cand *c) {
  esc_graph *g = &f->g;
  LLVMValueRef oi = g->objs[o].inst;
  int content = g->objs[o].content, other = g->objs[o].other;
  if (lp->h.loaded[content] || lp->h.loaded[other])
    return 0;
  FOR_EACH_HOLDER(lp, c->obj, l) {
    esc_loc *L = &g->locs[l];
    if (l == other)
      continue; /* the part of o's contents that flows into the rest */
    for (int k = 0; k < L->nout; k++)
      if ((L->out[k].dst == content || L->out[k].dst == other) &&
          L->out[k].why != ESC_WHY_STORE)
        return 0; /* not a store constraint's edge (those are below) */
  }
  FOR_EACH_HOLDER(lp, o, l) {
    esc_loc *L = &g->locs[l];
    for (int k = 0; k < L->nstores; k++) {
      int src = L->stores[k];
      if (!esc_graph_holds(g, src, c->obj))
        continue;
      LLVMValueRef at = L->store_at ? L->store_at[k] : NULL;
      LLVMValueRef v = g->locs[src].val;
      if (!at || !LLVMIsAStoreInst(at) || !v || !LLVMIsAInstruction(v))
        return 0;
      int b = esc_ptrmap_get(&lp->cfg.index, LLVMGetInstructionParent(at));
      if (b < 0 || live_back(&lp->cfg, b, at, c->call, oi, ESC_LIVE_STEPS))
        return 0;
    }
  }
  return 1;
}

static int holders_dead(esc_func *f, esc_loops *lp, esc_cand *c, int depth);

/* dead_holder: object o holds the site's object c in its contents, and
 * that copy of c's address cannot be read once c's site runs again: o is
 * another allocation site with one live object at a time (every object
 * holding its address is such a dead holder of it in turn, no SSA value
 * holding it is live at its own site), o's site runs between any two runs
 * of c's, and o's contents only get copies of c made after o
 * (stores_fresh).  So at c's next run the only live o is newer than the
 * last c, and holds no older c; an o that is dead keeps stale contents
 * nobody can reach (a new object at o's site starts out indeterminate, or
 * zeroed again).  The constructor/destructor pair:
 *
 *   for (...) { r = malloc(24); r->name = malloc(16); use(r); free(r->name); free(r); }
 *
 * Not  for (...) { n = malloc(16); if (r) cmp(r->name, n); r->name = n; }
 * with r made before the loop: r lives across the loop, holding the old n. */
static int dead_holder(esc_func *f, esc_loops *lp, int o, esc_cand *c, int depth) {
  esc_graph *g = &f->g;
  LLVMValueRef oi = g->objs[o].inst;
  if (o == c->obj || g->objs[o].kind != ESC_OBJ_HEAP || g->objs[o].cand < 0 || !oi ||
      !LLVMIsAInstruction(oi) || ssa_live_at(f, lp, o, oi) ||
      !holders_dead(f, lp, &f->cands[g->objs[o].cand], depth + 1))
    return 0;
  int b = esc_ptrmap_get(&lp->cfg.index, LLVMGetInstructionParent(c->call));
  if (b < 0 || live_back(&lp->cfg, b, c->call, oi, c->call, ESC_LIVE_STEPS))
    return 0;
  return stores_fresh(f, lp, o, c);
}

/* holders_dead: every object whose contents hold c's address is a dead
 * holder of it (a record holding a vector holding its data: a few levels;
 * past them, or around a cycle of holders, not). */
static int holders_dead(esc_func *f, esc_loops *lp, esc_cand *c, int depth) {
  esc_graph *g = &f->g;
  if (depth > 3)
    return 0;
  FOR_EACH_HOLDER(lp, c->obj, l) { /* contents locations: in object order */
    int o = g->locs[l].content_of;
    if (o >= 1 && !dead_holder(f, lp, o, c, depth))
      return 0;
  }
  return 1;
}

/* loop_safe: one stack slot can serve every execution of the site: its
 * address is kept in memory only by holders dead at its next allocation,
 * and no SSA value holding it is live where it is allocated. */
static int loop_safe(esc_func *f, esc_loops *lp, esc_cand *c) {
  return holders_dead(f, lp, c, 0) && !ssa_live_at(f, lp, c->obj, c->call);
}

static int is_twice(LLVMValueRef i) {
  return esc_is_call(i) && escb_call_returns_twice(i);
}

/* after_twice: per block, may it run after a returns_twice call of the
 * function has returned?  Those are the blocks reachable from the blocks
 * holding one.  A second return (longjmp's) leaves a call the CFG does not
 * show and goes on after the setjmp, so only there can a site run again
 * while an object of its earlier run is live; a site no such call reaches
 * runs as the CFG says, and the loop rule holds for it.  Its slot is kept
 * in memory across the calls (rewrite.c's pin). */
static char *after_twice(esc_cfg *c) {
  int n = c->g.n, sp = 0;
  char *after = esc_alloc((size_t)n + 1);
  for (int b = 0; b < n; b++) {
    int has = 0;
    for (LLVMValueRef i = LLVMGetFirstInstruction(c->blocks[b]); i && !has;
         i = LLVMGetNextInstruction(i))
      has = is_twice(i);
    for (int k = 0; has && k < c->g.nsucc[b]; k++) {
      int s = c->g.succ[b][k];
      if (!after[s]) {
        after[s] = 1;
        c->stack[sp++] = s;
      }
    }
  }
  while (sp > 0) {
    int b = c->stack[--sp];
    for (int k = 0; k < c->g.nsucc[b]; k++) {
      int s = c->g.succ[b][k];
      if (!after[s]) {
        after[s] = 1;
        c->stack[sp++] = s;
      }
    }
  }
  return after;
}

/* runs_after_twice: the site is in such a block, or after such a call in
 * its own block (or is one). */
static int runs_after_twice(esc_cfg *c, const char *after, LLVMValueRef site) {
  int b = esc_ptrmap_get(&c->index, LLVMGetInstructionParent(site));
  if (b < 0 || after[b])
    return 1;
  for (LLVMValueRef i = site; i; i = LLVMGetPreviousInstruction(i))
    if (is_twice(i))
      return 1;
  return 0;
}

/* entry_of: the one block of component s that a block outside it
 * branches to, and the one such block outside (its preheader), returning
 * the header's first instruction past its phis; NULL when the
 * cycle has several entries, or its header several outside predecessors,
 * or starts with an exception pad, or the preheader ends in other than a
 * branch or a switch. */
static LLVMValueRef entry_of(esc_cfg *cfg, int s, int *header, int *pre) {
  *header = *pre = -1;
  const esc_sccs *sc = &cfg->sccs;
  for (int j = sc->start[s]; j < sc->start[s + 1]; j++) {
    int b = sc->order[j];
    for (int k = 0; k < cfg->g.npred[b]; k++) {
      int p = cfg->g.pred[b][k];
      if (sc->of[p] == s)
        continue;
      if ((*header >= 0 && *header != b) || (*pre >= 0 && *pre != p))
        return NULL;
      *header = b;
      *pre = p;
    }
  }
  if (*header < 0)
    return NULL;
  /* (the mark goes before the preheader's terminator, which the rewrite
   * must not replace: an invoke may become a call, a callbr is not split) */
  LLVMOpcode term = LLVMGetInstructionOpcode(LLVMGetBasicBlockTerminator(cfg->blocks[*pre]));
  if (term != LLVMBr && term != LLVMSwitch)
    return NULL;
  LLVMValueRef first = LLVMGetFirstInstruction(cfg->blocks[*header]);
  while (first && LLVMGetInstructionOpcode(first) == LLVMPHI)
    first = LLVMGetNextInstruction(first);
  if (!first || LLVMIsALandingPadInst(first) || LLVMIsACatchSwitchInst(first) ||
      LLVMIsACatchPadInst(first) || LLVMIsACleanupPadInst(first))
    return NULL;
  return first;
}

/* loop_regions: sites on a CFG cycle that one stack slot cannot serve
 * (a list built in a loop) may still come from the side stack when every
 * object of theirs is dead each time the cycle starts again: the side
 * stack's top, taken before the cycle's one entry, is restored at its
 * header (rewrite.c), so each run of the cycle reuses the memory.  Dead
 * there: no SSA value holding the object is live at the header's first
 * instruction, and in memory only such objects of the same cycle hold it
 * (to a fixed point).  The function is not recursive; the objects'
 * frees are the function's own (a callee that may free one refused it
 * before), and ask the side stack (rewrite.c keep_free). */
static void loop_regions(esc_func *f, esc_loops *lp, char *tried) {
  esc_graph *g = &f->g;
  esc_cfg *cfg = &lp->cfg;
  int n = f->ncands;
  int *region = esc_alloc((size_t)n * sizeof(int)); /* 1 + index, 0 none */
  LLVMValueRef *start = esc_alloc((size_t)n * sizeof(LLVMValueRef));
  char *asked = esc_alloc((size_t)n + 1);
  memcpy(asked, tried, (size_t)n);
  for (int k = 0; k < n; k++) {
    if (!tried[k])
      continue;
    esc_cand *c = &f->cands[k];
    int b = esc_ptrmap_get(&cfg->index, LLVMGetInstructionParent(c->call));
    int h, p;
    start[k] = entry_of(cfg, cfg->sccs.of[b], &h, &p);
    if (!start[k]) {
      tried[k] = 0;
      continue;
    }
    int r = 0;
    while (r < f->nloop_regions && f->loop_regions[r].header != cfg->blocks[h])
      r++;
    if (r == f->nloop_regions) {
      esc_loop_region lr = {cfg->blocks[h], LLVMGetBasicBlockTerminator(cfg->blocks[p])};
      ESC_PUSH(f->loop_regions, f->nloop_regions, f->caploop_regions, lr);
    }
    region[k] = r + 1;
  }
  for (int changed = 1; changed;) {
    changed = 0;
    for (int k = 0; k < n; k++) {
      if (!tried[k])
        continue;
      esc_cand *c = &f->cands[k];
      int ok = !ssa_live_at(f, lp, c->obj, start[k]);
      FOR_EACH_HOLDER(lp, c->obj, l) {
        int o = g->locs[l].content_of;
        if (o < 0 || !ok)
          continue;
        int ci = g->objs[o].kind == ESC_OBJ_HEAP ? g->objs[o].cand : -1;
        ok = o >= 1 && ci >= 0 && tried[ci] && region[ci] == region[k];
      }
      if (!ok) {
        tried[k] = 0;
        changed = 1;
      }
    }
  }
  for (int k = 0; k < n; k++) {
    if (tried[k])
      f->cands[k].loop_region = region[k];
    else if (asked[k])
      refuse(&f->cands[k], because(ESC_R_LOOP, NULL));
  }
  free(asked);
  free(region);
  free(start);
}

static void loops(esc_func *f) {
  esc_loops lp;
  int built = 0;
  char *after = NULL, *tried = NULL;
  int musttail = -1;
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->verdict.reason != ESC_OK)
      continue;
    if (!built) {
      cfg_build(&lp.cfg, f->fn);
      holders_build(&lp.h, &f->g);
      if (f->returns_twice)
        after = after_twice(&lp.cfg);
      built = 1;
    }
    if (after && runs_after_twice(&lp.cfg, after, c->call)) {
      refuse(c, because(ESC_R_SETJMP, NULL));
      continue;
    }
    int b = esc_ptrmap_get(&lp.cfg.index, LLVMGetInstructionParent(c->call));
    c->in_cycle = b < 0 || lp.cfg.sccs.cyclic[b];
    if (c->in_cycle && !loop_safe(f, &lp, c)) {
      if (!tried)
        tried = esc_alloc((size_t)f->ncands + 1);
      if (musttail < 0) { /* a release cannot go between it and its ret */
        musttail = 0;
        ESC_FOR_EACH_INST(f->fn, bb, i)
        musttail |= esc_is_call(i) && escb_is_musttail(i);
      }
      /* (a builder call's owner takes its own mark: not both) */
      tried[k] = b >= 0 && f->loop_side_usable && !f->returns_twice && !musttail &&
                 f->nresults == 0 && !c->grown &&
                 !c->info.hook && c->info.fn != ESC_FN_POSIX_MEMALIGN &&
                 LLVMGetInstructionOpcode(c->call) == LLVMCall;
      if (!tried[k])
        refuse(c, because(ESC_R_LOOP, NULL));
    }
  }
  if (tried)
    loop_regions(f, &lp, tried);
  if (built) {
    cfg_free(&lp.cfg);
    holders_free(&lp.h);
  }
  free(tried);
  free(after);
}

/* unify: objects freed through one pointer convert together or not at all. */
static void unify(esc_func *f) {
  for (int changed = 1; changed;) {
    changed = 0;
    for (int k = 0; k < f->ncands; k++) {
      esc_cand *c = &f->cands[k];
      esc_cand *root = &f->cands[find(f, k)];
      if (c->verdict.reason != ESC_OK && root->verdict.reason == ESC_OK) {
        refuse(root, because(ESC_R_GROUP, c->call));
        changed = 1;
      } else if (c->verdict.reason == ESC_OK && root->verdict.reason != ESC_OK) {
        refuse(c, because(ESC_R_GROUP, root->call));
        changed = 1;
      }
    }
  }
}

/* lifo_ok: a recursive function's site on a CFG cycle (one slot per
 * execution is ruled out: loops() found no object of one execution live at
 * the next) takes side-stack memory when some free of it can give that
 * memory back: a free whose objects all have its size, so the free can tell
 * whether the object ends at the side stack's top (runtime/sidestack.c).
 * Frees in the reverse order of the allocations then reuse the same memory
 * each iteration; others leave it until the function returns, and once the
 * side stack is full the site calls the allocator as before. */
static int lifo_ok(esc_func *f, int k) {
  esc_graph *g = &f->g;
  const esc_cand *c = &f->cands[k];
  if (c->info.fn == ESC_FN_POSIX_MEMALIGN)
    return 0;
  for (int i = 0; i < f->nchecks; i++) {
    esc_check *ck = &f->checks[i];
    if (ck->kind != ESC_CHECK_FREE || !esc_graph_holds(g, ck->loc, c->obj))
      continue;
    int same = 1;
    for (int o = esc_graph_next(g, ck->loc, 0); o >= 0 && same;
         o = esc_graph_next(g, ck->loc, o + 1))
      same = g->objs[o].kind == ESC_OBJ_HEAP && f->cands[g->objs[o].cand].bytes == c->bytes;
    if (same)
      return 1;
  }
  return 0;
}

/* fit: the largest size up to `limit` that holds some of a site's runs
 * (the bound of one of its buckets), 0 if none. */
static uint64_t fit(const esc_psizes *p, uint64_t limit) {
  uint64_t best = 0;
  for (int k = 0; k < p->n && p->upper[k] <= limit; k++)
    best = p->upper[k];
  return best;
}

/* grow: guarded sites whose profile or value range asks for more than the
 * default take it from what the frame and chain budgets left after every
 * site fitted at its default size (so neither pushes another site to the
 * heap), in instruction order; capped, a site takes the largest of its
 * profile's sizes that fits (a range's: the default stays), and says which
 * budget capped it (`cap`, `limit`).  Side-stack
 * sites do not grow: their memory is the thread's side stack, shared by
 * its recursion, not this frame's (a profile may still shrink them). */
static void grow(esc_func *f, uint64_t room, esc_guard_cap cap, uint64_t limit) {
  /* Ranges are not asked for: a callee's ranged buffers (solved first)
   * take at most a quarter of what its budgets left, so its callers' sites
   * still fit at their default sizes.  The same share holds the buffers
   * of sizes nothing bounds. */
  uint64_t share = room / ESC_RANGE_SHARE, share0 = share;
  uint64_t unbounded = 0; /* what this frame's such buffers took over their default */
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->verdict.reason != ESC_OK || !c->guarded)
      continue;
    if (c->on_side_stack) { /* the default stays: no "largest value" */
      if (c->guard_ranged && c->bytes < c->guard_range)
        c->guard_ranged = 0;
      c->guard_unbounded = 0;
      continue;
    }
    if (!c->guard_want)
      continue; /* none of its sizes is within the object limit */
    uint64_t want = (c->guard_want + c->align - 1) / c->align * c->align;
    if (want <= c->bytes) {
      c->guard_unbounded = 0;
      continue;
    }
    int ranged = c->guard_ranged || c->guard_unbounded;
    uint64_t left = ranged && share < room ? share : room;
    /* The buffers of sizes nothing bounds take at most a quarter of the
     * chain budget down any chain, what is below them included: a chain of
     * such functions in one file stays small next to a thread's stack. */
    uint64_t quarter = f->opt->max_chain_bytes / ESC_RANGE_SHARE;
    uint64_t below = f->chain_below + unbounded;
    uint64_t chain_left = quarter > below ? quarter - below : 0;
    int by_chain = c->guard_unbounded && chain_left < left;
    if (by_chain)
      left = chain_left;
    if (want - c->bytes > left) {
      uint64_t most = (c->bytes + left) / c->align * c->align;
      /* a range's largest value that does not fit is no size the
       * program is known to ask for: the profile's, if any, may fit; a
       * size nothing bounds takes what is left */
      uint64_t got = c->guard_unbounded ? most : c->profile ? fit(c->profile, most) : 0;
      want = (got + c->align - 1) / c->align * c->align;
      c->guard_cap = by_chain ? ESC_CAP_CHAIN : ranged && share < room ? ESC_CAP_RANGES : cap;
      c->guard_limit = by_chain ? quarter : ranged && share < room ? share0 : limit;
      if (c->guard_unbounded && !by_chain && got > c->bytes)
        c->guard_limit = left; /* (what was left: its text says so) */
      c->guard_profiled = c->profile != NULL;
      c->guard_ranged = 0;
      if (want <= c->bytes) {
        c->guard_profiled = c->guard_unbounded = 0; /* the default stays: nothing larger
                                                       fits (guard_cap says why) */
        continue;
      }
    }
    room -= want - c->bytes;
    if (ranged)
      share -= want - c->bytes;
    if (c->guard_unbounded)
      unbounded += want - c->bytes;
    c->bytes = want;
  }
}

/* groups: freed-together groups, then the frame budget, in instruction
 * order.  In a recursive function a site outside loops, and one in a loop
 * that lifo_ok accepts, takes its memory from the per-thread side stack
 * (runtime/sidestack.c): it costs the frame nothing and is not counted
 * against the budget. */
static void groups(esc_func *f) {
  unify(f);
  uint64_t budget = f->recursive ? f->opt->max_recursive_frame_bytes
                                 : f->opt->max_frame_bytes;
  /* The chain budget: this frame plus the deepest chain of converted
   * frames below it (call-graph successors in the module). */
  uint64_t chain = f->opt->max_chain_bytes > f->chain_below
                       ? f->opt->max_chain_bytes - f->chain_below : 0;
  esc_verdict over = {.reason = ESC_R_BUDGET, .limit = f->opt->max_frame_bytes};
  if (f->recursive && f->opt->side_stack && !f->side_stack_usable)
    over = (esc_verdict){.reason = ESC_R_NO_SIDE_STACK,
                         .target = LLVMGetTarget(LLVMGetGlobalParent(f->fn)),
                         .switcher = f->stack_switcher};
  else if (f->recursive)
    over = (esc_verdict){.reason = ESC_R_RECURSIVE,
                         .limit = f->opt->max_recursive_frame_bytes};
  if (chain < budget) {
    budget = chain;
    over = (esc_verdict){.reason = ESC_R_CHAIN, .bytes = f->chain_below,
                         .limit = f->opt->max_chain_bytes};
  }
  uint64_t used = 0;
  uint64_t *total = esc_alloc((size_t)(f->ncands + 1) * sizeof(uint64_t));
  int *state = esc_alloc((size_t)(f->ncands + 1) * sizeof(int)); /* 1 fits, 2 refused */
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->verdict.reason != ESC_OK)
      continue;
    if (c->loop_region)
      c->on_side_stack = 1;
    else if (f->side_stack_usable && !c->in_cycle && c->info.fn != ESC_FN_POSIX_MEMALIGN)
      c->on_side_stack = 1;
    else if (f->side_stack_usable && c->in_cycle && lifo_ok(f, k))
      c->on_side_stack = 1;
    else
      total[find(f, k)] += c->bytes;
  }
  int refused_any = 0;
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->verdict.reason != ESC_OK || c->on_side_stack)
      continue;
    int root = find(f, k);
    if (!state[root]) { /* a group's first member decides for the group */
      state[root] = total[root] <= budget && used + total[root] <= budget ? 1 : 2;
      if (state[root] == 1)
        used += total[root];
    }
    if (state[root] == 2) {
      refuse(c, over);
      refused_any = 1;
    }
  }
  if (refused_any)
    unify(f);
  grow(f, budget > used ? budget - used : 0,
       over.reason == ESC_R_CHAIN ? ESC_CAP_CHAIN : ESC_CAP_FRAME, over.limit);
  for (int k = 0; k < f->ncands; k++)
    if (f->cands[k].verdict.reason == ESC_OK && !f->cands[k].on_side_stack)
      f->frame_used += f->cands[k].bytes;
  free(total);
  free(state);
}

/* self_held: in memory, R is held only by its own contents (its objects
 * point to one another; an alloca or another object holding it would
 * keep it across iterations). */
static int self_held(esc_func *f, esc_loops *lp, int obj) {
  FOR_EACH_HOLDER(lp, obj, l) {
    int of = f->g.locs[l].content_of;
    if (of >= 0 && of != obj)
      return 0;
  }
  return 1;
}

/* given: the call is handed an earlier call's objects (an argument that
 * may hold R): they would be given back before it runs. */
static int given(esc_func *f, const esc_result *r) {
  for (unsigned k = 0, n = LLVMGetNumArgOperands(r->call); k < n; k++) {
    int l = esc_graph_find(&f->g, LLVMGetOperand(r->call, k));
    if (l >= 0 && esc_graph_holds(&f->g, l, r->obj))
      return 1;
  }
  return 0;
}

/* regions: which builder call owns its objects (region.c): at most one
 * per function; R does not escape (returns have joined the heap), no
 * setjmp, its frees and may-free callees are region.c's, and on a CFG
 * cycle nothing of one call's objects can be live at the next. */
static void regions(esc_func *f) {
  esc_graph *g = &f->g;
  int owned = 0, built = 0, musttail = -1;
  esc_loops lp;
  for (int k = 0; k < f->nresults; k++) {
    esc_result *r = &f->results[k];
    r->owned = r->in_cycle = 0;
    r->at = NULL;
    int l = esc_graph_find(g, r->call);
    if (l < 0 || !esc_graph_holds(g, l, r->obj)) {
      r->why = ESC_RG_UNMODELLED;
      continue;
    }
    if (esc_graph_obj_escaped(g, r->obj)) {
      r->why = ESC_RG_ESCAPES;
      continue;
    }
    if (f->returns_twice) {
      r->why = ESC_RG_SETJMP;
      continue;
    }
    if (musttail < 0) { /* a release cannot go between it and its ret */
      musttail = 0;
      ESC_FOR_EACH_INST(f->fn, bb, i)
        musttail |= esc_is_call(i) && escb_is_musttail(i);
    }
    if (musttail) {
      r->why = ESC_RG_UNMODELLED;
      continue;
    }
    if (!esc_region_uses_ok(f, r->obj, &r->why, &r->at))
      continue;
    if (owned) {
      r->why = ESC_RG_SECOND;
      continue;
    }
    if (!built) {
      cfg_build(&lp.cfg, f->fn);
      holders_build(&lp.h, g);
      built = 1;
    }
    int b = esc_ptrmap_get(&lp.cfg.index, LLVMGetInstructionParent(r->call));
    r->in_cycle = b < 0 || lp.cfg.sccs.cyclic[b];
    if (r->in_cycle && (b < 0 || !self_held(f, &lp, r->obj) || given(f, r) ||
                        ssa_live_at(f, &lp, r->obj, r->call))) {
      r->why = ESC_RG_LOOP;
      continue;
    }
    r->why = ESC_RG_OWNED;
    r->owned = owned = 1;
  }
  if (built) {
    cfg_free(&lp.cfg);
    holders_free(&lp.h);
  }
}

void esc_solve_flow(esc_func *f) { esc_graph_solve(&f->g); }

void esc_solve_verdicts(esc_func *f) {
  esc_graph *g = &f->g;
  esc_graph_close_returns(g);
  int ndrained = 0;
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    c->verdict = (esc_verdict){.reason = ESC_OK};
    c->drained = esc_drain_site(f->drain, c->call);
    if (g->over_budget)
      refuse(c, because(ESC_R_ANALYSIS_BUDGET, NULL));
    else if (!c->drained && esc_graph_obj_escaped(g, c->obj))
      refuse(c, because(ESC_R_FLOW, NULL));
    size_checks(f, c);
    if (c->drained && c->verdict.reason != ESC_OK)
      c->drained = NULL;
    /* A drained stack's node is drain.c's to prove: the graph, which sees
     * it stored into a global, takes no part (set aside below). */
    if (c->drained) {
      c->verdict = (esc_verdict){.reason = ESC_R_FLOW};
      ndrained++;
    }
  }
  if (g->over_budget) {
    for (int k = 0; k < f->nresults; k++)
      f->results[k].why = ESC_RG_BUDGET;
    return;
  }
  grows(f);
  checks(f);
  loops(f);
  groups(f);
  regions(f);
  /* A loop region's release, or an owned builder call's, gives back all
   * the side stack took since its mark: a node pushed in that loop, or
   * after that mark, would go with it.  Those stay then (the graph's
   * flow says where they go). */
  int marks = 0;
  for (int k = 0; k < f->ncands; k++)
    marks |= f->cands[k].verdict.reason == ESC_OK && f->cands[k].loop_region;
  for (int k = 0; k < f->nresults; k++)
    marks |= f->results[k].owned;
  for (int k = 0; k < f->ncands && ndrained; k++) {
    esc_cand *c = &f->cands[k];
    if (c->drained && marks)
      c->drained = NULL;
    if (c->drained) {
      c->verdict = (esc_verdict){.reason = ESC_OK};
      c->on_side_stack = 1;
      c->guarded = c->grown = c->loop_region = 0;
    }
  }
}

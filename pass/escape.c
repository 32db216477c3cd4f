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
 * The model: points-to sets, not deref counts
 * -------------------------------------------
 * Go's escape graph has one location per variable and edges weighted by a
 * dereference count (-1 address-of, 0 copy, 1 load), walked from the heap
 * and the results.  C stores through pointers everywhere, so this pass
 * asks the same question of an inclusion-based points-to graph (Andersen's
 * constraints; graph.c), in which a store is a constraint of its own:
 *
 *   objects    object 0, the unknown object: all memory the function does
 *              not own (globals, what callees return, the caller's memory);
 *              one per alloca; one per allocation site (the candidates);
 *              and per parameter i a chain P_i -> Q_i -> R_i -> S_i -> S_i:
 *              what it points to, one, two, three or more derefs down.
 *   locations  one per SSA value that may hold an address (integers too),
 *              one per object for its contents, a few temporaries, and
 *              `ret`; each holds pts, the set of objects whose address it
 *              may hold.  The heap is the contents of object 0.
 *
 *   IR (build.c)                    constraint
 *   %a = alloca / %p = malloc(n)    pts(a) ∋ A                  address
 *   %q = gep %p / cast / phi /      pts(q) ⊇ pts(p)             copy edge
 *        select / add / ptrtoint    (for every operand that may carry one)
 *   %v = load %p                    pts(v) ⊇ pts(contents(o)),  load
 *                                     for every o in pts(p)
 *   store %v, %p                    pts(contents(o)) ⊇ pts(v),  store
 *                                     for every o in pts(p); the heap instead
 *                                     when o is object 0 or a parameter's,
 *                                     but into P_k / Q_k: the caller's
 *                                     store, replayed at each call (graph.c)
 *   %d = sub (ptrtoint %q),         nothing, when q and p point into one
 *            (ptrtoint %p)            object (inbounds GEPs, phis): an offset
 *   ret %v                          pts(ret) ⊇ pts(v)
 *   a call                          call.c's dispatch (below)
 *   anything else                   heap ⊇ every operand; result ∋ object 0
 *
 * Numbers and pointers: each object's contents keep a part of their own,
 * `other`, for what stores of other than pointer type put there (it flows
 * into the contents).  A load whose !tbaa type is an arithmetic scalar (a
 * number read as a number) reads only that part: LLVM's TBAA takes such a
 * load and a pointer-typed store for accesses that never alias, so the
 * load cannot see a pointer so stored.  Moving bytes within an object
 * (memmove, a copy of its own bytes back into it) mixes the parts
 * (esc_graph_mix); a parameter's numbers are its PARAM_INT objects, and
 * a summary's RESULT_INT and MIX sinks carry the distinction to callers.
 * Only a struct field's scalar tag under clang's C root counts (a bare
 * scalar tag may be a union member's copy; two roots may alias).  Code
 * without TBAA (-fno-strict-aliasing) gets none of this.
 *
 * The solver propagates sets along copy edges and through the load and store
 * constraints with a worklist to the least fixed point.  An object in the
 * heap's set escapes; its contents then flow to the heap too, and it may hold
 * the unknown object.  So a pointer stored into a local struct, or into
 * another allocation that stays local, escapes only if that object does —
 * where Go sends every store through a pointer to the heap.  An address
 * that holds no known object at all (an integer constant, arithmetic on
 * null) may point anywhere: stores through it escape (graph.c, settle).
 *
 * Go's derefs live on in the parameter chain: whichever of P_i .. S_i
 * reaches the heap or `ret` is the level of the summary's tag (summary.c),
 * and the -m=2 flows (report.c) are walks back along the recorded edges.
 *
 * Calls (call.c)
 * --------------
 * One dispatch decides what a call does with the pointers it is given, and
 * the first rule that knows decides: an intrinsic (one table, by ID); an
 * allocator, free or realloc (alloc.c, from facts the bridge reports); the
 * callee's summary, for a function defined here with an exact definition;
 * the library model (libmodel.c), for a C library declaration; LLVM's
 * attributes (nocapture, readonly, nofree, returned) for everything else.
 * A pointer that reaches a callee which may free it stays on the heap.
 * A call through an allocator hook (a global slot that starts as malloc,
 * calloc or free: hooks.c) is that allocation or free; the rewrite tests
 * at run time that the value called is still the C library's.
 *
 * Verdicts (solve.c) and reasons (reason.c)
 * -----------------------------------------
 * Beyond the graph: every free must free converted objects only; callees
 * that may free an argument keep it on the heap; sizes must be small (a
 * run-time size gets a fixed buffer and a size check, the heap above it);
 * a site on a CFG cycle needs one object per iteration with none live into
 * the next; functions calling setjmp keep their heap.  Each rule that keeps
 * a site on the heap fills an esc_verdict with the facts it decided on, and
 * reason.c words it (Go's HeapAllocReason): the report re-decides nothing.
 *
 * Functions together (this file, summary.c)
 * -----------------------------------------
 * The call graph's strongly connected components are solved callees first.
 * A function's summary says per parameter what it may do with what the
 * parameter points to: leak it (at which level), return it (level 0..3),
 * free it, write into it.  Callers apply their callees' summaries instead
 * of giving up (call.c).  A recursive component starts from the least
 * summaries; a function is analysed again only when a peer summary its
 * graph read has grown, each new summary is joined into the old, and the
 * rounds end when none grows (summaries only grow and are finite: no cap).
 * Each function's last analysis is the one judged and rewritten.
 *
 * The stack
 * ---------
 * C stacks do not grow, so fixed slots are budgeted per object, per
 * function, and along call chains: bottom-up over the SCCs each function
 * learns the most converted bytes any chain of its callees holds, and may
 * add only what keeps the chain within -escape-max-chain-bytes.  Recursive
 * functions have no such bound: their sites take memory from a per-thread
 * side stack, released when the function returns (runtime/sidestack.c),
 * and the thread's stack is not touched.  A free of the object on the side
 * stack's top gives its memory back at once, so a loop whose objects are
 * freed in the reverse order reuses it every iteration (solve.c's lifo_ok
 * admits a loop's site only when a free can do that).
 *
 * Whole programs: allocation and free wrappers (xmalloc, xfree) are marked
 * alwaysinline before the inliner runs, so their malloc and free show up in
 * the callers (wrapper.c).  Under -flto the compile step only records the
 * sites; the link-time pipeline, which sees every file, analyses, rewrites
 * and reports once (lto.c).  At the pipeline's start every allocation site
 * is recorded as written (record.c, schema.c), so that one LLVM deletes
 * before this pass is still reported, at the line the user wrote
 * (ledger.c decides which record a line stands for and where it goes).
 *
 * Where each rule lives
 * ---------------------
 * Lowest layer first; a file uses only files above it in this list
 * (scripts/check-layers prints the real graph and fails on a circle).
 *   util.c      containers: vectors, maps, bitsets, the growable buffer
 *   bridge.cpp  C access to C++-only LLVM facts (TargetLibraryInfo,
 *               MemoryBuiltins, remarks, debug variables, the verifier,
 *               triples); reports facts, decides nothing; every
 *               LLVM_VERSION_MAJOR #if
 *   leaks.c     a parameter's leaks value: sinks x deref levels
 *   libmodel.c  the table of what C library functions do with pointers
 *   libcode.c   which code is the C library's (the include-tree rule), and
 *               the user's position of code inlined from it
 *   ir.c        IR facts (is it a call, null, a pointer) and the typed,
 *               shape-checked metadata reads and writes
 *   digraph.c   the directed graph of the call graph and the CFG; SCCs
 *   graph.c     locations, objects, constraints and the solver
 *   pts.c       points-to sets: sorted arrays that become bitsets when
 *               as large, so memory follows what the sets hold
 *   hooks.c     allocator hooks: which function a called slot starts as
 *               (malloc, calloc, free), for alloc.c
 *   alloc.c     which calls allocate, free or reallocate, their size,
 *               alignment and zeroing; each call classified once
 *   summary.c   a parameter summary read off a solved graph; least, join
 *   call.c      what a call does with its pointers: the one dispatch
 *   devirt.c    before the analysis: a call through a table that an own
 *               fresh object holds made direct (a field's value by a
 *               forward data-flow), small callees inlined
 *   region.c    builders (functions returning trees of their own objects)
 *               and the callers that own their results: RESULT objects
 *   builder.c   which functions are builders, their region copies, the
 *               owners' rewrite, the module's frees asking the side stack
 *   build.c     IR -> constraints, one switch over opcodes
 *   solve.c     verdicts: frees, may-free callees, sizes, loops, budgets
 *   reason.c    the words of each verdict (decided in solve.c)
 *   source.c    source files read once, for columns debug info lost
 *   schema.c    every record of the pass's metadata: fields, writer, reader
 *   ledger.c    which record a call stands for, merged copies, wrapper
 *               attribution, each line's FILE:LINE:COL, leftover records
 *   report.c    -m lines, -m=2 flows, remarks, printed once each
 *   profuse.c   -escape-profile-use: a profile read, each guarded site's
 *               buffer size from the sizes it asked for (solve.c fits it)
 *   sidestack.c the side stack's runtime linked into modules that use it
 *   rewrite.c   heap -> stack: slots, guarded buffers, frees, tail markers
 *   instrument.c -escape-profile's calls into the profiler
 *   lto.c       link-time mode: the phase and which options cross the link
 *   record.c    allocation sites as written, at the pipeline's start
 *   wrapper.c   which functions are allocation and free wrappers
 *   escape.c    this driver: the call graph, SCCs callees first, each
 *               function analysed, judged, reported and rewritten
 *   plugin.cpp  registration, pipeline hooks, the options (options.def:
 *               every option and budget, once)
 */
#include "digraph.h"
#include "internal.h"
#include "libmodel.h"
#include "region.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* esc_cg is the module's call graph over defined functions, for the
 * recursion policy and the bottom-up order: a call edge for each direct
 * call, and edges to every address-taken function from calls that may
 * reach one (indirect calls, code in other files, functions handed to a
 * call). */
typedef struct esc_cg {
  int n;
  LLVMValueRef *fns;
  esc_ptrmap index;
  esc_digraph g;
  esc_sccs sccs; /* callees' SCCs first; sccs.cyclic: the function recurses */
  esc_digraph reads; /* i -> j: i's graph reads j's summary (a direct call of
                        j, or j handed to a call: a library's callback) */
} esc_cg;

static int has_llvm_prefix(LLVMValueRef fn) {
  size_t n = 0;
  const char *name = LLVMGetValueName2(fn, &n);
  return n >= 5 && memcmp(name, "llvm.", 5) == 0;
}

static void cg_build(esc_cg *cg, LLVMModuleRef M, escb_ctx *ctx) {
  memset(cg, 0, sizeof *cg);
  int cap = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn)) {
      esc_ptrmap_put(&cg->index, fn, cg->n);
      ESC_PUSH(cg->fns, cg->n, cap, fn);
    }
  esc_digraph_init(&cg->g, cg->n);
  esc_digraph_init(&cg->reads, cg->n);
  int *taken = NULL, ntaken = 0, captaken = 0;
  for (int i = 0; i < cg->n; i++)
    if (esc_fn_address_taken(cg->fns[i]))
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
          esc_digraph_edge(&cg->g, i, j);
          esc_digraph_edge(&cg->reads, i, j);
        } else if (!LLVMIsAFunction(callee)) {
          /* An indirect call may reach any function whose address is taken. */
          for (int k = 0; k < ntaken; k++)
            esc_digraph_edge(&cg->g, i, taken[k]);
        } else if (!has_llvm_prefix(callee) && !escb_is_library_call(ctx, in)) {
          /* Code in another file may call back the functions whose address
           * it can have (a visitor stored in a struct): recursion through
           * it is recursion all the same.  Functions it could call by name
           * are not followed (the cost would be every visible function
           * that calls out; README, known gaps). */
          for (int k = 0; k < ntaken; k++)
            esc_digraph_edge(&cg->g, i, taken[k]);
        }
        /* External code handed one of our functions may call it back. */
        unsigned na = LLVMGetNumArgOperands(in);
        for (unsigned a = 0; a < na; a++) {
          int t = esc_ptrmap_get(&cg->index, LLVMGetOperand(in, a));
          if (t >= 0) {
            esc_digraph_edge(&cg->g, i, t);
            esc_digraph_edge(&cg->reads, i, t);
          }
        }
      }
  free(taken);
  esc_digraph_sccs(&cg->g, &cg->sccs);
}

static void cg_free(esc_cg *cg) {
  esc_digraph_free(&cg->g);
  esc_digraph_free(&cg->reads);
  esc_sccs_free(&cg->sccs);
  free(cg->fns);
  esc_ptrmap_free(&cg->index);
}

static void func_free(esc_func *f) {
  esc_graph_free(&f->g);
  free(f->cands);
  free(f->checks);
  free(f->pobj);
  free(f->pint);
  free(f->grown);
  free(f->results);
  free(f->loop_regions);
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
  esc_profuse *use; /* -escape-profile-use, else NULL */
  int changed;
  int sidestack; /* the side stack's runtime links into M (and switcher is
                    NULL): -1 not known yet */
  const char *switcher; /* switcher(M) */
  uint64_t *chain; /* per function: converted bytes on its deepest call chain */
  char *chained;   /* chain[i] is final */
  char *open;      /* per function, once judged: some call may leave what the
                      module sees (calls_out) */
  long analyses;   /* functions analysed (ESCAPE_DEBUG_ANALYSES) */
  esc_regions regions; /* builders and their owners (region.c) */
  esc_drain drain;     /* drained stacks (drain.c) */
} esc_run;

/* switcher: a function the module calls to switch a thread between stacks
 * (ucontext, Boost.Context): frames then end out of their order on the
 * thread, and a side-stack release in one context would free another's
 * objects, so there is no side stack.  NULL when it calls none. */
static const char *switcher(LLVMModuleRef M) {
  static const char *const names[] = {"swapcontext", "setcontext", "makecontext",
                                      "jump_fcontext", "ontop_fcontext", "make_fcontext"};
  for (unsigned k = 0; k < sizeof names / sizeof *names; k++)
    if (LLVMGetNamedFunction(M, names[k]))
      return names[k];
  return NULL;
}

static void analyse(esc_run *r, int i, esc_func *f) {
  memset(f, 0, sizeof *f);
  f->fn = r->cg.fns[i];
  f->ctx = r->ctx;
  f->opt = r->opt;
  f->sums = r->opt->interprocedural ? &r->sums : NULL;
  f->recursive = r->cg.sccs.cyclic[i];
  if (r->opt->side_stack && (f->recursive || r->opt->regions)) {
    if (r->sidestack < 0)
      r->sidestack = !r->switcher && esc_sidestack_usable(r->M);
    if (f->recursive) {
      f->side_stack_usable = r->sidestack;
      f->stack_switcher = r->switcher;
    } else {
      f->loop_side_usable = r->sidestack; /* solve.c loop_regions */
    }
  }
  f->drain = &r->drain;
  f->order = i;
  f->remarks = escb_remarks_enabled(r->ctx, f->fn);
  f->regions = &r->regions;
  esc_build(f);
  esc_solve_flow(f);
  r->analyses++;
}

/* libc_leaf: a declared function that runs no code of the program's own
 * on this stack, or not for long: one the C library model knows, one that
 * never returns (exit, abort: their atexit handlers are the exception),
 * one LLVM says calls nothing back. */
static int libc_leaf(LLVMValueRef fn) {
  size_t n = 0;
  const char *name = LLVMGetValueName2(fn, &n);
  return esc_libmodel_find(name, n) || esc_fn_has_attr(fn, "noreturn") ||
         esc_fn_has_attr(fn, "nocallback");
}

/* calls_out: whether a call of fn may run code whose frames the module's
 * chain budget does not count: an indirect call, a function of another file
 * (not a library function the model knows, nor an intrinsic), a definition
 * that may be replaced at link time, or a function of the module that does
 * (open; one not judged yet is on fn's own cycle), called or handed to a
 * library function that may call it back. */
static int calls_out(esc_run *r, int i, LLVMValueRef fn) {
  ESC_FOR_EACH_INST(fn, b, in) {
    if (!esc_is_call(in))
      continue;
    LLVMValueRef callee = LLVMGetCalledValue(in);
    if (LLVMIsAInlineAsm(callee))
      continue;
    if (!LLVMIsAFunction(callee))
      return 1;
    int j = esc_ptrmap_get(&r->cg.index, callee);
    if (j >= 0) {
      if (j != i && (!r->chained[j] || r->open[j] || !escb_has_exact_definition(callee)))
        return 1;
      continue;
    }
    if (!has_llvm_prefix(callee) && !escb_is_library_call(r->ctx, in) && !libc_leaf(callee))
      return 1;
    /* a function of the module handed to the call (qsort's comparator)
     * runs on top of it: its own calls count too */
    for (unsigned a = 0, na = LLVMGetNumArgOperands(in); a < na; a++) {
      int t = esc_ptrmap_get(&r->cg.index, LLVMGetOperand(in, a));
      if (t >= 0 && t != i && (!r->chained[t] || r->open[t]))
        return 1;
    }
  }
  return 0;
}

/* judge decides and reports one function whose summary is final (f: its
 * analysis with the final summaries); rewrite changes its body after. */
static void judge(esc_run *r, int i, esc_func *f) {
  esc_summary_extract(f, &r->sums.v[i]);
  if (r->use)
    esc_profuse_apply(r->use, f, &r->sites);
  /* Callees outside this SCC are finished; peers on a cycle count 0 (their
   * static conversions are capped by -escape-max-recursive-frame-bytes). */
  const esc_digraph *cg = &r->cg.g;
  for (int k = 0; k < cg->nsucc[i]; k++) {
    int j = cg->succ[i][k];
    if (r->chained[j] && r->chain[j] > f->chain_below)
      f->chain_below = r->chain[j];
  }
  f->calls_out = r->open[i] = (char)calls_out(r, i, f->fn);
  esc_solve_verdicts(f);
  esc_region_probe(&r->regions, i, f);
  r->chain[i] = f->chain_below + f->frame_used;
  r->chained[i] = 1;
  /* A body imported from another module (ThinLTO) is analysed for its
   * summary; its own module reports and rewrites it. */
  if (LLVMGetLinkage(f->fn) == LLVMAvailableExternallyLinkage)
    return;
  if (r->opt->m > 0 || f->remarks) {
    for (int k = 0; k < f->ncands; k++)
      esc_report_site(&r->rep, f, &f->cands[k], &r->sites);
    esc_report_params(&r->rep, f, &r->sums.v[i], &r->sites);
    esc_report_results(&r->rep, f);
    esc_report_indirect(f);
    if (r->opt->m > 0)
      esc_report_refused(&r->rep, f);
  }
}

/* rewrite: the profiler's notes of a judged function, then its rewrite. */
static void rewrite(esc_run *r, int i, esc_func *f) {
  if (LLVMGetLinkage(f->fn) == LLVMAvailableExternallyLinkage)
    return;
  esc_region_copy(&r->regions, i, f); /* from the body before its rewrite */
  if (r->prof)
    esc_prof_note(r->prof, f, &r->sites);
  if (r->opt->rewrite) {
    esc_rewrite(f);
    esc_region_rewrite(&r->regions, f);
  }
  if (r->prof)
    esc_prof_grown(r->prof, f);
  r->changed |= f->nconverted > 0;
}

/* finish judges, reports and rewrites one function whose summary is final;
 * kept is its analysis with the final summaries (from the SCC's last
 * round), or NULL to analyse it now. */
static void finish(esc_run *r, int i, esc_func *kept) {
  esc_func f;
  if (kept)
    f = *kept;
  else
    analyse(r, i, &f);
  judge(r, i, &f);
  rewrite(r, i, &f);
  func_free(&f);
}

/* func_bytes: about the memory an analysed function's graph holds. */
static size_t func_bytes(const esc_func *f) {
  const esc_graph *g = &f->g;
  size_t n = (size_t)g->nobjs * sizeof(esc_obj) + (size_t)g->caplocs * sizeof(esc_loc);
  for (int l = 0; l < g->nlocs; l++)
    n += esc_pts_bytes(&g->locs[l].pts, g->words) + (size_t)g->locs[l].capout * sizeof(esc_edge) +
         (size_t)(g->locs[l].caploads + g->locs[l].capstores) * sizeof(int) +
         (size_t)g->locs[l].capstore_at * sizeof(LLVMValueRef);
  return n;
}

/* esc_member is a function of a recursive SCC during its fixed point. */
typedef struct esc_member {
  long analysed_at; /* clock of its last analysis; -1 none yet */
  long changed_at;  /* clock of its summary's last change; -1 none */
  int kept;         /* f is its last analysis */
  int judged;       /* f is judged and reported, not yet rewritten */
  esc_func f;
} esc_member;

/* esc_peers: a recursive SCC's members while they are judged, for -m=2
 * flows that cross a call to a peer (report.c). */
typedef struct esc_peers {
  const esc_run *r;
  const esc_member *m;
  const int *slot;
  int comp;
} esc_peers;

static const esc_func *peer_of(const void *peers, LLVMValueRef fn, int *in_scc) {
  const esc_peers *p = peers;
  int j = esc_ptrmap_get(&p->r->cg.index, fn);
  *in_scc = j >= 0 && p->r->cg.sccs.of[j] == p->comp;
  return *in_scc && p->m[p->slot[j]].judged ? &p->m[p->slot[j]].f : NULL;
}

/* stale: the member's last analysis read a summary that has changed since
 * (a direct call of a peer is an edge through the peer's summary, and a
 * library call's callback takes the callback's leaks; an indirect call
 * reads no summary). */
static int stale(esc_run *r, const esc_member *m, int i, const int *slot, int comp) {
  const esc_member *me = &m[slot[i]];
  if (me->analysed_at < 0)
    return 1;
  if (!r->opt->interprocedural)
    return 0; /* no summary is read */
  const esc_digraph *reads = &r->cg.reads;
  for (int k = 0; k < reads->nsucc[i]; k++) {
    int j = reads->succ[i][k];
    if (r->cg.sccs.of[j] == comp && m[slot[j]].changed_at > me->analysed_at)
      return 1;
  }
  return 0;
}

/* scc solves strongly connected component comp = order[from .. to) of the
 * call graph, callees' SCCs being final (slot: scratch, function -> its
 * place in the component).  A function on no cycle is analysed once, by finish.
 * A recursive SCC starts from the least summaries (Go's batch of mutually
 * recursive functions); round by round, in a fixed order, each function
 * whose last analysis read a peer's summary that has changed since is
 * analysed again, and its new summary joined into its current one, until
 * a round analyses nothing.  Summaries only grow and are finitely many
 * bits, so this ends, with no cap on the rounds.  (The join is a guard: a
 * peer's new leaks only add flow, except that a parameter that leaks needs
 * no may-free check, so FREED can give way to the larger HEAP, and a graph
 * that more flow puts past the solver's budget summarises as everything.)
 * At the end every function's last analysis read the final summaries: it
 * is the graph a new analysis would build, and finish judges it.  A call
 * from F to a peer G is an edge through G's summary, a sound description
 * of G given its peers' summaries, so by induction on the depth of calls,
 * of every activation of G. */
static void scc(esc_run *r, int from, int to, int comp, int *slot) {
  const int *order = r->cg.sccs.order;
  if (to - from == 1 && !r->cg.sccs.cyclic[order[from]]) {
    finish(r, order[from], NULL);
    return;
  }
  int n = to - from;
  esc_member *m = esc_alloc((size_t)n * sizeof *m);
  for (int k = 0; k < n; k++) {
    int i = order[from + k];
    slot[i] = k;
    m[k].analysed_at = m[k].changed_at = -1;
    esc_summary_least(r->cg.fns[i], &r->sums.v[i]);
  }
  long clock = 0;
  size_t kept_bytes = 0;
  for (int busy = 1; busy;) {
    busy = 0;
    for (int k = 0; k < n; k++) {
      int i = order[from + k];
      if (!stale(r, m, i, slot, comp))
        continue;
      busy = 1;
      if (m[k].kept) {
        kept_bytes -= func_bytes(&m[k].f);
        func_free(&m[k].f);
        m[k].kept = 0;
      }
      m[k].analysed_at = clock++;
      analyse(r, i, &m[k].f);
      esc_summary next = {0};
      esc_summary_extract(&m[k].f, &next);
      if (esc_summary_join(&r->sums.v[i], &next))
        m[k].changed_at = clock++;
      esc_summary_free(&next);
      /* The graphs wait for finish within a memory budget; past it, finish
       * builds the same graph again. */
      size_t bytes = func_bytes(&m[k].f);
      if (kept_bytes + bytes <= (size_t)ESC_SCC_KEEP_BYTES) {
        kept_bytes += bytes;
        m[k].kept = 1;
      } else {
        func_free(&m[k].f);
      }
    }
  }
  /* The kept graphs are judged and reported first, each able to explain a
   * flow into a judged peer, and rewritten after: a rewrite changes its own
   * function's body only (the side stack's runtime it may link in adds
   * functions, and touches none), so a kept graph still describes its
   * function while the peers are judged. A member whose graph was not kept
   * is analysed again, finished at once, and explains no peer's flow. */
  esc_peers peers = {r, m, slot, comp};
  for (int k = 0; k < n; k++)
    if (m[k].kept) {
      m[k].f.peer = peer_of;
      m[k].f.peers = &peers;
    }
  for (int k = 0; k < n; k++) {
    int i = order[from + k];
    if (!m[k].kept) {
      finish(r, i, NULL);
      continue;
    }
    judge(r, i, &m[k].f);
    m[k].judged = 1;
  }
  for (int k = 0; k < n; k++)
    if (m[k].kept) {
      rewrite(r, order[from + k], &m[k].f);
      func_free(&m[k].f);
    }
  free(m);
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

/* profile_use: -escape-profile-use's profile, or NULL; a file that
 * cannot be read or is no profile is an error of the compile, said once
 * (as a bad -escape-print-allocs is), and the guarded buffers keep their
 * default size.  A profile with no sizes at all says so in a note. */
static esc_profuse *profile_use(LLVMModuleRef M, const char *path) {
  if (!path || !path[0])
    return NULL;
  char err[2400], msg[2600];
  esc_profuse *p = esc_profuse_load(path, err, sizeof err);
  if (!p) {
    snprintf(msg, sizeof msg, "-escape-profile-use: %s", err);
    LLVMValueRef fn = LLVMGetFirstFunction(M);
    if (fn)
      escb_error(fn, msg);
    else
      fprintf(stderr, "error: %s\n", msg);
    return NULL;
  }
  if (!esc_profuse_sized(p))
    fprintf(stderr, "escape: note: -escape-profile-use: '%s' records no allocation sizes (a "
                    "profile of an older runtime, or no site with a run-time size ran): "
                    "guarded buffers keep -escape-guard-bytes\n", path);
  return p;
}

int esc_run_module(LLVMModuleRef M, escb_ctx *ctx, const esc_options *given) {
  /* Compiled for -flto: the link analyses every file at once and reports;
   * the compile step only recorded the sites (lto.c).  A profile for the
   * link is read here too, so that a bad one stops the compile step. */
  int phase = esc_lto_get(M);
  if (!given->link && phase == ESC_LTO_PRELINK) {
    esc_lto_set(M, ESC_LTO_DEFERRED);
    if (given->m > 0 && given->lto_note)
      esc_lto_note(M);
    esc_profuse_free(profile_use(M, given->profile_use));
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
  esc_report_setup(&r.rep, M, &linkopt); /* -escape-print-allocs */
  r.M = M;
  r.ctx = ctx;
  r.opt = opt;
  r.sidestack = -1;
  r.switcher = switcher(M);
  /* Calls through a table made direct first: the sites and the call graph
   * are those of the code that runs. */
  r.changed |= esc_devirt_module(M, ctx) > 0;
  esc_sites_load(M, &r.sites);
  esc_sites_mark_seen(M, ctx, &r.sites); /* the report and the remarks both need it */
  cg_build(&r.cg, M, ctx);
  /* Stacks a function empties before it returns (drain.c): the whole
   * program's functions are needed to see it. */
  int whole = opt->link || opt->whole_program;
  if (opt->drained && opt->side_stack && !r.switcher && whole) {
    esc_drain_find(&r.drain, M, ctx, r.switcher, opt->max_object_bytes, whole);
    if (r.drain.n && !(r.sidestack = esc_sidestack_usable(M)))
      esc_drain_free(&r.drain);
  }
  r.sums.v = esc_alloc(((size_t)r.cg.n + 1) * sizeof *r.sums.v);
  r.chain = esc_alloc(((size_t)r.cg.n + 1) * sizeof *r.chain);
  r.chained = esc_alloc((size_t)r.cg.n + 1);
  r.open = esc_alloc((size_t)r.cg.n + 1);
  r.sums.n = r.cg.n;
  for (int i = 0; i < r.cg.n; i++)
    esc_ptrmap_put(&r.sums.index, r.cg.fns[i], i);
  /* Builders' objects owned by their callers: on the side stack, so not
   * where stacks are switched, and not while profiling (the profiler
   * counts heap sites, and a region copy's are not its own). */
  esc_regions_init(&r.regions, M, r.cg.fns, r.cg.n, &r.cg.index, &r.cg.g, &r.cg.sccs,
                   opt->regions && opt->side_stack && !r.switcher && !opt->profile);
  if (opt->profile)
    r.prof = esc_prof_new(M);
  r.use = profile_use(M, opt->profile_use);
  int *slot = esc_alloc(((size_t)r.cg.n + 1) * sizeof(int));
  for (int k = 0; k < r.cg.sccs.n; k++)
    scc(&r, r.cg.sccs.start[k], r.cg.sccs.start[k + 1], k, slot);
  free(slot);
  r.changed |= esc_region_finish(&r.regions, opt->mark_rewritten) > 0;
  esc_regions_free(&r.regions);
  esc_drain_free(&r.drain);
  /* A debugging aid for the cost of the SCCs' fixed points (tests:
   * test/ir/Scc_analyses.ll): not an option, not recorded for the link. */
  if (getenv("ESCAPE_DEBUG_ANALYSES"))
    fprintf(stderr, "escape: %ld analyses of %d functions\n", r.analyses, r.cg.n);
  leftovers(&r, lto && !given->link);
  if (r.prof) {
    r.changed |= esc_prof_finish(r.prof, ctx);
    esc_prof_free(r.prof);
  }
  esc_profuse_free(r.use);
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
  free(r.open);
  esc_ptrmap_free(&r.sums.index);
  cg_free(&r.cg);
  return r.changed;
}

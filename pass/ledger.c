/* ledger.c — the site ledger: what the report makes of the records taken
 * at the pipeline's start (record.c; their schema: schema.c).
 *
 * At the end of the pipeline every allocation call still in the module is
 * matched to the record it stands for, and the ledger decides where its
 * report line goes and which records are left over:
 *   - a call with its own record (by node, or by position when some pass
 *     rebuilt it) is reported where the user wrote it (a copy inlined from
 *     a library header: at the user's call, esc_user_debug_loc);
 *   - a call inlined from allocation wrappers of other files is reported at
 *     the outermost recorded wrapper call (`use.c:8:12: xmalloc(64)`);
 *   - a call LLVM merged from several (SimplifyCFG hoisting or sinking)
 *     stands for every unseen record of the same callee in its function;
 *   - a record with no copy left was removed by the optimizer; a site in a
 *     library header is reported instead at each user's call that lost its
 *     copy, a site inside an allocation wrapper at the wrapper's calls, and
 *     a wrapper call that is still a call stays on the heap.
 * report.c formats what is decided here.  Exercised by test/report/
 * (Report_forms.c, Report_merged.c, Removed_library_inlined.cpp),
 * test/wrapper/Wrapper_report.c and test/lto/ (LTO_wrapper_chain.test,
 * LTO_report.test).
 */
#include "ledger.h"
#include "alloc.h"
#include "libcode.h"

#include <llvm-c/DebugInfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* add_site reads one !escape.sites node into the ledger; -1 if it is not
 * one. */
static int add_site(esc_sites *s, LLVMValueRef node) {
  esc_site site;
  if (!esc_schema_site_read(node, &site))
    return -1;
  esc_ptrmap_put(&s->bynode, node, s->n);
  ESC_PUSH(s->v, s->n, s->cap, site);
  return s->n - 1;
}

static void load_calls(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_schema_calls(M, &n);
  for (unsigned k = 0; k < n; k++) {
    esc_site c;
    if (esc_schema_call_read(nodes[k], &c))
      ESC_PUSH(s->calls, s->ncalls, s->capcalls, c);
  }
  free(nodes);
}

static void load_params(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_schema_params(M, &n);
  for (unsigned k = 0; k < n; k++) {
    esc_param p;
    if (esc_schema_param_read(nodes[k], &p))
      ESC_PUSH(s->params, s->nparams, s->capparams, p);
  }
  free(nodes);
}

static int usercall_order(const void *pa, const void *pb) {
  const esc_usercall *a = pa, *b = pb;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  int c = strcmp(a->file, b->file);
  return c ? c : a->site - b->site;
}

/* load_usercalls reads !escape.usercalls, sorted by position for
 * usercalls_seen.  A record of another module's site (ThinLTO import) has
 * nothing to report. */
static void load_usercalls(LLVMModuleRef M, esc_sites *s) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_schema_usercalls(M, &n);
  for (unsigned k = 0; k < n; k++) {
    LLVMValueRef node = NULL, chain = NULL;
    esc_usercall u;
    if (!esc_schema_usercall_read(nodes[k], &node, &chain, &u))
      continue;
    u.site = node ? esc_ptrmap_get(&s->bynode, node) : -1;
    if (u.site < 0) {
      free(u.file);
      free(u.caller);
      free(u.callee);
      continue;
    }
    ESC_PUSH(s->usercalls, s->nusercalls, s->capusercalls, u);
    esc_site *st = &s->v[u.site];
    if (!st->nusercalls++) /* the chain, from the site's first record */
      st->chain = esc_schema_chain_read(chain, &st->nchain);
  }
  free(nodes);
  if (s->nusercalls > 1)
    qsort(s->usercalls, (size_t)s->nusercalls, sizeof *s->usercalls, usercall_order);
}

void esc_sites_load(LLVMModuleRef M, esc_sites *s) {
  memset(s, 0, sizeof *s);
  esc_srcfiles_input(&s->src, M);
  s->kind = esc_schema_site_kind(M);
  load_calls(M, s);
  esc_wrappers_load(M, &s->wrappers);
  unsigned n = 0;
  LLVMValueRef *nodes = esc_schema_sites(M, &n);
  for (unsigned k = 0; k < n; k++)
    if (esc_ptrmap_get(&s->bynode, nodes[k]) < 0) /* merged modules may repeat a node */
      add_site(s, nodes[k]);
  free(nodes);
  load_params(M, s);
  load_usercalls(M, s);
}

/* usercalls_seen: a copy of a site (site: its index, or -1 and `alloc`
 * its allocator's name for a call no record matches), or when alloc is
 * NULL and site -1 a call of function `fn` (one of the functions between
 * a recorded call and a site), is still there at the recorded call at
 * DILocation `at` (a frame of its location): the records there of that
 * site, of sites of that allocator, or of that chain, are not reported as
 * removed.  The path is made only where some record has the line. */
static void usercalls_seen(esc_sites *s, LLVMMetadataRef at, int site, const char *alloc,
                           const char *fn) {
  unsigned line = LLVMDILocationGetLine(at), col = LLVMDILocationGetColumn(at);
  char file[1024];
  int have_file = 0;
  int lo = 0, hi = s->nusercalls;
  while (lo < hi) { /* the first record at or after (line, col) */
    int mid = (lo + hi) / 2;
    const esc_usercall *u = &s->usercalls[mid];
    if (u->line < line || (u->line == line && u->col < col))
      lo = mid + 1;
    else
      hi = mid;
  }
  for (int k = lo; k < s->nusercalls; k++) {
    esc_usercall *u = &s->usercalls[k];
    if (u->line != line || u->col != col)
      break;
    if (!have_file)
      have_file = esc_loc_path(at, file, sizeof file) ? 1 : -1;
    if (have_file < 0 || strcmp(u->file, file) != 0)
      continue;
    const esc_site *of = &s->v[u->site];
    int match = site >= 0 ? u->site == site : alloc && strcmp(of->callee, alloc) == 0;
    for (int j = 0; site < 0 && !alloc && j < of->nchain && !match; j++)
      match = strcmp(of->chain[j], fn) == 0;
    if (match)
      u->seen = 1;
  }
}

/* esc_sites_find: the recorded site of an allocation call — by its node, else
 * (the call was rebuilt by some pass) by its position. */
esc_site *esc_sites_find(esc_sites *s, LLVMValueRef call) {
  LLVMValueRef md = LLVMGetMetadata(call, s->kind);
  int k = md ? esc_ptrmap_get(&s->bynode, md) : -1;
  if (md && k < 0 && s->n > 0) {
    /* Recorded in another module and imported with its function (ThinLTO):
     * the node itself says where it was written. */
    k = add_site(s, md);
    if (k >= 0)
      s->v[k].seen = 1;
  }
  if (k >= 0)
    return &s->v[k];
  unsigned line = LLVMGetDebugLocLine(call), col = LLVMGetDebugLocColumn(call);
  char file[1024];
  if (!line || !esc_inst_path(call, file, sizeof file))
    return NULL;
  for (int k = 0; k < s->n; k++)
    if (s->v[k].line == line && s->v[k].col == col && strcmp(s->v[k].file, file) == 0)
      return &s->v[k];
  return NULL;
}

/* esc_sites_mark_seen: every recorded site that still has a copy, before
 * any merged call claims sites (esc_sites_places), and every user's call
 * whose copy of a library header's site, or call of the library function
 * holding it, is still there. */
void esc_sites_mark_seen(LLVMModuleRef M, escb_ctx *ctx, esc_sites *sites) {
  if (sites->n == 0)
    return;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, b, i) {
        esc_callinfo ci;
        if (!esc_is_call(i))
          continue;
        LLVMValueRef callee = LLVMGetCalledValue(i);
        LLVMMetadataRef loc = LLVMGetDebugLocLine(i) ? LLVMInstructionGetDebugLoc(i) : NULL;
        if (sites->nusercalls && LLVMIsAFunction(callee) && loc) {
          /* A recorded call of a function that holds a site (or leads to
           * one), not inlined: the site's copy is in that function's body.
           * Each frame of the location: the call may itself be inlined. */
          size_t len = 0;
          const char *name = LLVMGetValueName2(callee, &len);
          char cname[512];
          snprintf(cname, sizeof cname, "%.*s", (int)len, name);
          for (LLVMMetadataRef l = loc; l; l = LLVMDILocationGetInlinedAt(l))
            usercalls_seen(sites, l, -1, NULL, cname);
        }
        if (!esc_is_alloc_site(ctx, i, &ci))
          continue;
        esc_site *s = esc_sites_find(sites, i);
        int inlined = loc && LLVMDILocationGetInlinedAt(loc);
        if (s) {
          s->seen = 1;
          s->own_seen |= !inlined;
        }
        /* A copy inlined at recorded calls (found, or merged: by the
         * allocator's name): those calls keep their object. */
        if (sites->nusercalls && loc) {
          char alloc[256];
          escb_display_name(callee, alloc, sizeof alloc);
          for (LLVMMetadataRef l = loc; l; l = LLVMDILocationGetInlinedAt(l))
            usercalls_seen(sites, l, s ? (int)(s - sites->v) : -1, alloc, NULL);
        }
      }
}

/* merged: recorded sites that an unmatched call may stand for.  Passes
 * that merge two calls into one (SimplifyCFG hoisting or sinking) drop the
 * site ids and blur the position; the merged call then stands for every
 * unseen site of the same callee recorded in its function, so none of them
 * is reported as removed while a copy of it still allocates.  Marks them
 * seen and returns how many were stored in out[]. */
static int merged(esc_sites *s, LLVMValueRef call, const char *callee, esc_site **out,
                  int max) {
  size_t fl = 0;
  const char *fn = LLVMGetValueName2(
      LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)), &fl);
  int n = 0;
  for (int k = 0; k < s->n && n < max; k++) {
    esc_site *site = &s->v[k];
    if (site->seen || strcmp(site->callee, callee) != 0 || strlen(site->fn) != fl ||
        memcmp(site->fn, fn, fl) != 0)
      continue;
    site->seen = site->own_seen = 1;
    out[n++] = site;
  }
  return n;
}

/* recorded_call: the recorded call of `callee` at file:line:col, or NULL. */
static esc_site *recorded_call(esc_sites *s, const char *file, unsigned line, unsigned col,
                               const char *callee) {
  for (int k = 0; k < s->ncalls; k++) {
    esc_site *c = &s->calls[k];
    if (c->line == line && c->col == col && strcmp(c->callee, callee) == 0 &&
        strcmp(c->file, file) == 0)
      return c;
  }
  return NULL;
}

/* inline_chain: escb_inline_chain with each frame's file as printed (the
 * file of the call it was inlined at, esc_loc_path). */
static int inline_chain(LLVMValueRef call, escb_frame *chain, int max) {
  int n = escb_inline_chain(call, chain, max);
  LLVMMetadataRef l = LLVMInstructionGetDebugLoc(call);
  for (int k = 0; k < n && l; k++) {
    l = LLVMDILocationGetInlinedAt(l);
    if (l)
      esc_loc_path(l, chain[k].file, sizeof chain[k].file);
  }
  return n;
}

/* wrapper_call: for an allocation inlined from wrappers, the recorded
 * wrapper call in the code of the function it now lives in, or NULL. */
static esc_site *wrapper_call(esc_sites *s, LLVMValueRef call, int claim, esc_place *at) {
  const esc_wrappers *w = &s->wrappers;
  if (w->n == 0 || s->ncalls == 0)
    return NULL;
  escb_frame chain[16];
  int n = inline_chain(call, chain, 16), at_frame = -1;
  /* From the allocation outwards, through the frames of inlined wrappers:
   * the outermost call of a wrapper from another file is the one the user
   * wrote.  zmalloc -> ymalloc -> xmalloc -> malloc, with ymalloc and
   * zmalloc in one file, is reported at the call of zmalloc; the calls it
   * passes through stand for the same object and are not reported again.
   * A wrapper of the caller's own file is walked through but not reported
   * at (a helper there keeps the position of its allocation, one line per
   * inlined copy, DESIGN.md); a function that is no wrapper ends the walk. */
  esc_site *found = NULL;
  for (int k = 0; k < n && chain[k].line && esc_wrappers_has(w, chain[k].fn); k++) {
    if (!esc_wrappers_elsewhere(w, chain[k].fn, chain[k].file))
      continue;
    esc_site *c = recorded_call(s, chain[k].file, chain[k].line, chain[k].col, chain[k].fn);
    if (!c)
      continue; /* recorded in a module not linked here (ThinLTO) */
    if (found && claim)
      found->seen = 1;
    found = c;
    at_frame = k;
  }
  /* The function that calls the wrapper was itself inlined (kept() calls
   * xmalloc(16) and main calls kept()): the copy is main's, reported at
   * its call of kept, "inlined from kept at use.c:37:12" at -m=2. */
  if (found && at && at_frame + 2 < n && chain[n - 2].line) {
    esc_buf t = {0};
    esc_buf_printf(&t, "%s at %s:%u:%u", chain[at_frame + 1].fn, found->file, found->line,
                   found->col);
    at->site = found;
    at->file = esc_strdup(chain[n - 2].file);
    at->line = chain[n - 2].line;
    at->col = chain[n - 2].col;
    at->inlined = t.s;
  }
  return found;
}

/* holder: for a call inlined into another function, the place of its
 * line: the call in the function that holds the copy (the outermost frame
 * of its location), and what was inlined, "F at FILE:LINE:COL" (the
 * function whose body holds the allocation, where it is).  0: not
 * inlined. */
static int holder(LLVMValueRef call, esc_place *p) {
  LLVMMetadataRef l = LLVMInstructionGetDebugLoc(call);
  LLVMMetadataRef out = l ? LLVMDILocationGetInlinedAt(l) : NULL;
  if (!out || !LLVMDILocationGetLine(l))
    return 0;
  for (LLVMMetadataRef up; (up = LLVMDILocationGetInlinedAt(out));)
    out = up;
  char file[1024], inner[1024];
  if (!LLVMDILocationGetLine(out) || !esc_loc_path(out, file, sizeof file))
    return 0;
  p->file = esc_strdup(file);
  p->line = LLVMDILocationGetLine(out);
  p->col = LLVMDILocationGetColumn(out);
  escb_frame fr[1];
  if (escb_inline_chain(call, fr, 1) < 1)
    fr[0].fn[0] = 0;
  esc_loc_path(l, inner, sizeof inner);
  esc_buf t = {0};
  esc_buf_printf(&t, "%s at %s:%u:%u", fr[0].fn[0] ? fr[0].fn : "?", inner,
                 LLVMDILocationGetLine(l), LLVMDILocationGetColumn(l));
  p->inlined = t.s;
  return 1;
}

/* place: a line at the record's position (own: at the call's own place,
 * for an inlined copy the call in the function that holds it, Go's
 * convention, DESIGN.md). */
static esc_place place(LLVMValueRef call, const esc_site *site, int own) {
  esc_place p = {site, NULL, 0, 0, NULL};
  char file[1024];
  unsigned line = 0, col = 0;
  if (own && holder(call, &p))
    return p;
  if (own && esc_user_debug_loc(call, file, sizeof file, &line, &col)) {
    p.file = esc_strdup(file);
    p.line = line;
    p.col = col;
  } else if (site && site->line) {
    p.file = esc_strdup(site->file);
    p.line = site->line;
    p.col = site->col;
  }
  return p;
}

/* esc_sites_places: the report lines of allocation call `call` (at least
 * one, at most ESC_PLACES_MAX), and which records they stand for (marked
 * seen). */
int esc_sites_places(esc_sites *s, LLVMValueRef call, esc_place *out) {
  esc_site *site = esc_sites_find(s, call);
  esc_place held = {NULL, NULL, 0, 0, NULL};
  esc_site *wrapped = wrapper_call(s, call, 1, &held);
  if (wrapped) { /* inlined from an allocation wrapper: the call written */
    if (site)
      site->seen = 1;
    wrapped->seen = 1;
    out[0] = held.file ? held : place(call, wrapped, 0);
    return 1;
  }
  if (site || s->n == 0) {
    out[0] = place(call, site, 1);
    return 1;
  }
  /* A call no recorded site matches: LLVM merged several into it. */
  char callee[256];
  escb_display_name(LLVMGetCalledValue(call), callee, sizeof callee);
  esc_site *from[ESC_PLACES_MAX];
  int n = merged(s, call, callee, from, ESC_PLACES_MAX);
  for (int k = 0; k < n; k++)
    out[k] = place(call, from[k], 0);
  if (n == 0)
    out[n++] = place(call, NULL, 1);
  return n;
}

/* esc_sites_place_of: where the first report line of allocation call
 * `call` goes, claiming no record: the profiler's position for the call
 * (its table has one row per call; a call LLVM merged from several sites
 * takes its own position).  s NULL: no records, the call's own place. */
esc_place esc_sites_place_of(esc_sites *s, LLVMValueRef call) {
  esc_place held = {NULL, NULL, 0, 0, NULL};
  esc_site *wrapped = s ? wrapper_call(s, call, 0, &held) : NULL;
  esc_place p = held.file ? held
                : wrapped ? place(call, wrapped, 0)
                          : place(call, s ? esc_sites_find(s, call) : NULL, 1);
  free(p.inlined);
  p.inlined = NULL;
  return p;
}

/* at_wrapper_calls: the site is inside an allocation wrapper whose calls
 * were recorded: the report names those calls instead. */
static int at_wrapper_calls(const esc_sites *s, const esc_site *site) {
  for (int k = 0; k < s->ncalls; k++)
    if (strcmp(s->calls[k].callee, site->fn) == 0 &&
        esc_wrappers_elsewhere(&s->wrappers, site->fn, s->calls[k].file))
      return 1;
  return 0;
}

/* usercalls_removed: how many of the user's calls recorded for a site in
 * a library header lost their inlined copy of it. */
static int usercalls_removed(const esc_sites *sites, int site) {
  int n = 0;
  for (int k = 0; k < sites->nusercalls; k++)
    n += sites->usercalls[k].site == site && !sites->usercalls[k].seen;
  return n;
}

/* called_recorded: calls of u's caller are recorded for u's site too (its
 * copies inlined there stand for the copy u's caller had). */
static int called_recorded(const esc_sites *s, const esc_usercall *u) {
  for (int k = 0; k < s->nusercalls; k++) {
    const esc_usercall *c = &s->usercalls[k];
    if (c->site == u->site && strcmp(c->callee, u->caller) == 0 &&
        strcmp(c->caller, u->caller) != 0)
      return 1;
  }
  return 0;
}

static void leftover(esc_leftover **v, int *n, int *cap, esc_leftover_kind kind,
                     const esc_site *site) {
  esc_leftover l = {kind, *site};
  ESC_PUSH(*v, *n, *cap, l);
}

/* wrapper_leftovers: the recorded wrapper calls no allocation claimed: a
 * call still there (not inlined) stays on the heap, one that is gone was
 * removed by the optimizer.  own: the module's source file, when only
 * records made in it count, or NULL. */
static void wrapper_leftovers(LLVMModuleRef M, esc_sites *s, const char *own,
                              esc_leftover **v, int *n, int *cap) {
  if (s->wrappers.n == 0 || s->ncalls == 0)
    return;
  /* Calls of wrappers that were not inlined. */
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (LLVMGetLinkage(fn) == LLVMAvailableExternallyLinkage)
      continue;
    ESC_FOR_EACH_INST(fn, b, i) {
        if (!esc_is_call(i) || !LLVMIsAFunction(LLVMGetCalledValue(i)))
          continue;
        char name[256];
        escb_source_name(LLVMGetCalledValue(i), name, sizeof name);
        if (!esc_wrappers_has(&s->wrappers, name))
          continue;
        char fbuf[1024];
        if (!esc_inst_path(i, fbuf, sizeof fbuf))
          continue;
        if (!esc_wrappers_elsewhere(&s->wrappers, name, fbuf))
          continue;
        esc_site *c = recorded_call(s, fbuf, LLVMGetDebugLocLine(i),
                                    LLVMGetDebugLocColumn(i), name);
        if (!c || c->seen)
          continue;
        c->seen = 1;
        leftover(v, n, cap, ESC_LEFT_WRAPPER_KEPT, c);
      }
  }
  for (int k = 0; k < s->ncalls; k++) {
    esc_site *c = &s->calls[k];
    if (c->seen || !esc_wrappers_elsewhere(&s->wrappers, c->callee, c->file) ||
        (own && strcmp(c->module, own) != 0))
      continue;
    c->seen = 1;
    leftover(v, n, cap, ESC_LEFT_WRAPPER_REMOVED, c);
  }
}

/* esc_sites_leftovers: the records with no allocation call of their own
 * once every function is reported, in report order (*out: free it; the
 * sites' strings stay the ledger's).  own_only: a ThinLTO backend, which
 * holds records imported with other modules' code: only its own are
 * reported when nothing is left of them.  wrappers: also the wrapper calls
 * (for the report only). */
int esc_sites_leftovers(LLVMModuleRef M, esc_sites *s, int own_only, int wrappers,
                        esc_leftover **out) {
  esc_leftover *v = NULL;
  int n = 0, cap = 0;
  char *own = NULL;
  if (own_only) {
    size_t len = 0;
    const char *src = LLVMGetSourceFileName(M, &len);
    own = esc_alloc(len + 1);
    memcpy(own, src, len);
  }
  /* The site's own copy, in the function it was written in: gone while
   * that function is still defined, or gone with every other copy.  A
   * function deleted after it was inlined takes its own copy with it; the
   * copies inlined into its callers are theirs (below). */
  for (int k = 0; k < s->n; k++) {
    esc_site *site = &s->v[k];
    if (site->own_seen || (own && strcmp(site->module, own) != 0) ||
        at_wrapper_calls(s, site))
      continue; /* (the wrapper's calls stand for it) */
    LLVMValueRef fn = LLVMGetNamedFunction(M, site->fn);
    int defined = fn && !LLVMIsDeclaration(fn);
    if (!defined && (site->seen || (site->nusercalls && usercalls_removed(s, k))))
      continue;
    leftover(&v, &n, &cap, ESC_LEFT_REMOVED, site);
  }
  /* A copy inlined at a recorded call and deleted there: reported at that
   * call, as a copy that survives is (esc_sites_places), when the caller
   * is still defined (else its copies went on into its own callers). */
  for (int k = 0; k < s->nusercalls; k++) {
    const esc_usercall *u = &s->usercalls[k];
    esc_site at = s->v[u->site];
    if (u->seen || (own && strcmp(at.module, own) != 0) || at_wrapper_calls(s, &s->v[u->site]))
      continue;
    LLVMValueRef caller = LLVMGetNamedFunction(M, u->caller);
    if ((!caller || LLVMIsDeclaration(caller)) && called_recorded(s, u))
      continue;
    at.file = u->file;
    at.line = u->line;
    at.col = u->col;
    at.fn = u->caller;
    at.origin = &s->v[u->site];
    leftover(&v, &n, &cap, ESC_LEFT_REMOVED, &at);
  }
  if (wrappers)
    wrapper_leftovers(M, s, own, &v, &n, &cap);
  free(own);
  *out = v;
  return n;
}

/* param_cmp orders parameter records by function name, then index, then
 * their place in the module (the first of two equal records wins). */
static int param_cmp(const void *pa, const void *pb) {
  const esc_param *a = *(const esc_param *const *)pa, *b = *(const esc_param *const *)pb;
  int c = strcmp(a->fn, b->fn);
  if (c)
    return c;
  if (a->index != b->index)
    return a->index < b->index ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* key_cmp: the record against (name of length len, index). */
static int key_cmp(const esc_param *p, const char *name, size_t len, unsigned i) {
  int c = strncmp(p->fn, name, len);
  if (c)
    return c;
  if (p->fn[len])
    return 1; /* longer than the name */
  return p->index < i ? -1 : p->index > i;
}

/* esc_sites_param: the recorded name and position of parameter i of fn
 * (a binary search: a linear one per parameter grew with the square of
 * the module's parameters). */
static const esc_param *esc_sites_param(esc_sites *s, LLVMValueRef fn, unsigned i) {
  if (s->nparams == 0)
    return NULL;
  if (!s->byname) {
    s->byname = esc_alloc((size_t)s->nparams * sizeof *s->byname);
    for (int k = 0; k < s->nparams; k++)
      s->byname[k] = &s->params[k];
    qsort(s->byname, (size_t)s->nparams, sizeof *s->byname, param_cmp);
  }
  size_t fl = 0;
  const char *name = LLVMGetValueName2(fn, &fl);
  int lo = 0, hi = s->nparams;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (key_cmp(s->byname[mid], name, fl, i) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < s->nparams && key_cmp(s->byname[lo], name, fl, i) == 0)
    return s->byname[lo];
  return NULL;
}

/* esc_sites_param_at: the name parameter i of fn is reported by, and its
 * position (*line 0: none; file is set when *line is not): the record made
 * at the pipeline's start, else its debug variable (the column read from
 * the source when debug info lost it), else argN at the function's
 * position. */
void esc_sites_param_at(esc_sites *s, LLVMValueRef fn, unsigned i,
                        char name[ESC_PARAM_NAME], char file[ESC_PARAM_FILE],
                        unsigned *line, unsigned *col) {
  char dir[ESC_PARAM_FILE];
  const esc_param *p = esc_sites_param(s, fn, i);
  if (p) {
    snprintf(name, ESC_PARAM_NAME, "%s", p->name);
    snprintf(file, ESC_PARAM_FILE, "%s", p->file);
    *line = p->line;
    *col = p->col;
  } else if (escb_param_debug(fn, i, name, ESC_PARAM_NAME, file, dir, ESC_PARAM_FILE, line,
                              col)) {
    if (!*col)
      *col = esc_source_column(&s->src, dir, file, *line, name);
    esc_fn_path(fn, file, dir, ESC_PARAM_FILE);
  } else {
    /* No variable: argN (the result ~r0 for a hidden sret pointer, as
     * Go names results), at the function's position when known. */
    if (escb_param_sret(fn, i))
      snprintf(name, ESC_PARAM_NAME, "~r0");
    else
      snprintf(name, ESC_PARAM_NAME, "arg%u", i);
    *line = 0;
    if (escb_function_debug(fn, file, dir, ESC_PARAM_FILE, line)) {
      size_t fl = 0;
      const char *fname = LLVMGetValueName2(fn, &fl);
      char fnname[256];
      snprintf(fnname, sizeof fnname, "%.*s", (int)fl, fname);
      *col = esc_source_column(&s->src, dir, file, *line, fnname);
      esc_fn_path(fn, file, dir, ESC_PARAM_FILE);
    }
  }
}

/* esc_site_text: "callee(arg, ...)" as written, from the record. */
char *esc_site_text(const esc_site *s) {
  esc_buf t = {0};
  esc_buf_printf(&t, "%s(", s->callee);
  for (int k = 0; k < s->nargs; k++)
    esc_buf_printf(&t, "%s%s", k ? ", " : "", s->args[k]);
  esc_buf_printf(&t, ")");
  return t.s;
}

/* esc_call_text: an allocation call as every line names it, "malloc(64)":
 * its record's argument text where the argument is not a constant, and the
 * record as a whole when LLVM rebuilt the call (another callee or arity:
 * malloc + memset became calloc). */
char *esc_call_text(LLVMValueRef call, const esc_site *site) {
  esc_buf t = {0};
  char callee[256], arg[256];
  escb_display_name(LLVMGetCalledValue(call), callee, sizeof callee);
  unsigned nargs = LLVMGetNumArgOperands(call);
  if (site && (strcmp(callee, site->callee) != 0 || (int)nargs != site->nargs))
    return esc_site_text(site); /* LLVM rebuilt the call (malloc + memset
                                   became calloc): print it as written */
  esc_buf_printf(&t, "%s(", callee);
  for (unsigned k = 0; k < nargs; k++) {
    LLVMValueRef a = LLVMGetOperand(call, k);
    if (!LLVMIsAConstantInt(a) && site && (int)k < site->nargs)
      snprintf(arg, sizeof arg, "%s", site->args[k]);
    else
      esc_arg_text(a, arg, sizeof arg);
    esc_buf_printf(&t, "%s%s", k ? ", " : "", arg);
  }
  esc_buf_printf(&t, ")");
  return t.s;
}

/* The list of allocation wrappers, read from !escape.wrappers (schema.c);
 * every entry is added through esc_wrappers_add, which owns both strings. */
void esc_wrappers_load(LLVMModuleRef M, esc_wrappers *w) {
  memset(w, 0, sizeof *w);
  unsigned n = 0;
  LLVMValueRef *nodes = esc_schema_wrappers(M, &n);
  for (unsigned k = 0; k < n; k++) {
    char *name, *file;
    if (!esc_schema_wrapper_read(nodes[k], &name, &file))
      continue; /* not a record of ours: no information */
    esc_wrappers_add(w, name, file);
    free(name);
    free(file);
  }
  free(nodes);
}

/* esc_wrappers_listed: is (name, file) listed? */
int esc_wrappers_listed(const esc_wrappers *w, const char *name, const char *file) {
  for (int k = 0; k < w->n; k++)
    if (strcmp(w->v[k].name, name) == 0 && strcmp(w->v[k].file, file) == 0)
      return 1;
  return 0;
}

void esc_wrappers_add(esc_wrappers *w, const char *name, const char *file) {
  if (esc_wrappers_listed(w, name, file))
    return;
  esc_wrapper e = {esc_strdup(name), esc_strdup(file)};
  ESC_PUSH(w->v, w->n, w->cap, e);
}

int esc_wrappers_has(const esc_wrappers *w, const char *name) {
  for (int k = 0; k < w->n; k++)
    if (strcmp(w->v[k].name, name) == 0)
      return 1;
  return 0;
}

/* esc_wrappers_elsewhere: a wrapper named `name` is listed and none of
 * that name is defined in `file` (a static one of the caller's own file
 * keeps the caller's positions). */
int esc_wrappers_elsewhere(const esc_wrappers *w, const char *name, const char *file) {
  int other = 0;
  for (int k = 0; k < w->n; k++) {
    if (strcmp(w->v[k].name, name) != 0)
      continue;
    if (strcmp(w->v[k].file, file) == 0)
      return 0;
    other = 1;
  }
  return other;
}

void esc_wrappers_free(esc_wrappers *w) {
  for (int k = 0; k < w->n; k++) {
    free(w->v[k].name);
    free(w->v[k].file);
  }
  free(w->v);
  memset(w, 0, sizeof *w);
}

/* esc_sites_forget removes the pass's site metadata from the module. */
void esc_sites_forget(LLVMModuleRef M, esc_sites *s) {
  esc_schema_forget_sites(M, s->kind);
}

void esc_sites_free(esc_sites *s) {
  for (int k = 0; k < s->n; k++)
    esc_site_clear(&s->v[k]);
  free(s->v);
  for (int k = 0; k < s->nparams; k++) {
    free(s->params[k].fn);
    free(s->params[k].name);
    free(s->params[k].file);
  }
  free(s->params);
  free(s->byname);
  for (int k = 0; k < s->ncalls; k++)
    esc_site_clear(&s->calls[k]);
  free(s->calls);
  for (int k = 0; k < s->nusercalls; k++) {
    free(s->usercalls[k].file);
    free(s->usercalls[k].caller);
    free(s->usercalls[k].callee);
  }
  free(s->usercalls);
  esc_ptrmap_free(&s->bynode);
  esc_wrappers_free(&s->wrappers);
  esc_srcfiles_free(&s->src);
  memset(s, 0, sizeof *s);
}

/* report.c — the Go-style report: one line per allocation site (and, at
 * -escape-m=2, the reason and the flow), in source order, on stderr.
 *
 *   f.c:12:9: malloc(64) does not escape
 *   f.c:20:14: malloc(1048576) escapes to heap:
 *   f.c:20:14:   too large for stack (1048576 bytes > 65536)
 *
 * The words of a verdict are reason.c's; the flows are drawn here from the
 * solved graph, which the report only reads (esc_graph_lookup, const).
 * Which record a line stands for and at which FILE:LINE:COL it goes is the
 * ledger's decision (ledger.c: esc_sites_places, esc_sites_leftovers);
 * this file words and prints the lines.  Exercised by test/report/.
 */
#include "internal.h"

#include <llvm-c/DebugInfo.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void obj_name(const esc_func *f, int obj, char *buf, size_t n, int depth);
static void value_name(const esc_func *f, int loc, char *buf, size_t n, int depth);

/* name_value: the name of v's location.  The report only reads the graph:
 * an instruction or argument it has no location for is named from the
 * value itself, as a location of its own with nothing else known would
 * be. */
static void name_value(const esc_func *f, LLVMValueRef v, char *buf, size_t n, int depth);

/* value_text: the name of a location holding IR value v (no object's
 * contents, no temporary): its variable, a parameter, a call, or what it
 * was loaded or derived from. */
static void value_text(const esc_func *f, LLVMValueRef v, char *buf, size_t n, int depth) {
  char inner[256];
  if (LLVMIsAAllocaInst(v) && escb_value_var_name(v, inner, sizeof inner)) {
    snprintf(buf, n, "&%s", inner);
    return;
  }
  if (escb_value_var_name(v, buf, n))
    return;
  if (LLVMIsAArgument(v)) {
    char file[1024], dir[1024];
    unsigned line, col;
    LLVMValueRef fn = LLVMGetParamParent(v);
    for (unsigned k = 0; k < LLVMCountParams(fn); k++)
      if (LLVMGetParam(fn, k) == v) {
        if (!escb_param_debug(fn, k, buf, n, file, dir, sizeof file, &line, &col))
          snprintf(buf, n, "arg%u", k);
        return;
      }
  }
  if (esc_is_call(v) && LLVMIsAFunction(LLVMGetCalledValue(v))) {
    char callee[200];
    escb_display_name(LLVMGetCalledValue(v), callee, sizeof callee);
    snprintf(buf, n, "%s(...)", callee);
    return;
  }
  if (LLVMIsALoadInst(v) && LLVMIsAAllocaInst(LLVMGetOperand(v, 0)) &&
      escb_value_var_name(LLVMGetOperand(v, 0), buf, n))
    return; /* a load of variable x is x */
  if (LLVMIsALoadInst(v)) {
    name_value(f, LLVMGetOperand(v, 0), inner, sizeof inner, depth + 1);
    snprintf(buf, n, "*%s", inner);
    return;
  }
  if (LLVMIsAGetElementPtrInst(v) || LLVMIsACastInst(v)) {
    name_value(f, LLVMGetOperand(v, 0), buf, n, depth + 1);
    return;
  }
  snprintf(buf, n, "a temporary");
}

static void name_value(const esc_func *f, LLVMValueRef v, char *buf, size_t n, int depth) {
  int loc = esc_graph_lookup(&f->g, v);
  if (loc >= 0 || !(LLVMIsAInstruction(v) || LLVMIsAArgument(v)))
    value_name(f, loc, buf, n, depth);
  else if (depth > 4)
    snprintf(buf, n, "a temporary");
  else
    value_text(f, v, buf, n, depth);
}

/* value_name: a source-level name for a location in a flow explanation:
 * its variable, a parameter, "*p" for what p points to, the allocation as
 * written, or "a temporary". */
static void value_name(const esc_func *f, int loc, char *buf, size_t n, int depth) {
  char inner[256];
  const esc_loc *l = loc >= 0 ? &f->g.locs[loc] : NULL;
  if (depth > 4 || !l) {
    snprintf(buf, n, "a temporary");
    return;
  }
  if (l->content_of >= 0) { /* the contents of an object */
    const esc_obj *o = &f->g.objs[l->content_of];
    obj_name(f, l->content_of, inner, sizeof inner, depth + 1);
    snprintf(buf, n, o->kind == ESC_OBJ_ALLOCA ? "%s" : "*%s", inner);
    return;
  }
  if (l->deref_of >= 0) {
    value_name(f, l->deref_of, inner, sizeof inner, depth + 1);
    snprintf(buf, n, "*%s", inner);
    return;
  }
  if (!l->val) {
    snprintf(buf, n, "a temporary");
    return;
  }
  value_text(f, l->val, buf, n, depth);
}

/* obj_name: the name of an object: its variable (alloca), the variable its
 * allocation is assigned to, or a parameter. */
static void obj_name(const esc_func *f, int obj, char *buf, size_t n, int depth) {
  const esc_obj *o = &f->g.objs[obj];
  if (o->inst) {
    if (LLVMIsAAllocaInst(o->inst) && escb_value_var_name(o->inst, buf, n))
      return;
    name_value(f, o->inst, buf, n, depth);
    return;
  }
  if (o->kind == ESC_OBJ_PARAM || o->kind == ESC_OBJ_PARAM_CONTENT ||
      o->kind == ESC_OBJ_PARAM_DEEP) {
    char inner[256];
    name_value(f, LLVMGetParam(f->fn, (unsigned)o->param), inner, sizeof inner, depth + 1);
    int depth = obj - f->pobj[o->param]; /* P, Q, R, S: 0..3 derefs down */
    snprintf(buf, n, "%.*s%s%s", depth + 1, "****", inner, depth == 3 ? "..." : "");
    return;
  }
  if (o->kind == ESC_OBJ_PARAM_INT) { /* a number read from *p, **p, ... */
    char inner[256];
    name_value(f, LLVMGetParam(f->fn, (unsigned)o->param), inner, sizeof inner, depth + 1);
    snprintf(buf, n, "a number in %.*s%s%s", o->level, "***", inner, o->level == 3 ? "..." : "");
    return;
  }
  snprintf(buf, n, "unknown memory");
}

/* call_arg_text: "passed to parameter K of F, which leaks it" for the
 * argument of a call that location src (or the pointer it was loaded from)
 * holds; how is the words of the rule call.c applied (why_text). */
static void call_arg_text(const esc_func *f, LLVMValueRef call, int src, const char *what,
                          const char *how, char *buf, size_t n) {
  char name[200];
  esc_callee_text(call, name, sizeof name);
  int from = f->g.locs[src].deref_of >= 0 ? f->g.locs[src].deref_of : src;
  unsigned nargs = LLVMGetNumArgOperands(call), k;
  for (k = 0; k < nargs; k++)
    if (esc_graph_lookup(&f->g, LLVMGetOperand(call, k)) == from)
      break;
  if (k < nargs)
    snprintf(buf, n, "%s parameter %u of %s, %s", what, k, name, how);
  else
    snprintf(buf, n, "%s %s, %s", what, name, how);
}

/* call_words: how a call's rule is worded: the argument itself, or what
 * it points to, and what the callee does with it. */
static const struct {
  esc_why why;
  const char *what, *how;
} call_words[] = {
    {ESC_WHY_CALL_ARG, "passed to", "which may keep it"},
    {ESC_WHY_CALL_CONTENT, "pointed to by", "which may keep it"},
    {ESC_WHY_SUMMARY_ARG, "passed to", "which leaks it"},
    {ESC_WHY_SUMMARY_CONTENT, "pointed to by", "which leaks it"},
    {ESC_WHY_MODEL_ARG, "passed to", "which keeps it"},
    {ESC_WHY_MODEL_CONTENT, "pointed to by", "which keeps it"},
    {ESC_WHY_OUT_ARG, "passed to", "which prints it"},
    {ESC_WHY_OUT_CONTENT, "pointed to by", "which writes it out"},
};

/* summary_store: for a store edge a call made from its callee's summary
 * (call.c, into_stores: "i at level d into k at level e"), from location
 * src: " by F at POS", the callee's store, and in *target the argument
 * stored into (k) and in *level e; 0 when the edge is no such store. */
static int summary_store(const esc_func *f, LLVMValueRef at, int src, char *by, size_t n,
                         LLVMValueRef *target, int *level) {
  if (!at || !esc_is_call(at) || !LLVMIsAFunction(LLVMGetCalledValue(at)))
    return 0;
  const esc_summary *s = esc_summary_of(f->sums, LLVMGetCalledValue(at));
  if (!s)
    return 0;
  const esc_graph *g = &f->g;
  unsigned nargs = LLVMGetNumArgOperands(at);
  for (int d = 0, l = src; d < ESC_LEAKS_LEVELS && l >= 0; d++, l = g->locs[l].deref_of)
    for (unsigned i = 0; i < nargs && (int)i < s->nparams; i++) {
      if (esc_graph_lookup(g, LLVMGetOperand(at, i)) != l)
        continue;
      for (int k = 0; k < s->nparams && k < ESC_INTO_PARAMS; k++)
        for (int e = 0; e < 2; e++) {
          LLVMValueRef store = s->into_at[i][2 * k + e];
          if (!store || !esc_leaks_has(&s->leaks[i], esc_sink_into(k, e), d))
            continue;
          char name[200], pos[1100];
          esc_callee_text(at, name, sizeof name);
          esc_pos_text(store, pos, sizeof pos);
          snprintf(by, n, " by %s at %s", name, pos);
          *target = LLVMGetOperand(at, (unsigned)k);
          *level = e;
          return 1;
        }
    }
  return 0;
}

static void why_text(const esc_func *f, int src, esc_why why, LLVMValueRef at, char *buf,
                     size_t n) {
  switch (why) {
  case ESC_WHY_RETURN: snprintf(buf, n, "returned"); return;
  case ESC_WHY_STORE_UNK: {
    char by[1400];
    LLVMValueRef target;
    int level;
    if (summary_store(f, at, src, by, sizeof by, &target, &level)) {
      /* the callee stored it through an argument: into what that points to */
      LLVMValueRef p = target;
      while (p && (LLVMIsAGetElementPtrInst(p) || LLVMIsAConstantExpr(p)) &&
             LLVMGetNumOperands(p) > 0)
        p = LLVMGetOperand(p, 0);
      size_t k = 0;
      const char *gl = p && LLVMIsAGlobalVariable(p) ? LLVMGetValueName2(p, &k) : NULL;
      char dest[256] = "";
      if (!gl)
        name_value(f, target, dest, sizeof dest, 0);
      if (gl)
        snprintf(buf, n, "stored to %sglobal %.*s%s", level ? "what is pointed to by " : "",
                 (int)k, gl, by);
      else if (dest[0] == '&')
        snprintf(buf, n, "stored to %s%s%s", level ? "*" : "", dest + 1, by);
      else if (dest[0] && strcmp(dest, "a temporary") != 0)
        snprintf(buf, n, "stored to %s*%s%s", level ? "*" : "", dest, by);
      else
        snprintf(buf, n, "stored to memory not owned by this function%s", by);
      return;
    }
    LLVMValueRef p = at ? LLVMGetOperand(at, LLVMIsAStoreInst(at) ? 1 : 0) : NULL;
    while (p && (LLVMIsAGetElementPtrInst(p) || LLVMIsAConstantExpr(p)) &&
           LLVMGetNumOperands(p) > 0)
      p = LLVMGetOperand(p, 0);
    size_t k = 0;
    const char *g = p && LLVMIsAGlobalVariable(p) ? LLVMGetValueName2(p, &k) : NULL;
    char dest[256] = "";
    if (!g && at && LLVMIsAStoreInst(at))
      name_value(f, LLVMGetOperand(at, 1), dest, sizeof dest, 0);
    if (g)
      snprintf(buf, n, "stored to global %.*s", (int)k, g);
    else if (dest[0] == '&')
      snprintf(buf, n, "stored to %s", dest + 1);
    else if (dest[0] && strcmp(dest, "a temporary") != 0)
      snprintf(buf, n, "stored to *%s", dest);
    else
      snprintf(buf, n, "stored to memory not owned by this function");
    return;
  }
  /* The callee's part in a call: by the rule call.c applied (graph.h). */
  case ESC_WHY_CALL_ARG: case ESC_WHY_CALL_CONTENT: case ESC_WHY_SUMMARY_ARG:
  case ESC_WHY_SUMMARY_CONTENT: case ESC_WHY_MODEL_ARG: case ESC_WHY_MODEL_CONTENT:
  case ESC_WHY_OUT_ARG: case ESC_WHY_OUT_CONTENT:
    for (size_t k = 0; k < sizeof call_words / sizeof *call_words; k++)
      if (call_words[k].why == why)
        call_arg_text(f, at, src, call_words[k].what, call_words[k].how, buf, n);
    return;
  case ESC_WHY_CALL_RET: snprintf(buf, n, "returned by a call"); return;
  case ESC_WHY_ASM: snprintf(buf, n, "passed to inline assembly"); return;
  case ESC_WHY_INDIRECT: snprintf(buf, n, "passed to an indirect call"); return;
  case ESC_WHY_MUSTTAIL: snprintf(buf, n, "passed to a musttail call"); return;
  case ESC_WHY_REALLOC: snprintf(buf, n, "passed to realloc"); return;
  case ESC_WHY_VOLATILE: snprintf(buf, n, "stored by a volatile store"); return;
  case ESC_WHY_CONTENT: snprintf(buf, n, "held by an object that escapes"); return;
  case ESC_WHY_STORE: snprintf(buf, n, "stored into an object"); return;
  case ESC_WHY_LOAD: snprintf(buf, n, "loaded"); return;
  case ESC_WHY_COPY: snprintf(buf, n, "assigned"); return;
  case ESC_WHY_OTHER:
    snprintf(buf, n, "used by an instruction the analysis does not model (%s)",
             at ? LLVMGetInstructionOpcode(at) == LLVMCall ? "call" : "instruction"
                : "unknown");
    return;
  }
  snprintf(buf, n, "?");
}

/* peer_call: whether an edge applied a recursive peer's summary (escape.c;
 * a call of the function itself too), and the peer's analysis when it can
 * explain its part, with the parameter the value was passed to, else NULL. */
static const esc_func *peer_call(const esc_func *f, int src, const esc_edge *e, int *param,
                                 int *recursive) {
  *recursive = 0;
  if (!f->peer || e->why != ESC_WHY_SUMMARY_ARG || !e->at || !esc_is_call(e->at))
    return NULL;
  LLVMValueRef callee = LLVMGetCalledValue(e->at);
  if (!LLVMIsAFunction(callee))
    return NULL;
  if (callee == f->fn) {
    *recursive = 1;
    return NULL;
  }
  const esc_func *g = f->peer(f->peers, callee, recursive);
  if (!g)
    return NULL;
  unsigned nargs = LLVMGetNumArgOperands(e->at);
  for (unsigned k = 0; k < nargs && (int)k < g->nparams; k++)
    if (esc_graph_lookup(&f->g, LLVMGetOperand(e->at, k)) == src) {
      *param = (int)k;
      return g;
    }
  return NULL;
}

/* shortest: breadth-first from start through locations holding obj to the
 * heap, filling prev and prev_edge; with grounded, an edge into the heap
 * through a recursive peer's summary does not count (the peer may leak it
 * only because this function does: a circular explanation). */
static int shortest(const esc_func *f, int start, int obj, int grounded, int *prev,
                    int *prev_edge, int *queue) {
  const esc_graph *g = &f->g;
  for (int i = 0; i < g->nlocs; i++)
    prev[i] = -2;
  int qh = 0, qt = 0, param, recursive;
  prev[start] = -1;
  queue[qt++] = start;
  while (qh < qt && prev[g->heap] == -2) {
    int l = queue[qh++];
    for (int e = 0; e < g->locs[l].nout; e++) {
      int d = g->locs[l].out[e].dst;
      if (prev[d] != -2 || !esc_graph_holds(g, d, obj) ||
          (g->locs[l].filtered && esc_bit_get(g->param_objs, obj)))
        continue;
      if (grounded && d == g->heap &&
          (peer_call(f, l, &g->locs[l].out[e], &param, &recursive), recursive))
        continue;
      prev[d] = l;
      prev_edge[d] = e;
      queue[qt++] = d;
    }
  }
  return prev[g->heap] >= 0;
}

static void flow_in(const esc_func *f, int start, int obj, int depth, const char *in,
                    esc_buf *out);

/* flow: the shortest chain of edges from a location holding obj to the
 * heap, through locations that hold obj, Go-style:
 *   flow: {heap} = p:
 *     from p (passed to parameter 0 of keep, which leaks it) at f.c:9:3
 * A step through an object that escapes itself ("held by ...") is followed
 * by that object's own flow, to a depth of 3; so is a last step into a
 * recursive peer, by the peer's flow of that parameter. */
static void flow(const esc_func *f, int start, int obj, int depth, esc_buf *out) {
  flow_in(f, start, obj, depth, NULL, out);
}

/* flow_in: flow, the header naming the function when in is not NULL (a
 * recursive peer's flow, continued from its caller's). */
static void flow_in(const esc_func *f, int start, int obj, int depth, const char *in,
                    esc_buf *out) {
  const esc_graph *g = &f->g;
  if (start < 0)
    return;
  int *prev = esc_alloc((size_t)g->nlocs * sizeof(int));
  int *prev_edge = esc_alloc((size_t)g->nlocs * sizeof(int));
  int *queue = esc_alloc((size_t)g->nlocs * sizeof(int));
  if (!shortest(f, start, obj, 1, prev, prev_edge, queue))
    shortest(f, start, obj, 0, prev, prev_edge, queue);
  const char *indent = depth == 0 ? "" : depth == 1 ? "  " : depth == 2 ? "    " : "      ";
  if (prev[g->heap] == -2 || prev[g->heap] < 0) {
    esc_buf_printf(out, "%s  flow: {heap} = ...: (not recorded)\n", indent);
  } else {
    int path[64], np = 0;
    for (int l = g->heap; prev[l] >= 0 && np < 64; l = prev[l])
      path[np++] = l;
    char name[256], why[400], pos[1100], head[256], last[256] = "";
    value_name(f, prev[g->heap], head, sizeof head, 0);
    esc_buf steps = {0};
    int held = -1;
    for (int k = np - 1; k >= 0; k--) {
      int d = path[k], s = prev[d];
      const esc_edge *e = &g->locs[s].out[prev_edge[d]];
      if (e->why == ESC_WHY_COPY || e->why == ESC_WHY_LOAD ||
          (e->why == ESC_WHY_RETURN && !e->at))
        continue;
      value_name(f, s, name, sizeof name, 0);
      if (e->why == ESC_WHY_CONTENT && g->locs[s].content_of > 0) {
        char owner[256];
        held = g->locs[s].content_of;
        obj_name(f, held, owner, sizeof owner, 0);
        if (g->objs[held].kind == ESC_OBJ_ALLOCA)
          snprintf(why, sizeof why, "the variable itself escapes");
        else
          snprintf(why, sizeof why, "held by %s, which escapes", owner);
      } else if (e->why == ESC_WHY_STORE && g->locs[d].content_of > 0) {
        char into[256], by[1400] = "";
        LLVMValueRef target;
        int level;
        value_name(f, d, into, sizeof into, 0);
        if (!summary_store(f, e->at, s, by, sizeof by, &target, &level))
          by[0] = 0;
        snprintf(why, sizeof why, "stored into %s%s", into, by);
      } else {
        why_text(f, s, e->why, e->at, why, sizeof why);
      }
      if (e->at) {
        esc_pos_text(e->at, pos, sizeof pos);
        esc_buf_printf(&steps, "%s    from %s (%s) at %s\n", indent, name, why, pos);
      } else {
        esc_buf_printf(&steps, "%s    from %s (%s)\n", indent, name, why);
      }
      snprintf(last, sizeof last, "%s", name);
    }
    /* The header names what reaches the heap: the last step's value when
     * the final location is a nameless temporary. */
    esc_buf_printf(out, "%s  flow: {heap} = %s%s%s:\n", indent,
                   strcmp(head, "a temporary") == 0 && last[0] ? last : head,
                   in ? " in " : "", in ? in : "");
    if (steps.len)
      esc_buf_printf(out, "%s", steps.s);
    esc_buf_free(&steps);
    if (held > 0 && depth >= 3)
      esc_buf_printf(out, "%s    (explanation truncated: holders nest deeper)\n", indent);
    else if (held > 0 && depth < 3 && g->objs[held].kind == ESC_OBJ_HEAP)
      flow(f, f->cands[g->objs[held].cand].addr, held, depth + 1, out);
    else if (held > 0 && depth < 3 && g->objs[held].inst)
      flow(f, esc_graph_lookup(g, g->objs[held].inst), held, depth + 1, out);
    else if (held > 0 && depth < 3 && g->objs[held].kind == ESC_OBJ_PARAM)
      flow(f, esc_graph_lookup(g, LLVMGetParam(f->fn, (unsigned)g->objs[held].param)),
           held, depth + 1, out);
    else if (held <= 0 && depth < 3) {
      /* The last step passed it to a recursive peer: the peer's own flow
       * says where it goes (Go explains a batch of mutually recursive
       * functions as one graph). */
      int s = prev[g->heap], k = -1, recursive;
      const esc_func *p = peer_call(f, s, &g->locs[s].out[prev_edge[g->heap]], &k, &recursive);
      if (p) {
        size_t n = 0;
        const char *pn = LLVMGetValueName2(p->fn, &n);
        char pname[256];
        snprintf(pname, sizeof pname, "%.*s", (int)n, pn);
        flow_in(p, esc_graph_lookup(&p->g, LLVMGetParam(p->fn, (unsigned)k)), p->pobj[k],
                depth + 1, pname, out);
      }
    }
  }
  free(prev);
  free(prev_edge);
  free(queue);
}

/* reason_text: a site's -m=2 lines: its flow when it escapes by flow, else
 * the words of its verdict. */
static void reason_text(const esc_func *f, const esc_cand *c, esc_buf *out) {
  if (c->verdict.reason == ESC_R_FLOW)
    flow(f, c->addr, c->obj, 0, out);
  else
    esc_reason_text(c, out);
}

static void push(esc_report *r, esc_entry *e) {
  e->seq = r->n;
  ESC_PUSH(r->v, r->n, r->cap, *e);
}

/* trim: a detail line without its indentation. */
static const char *trim(const char *s) {
  while (*s == ' ')
    s++;
  return s;
}

/* site_remark: the verdict as an LLVM remark: passed MovedToStack, missed
 * StaysOnHeap, as named arguments: the Allocation; its first -m=2 line as
 * the Reason (why it stays on the heap, or how it moved when that is not a
 * plain stack slot: guarded, side stack) and each further line as a Flow;
 * for a copy inlined into another function, per level of the inlining
 * chain (innermost first) the function inlined (InlinedFrom) and the call
 * it was inlined at (InlinedAt).  scripts/escape-build reads these from
 * the optimization records; the remark stays at the allocation call. */
#define REMARK_LINES 32
#define REMARK_FRAMES 8
static void site_remark(esc_func *f, esc_cand *c, const esc_entry *e) {
  const char *parts[2 * (2 + 2 * REMARK_LINES + 4 * REMARK_FRAMES + 1)];
  int n = 0;
  char *lines[REMARK_LINES];
  int nlines = 0;
  escb_frame chain[REMARK_FRAMES];
  char at[REMARK_FRAMES][1100];
#define PART(key, value) (parts[2 * n] = (key), parts[2 * n++ + 1] = (value))
  PART("Allocation", e->text);
  PART(NULL, e->stack ? " does not escape" : " escapes to heap");
  for (const char *l = e->detail ? e->detail : ""; *l && nlines < REMARK_LINES;) {
    const char *nl = strchr(l, '\n');
    size_t len = nl ? (size_t)(nl - l) : strlen(l);
    char *line = esc_alloc(len + 1);
    memcpy(line, l, len);
    lines[nlines++] = line;
    PART(NULL, nlines == 1 ? ": " : "; ");
    size_t tl = strlen(line);
    if (tl && line[tl - 1] == ':') /* "flow: {heap} = p:" heads the steps */
      line[tl - 1] = 0;
    PART(nlines == 1 ? "Reason" : "Flow", trim(line));
    l += len + (nl ? 1 : 0);
  }
  int nframes = escb_inline_chain(c->call, chain, REMARK_FRAMES);
  char cudir[1024], cuname[1024], path[1024];
  LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(c->call);
  int unit = loc && escb_scope_unit(loc, cudir, cuname, sizeof cudir);
  for (int k = 0; k + 1 < nframes && chain[k].line; k++) {
    /* each file as clang's diagnostics print it, as every position is */
    esc_path_text(chain[k].file, chain[k].dir, unit ? cudir : NULL, unit ? cuname : NULL, path,
                  sizeof path);
    snprintf(at[k], sizeof at[k], "%s:%u:%u", path, chain[k].line, chain[k].col);
    PART(NULL, k ? ", " : " (");
    PART("InlinedFrom", chain[k].fn);
    PART(NULL, " inlined at ");
    PART("InlinedAt", at[k]);
    if (k + 2 == nframes || !chain[k + 1].line)
      PART(NULL, ")");
  }
#undef PART
  escb_remark(f->ctx, e->stack ? ESCB_REMARK_PASSED : ESCB_REMARK_MISSED,
              e->stack ? "MovedToStack" : "StaysOnHeap", f->fn, c->call, 0, 0, parts, n);
  for (int k = 0; k < nlines; k++)
    free(lines[k]);
}

/* line_at: a whole-line entry (not an allocation site's) at instruction
 * i's position in function f. */
static void line_at(esc_entry *e, esc_func *f, LLVMValueRef i) {
  memset(e, 0, sizeof *e);
  LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(i);
  char file[1024];
  if (loc && esc_loc_path(loc, file, sizeof file) && LLVMDILocationGetLine(loc)) {
    e->file = esc_strdup(file);
    e->line = LLVMDILocationGetLine(loc);
    e->col = LLVMDILocationGetColumn(loc);
  }
  size_t fl = 0;
  const char *fname = LLVMGetValueName2(f->fn, &fl);
  e->fnorder = f->order;
  e->where = esc_alloc(fl + 1);
  memcpy(e->where, fname, fl);
}

/* esc_report_refused: a line for each call of a function named as the C
 * library's malloc, calloc, realloc, free, strdup, operator new, ... that
 * LLVM does not take for it, so that the report is not silent about a
 * `malloc` the user wrote (a K&R declaration `extern void *malloc(unsigned)`
 * or `extern int free();` gives it another prototype; -fno-builtin turns it
 * off):
 *   t.c:12:9: malloc(n) is not the C library's malloc: declared as ptr (i32) in this module
 *   t.c:14:3: free(p) is not the C library's free here (-fno-builtin or -ffreestanding)
 * What it does with its arguments is then unknown (escb_lib_refused's facts;
 * the calls are no allocation sites, and no frees, for any rule). */
void esc_report_refused(esc_report *r, esc_func *f) {
  ESC_FOR_EACH_INST(f->fn, bb, i) {
    if (LLVMGetInstructionOpcode(i) != LLVMCall && LLVMGetInstructionOpcode(i) != LLVMInvoke)
      continue;
    char proto[512], callee[256];
    int why = escb_lib_refused(f->ctx, i, proto, sizeof proto);
    if (!why)
      continue;
    escb_display_name(LLVMGetCalledValue(i), callee, sizeof callee);
    char *call = esc_call_text(i, NULL);
    esc_buf t = {0};
    if (why == 1)
      esc_buf_printf(&t, "%s is not the C library's %s: declared as %s in this module", call,
                     callee, proto);
    else if (strncmp(callee, "operator ", 9) == 0)
      /* Only a new or delete expression calls the replaceable one clang
       * marks builtin; a call that names it is the program's own. */
      esc_buf_printf(&t, "%s is not the C library's %s here (a call by name, not a new or "
                         "delete expression; or -fno-builtin)",
                     call, callee);
    else
      esc_buf_printf(&t, "%s is not the C library's %s here (-fno-builtin or -ffreestanding)",
                     call, callee);
    free(call);
    esc_entry e;
    line_at(&e, f, i);
    e.text = t.s;
    e.param = 1; /* the text is the whole line, and no allocation site */
    e.stack = 0;
    push(r, &e);
  }
}

/* esc_report_results: a line for each builder call whose objects the
 * function owns (region.c), with a passed remark RegionOwned:
 *   t.c:40:16: parse_value(&ps) result does not escape
 *   t.c:40:16:   its objects come from the side stack until main returns
 */
void esc_report_results(esc_report *r, esc_func *f) {
  for (int k = 0; k < f->nresults; k++) {
    const esc_result *res = &f->results[k];
    if (!res->owned)
      continue;
    char *call = esc_call_text(res->call, NULL);
    char owner[256];
    escb_display_name(f->fn, owner, sizeof owner);
    esc_buf t = {0}, d = {0};
    esc_buf_printf(&t, "%s result does not escape", call);
    esc_buf_printf(&d, "  its objects come from the side stack until %s returns%s\n", owner,
                   res->in_cycle ? ", given back before each run of the call" : "");
    free(call);
    esc_entry e;
    line_at(&e, f, res->call);
    e.text = t.s;
    e.param = 1; /* the text is the whole line */
    e.stack = 1;
    if (f->opt->m >= 2)
      e.detail = esc_strdup(d.s);
    if (f->remarks) {
      d.s[d.len - 1] = 0; /* the line's newline */
      const char *parts[6] = {"Call", t.s, NULL, ": ", "Reason", d.s + 2};
      escb_remark(f->ctx, ESCB_REMARK_PASSED, "RegionOwned", f->fn, res->call, 0, 0, parts, 3);
    }
    esc_buf_free(&d);
    push(r, &e);
  }
}

/* esc_report_indirect: an analysis remark IndirectCalls for a function
 * that calls through function pointers (the analysis does not follow
 * them: what is allocated or kept behind them is not seen).  escape-build
 * reads it to say why a file with such calls shows no allocation sites. */
void esc_report_indirect(esc_func *f) {
  int n = f->remarks ? esc_indirect_calls(f->fn) : 0;
  if (!n)
    return;
  char count[32];
  snprintf(count, sizeof count, "%d", n);
  const char *parts[4] = {"Count", count, NULL,
                          n == 1 ? " call through a function pointer, which the analysis does "
                                   "not follow"
                                 : " calls through function pointers, which the analysis does "
                                   "not follow"};
  escb_remark(f->ctx, ESCB_REMARK_ANALYSIS, "IndirectCalls", f->fn, NULL, 0, 0, parts, 2);
}

/* site_entry: the line of candidate c at a place the ledger decided
 * (esc_sites_places); takes the place's file. */
static void site_entry(esc_report *r, esc_func *f, esc_cand *c, esc_place *at) {
  esc_entry e;
  memset(&e, 0, sizeof e);
  e.file = at->file;
  e.line = at->line;
  e.col = at->col;
  e.inlined = at->inlined;
  at->file = NULL;
  at->inlined = NULL;
  size_t fl = 0;
  const char *fname = LLVMGetValueName2(f->fn, &fl);
  e.fnorder = f->order;
  e.where = esc_alloc(fl + 1);
  memcpy(e.where, fname, fl);
  e.text = esc_call_text(c->call, at->site);
  e.stack = c->verdict.reason == ESC_OK;
  if (f->opt->m >= 2 || f->remarks) {
    esc_buf d = {0};
    reason_text(f, c, &d);
    e.detail = d.s;
  }
  if (f->remarks)
    site_remark(f, c, &e);
  push(r, &e);
}

/* esc_report_site: the lines of one allocation call, one per place the
 * ledger gives it (a call LLVM merged from several sites has several). */
void esc_report_site(esc_report *r, esc_func *f, esc_cand *c, esc_sites *sites) {
  esc_place at[ESC_PLACES_MAX];
  int n = esc_sites_places(sites, c->call, at);
  for (int k = 0; k < n; k++)
    site_entry(r, f, c, &at[k]);
}

/* source_fn: a recorded function's name as its debug info names it: C's
 * as is, C++'s demangled without scopes ("std::__new_allocator<int>::
 * allocate" is "allocate", as an inlined copy's frame names it). */
static void source_fn(const char *ir, char *buf, size_t n) {
  char d[1024];
  if (!escb_demangle_function(ir, d, sizeof d)) {
    snprintf(buf, n, "%s", ir);
    return;
  }
  const char *base = d;
  int depth = 0;
  for (const char *p = d; *p; p++) {
    if (*p == '<' || *p == '(')
      depth++;
    else if ((*p == '>' || *p == ')') && depth > 0)
      depth--;
    else if (depth == 0 && p[0] == ':' && p[1] == ':')
      base = p + 2;
  }
  snprintf(buf, n, "%s", base);
}

/* recorded: a line for a recorded site or call that has no allocation
 * call of its own to judge; detail is reason.c's words. */
static void recorded(esc_report *r, const esc_site *s, int stack, const char *detail) {
  esc_entry e;
  memset(&e, 0, sizeof e);
  if (s->line)
    e.file = esc_strdup(s->file);
  e.line = s->line;
  e.col = s->col;
  e.where = esc_strdup("?");
  e.text = esc_site_text(s);
  e.stack = stack;
  e.detail = esc_strdup(detail);
  if (s->origin) { /* a copy inlined at this call */
    esc_buf t = {0};
    char fn[512];
    source_fn(s->origin->fn, fn, sizeof fn);
    esc_buf_printf(&t, "%s at %s:%u:%u", fn, s->origin->file, s->origin->line,
                   s->origin->col);
    e.inlined = t.s;
  }
  push(r, &e);
}

/* esc_report_removed: a recorded site LLVM deleted before the pass. */
void esc_report_removed(esc_report *r, const esc_site *s) {
  recorded(r, s, 1, esc_reason_removed_text);
  r->v[r->n - 1].removed = 1;
}

/* esc_report_wrapper_kept: a recorded call of an allocation wrapper that
 * is still a call (not inlined): its object is on the heap. */
void esc_report_wrapper_kept(esc_report *r, const esc_site *s) {
  recorded(r, s, 0, esc_reason_wrapper_kept_text);
}

static int returns_address(LLVMValueRef fn) {
  LLVMTypeRef t = LLVMGetReturnType(LLVMGlobalGetValueType(fn));
  switch (LLVMGetTypeKind(t)) {
  case LLVMPointerTypeKind: case LLVMStructTypeKind: case LLVMArrayTypeKind:
  case LLVMVectorTypeKind:
    return 1;
  default: /* integers too: an intptr_t result is rare, a long sum common */
    return 0;
  }
}

/* param_entry: one line of a parameter's report (text without its '\n'),
 * with its -m=2 detail (taken, may be NULL), as an entry and, when remarks
 * are wanted, an analysis remark ParamTag with the name as argument Param. */
static void param_entry(esc_report *r, esc_func *f, const char *text, char *detail,
                        const char *name, const char *file, unsigned line, unsigned col) {
  if (f->remarks) {
    const char *at = strstr(text, name);
    char prefix[300] = "";
    const char *suffix = "";
    if (at) {
      snprintf(prefix, sizeof prefix, "%.*s", (int)(at - text), text);
      suffix = at + strlen(name);
    }
    const char *parts[6] = {NULL, prefix, "Param", name, NULL, suffix};
    if (at)
      escb_remark(f->ctx, ESCB_REMARK_ANALYSIS, "ParamTag", f->fn, NULL, line, col, parts, 3);
    else
      escb_remark(f->ctx, ESCB_REMARK_ANALYSIS, "ParamTag", f->fn, NULL, line, col,
                  (const char *[]){NULL, text}, 1);
  }
  size_t fl = 0;
  const char *fname = LLVMGetValueName2(f->fn, &fl);
  esc_entry e;
  memset(&e, 0, sizeof e);
  if (line && file[0]) {
    e.file = esc_strdup(file);
    e.line = line;
    e.col = col;
  }
  e.fnorder = f->order;
  e.where = esc_alloc(fl + 1);
  memcpy(e.where, fname, fl);
  e.text = esc_strdup(text);
  e.param = 1;
  e.stack = 1;
  e.detail = detail;
  push(r, &e);
}

/* esc_report_params: the lines of each pointer parameter's leaks value, Go's:
 *   f.c:7:22: leaking param: p
 *   f.c:7:33: q does not escape
 *   f.c:9:20: leaking param content: node
 *   f.c:11:20: leaking param: s to result ~r0 level=0
 * and beyond Go, a store through another parameter, into the caller's
 * object (summary.c):
 *   f.c:5:50: leaking param: it to content of l level=0
 *   f.c:7:79: leaking param: src to content of *dst level=1 */
void esc_report_params(esc_report *r, esc_func *f, const esc_summary *s,
                       esc_sites *sites) {
  for (int i = 0; i < f->nparams && i < s->nparams; i++) {
    LLVMValueRef arg = LLVMGetParam(f->fn, (unsigned)i);
    /* The hidden sret pointer is the result (Go's ~r0), not a parameter. */
    if (LLVMGetTypeKind(LLVMTypeOf(arg)) != LLVMPointerTypeKind ||
        escb_param_sret(f->fn, (unsigned)i))
      continue;
    char name[256], file[1024];
    unsigned line = 0, col = 0;
    esc_sites_param_at(sites, f->fn, (unsigned)i, name, file, &line, &col);
    esc_leaks t = s->leaks[i];
    /* Go names results that are pointers; a sum of bytes returned as an int
     * keeps its (sound) leak in the summary but is not worth a line. */
    if (!returns_address(f->fn))
      esc_leaks_clear(&t, ESC_SINK_RESULT);
    else /* numbers made into the address: printed as the bytes they are */
      for (int d = 1; d < ESC_LEAKS_LEVELS; d++)
        if (esc_leaks_has(&t, ESC_SINK_RESULT_INT, d))
          esc_leaks_add(&t, ESC_SINK_RESULT, d);
    esc_leaks_clear(&t, ESC_SINK_RESULT_INT);
    /* A parameter that may be freed leaks as itself; otherwise the lowest
     * level at which it reaches the heap says which line, as in Go. */
    int freed = esc_leaks_has(&t, ESC_SINK_FREED, 0);
    int heap = esc_leaks_lowest(&t, ESC_SINK_HEAP);
    /* Only what it points to may be freed (freed 1), nothing leaks to the
     * heap: its contents leak, and the line is the heap's at level 1. */
    int content_freed = 0;
    for (int d = 1; d < ESC_LEAKS_LEVELS; d++)
      content_freed |= heap < 0 && esc_leaks_has(&t, ESC_SINK_FREED, d);
    if (content_freed)
      heap = 1;
    esc_buf lines = {0};
    if (heap == 0 || freed)
      esc_buf_printf(&lines, "leaking param: %s\n", name);
    else if (heap > 0)
      esc_buf_printf(&lines, "leaking param content: %s\n", name);
    /* One result line, folded as Go folds its leaks (leaks.Optimize): the
     * lowest level that reaches the result, and none when the heap is
     * reached at that level or lower (the heap line already says more). */
    int result = esc_leaks_lowest(&t, ESC_SINK_RESULT), floor = freed ? 0 : heap;
    if (result >= 0 && (floor < 0 || result < floor))
      esc_buf_printf(&lines, "leaking param: %s to result ~r0 level=%d\n", name, result);
    /* One line per parameter object it is stored into, folded the same way;
     * its -m=2 detail is the store. */
    char *into_detail[2 * ESC_INTO_PARAMS];
    int ninto = 0;
    for (int k = 0; k < s->nparams && k < ESC_INTO_PARAMS; k++)
      for (int e = 0; e < 2; e++) {
        int d = esc_leaks_lowest(&t, esc_sink_into(k, e));
        if (d < 0 || (floor >= 0 && d >= floor))
          continue;
        char kname[256], kfile[1024];
        unsigned kl, kc;
        esc_sites_param_at(sites, f->fn, (unsigned)k, kname, kfile, &kl, &kc);
        esc_buf_printf(&lines, "leaking param: %s to content of %s%s level=%d\n", name,
                       e ? "*" : "", kname, d);
        into_detail[ninto] = NULL;
        LLVMValueRef at = s->into_at[i][2 * k + e];
        if ((f->opt->m >= 2 || f->remarks) && at) {
          char pos[1100];
          esc_buf dd = {0};
          esc_pos_text(at, pos, sizeof pos);
          esc_buf_printf(&dd, "  stored into %s%s at %s\n", e ? "**" : "*", kname, pos);
          into_detail[ninto] = dd.s;
        }
        ninto++;
      }
    if (!lines.len)
      esc_buf_printf(&lines, "%s does not escape\n", name);
    char *detail = NULL;
    int explained = heap >= 0 || freed;
    if ((f->opt->m >= 2 || f->remarks) && explained) {
      esc_buf d = {0};
      char pos[1100];
      if (s->why[i])
        esc_pos_text(s->why[i], pos, sizeof pos);
      if (freed)
        esc_buf_printf(&d, "  parameter %s may be freed%s%s\n", name,
                       s->why[i] ? " at " : "", s->why[i] ? pos : "");
      else if (content_freed)
        esc_buf_printf(&d, "  what parameter %s points to may be freed%s%s\n", name,
                       s->why[i] ? " at " : "", s->why[i] ? pos : "");
      else {
        /* Below level 0 the summary keeps only "at 1 or below" (leaks.c):
         * the graph says how far down the leak starts. */
        int derefs = heap == 0 ? 0 : esc_graph_obj_escaped(&f->g, f->pobj[i] + 1) ? 1 : 2;
        esc_buf_printf(&d, "  parameter %s leaks to {heap} with derefs=%d:\n", name, derefs);
        int obj = f->pobj[i] + (heap == 0 ? 0 : 1);
        int start = heap == 0 ? esc_graph_lookup(&f->g, arg) : f->g.objs[f->pobj[i]].content;
        if (heap != 0 && !esc_graph_obj_escaped(&f->g, obj)) {
          obj = f->pobj[i] + 2; /* what leaks lies two derefs down (or more) */
          start = f->g.objs[f->pobj[i] + 1].content;
        }
        esc_buf sub = {0};
        flow(f, start, obj, 1, &sub);
        if (sub.len)
          esc_buf_printf(&d, "%s", sub.s);
        else if (s->why[i])
          esc_buf_printf(&d, "    at %s\n", pos);
        esc_buf_free(&sub);
      }
      detail = d.s;
    }
    /* One entry per line, all at the parameter's position; the into lines
     * are the last ninto. */
    int nlines = 0;
    for (char *l = lines.s; *l; l = strchr(l, '\n') + 1)
      nlines++;
    int k = 0;
    for (char *l = lines.s; *l; k++) {
      char *nl = strchr(l, '\n');
      *nl = 0;
      char *dt = NULL;
      if (k == 0 && explained) {
        dt = detail;
        detail = NULL;
      } else if (k >= nlines - ninto) {
        dt = into_detail[k - (nlines - ninto)];
        into_detail[k - (nlines - ninto)] = NULL;
      }
      param_entry(r, f, l, dt, name, file, line, col);
      l = nl + 1;
    }
    for (int j = 0; j < ninto; j++)
      free(into_detail[j]);
    free(detail);
    esc_buf_free(&lines);
  }
}

/* esc_report_reason: a site's -escape-m=2 explanation (lines ending in
 * '\n', indented as printed): why it stays on the heap, or for a moved
 * site its guarded or side-stack note, or NULL when there is nothing to
 * say; for the profiler (instrument.c).  The caller frees it. */
char *esc_report_reason(const esc_func *f, const esc_cand *c) {
  esc_buf d = {0};
  reason_text(f, c, &d);
  return d.s;
}

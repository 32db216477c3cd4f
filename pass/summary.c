/* summary.c — interprocedural escape: parameter summaries, Go-style tags.
 *
 * Functions are solved bottom-up over the call graph's strongly connected
 * components (escape.c).  A function's graph gives each parameter i the
 * objects P_i (what the caller passed), Q_i (what P_i points to), R_i (two
 * derefs down) and S_i (three or more, pointing to itself); once the graph is
 * solved, before returns are joined to the heap, the tags read off it:
 *
 *   P_i reaches the heap               leaking param: p          (HEAP)
 *   Q_i, R_i or S_i reaches the heap,  leaking param content: p  (CONTENT)
 *     or R_i or S_i is written or freed
 *   the result may hold P_i / Q_i / R_i / S_i   to result ~r0 level=0..3
 *   a free, or a callee, may free P_i  freed                     (FREED)
 *   something is stored into P_i / Q_i  writes                   (WRITES, WRITES1)
 *
 * A call then flows its arguments through the callee's tags instead of
 * giving up.  Summaries are trusted only for exact definitions (not weak,
 * interposable or available_externally); indirect calls use attributes.
 * Library functions use the table in libmodel.c.  Exercised by
 * the test/report/Summary_ files.
 */
#include "internal.h"
#include "libmodel.h"

#include <stdlib.h>
#include <string.h>

const esc_summary *esc_summary_of(const esc_summaries *s, LLVMValueRef fn) {
  if (!s)
    return NULL;
  int k = esc_ptrmap_get(&s->index, fn);
  return k >= 0 && s->v[k].valid ? &s->v[k] : NULL;
}

void esc_summary_free(esc_summary *s) {
  free(s->tags);
  free(s->why);
  memset(s, 0, sizeof *s);
}

int esc_summary_equal(const esc_summary *a, const esc_summary *b) {
  return a->valid == b->valid && a->nparams == b->nparams &&
         a->ret_other == b->ret_other &&
         (a->nparams == 0 || memcmp(a->tags, b->tags, (size_t)a->nparams * sizeof *a->tags) == 0);
}

/* esc_summary_least: the least summary of fn, where a recursive SCC's
 * fixed point starts: no parameter does anything, the result is only
 * parameters. */
void esc_summary_least(LLVMValueRef fn, esc_summary *s) {
  esc_summary_free(s);
  s->nparams = (int)LLVMCountParams(fn);
  s->tags = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->tags);
  s->why = esc_alloc(((size_t)s->nparams + 1) * sizeof *s->why);
  s->valid = escb_has_exact_definition(fn);
}

/* esc_summary_join: *s becomes the least summary holding both *s and *next
 * (of the same function), with next's instructions behind the leaks where
 * it has them; 1 if *s changed. */
int esc_summary_join(esc_summary *s, const esc_summary *next) {
  int changed = 0;
  for (int i = 0; i < s->nparams && i < next->nparams; i++) {
    uint16_t t = s->tags[i] | next->tags[i];
    changed |= t != s->tags[i];
    s->tags[i] = t;
  }
  if (next->ret_other && !s->ret_other)
    s->ret_other = changed = 1;
  if (changed)
    for (int i = 0; i < s->nparams && i < next->nparams; i++)
      if (next->why[i])
        s->why[i] = next->why[i];
  return changed;
}

static void tag(esc_summary *s, int i, unsigned t, LLVMValueRef why) {
  if ((s->tags[i] & t) == t)
    return;
  s->tags[i] |= (uint16_t)t;
  if (!s->why[i] && why && (t & (ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_FREED)))
    s->why[i] = why;
}

void esc_summary_extract(esc_func *f, esc_summary *s) {
  esc_graph *g = &f->g;
  esc_summary_free(s);
  s->nparams = f->nparams;
  s->tags = esc_alloc(((size_t)f->nparams + 1) * sizeof *s->tags);
  s->why = esc_alloc(((size_t)f->nparams + 1) * sizeof *s->why);
  s->valid = escb_has_exact_definition(f->fn);
  for (int i = 0; i < f->nparams; i++) {
    int p = f->pobj[i], q = p + 1, r = p + 2, deeper = p + 3;
    if (esc_graph_obj_escaped(g, p))
      tag(s, i, ESC_TAG_HEAP | ESC_TAG_CONTENT, NULL);
    /* Anything below the parameter's object that escapes, is freed or
     * written counts as the contents leaking: the caller lets everything
     * reachable escape. */
    if (esc_graph_obj_escaped(g, q) || esc_graph_obj_escaped(g, r) ||
        esc_graph_obj_escaped(g, deeper) || g->objs[r].written ||
        g->objs[deeper].written)
      tag(s, i, ESC_TAG_CONTENT, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, deeper))
      tag(s, i, ESC_TAG_RESULT3, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, r))
      tag(s, i, ESC_TAG_RESULT2, NULL);
    if (g->over_budget || g->objs[q].written)
      tag(s, i, ESC_TAG_WRITES1, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, p))
      tag(s, i, ESC_TAG_RESULT0, NULL);
    if (g->over_budget || esc_graph_holds(g, g->ret, q))
      tag(s, i, ESC_TAG_RESULT1, NULL);
    if (g->over_budget || g->objs[p].written)
      tag(s, i, ESC_TAG_WRITES, NULL);
    if (g->over_budget)
      tag(s, i, ESC_TAG_FREED, NULL);
  }
  for (int o = esc_bits_next(g->locs[g->ret].pts, g->words, 0); o >= 0;
       o = esc_bits_next(g->locs[g->ret].pts, g->words, o + 1))
    if (g->objs[o].kind != ESC_OBJ_PARAM && g->objs[o].kind != ESC_OBJ_PARAM_CONTENT &&
        g->objs[o].kind != ESC_OBJ_PARAM_DEEP)
      s->ret_other = 1;
  if (g->over_budget)
    s->ret_other = 1;
  /* Frees of a parameter, or calls that may free it. */
  for (int k = 0; k < f->nchecks; k++) {
    esc_check *ck = &f->checks[k];
    const uint64_t *pts = g->locs[ck->loc].pts;
    for (int o = esc_bits_next(pts, g->words, 0); o >= 0;
         o = esc_bits_next(pts, g->words, o + 1)) {
      const esc_obj *ob = &g->objs[o];
      if (ob->kind == ESC_OBJ_PARAM)
        tag(s, ob->cand, ESC_TAG_FREED, ck->call);
      else if (ob->kind == ESC_OBJ_PARAM_CONTENT || ob->kind == ESC_OBJ_PARAM_DEEP)
        tag(s, ob->cand, ESC_TAG_CONTENT, ck->call);
    }
  }
  /* The first leak's instruction, for -m=2: the edge into the heap. */
  for (int i = 0; i < f->nparams; i++)
    if ((s->tags[i] & (ESC_TAG_HEAP | ESC_TAG_CONTENT)) && !s->why[i]) {
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

/* apply: argument a of a call, given what the callee does with it. */
static void apply(esc_func *f, LLVMValueRef call, int a, unsigned t, int result,
                  int store_into) {
  esc_graph *g = &f->g;
  if (t & ESC_TAG_HEAP)
    esc_graph_escape(g, a, ESC_WHY_CALL_ARG, call);
  if (t & (ESC_TAG_HEAP | ESC_TAG_CONTENT)) {
    int content = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, content);
    esc_graph_escape(g, content, ESC_WHY_CALL_CONTENT, call);
  }
  if (t & ESC_TAG_WRITES)
    esc_graph_store(g, g->unknown, a, call);
  if (t & ESC_TAG_WRITES1) {
    int pointee = esc_graph_new_deref(g, a);
    esc_graph_load(g, a, pointee);
    esc_graph_store(g, g->unknown, pointee, call);
  }
  if (t & ESC_TAG_RESULT0)
    esc_graph_copy(g, a, result, ESC_WHY_CALL_RET, call);
  if (t & ESC_TAG_RESULT1)
    esc_graph_load(g, a, result);
  if (t & (ESC_TAG_RESULT2 | ESC_TAG_RESULT3)) {
    int first = esc_graph_new_deref(g, a);
    int second = esc_graph_new_deref(g, first);
    esc_graph_load(g, a, first);
    esc_graph_load(g, first, second);
    if (t & ESC_TAG_RESULT2) /* **a */
      esc_graph_copy(g, second, result, ESC_WHY_CALL_RET, call);
    if (t & ESC_TAG_RESULT3) { /* ***a, ****a, ...: a location loading from itself */
      int deep = esc_graph_new_deref(g, second);
      esc_graph_load(g, second, deep);
      esc_graph_load(g, deep, deep);
      esc_graph_copy(g, deep, result, ESC_WHY_CALL_RET, call);
    }
  }
  if (store_into >= 0)
    esc_graph_store(g, a, store_into, call);
  if ((t & ESC_TAG_FREED) && !(t & ESC_TAG_HEAP))
    esc_add_check(f, ESC_CHECK_MAY_FREE, call, a);
}

static unsigned letter_tags(char c) {
  switch (c) {
  case 'r': case 'n': case 'k': case '<': case 'p': return 0;
  case 'w': return ESC_TAG_WRITES;
  case 'R': return ESC_TAG_RESULT0;
  case 'W': return ESC_TAG_RESULT0 | ESC_TAG_WRITES;
  case 'c': return ESC_TAG_CONTENT | ESC_TAG_WRITES;
  case 'f': return ESC_TAG_FREED | ESC_TAG_CONTENT;
  default:
    if (c >= '0' && c <= '9')
      return 0;
    return ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_WRITES; /* 'e', unknown */
  }
}

/* callback_tags: what a callback does with the objects it is given. */
static unsigned callback_tags(esc_func *f, LLVMValueRef cb, int k) {
  const esc_summary *s = LLVMIsAFunction(cb) ? esc_summary_of(f->sums, cb) : NULL;
  if (!s || k >= s->nparams)
    return ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_WRITES;
  return s->tags[k] & (ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_WRITES | ESC_TAG_WRITES1 |
                       ESC_TAG_FREED);
}

/* model_fits: the declaration's prototype is the one the row describes. */
static int model_fits(const esc_libmodel *m, LLVMValueRef callee) {
  LLVMTypeRef fty = LLVMGlobalGetValueType(callee);
  unsigned n = LLVMCountParamTypes(fty);
  if (n != strlen(m->params) || (LLVMIsFunctionVarArg(fty) != 0) != (m->varargs != 0))
    return 0;
  LLVMTypeRef types[ESC_LIBMODEL_PARAMS];
  if (n > ESC_LIBMODEL_PARAMS)
    return 0;
  LLVMGetParamTypes(fty, types);
  int returns_ptr = LLVMGetTypeKind(LLVMGetReturnType(fty)) == LLVMPointerTypeKind;
  for (unsigned k = 0; k < n; k++) {
    int ptr = LLVMGetTypeKind(types[k]) == LLVMPointerTypeKind;
    char c = m->params[k];
    if ((c == 'n') == ptr)
      return 0;
    if ((c == 'R' || c == 'W') && !returns_ptr)
      return 0;
  }
  return 1;
}

static void model_call(esc_func *f, LLVMValueRef call, const esc_libmodel *m) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  size_t nfixed = strlen(m->params);
  for (unsigned k = 0; k < nargs; k++) {
    int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
    if (a < 0)
      continue;
    char c = k < nfixed ? m->params[k] : (m->varargs ? m->varargs : 'e');
    unsigned t = letter_tags(c);
    int into = -1;
    if (c >= '0' && c <= '9' && (unsigned)(c - '0') < nargs)
      into = esc_graph_loc_of(g, LLVMGetOperand(call, (unsigned)(c - '0')));
    if (c >= '0' && c <= '9' && into < 0)
      t = letter_tags('e'); /* stored through a constant: anywhere */
    /* A callback receives pointers into some arguments' objects. */
    if (m->callback >= 0 && (unsigned)m->callback < nargs)
      for (const char *d = m->cb_gets; *d; d++)
        if ((unsigned)(*d - '0') == k)
          t |= callback_tags(f, LLVMGetOperand(call, (unsigned)m->callback),
                             (int)(d - m->cb_gets));
    if (c == '<' && nargs > 0) { /* *arg0 gets *a */
      int bytes = esc_graph_new_deref(g, a);
      esc_graph_load(g, a, bytes);
      esc_graph_store(g, bytes, esc_graph_loc_of(g, LLVMGetOperand(call, 0)), call);
    }
    apply(f, call, a, t, result, into);
  }
  esc_graph_copy(g, g->unknown, result, ESC_WHY_OTHER, call);
}

static void summary_call(esc_func *f, LLVMValueRef call, const esc_summary *s) {
  esc_graph *g = &f->g;
  int result = esc_graph_loc_of(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  for (unsigned k = 0; k < nargs; k++) {
    int a = esc_graph_loc_of(g, LLVMGetOperand(call, k));
    if (a < 0)
      continue;
    /* Variadic arguments: the callee's va_arg reads are not tracked. */
    unsigned t = (int)k < s->nparams ? s->tags[k]
                                     : ESC_TAG_HEAP | ESC_TAG_CONTENT | ESC_TAG_WRITES;
    apply(f, call, a, t, result, -1);
  }
  if (s->ret_other)
    esc_graph_copy(g, g->unknown, result, ESC_WHY_OTHER, call);
}

/* esc_summary_call handles a direct call through the callee's summary or
 * its library model; returns 0 to leave it to LLVM's attributes. */
int esc_summary_call(esc_func *f, LLVMValueRef call, LLVMValueRef callee) {
  if (!LLVMIsAFunction(callee) || !f->sums)
    return 0;
  /* Operand bundles and musttail go the conservative way. */
  if (LLVMGetInstructionOpcode(call) == LLVMCall &&
      LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail)
    return 0;
  LLVMOpcode op = LLVMGetInstructionOpcode(call);
  int expect = (int)LLVMGetNumArgOperands(call) + (op == LLVMInvoke ? 3 : 1);
  if (op == LLVMCallBr || LLVMGetNumOperands(call) != expect)
    return 0;
  if (LLVMGetCalledFunctionType(call) != LLVMGlobalGetValueType(callee))
    return 0;
  const esc_summary *s = esc_summary_of(f->sums, callee);
  if (s) {
    summary_call(f, call, s);
    return 1;
  }
  if (!LLVMIsDeclaration(callee))
    return 0;
  size_t n = 0;
  const char *name = LLVMGetValueName2(callee, &n);
  const esc_libmodel *m = esc_libmodel_find(name, n);
  if (!m || !model_fits(m, callee))
    return 0;
  model_call(f, call, m);
  return 1;
}

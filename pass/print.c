/* print.c — the report as printed: its entries (report.c) in source order,
 * an entry printed exactly as one before it at the same position once, and
 * -escape-print-allocs=REGEXP (TinyGo's -print-allocs): only the
 * allocations that stay on the heap, in functions or files the pattern
 * matches, each such file closed by its totals:
 *
 *   f.c:20:14: calloc(16, 8) escapes to heap
 *   f.c: 7 allocation sites: 4 moved to the stack, 1 removed by the optimizer, 2 on the heap
 *   g.c: no allocation sites; 12 calls through function pointers, which the analysis does not follow
 *
 * A total line names no line and column, so editors' error parsers pass
 * over it.  Exercised by test/report/Print_allocs.c.
 */
#include "internal.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* esc_report_setup: -escape-print-allocs (or, at a link that no -mllvm
 * reaches, $ESCAPE_PRINT_ALLOCS): compiles the pattern and raises the
 * report level to at least 1.  A pattern that does not compile is an
 * error of the compile (escb_error), and the report prints unfiltered;
 * returns 0 then. */
int esc_report_setup(esc_report *r, LLVMModuleRef M, esc_options *opt) {
  const char *re = opt->print_allocs && opt->print_allocs[0] ? opt->print_allocs
                                                             : getenv("ESCAPE_PRINT_ALLOCS");
  r->M = M;
  if (!re || !re[0])
    return 1;
  regex_t *rx = esc_alloc(sizeof *rx);
  int err = regcomp(rx, re, REG_EXTENDED | REG_NOSUB);
  if (err) {
    char why[256], msg[1024];
    regerror(err, rx, why, sizeof why);
    free(rx);
    snprintf(msg, sizeof msg, "-escape-print-allocs: bad regular expression '%s': %s", re,
             why);
    LLVMValueRef fn = LLVMGetFirstFunction(M);
    if (fn)
      escb_error(fn, msg);
    else
      fprintf(stderr, "error: %s\n", msg);
    return 0;
  }
  r->allocs_re = rx;
  if (opt->m < 1)
    opt->m = 1;
  return 1;
}

static int matches(const esc_report *r, const char *s) {
  return s && regexec((const regex_t *)r->allocs_re, s, 0, NULL, 0) == 0;
}

/* wanted: -escape-print-allocs prints entry e: an allocation that stays
 * on the heap, whose file or function (as written or as linked) matches. */
static int wanted(const esc_report *r, const esc_entry *e) {
  if (!r->allocs_re)
    return 1;
  if (e->param || e->stack)
    return 0;
  if (matches(r, e->file) || matches(r, e->where))
    return 1;
  LLVMValueRef fn = e->where ? LLVMGetNamedFunction(r->M, e->where) : NULL;
  char name[512];
  if (!fn)
    return 0;
  escb_display_name(fn, name, sizeof name);
  return matches(r, name);
}

static int by_position(const void *pa, const void *pb) {
  const esc_entry *a = pa, *b = pb;
  if (!a->file != !b->file)
    return a->file ? -1 : 1;
  if (!a->file && a->fnorder != b->fnorder) /* no position: module order */
    return a->fnorder < b->fnorder ? -1 : 1;
  if (a->file) {
    int c = strcmp(a->file, b->file);
    if (c)
      return c;
    if (a->line != b->line)
      return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
      return a->col < b->col ? -1 : 1;
  }
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* same_position: a and b print the same FILE:LINE:COL.  Entries without
 * a position (<function>) never are: there, two sites of one function
 * would print alike, and each gets its line. */
static int same_position(const esc_entry *a, const esc_entry *b) {
  return a->file && b->file && strcmp(a->file, b->file) == 0 && a->line == b->line &&
         a->col == b->col;
}

/* entry_text: one entry as printed, its explanation included at -m=2. */
static void entry_text(esc_buf *out, const esc_entry *e, int level) {
  char pos[1100];
  if (e->file)
    snprintf(pos, sizeof pos, "%s:%u:%u", e->file, e->line, e->col);
  else
    snprintf(pos, sizeof pos, "<%s>", e->where);
  int explain = level >= 2 && ((e->detail && e->detail[0]) || e->inlined);
  if (e->param)
    esc_buf_printf(out, "%s: %s%s\n", pos, e->text, explain ? ":" : "");
  else
    esc_buf_printf(out, "%s: %s %s%s\n", pos, e->text,
                   e->stack ? "does not escape" : "escapes to heap", explain ? ":" : "");
  if (!explain)
    return;
  if (e->inlined)
    esc_buf_printf(out, "%s:   inlined from %s\n", pos, e->inlined);
  for (const char *l = e->detail ? e->detail : ""; *l;) {
    const char *nl = strchr(l, '\n');
    size_t len = nl ? (size_t)(nl - l) : strlen(l);
    esc_buf_printf(out, "%s: %.*s\n", pos, (int)len, l);
    l += len + (nl ? 1 : 0);
  }
}

/* ftotal is one file's totals for -escape-print-allocs: its allocation
 * lines by verdict, and the calls through function pointers in the
 * functions defined in it; wanted: the pattern matched the file or one of
 * the functions in it. */
typedef struct ftotal {
  char *file;
  int sites, stack, removed, heap, indirect, wanted;
} ftotal;

typedef struct ftotals {
  ftotal *v;
  int n, cap;
} ftotals;

static ftotal *ftotal_of(ftotals *t, const char *file) {
  for (int k = t->n - 1; k >= 0; k--)
    if (strcmp(t->v[k].file, file) == 0)
      return &t->v[k];
  ftotal f;
  memset(&f, 0, sizeof f);
  f.file = esc_strdup(file);
  ESC_PUSH(t->v, t->n, t->cap, f);
  return &t->v[t->n - 1];
}

/* indirect_calls: per file, the calls through function pointers (not
 * inline assembly) in the functions defined there. */
static void indirect_calls(const esc_report *r, ftotals *t) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(r->M); fn; fn = LLVMGetNextFunction(fn)) {
    /* a body imported from another module (ThinLTO) is its own module's */
    if (LLVMIsDeclaration(fn) || LLVMGetLinkage(fn) == LLVMAvailableExternallyLinkage)
      continue;
    char file[1024], dir[1024];
    unsigned line = 0;
    if (!escb_function_debug(fn, file, dir, sizeof file, &line) || !file[0])
      continue;
    esc_fn_path(fn, file, dir, sizeof file);
    int n = esc_indirect_calls(fn);
    if (n) {
      ftotal *f = ftotal_of(t, file);
      f->indirect += n;
      if (r->allocs_re && !f->wanted) {
        char name[512];
        escb_display_name(fn, name, sizeof name);
        size_t fl = 0;
        const char *ir = LLVMGetValueName2(fn, &fl);
        char irname[512];
        snprintf(irname, sizeof irname, "%.*s", (int)fl, ir);
        f->wanted = matches(r, file) || matches(r, name) || matches(r, irname);
      }
    }
  }
}

static int ftotal_order(const void *pa, const void *pb) {
  return strcmp(((const ftotal *)pa)->file, ((const ftotal *)pb)->file);
}

/* total_line: a file's closing line (none for a file with no allocation
 * call and no call through a function pointer). */
static void total_line(esc_buf *out, const ftotal *f) {
  if (f->sites)
    esc_buf_printf(out,
                   "%s: %d allocation site%s: %d moved to the stack, %d removed by the "
                   "optimizer, %d on the heap\n",
                   f->file, f->sites, f->sites == 1 ? "" : "s", f->stack, f->removed, f->heap);
  else if (f->indirect)
    esc_buf_printf(out,
                   "%s: no allocation sites; %d %s, which the analysis does not follow\n",
                   f->file, f->indirect,
                   f->indirect == 1 ? "call through a function pointer"
                                    : "calls through function pointers");
}

/* esc_report_print: the entries in source order; an entry printed exactly
 * as one before it at the same position (copies of one site that LLVM
 * made by unrolling or duplicating a path, or inlined at one call, with
 * the same verdict) is printed once.  With -escape-print-allocs only the
 * wanted entries print, and each file the pattern matched closes with its
 * totals (every file with an allocation line or a call through a
 * function pointer, in order). */
void esc_report_print(esc_report *r, int level) {
  if (level <= 0)
    return;
  qsort(r->v, (size_t)r->n, sizeof *r->v, by_position);
  esc_buf out = {0}, uniq = {0}, cur = {0};
  size_t *starts = esc_alloc(((size_t)r->n + 1) * sizeof *starts);
  ftotals t = {0};
  indirect_calls(r, &t);
  int group = 0; /* index in starts of the first entry kept at this position */
  int nkept = 0, tk = 0;
  for (int k = 0; k < r->n; k++) {
    const esc_entry *e = &r->v[k];
    if (k == 0 || !same_position(&r->v[k - 1], e))
      group = nkept;
    cur.len = 0;
    entry_text(&cur, e, level);
    int seen = 0;
    for (int j = group; j < nkept && !seen; j++) {
      size_t len = starts[j + 1] - starts[j];
      seen = len == cur.len && memcmp(uniq.s + starts[j], cur.s, len) == 0;
    }
    if (seen)
      continue;
    starts[nkept] = uniq.len;
    esc_buf_printf(&uniq, "%.*s", (int)cur.len, cur.s);
    starts[++nkept] = uniq.len;
    if (e->file) {
      ftotal *f = ftotal_of(&t, e->file);
      if (r->allocs_re)
        f->wanted |= wanted(r, e) || matches(r, e->file) || matches(r, e->where);
      if (!e->param) {
        f->sites++;
        f->removed += e->removed;
        f->stack += e->stack && !e->removed;
        f->heap += !e->stack;
      }
    }
    if (wanted(r, e))
      esc_buf_printf(&out, "%.*s", (int)cur.len, cur.s);
  }
  {
    /* Interleave: each wanted file's lines, then its total.  The lines are
     * in file order already; print them file by file. */
    qsort(t.v, (size_t)t.n, sizeof *t.v, ftotal_order);
    esc_buf all = {0};
    const char *p = out.s ? out.s : "";
    for (tk = 0; tk < t.n; tk++) {
      const ftotal *f = &t.v[tk];
      size_t fl = strlen(f->file);
      /* the lines of this file: they start with "FILE:" then a digit */
      while (*p && strncmp(p, f->file, fl) == 0 && p[fl] == ':' && p[fl + 1] >= '0' &&
             p[fl + 1] <= '9') {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        esc_buf_printf(&all, "%.*s", (int)len, p);
        p += len;
      }
      if (r->allocs_re ? f->wanted : !f->sites && f->indirect)
        total_line(&all, f);
    }
    esc_buf_printf(&all, "%s", p); /* lines without a position */
    esc_buf_free(&out);
    out = all;
    for (int k = 0; k < t.n; k++)
      free(t.v[k].file);
    free(t.v);
  }
  if (out.len)
    fwrite(out.s, 1, out.len, stderr);
  fflush(stderr);
  free(starts);
  esc_buf_free(&cur);
  esc_buf_free(&uniq);
  esc_buf_free(&out);
}

void esc_report_free(esc_report *r) {
  for (int k = 0; k < r->n; k++) {
    free(r->v[k].file);
    free(r->v[k].where);
    free(r->v[k].text);
    free(r->v[k].detail);
    free(r->v[k].inlined);
  }
  free(r->v);
  if (r->allocs_re) {
    regfree((regex_t *)r->allocs_re);
    free(r->allocs_re);
  }
  memset(r, 0, sizeof *r);
}

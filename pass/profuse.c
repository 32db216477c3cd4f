/* profuse.c — -escape-profile-use=FILE: the stack buffer of each guarded
 * site (an allocation whose size is known only at run time) sized from the
 * sizes that site asked for in an allocation profile, where
 * -escape-guard-bytes gives every such site the same 256 bytes.
 *
 *   scripts/escape-cc -O2 -profile f.c -o f && ESCAPE_PROFILE=p.json ./f
 *   scripts/escape-cc -O2 -profile-use=p.json -m=2 f.c -o f
 *
 * The profile is the JSON runtime/profile_write.c writes: per site its
 * position, function and, for a site with a run-time size, the sizes it
 * asked for in buckets ("sizes": [[upper bound, count], ...], "max_bytes").
 * A site's buffer is the 99th percentile of those sizes (the upper bound of
 * the bucket that reaches it, at most the largest size seen); solve.c fits
 * it within the object, frame and call-chain budgets.
 *
 * Sites are matched by a key that survives unrelated edits: the file's name
 * without its folders, the function the site runs in (after inlining; its
 * IR name up to the first '.', so "f.llvm.123" of a ThinLTO promotion and
 * "f.1" of a renaming are f), the line counted from that function's first
 * line (its DISubprogram's), and the column.  Lines added above the
 * function, other functions edited, the file built from another folder:
 * the key holds.  Lines added inside the function above the site move it:
 * then it matches nothing, or a neighbour's entry, which is only a hint —
 * a buffer smaller than a run-time request takes the heap path of the
 * guard.  Entries with the same key (a static inline function in several
 * files, two calls on one line of no debug info) add up.  Entries that
 * match no site are ignored; a site no entry sized keeps the default.
 *
 * A file that cannot be read or is not a profile is an error of the
 * compile (escape.c says so once), never a crash.  The parser is a small
 * recursive descent over JSON that keeps only the fields above.
 * Exercised by test/profile/Profile_use*.
 */
#include "internal.h"

#include <llvm-c/DebugInfo.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MAX_DEPTH bounds the nesting the parser follows (a profile has 4). */
#define MAX_DEPTH 64
/* PERCENTILE: the share of a site's runs its buffer should hold. */
#define PERCENTILE 99

/* bucket is one counted size range of a site: sizes up to `upper`. */
typedef struct bucket {
  uint64_t upper, count;
} bucket;

/* entry is one profile site with sizes, by its key. */
typedef struct entry {
  char *key;
  bucket *b;
  int nb, capb;
  uint64_t max;
  esc_psizes sizes; /* after merging: the 99th percentile, the bounds */
} entry;

/* esc_profuse is a loaded profile: its sized entries, sorted by key. */
struct esc_profuse {
  entry *v;
  int n, cap;
};

/* --- the key --- */

unsigned esc_fn_first_line(LLVMValueRef fn) {
  LLVMMetadataRef sp = fn ? LLVMGetSubprogram(fn) : NULL;
  return sp ? LLVMDISubprogramGetLine(sp) : 0;
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* make_key: "file\nfunction\nline offset\ncol" (see the file comment); a
 * function with no first line counts lines from the file's start. */
static char *make_key(const char *file, const char *fn, size_t fnlen, unsigned line,
                      unsigned col, unsigned fn_line) {
  const char *dot = memchr(fn, '.', fnlen);
  if (dot && dot > fn)
    fnlen = (size_t)(dot - fn);
  long off = fn_line && line >= fn_line ? (long)line - (long)fn_line : (long)line;
  char tail[64];
  snprintf(tail, sizeof tail, "\n%c%ld\n%u", fn_line && line >= fn_line ? '+' : '@', off, col);
  const char *b = base_name(file);
  size_t nb = strlen(b), nt = strlen(tail);
  char *k = esc_alloc(nb + 1 + fnlen + nt + 1);
  memcpy(k, b, nb);
  k[nb] = '\n';
  memcpy(k + nb + 1, fn, fnlen);
  memcpy(k + nb + 1 + fnlen, tail, nt + 1);
  return k;
}

/* --- the parser --- */

/* parser reads one JSON text; err is the first error, with its line. */
typedef struct parser {
  const char *p, *end;
  int line;
  char err[160];
} parser;

static int fail(parser *ps, const char *what) {
  if (!ps->err[0])
    snprintf(ps->err, sizeof ps->err, "line %d: %s", ps->line, what);
  return 0;
}

static void ws(parser *ps) {
  while (ps->p < ps->end && strchr(" \t\r\n", *ps->p)) {
    if (*ps->p == '\n')
      ps->line++;
    ps->p++;
  }
}

static int peek(parser *ps) {
  ws(ps);
  return ps->p < ps->end ? (unsigned char)*ps->p : -1;
}

static int eat(parser *ps, char c) {
  if (peek(ps) != (unsigned char)c) {
    char what[32];
    snprintf(what, sizeof what, "expected '%c'", c);
    return fail(ps, what);
  }
  ps->p++;
  return 1;
}

/* string: a JSON string into out (up to n bytes; out NULL: skipped).  \u
 * escapes other than ASCII become '?': the fields read are file and
 * function names, which the writer escapes only below 0x20. */
static int string(parser *ps, char *out, size_t n) {
  size_t k = 0;
  if (!eat(ps, '"'))
    return 0;
  while (ps->p < ps->end && *ps->p != '"') {
    char c = *ps->p++;
    if ((unsigned char)c < 0x20)
      return fail(ps, "control character in a string");
    if (c == '\\') {
      if (ps->p >= ps->end)
        break;
      char e = *ps->p++;
      switch (e) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case 'r': c = '\r'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case '"': case '\\': case '/': c = e; break;
      case 'u': {
        unsigned v = 0;
        for (int d = 0; d < 4; d++) {
          if (ps->p >= ps->end || !strchr("0123456789abcdefABCDEF", *ps->p))
            return fail(ps, "bad \\u escape");
          char h = *ps->p++;
          v = v * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        c = v < 0x80 ? (char)v : '?';
        break;
      }
      default: return fail(ps, "bad escape in a string");
      }
    }
    if (out && k + 1 < n)
      out[k++] = c;
  }
  if (out && n)
    out[k] = 0;
  if (ps->p >= ps->end)
    return fail(ps, "unterminated string");
  ps->p++;
  return 1;
}

/* number: a JSON number; *v its value when it is a non-negative integer
 * that fits (*is_uint). */
static int number(parser *ps, uint64_t *v, int *is_uint) {
  ws(ps);
  uint64_t x = 0;
  int ok = 1, digits = 0;
  if (ps->p < ps->end && *ps->p == '-') {
    ok = 0;
    ps->p++;
  }
  while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
    unsigned d = (unsigned)(*ps->p++ - '0');
    if (x > (UINT64_MAX - d) / 10)
      ok = 0;
    x = x * 10 + d;
    digits++;
  }
  if (!digits)
    return fail(ps, "expected a value");
  if (ps->p < ps->end && *ps->p == '.') {
    ok = 0;
    ps->p++;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
      ps->p++;
  }
  if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
    ok = 0;
    ps->p++;
    if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
      ps->p++;
    if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
      return fail(ps, "bad number");
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
      ps->p++;
  }
  if (v)
    *v = x;
  if (is_uint)
    *is_uint = ok;
  return 1;
}

static int word(parser *ps, const char *w) {
  size_t n = strlen(w);
  if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, w, n) != 0)
    return fail(ps, "expected a value");
  ps->p += n;
  return 1;
}

/* skip: any JSON value. */
static int skip(parser *ps, int depth) {
  if (depth > MAX_DEPTH)
    return fail(ps, "nested too deeply");
  int c = peek(ps);
  if (c == '"')
    return string(ps, NULL, 0);
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    ps->p++;
    if (peek(ps) == (unsigned char)close) {
      ps->p++;
      return 1;
    }
    for (;;) {
      if (c == '{' && (!string(ps, NULL, 0) || !eat(ps, ':')))
        return 0;
      if (!skip(ps, depth + 1))
        return 0;
      if (peek(ps) == ',') {
        ps->p++;
        continue;
      }
      return eat(ps, close);
    }
  }
  if (c == 't')
    return word(ps, "true");
  if (c == 'f')
    return word(ps, "false");
  if (c == 'n')
    return word(ps, "null");
  return number(ps, NULL, NULL);
}

static int uint_value(parser *ps, uint64_t *v, const char *field) {
  int ok = 0;
  if (peek(ps) != '-' && (peek(ps) < '0' || peek(ps) > '9')) {
    char what[64];
    snprintf(what, sizeof what, "\"%s\" is not a number", field);
    return fail(ps, what);
  }
  if (!number(ps, v, &ok))
    return 0;
  if (!ok) {
    char what[80];
    snprintf(what, sizeof what, "\"%s\" is not a non-negative integer", field);
    return fail(ps, what);
  }
  return 1;
}

/* site: what one entry of "sites" holds. */
typedef struct site {
  char file[2048], function[1024];
  uint64_t line, col, function_line, max;
  bucket *b;
  int nb, capb;
} site;

/* sizes: [[upper, count], ...] */
static int sizes(parser *ps, site *s) {
  if (!eat(ps, '['))
    return 0;
  if (peek(ps) == ']') {
    ps->p++;
    return 1;
  }
  for (;;) {
    bucket b;
    if (!eat(ps, '[') || !uint_value(ps, &b.upper, "sizes") || !eat(ps, ',') ||
        !uint_value(ps, &b.count, "sizes") || !eat(ps, ']'))
      return 0;
    ESC_PUSH(s->b, s->nb, s->capb, b);
    if (peek(ps) == ',') {
      ps->p++;
      continue;
    }
    return eat(ps, ']');
  }
}

static int site_object(parser *ps, site *s) {
  char key[64];
  if (!eat(ps, '{'))
    return 0;
  if (peek(ps) == '}') {
    ps->p++;
    return 1;
  }
  for (;;) {
    if (!string(ps, key, sizeof key) || !eat(ps, ':'))
      return 0;
    int ok;
    if (!strcmp(key, "file"))
      ok = string(ps, s->file, sizeof s->file);
    else if (!strcmp(key, "function"))
      ok = string(ps, s->function, sizeof s->function);
    else if (!strcmp(key, "line"))
      ok = uint_value(ps, &s->line, key);
    else if (!strcmp(key, "col"))
      ok = uint_value(ps, &s->col, key);
    else if (!strcmp(key, "function_line"))
      ok = uint_value(ps, &s->function_line, key);
    else if (!strcmp(key, "max_bytes"))
      ok = uint_value(ps, &s->max, key);
    else if (!strcmp(key, "sizes"))
      ok = sizes(ps, s);
    else
      ok = skip(ps, 2);
    if (!ok)
      return 0;
    if (peek(ps) == ',') {
      ps->p++;
      continue;
    }
    return eat(ps, '}');
  }
}

/* sat_add: a + b, or UINT64_MAX past it (a profile's counts are
 * untrusted: a sum that wrapped would pick a wrong percentile). */
static uint64_t sat_add(uint64_t a, uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static void add_site(esc_profuse *pu, site *s) {
  uint64_t total = 0;
  for (int k = 0; k < s->nb; k++)
    total = sat_add(total, s->b[k].count);
  if (!total || s->line > UINT32_MAX || s->col > UINT32_MAX || s->function_line > UINT32_MAX) {
    free(s->b);
    return; /* never asked for a size: nothing to go by */
  }
  entry e = {0};
  e.key = make_key(s->file, s->function, strlen(s->function), (unsigned)s->line,
                   (unsigned)s->col, (unsigned)s->function_line);
  e.b = s->b;
  e.nb = e.capb = s->nb;
  e.max = s->max;
  ESC_PUSH(pu->v, pu->n, pu->cap, e);
}

/* profile: {"abi": 1, "sites": [...], ...} */
static int profile(parser *ps, esc_profuse *pu) {
  char key[64];
  int abi = 0, have_sites = 0;
  if (!eat(ps, '{'))
    return 0;
  while (peek(ps) != '}') {
    if (!string(ps, key, sizeof key) || !eat(ps, ':'))
      return 0;
    if (!strcmp(key, "abi")) {
      uint64_t v = 0;
      if (!uint_value(ps, &v, key))
        return 0;
      if (v != 1)
        return fail(ps, "a profile of another version (abi is not 1)");
      abi = 1;
    } else if (!strcmp(key, "sites")) {
      have_sites = 1;
      if (!eat(ps, '['))
        return 0;
      if (peek(ps) == ']') {
        ps->p++;
      } else {
        for (;;) {
          site *s = esc_alloc(sizeof *s);
          int ok = site_object(ps, s);
          if (ok)
            add_site(pu, s);
          else
            free(s->b);
          free(s);
          if (!ok)
            return 0;
          if (peek(ps) == ',') {
            ps->p++;
            continue;
          }
          if (!eat(ps, ']'))
            return 0;
          break;
        }
      }
    } else if (!skip(ps, 1)) {
      return 0;
    }
    if (peek(ps) != ',')
      break;
    ps->p++;
  }
  if (!eat(ps, '}'))
    return 0;
  if (peek(ps) != -1)
    return fail(ps, "text after the profile");
  if (!abi || !have_sites)
    return fail(ps, "no \"abi\" and \"sites\"");
  return 1;
}

/* --- the table --- */

static int by_key(const void *a, const void *b) {
  return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static int by_upper(const void *a, const void *b) {
  uint64_t x = ((const bucket *)a)->upper, y = ((const bucket *)b)->upper;
  return x < y ? -1 : x > y;
}

/* percentile: an entry's sizes: the bounds of its buckets (at most its
 * largest size: the writer's last bucket has no bound but that), and the
 * buffer: the bound where PERCENTILE% of its runs are reached. */
static void percentile(entry *e) {
  qsort(e->b, (size_t)e->nb, sizeof *e->b, by_upper);
  double total = 0, sum = 0; /* untrusted counts: no sum may wrap */
  for (int k = 0; k < e->nb; k++)
    total += (double)e->b[k].count;
  esc_psizes *ps = &e->sizes;
  ps->upper = esc_alloc(((size_t)e->nb + 1) * sizeof *ps->upper);
  for (int k = 0; k < e->nb; k++) {
    uint64_t u = e->b[k].upper;
    if (e->max && e->max < u)
      u = e->max;
    if (!u)
      u = 1; /* a 0-byte request still needs a byte to point at */
    sum += (double)e->b[k].count;
    if (ps->n == 0 || ps->upper[ps->n - 1] < u)
      ps->upper[ps->n++] = u;
    /* sum / total >= PERCENTILE / 100 */
    if (!ps->want && sum * 100.0 >= total * PERCENTILE)
      ps->want = u;
  }
}

/* finish: entries sorted by key, those with one key merged, each sized. */
static void finish(esc_profuse *pu) {
  qsort(pu->v, (size_t)pu->n, sizeof *pu->v, by_key);
  int out = 0;
  for (int k = 0; k < pu->n; k++) {
    if (out > 0 && !strcmp(pu->v[out - 1].key, pu->v[k].key)) {
      entry *d = &pu->v[out - 1], *s = &pu->v[k];
      for (int j = 0; j < s->nb; j++)
        ESC_PUSH(d->b, d->nb, d->capb, s->b[j]);
      if (s->max > d->max)
        d->max = s->max;
      free(s->key);
      free(s->b);
      continue;
    }
    pu->v[out++] = pu->v[k];
  }
  pu->n = out;
  for (int k = 0; k < pu->n; k++) {
    percentile(&pu->v[k]);
    free(pu->v[k].b);
    pu->v[k].b = NULL;
  }
}

esc_profuse *esc_profuse_load(const char *path, char *err, size_t n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, n, "cannot read '%s': %s", path, strerror(errno));
    return NULL;
  }
  char *text = NULL;
  size_t len = 0, cap = 0;
  int bad = 0;
  for (;;) {
    if (len + 65536 > cap) {
      cap = cap ? 2 * cap : 65536 * 2;
      text = esc_grow(text, cap);
    }
    errno = 0;
    size_t got = fread(text + len, 1, cap - len, f);
    len += got;
    if (got == 0) {
      bad = ferror(f) ? (errno ? errno : EIO) : 0; /* a folder: EISDIR */
      break;
    }
  }
  fclose(f);
  if (bad) {
    free(text);
    snprintf(err, n, "cannot read '%s': %s", path, strerror(bad));
    return NULL;
  }
  parser ps = {text, text + len, 1, {0}};
  esc_profuse *pu = esc_alloc(sizeof *pu);
  int ok = profile(&ps, pu);
  free(text);
  if (!ok) {
    snprintf(err, n, "'%s' is not an allocation profile (%s)", path, ps.err);
    esc_profuse_free(pu);
    return NULL;
  }
  finish(pu);
  return pu;
}

void esc_profuse_free(esc_profuse *p) {
  if (!p)
    return;
  for (int k = 0; k < p->n; k++) {
    free(p->v[k].key);
    free(p->v[k].b);
    free(p->v[k].sizes.upper);
  }
  free(p->v);
  free(p);
}

int esc_profuse_sized(const esc_profuse *p) { return p ? p->n : 0; }

/* lookup: the entry's sizes for a site's key, NULL if none. */
static const esc_psizes *lookup(const esc_profuse *p, const char *key) {
  entry k = {.key = (char *)key};
  const entry *e = bsearch(&k, p->v, (size_t)p->n, sizeof *p->v, by_key);
  return e ? &e->sizes : NULL;
}

/* esc_profuse_apply: each site of f with a run-time size gets the
 * profile's sizes for its key (c->profile; solve.c decides), which live
 * as long as p. */
void esc_profuse_apply(const esc_profuse *p, esc_func *f, esc_sites *sites) {
  if (!p || !p->n)
    return;
  size_t fnlen = 0;
  const char *fn = LLVMGetValueName2(f->fn, &fnlen);
  unsigned first = esc_fn_first_line(f->fn);
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    c->profile = NULL;
    if (c->info.size_known)
      continue;
    esc_place at = esc_sites_place_of(sites, c->call);
    char *key = make_key(at.file ? at.file : "", fn, fnlen, at.line, at.col, first);
    c->profile = lookup(p, key);
    free(key);
    free(at.file);
    free(at.inlined);
  }
}

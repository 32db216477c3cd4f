/* source.c — source files read whole, once, for what debug info lost: the
 * column of a parameter's name on its declaration line (record.c at the
 * pipeline's start, report.c for parameters recorded nowhere).  A compile
 * of a preprocessed file (distcc's remote compiles get only the .i) finds
 * the source's lines in that file, by its line markers. */
#include "ledger.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* srcfile_load reads a source file whole, once: each line becomes a C
 * string (its '\n' replaced by NUL) and start[k] is where line k+1 begins.
 * A file that cannot be read is kept with no lines, so it is not tried
 * again.  (Reading the file from its top for every parameter made the
 * record pass quadratic: sqlite3.c at -O2 -g spent 6 s in it.) */
#define ESC_SRCFILE_MAX (64u << 20) /* larger files are not read */

/* read_whole: a file's bytes, NUL-terminated (NULL: not readable, or too large). */
static char *read_whole(const char *path, size_t *got) {
  FILE *fp = fopen(path, "rb");
  long size = -1;
  char *text = NULL;
  *got = 0;
  if (fp && fseek(fp, 0, SEEK_END) == 0)
    size = ftell(fp);
  if (fp && size >= 0 && (unsigned long)size <= ESC_SRCFILE_MAX && fseek(fp, 0, SEEK_SET) == 0) {
    text = esc_alloc((size_t)size + 2);
    *got = fread(text, 1, (size_t)size, fp);
    text[*got] = text[*got + 1] = 0;
  }
  if (fp)
    fclose(fp);
  return text;
}

/* marker: a line marker of preprocessed output, `# 12 "f.c" 2` or
 * `#line 12 "f.c"`: its line and file name (up to the closing quote, with
 * \\ and \" read as one character, into name); 0 if the line is none. */
static int marker(const char *at, unsigned *line, char *name, size_t n) {
  const char *p = at;
  if (*p++ != '#')
    return 0;
  while (*p == ' ' || *p == '\t')
    p++;
  if (strncmp(p, "line", 4) == 0)
    p += 4;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!isdigit((unsigned char)*p))
    return 0;
  unsigned long v = strtoul(p, (char **)&p, 10);
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p++ != '"')
    return 0;
  size_t k = 0;
  for (; *p && *p != '"'; p++) {
    if (*p == '\\' && p[1])
      p++;
    if (k + 1 < n)
      name[k++] = *p;
  }
  name[k] = 0;
  *line = (unsigned)v;
  return 1;
}

/* from_input: file's lines as the preprocessed input holds them: after
 * each marker naming `file`, the lines that follow are that file's, from
 * the marker's line on; lines of the file the input does not hold are
 * empty.  Fills f (its path already set); 0 if the input holds none. */
static int from_input(esc_srcfile *f, const char *input, const char *file) {
  size_t got = 0;
  char *text = read_whole(input, &got);
  if (!text)
    return 0;
  char cur[1024] = "";
  unsigned curline = 0, cap = 0, nmapped = 0;
  unsigned empty = (unsigned)got; /* text[got] is NUL: the empty line */
  for (size_t at = 0; at < got;) {
    char *nl = memchr(text + at, '\n', got - at);
    if (nl)
      *nl = 0;
    unsigned mline = 0;
    char name[1024];
    if (marker(text + at, &mline, name, sizeof name)) {
      snprintf(cur, sizeof cur, "%s", name);
      curline = mline;
    } else {
      if (curline && strcmp(cur, file) == 0) {
        while (f->nlines + 1 < curline)
          ESC_PUSH(f->start, f->nlines, cap, empty);
        if (f->nlines + 1 == curline) {
          ESC_PUSH(f->start, f->nlines, cap, (unsigned)at);
          nmapped++;
        }
      }
      if (curline)
        curline++;
    }
    if (!nl)
      break;
    at = (size_t)(nl - text) + 1;
  }
  if (!nmapped) {
    free(text);
    free(f->start);
    f->start = NULL;
    f->nlines = 0;
    return 0;
  }
  f->text = text;
  return 1;
}

/* esc_srcfiles_input notes the compile's input when it is preprocessed
 * output (.i, .ii), where the lines of files that cannot be read are found.
 * The module names only the source file its line markers give, so
 * scripts/escape-cc names the input in $ESCAPE_PREPROCESSED_INPUT (a
 * remote compile of distcc gets only the .i; the sources are not there).
 * An input that holds no lines of a file is not used for it (from_input). */
void esc_srcfiles_input(esc_srcfiles *c, LLVMModuleRef M) {
  (void)M;
  const char *in = getenv("ESCAPE_PREPROCESSED_INPUT");
  if (in && *in)
    c->input = esc_strdup(in);
}

static esc_srcfile *srcfile_load(esc_srcfiles *c, const char *path, const char *file) {
  if (c->last >= 0 && c->last < c->n && strcmp(c->v[c->last].path, path) == 0)
    return &c->v[c->last];
  for (int k = 0; k < c->n; k++)
    if (strcmp(c->v[k].path, path) == 0) {
      c->last = k;
      return &c->v[k];
    }
  esc_srcfile f;
  memset(&f, 0, sizeof f);
  f.path = esc_strdup(path);
  size_t got = 0;
  f.text = read_whole(path, &got);
  if (!f.text && c->input)
    from_input(&f, c->input, file);
  else if (f.text) {
    unsigned cap = 0;
    for (size_t at = 0; at < got;) {
      ESC_PUSH(f.start, f.nlines, cap, (unsigned)at);
      char *nl = memchr(f.text + at, '\n', got - at);
      if (!nl)
        break;
      *nl = 0;
      at = (size_t)(nl - f.text) + 1;
    }
  }
  ESC_PUSH(c->v, c->n, c->cap, f);
  c->last = c->n - 1;
  return &c->v[c->n - 1];
}

void esc_srcfiles_free(esc_srcfiles *c) {
  for (int k = 0; k < c->n; k++) {
    free(c->v[k].path);
    free(c->v[k].text);
    free(c->v[k].start);
  }
  free(c->v);
  free(c->input);
  memset(c, 0, sizeof *c);
}

/* esc_source_column: the column of identifier `name` on a line of a source
 * file, for parameters whose debug records lost their column (clang's
 * assignment tracking, on at -O2 -g, turns the declarations into
 * dbg_assign records at line 0 before the pipeline starts); 0 if the file
 * cannot be read or the name is not on that line.  Each file is read once
 * per cache c. */
unsigned esc_source_column(esc_srcfiles *c, const char *dir, const char *file,
                           unsigned line, const char *name) {
  char path[2048];
  if (file[0] == '/' || !dir || !dir[0])
    snprintf(path, sizeof path, "%s", file);
  else
    snprintf(path, sizeof path, "%s/%s", dir, file);
  const esc_srcfile *f = srcfile_load(c, path, file);
  if (line == 0 || line > f->nlines)
    return 0;
  const char *buf = f->text + f->start[line - 1];
  size_t len = strlen(name);
  if (!len)
    return 0;
  for (const char *p = strstr(buf, name); p; p = strstr(p + 1, name)) {
    int before = p > buf && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
    int after = isalnum((unsigned char)p[len]) || p[len] == '_';
    if (!before && !after)
      return (unsigned)(p - buf) + 1;
  }
  return 0;
}

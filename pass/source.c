/* source.c — source files read whole, once, for what debug info lost: the
 * column of a parameter's name on its declaration line (record.c at the
 * pipeline's start, report.c for parameters recorded nowhere). */
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
static esc_srcfile *srcfile_load(esc_srcfiles *c, const char *path) {
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
  FILE *fp = fopen(path, "rb");
  long size = -1;
  if (fp && fseek(fp, 0, SEEK_END) == 0)
    size = ftell(fp);
  if (fp && size >= 0 && (unsigned long)size <= ESC_SRCFILE_MAX && fseek(fp, 0, SEEK_SET) == 0) {
    f.text = esc_alloc((size_t)size + 1);
    size_t got = fread(f.text, 1, (size_t)size, fp);
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
  if (fp)
    fclose(fp);
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
  const esc_srcfile *f = srcfile_load(c, path);
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

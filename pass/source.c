/* source.c — source files: the path a report line prints for a file, as
 * clang's own diagnostics print it (every position the report, the remarks'
 * text and the profiler's table show goes through esc_path_text), and files
 * read whole, once, for what debug info lost: the column of a parameter's
 * name on its declaration line (record.c at the pipeline's start, report.c
 * for parameters recorded nowhere).  A compile of a preprocessed file
 * (distcc's remote compiles get only the .i) finds the source's lines in
 * that file, by its line markers.  Paths: test/report/Path_*.test. */
#include "ledger.h"

#include <llvm-c/DebugInfo.h>

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

/* Paths.  clang's diagnostics print a file by the path it was found by:
 * the main file as given on the command line (`../src/x.c`, `/abs/x.c`),
 * a header as the include search formed it (`./buf.h`, `../src/buf.h`,
 * `/usr/include/stdio.h`).  Its debug info splits that path: a relative
 * one is kept whole with the compile's directory beside it (the directory
 * of the compile unit), an absolute one is cut where it stops sharing the
 * compile's directory (`/w/proj/src/x.c` compiled in /w/proj/build becomes
 * "src/x.c" in /w/proj) unless they share only the root.  esc_path_text
 * undoes the cut: a name whose directory is the compile's is printed as
 * written (relative to the directory the compiler ran in), a name with
 * another directory is joined to it (the absolute path given), an
 * absolute name is itself.  The main file given absolute inside the
 * compile's directory (the unit's own name is absolute) prints absolute;
 * a header beside it then prints relative to the compile's directory,
 * which opens from there all the same.  The rule reads only the module's
 * debug info, so a link (link-time mode) prints each file as its compile
 * step did, relative to that step's directory. */
static void join(const char *dir, const char *name, char *out, size_t n) {
  size_t dl = strlen(dir);
  if (!dl)
    snprintf(out, n, "%s", name);
  else
    snprintf(out, n, "%s%s%s", dir, dir[dl - 1] == '/' ? "" : "/", name);
}

void esc_path_text(const char *name, const char *dir, const char *cudir, const char *cuname,
                   char *out, size_t n) {
  if (!n)
    return;
  if (!name[0] || name[0] == '/' || !cudir) {
    snprintf(out, n, "%s", name);
    return;
  }
  char full[4096];
  join(dir, name, full, sizeof full);
  if (!dir[0] || strcmp(dir, cudir) == 0) {
    snprintf(out, n, "%s", cuname && cuname[0] == '/' && strcmp(full, cuname) == 0 ? cuname
                                                                                  : name);
    return;
  }
  snprintf(out, n, "%s", full);
}

/* esc_loc_path: the path of DILocation loc's file (0: no location). */
int esc_loc_path(LLVMMetadataRef loc, char *out, size_t n) {
  if (n)
    out[0] = 0;
  LLVMMetadataRef scope = loc ? LLVMDILocationGetScope(loc) : NULL;
  LLVMMetadataRef file = scope ? LLVMDIScopeGetFile(scope) : NULL;
  if (!file)
    return 0;
  unsigned fl = 0, dl = 0;
  const char *f = LLVMDIFileGetFilename(file, &fl);
  const char *d = LLVMDIFileGetDirectory(file, &dl);
  char name[2048], dir[2048], cudir[2048], cuname[2048];
  snprintf(name, sizeof name, "%.*s", (int)fl, f ? f : "");
  snprintf(dir, sizeof dir, "%.*s", (int)dl, d ? d : "");
  int unit = escb_scope_unit(loc, cudir, cuname, sizeof cudir);
  esc_path_text(name, dir, unit ? cudir : NULL, unit ? cuname : NULL, out, n);
  return 1;
}

/* esc_inst_path: the path of instruction inst's file (0: no location). */
int esc_inst_path(LLVMValueRef inst, char *out, size_t n) {
  return esc_loc_path(inst ? LLVMInstructionGetDebugLoc(inst) : NULL, out, n);
}

/* esc_fn_path: file (in dir), a file of function fn's debug info (its
 * parameters', its own), as printed; in place. */
void esc_fn_path(LLVMValueRef fn, char *file, const char *dir, size_t n) {
  char cudir[2048], cuname[2048], name[2048];
  LLVMMetadataRef sp = LLVMGetSubprogram(fn);
  int unit = sp && escb_scope_unit(sp, cudir, cuname, sizeof cudir);
  snprintf(name, sizeof name, "%s", file);
  esc_path_text(name, dir ? dir : "", unit ? cudir : NULL, unit ? cuname : NULL, file, n);
}

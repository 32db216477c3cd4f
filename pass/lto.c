/* lto.c — link-time mode: what the compile step leaves for the link.
 *
 * Under -flto the analysis runs once, at the link, where every translation
 * unit is visible (wrappers, helpers and frees in other files).  The compile
 * step records the sites (record.c) and notes in !escape.lto that the
 * module waits for the link:
 *   clang -flto -c      record: ESC_LTO_PRELINK; escape: -> ESC_LTO_DEFERRED
 *   lld (full LTO)      escape at the end of the link pipeline (opt.link)
 *   lld (ThinLTO)       each backend's per-module hook finds DEFERRED
 *   distributed ThinLTO the same, in opt: clang 19's -fthinlto-index=
 *                       backend loads no pass plugin, so scripts/escape-cc
 *                       (thin_backend) runs the imported module through
 *                       opt's thinlto<Ox> pipeline with the plugin
 *                       (test/lto/LTO_distributed.test)
 * lld parses -mllvm before it loads pass plugins, so -Wl,-mllvm,-escape-m
 * is refused; the options given at the compile step (-mllvm -escape-m=1
 * and the rest: every row of options.def that crosses) are kept in
 * !escape.options (the records' layout: schema.c) and apply at the link
 * unless the link names them itself; a string that crosses
 * (-escape-profile-use) is recorded as an absolute path.
 * clang's default link (GNU ld with LLVMgold.so)
 * cannot run the pass: LLVM 19's gold plugin has no option that loads a
 * pass plugin (-plugin-opt=-load is not one of libLLVM's options), so such a
 * link silently builds the program unanalysed.  A compile step that was
 * asked for a report therefore says once how to link (esc_lto_note), unless
 * -escape-lto-note=0 says the link is arranged (scripts/escape-cc).
 * Exercised by test/lto/ (LTO_options.test: each option; the profile's
 * crossing: test/profile/Profile_use.test) and
 * test/lto/LTO_default_linker.test (the note).
 */
#ifndef _GNU_SOURCE /* (LLVM's flags define it) */
#define _GNU_SOURCE /* dladdr */
#endif
#include "internal.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* esc_lto_get: where M stands in an -flto build (ESC_LTO_*, kept in
 * !escape.lto: schema.c). */
int esc_lto_get(LLVMModuleRef M) {
  return esc_schema_phase_read(M);
}

void esc_lto_set(LLVMModuleRef M, int phase) {
  esc_schema_phase_write(M, phase);
}

/* RECORDED_<merge>: whether a compile step records the row. */
#define RECORDED_MAX 1
#define RECORDED_MIN 1
#define RECORDED_AND 1
#define RECORDED_OR 1
#define RECORDED_FIRST 1
#define RECORDED_NONE 0
/* VALUE_<kind>: a field as a recorded number; STR_<kind>: as a recorded
 * string (NULL: a number).  A recorded string is a file name: absolute, so
 * that a link run in another folder finds it (as given when it does not
 * exist: the link then says so). */
#define VALUE_LEVEL(v) ((uint64_t)(v))
#define VALUE_BYTES(v) ((uint64_t)(v))
#define VALUE_BOOL(v) ((uint64_t)(v))
#define VALUE_STRING(v) ((uint64_t)0)
#define STR_LEVEL(v, k) NULL
#define STR_BYTES(v, k) NULL
#define STR_BOOL(v, k) NULL
#define STR_STRING(v, k) absolute(v, &owned[k])

static const char *absolute(const char *path, char **owned) {
  if (path && *path && (*owned = realpath(path, NULL)))
    return *owned;
  return path ? path : "";
}

/* esc_lto_save_options keeps the compile step's options for the link, one
 * name/value pair per row of options.def that crosses (!escape.options:
 * schema.c). */
void esc_lto_save_options(LLVMModuleRef M, const esc_options *opt) {
  const char *names[ESC_OPT_COUNT], *strs[ESC_OPT_COUNT];
  char *owned[ESC_OPT_COUNT] = {0};
  uint64_t values[ESC_OPT_COUNT];
  unsigned n = 0;
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (RECORDED_##merge) {                                                      \
    names[n] = name;                                                           \
    strs[n] = STR_##kind(opt->field, n);                                       \
    values[n++] = VALUE_##kind(opt->field);                                    \
  }
#include "options.def"
  esc_schema_options_write(M, names, values, strs, n);
  for (unsigned k = 0; k < n; k++)
    free(owned[k]);
}

static uint64_t merge_MAX(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t merge_MIN(uint64_t a, uint64_t b) { return a < b ? a : b; }
static uint64_t merge_AND(uint64_t a, uint64_t b) { return a && b; }
static uint64_t merge_OR(uint64_t a, uint64_t b) { return a || b; }
static uint64_t merge_FIRST(uint64_t a, uint64_t b) { return a; }
static uint64_t merge_NONE(uint64_t a, uint64_t b) { return a; }

static uint64_t clamp_LEVEL(uint64_t v) { return v > 2 ? 2 : v; }
static uint64_t clamp_BYTES(uint64_t v) { return v; }
static uint64_t clamp_BOOL(uint64_t v) { return v != 0; }

/* IS_STRING_<kind>: the row's recorded value is a string. */
#define IS_STRING_LEVEL 0
#define IS_STRING_BYTES 0
#define IS_STRING_BOOL 0
#define IS_STRING_STRING 1

/* recorded: the options the compile steps recorded, merged row by row (a
 * string row: the first record's that is not ""; its text stays the
 * module's, in the context, while the link runs). */
typedef struct recorded {
  uint64_t rec[ESC_OPT_COUNT];
  int seen[ESC_OPT_COUNT];
  const char *str[ESC_OPT_COUNT];
  unsigned slen[ESC_OPT_COUNT];
} recorded;

static void merge_pair(void *arg, const char *key, unsigned len, uint64_t v, const char *str,
                       unsigned slen) {
  recorded *r = arg;
  int row = 0;
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (len == strlen(name) && memcmp(key, name, len) == 0 &&                    \
      IS_STRING_##kind == (str != NULL) && (!str || RECORDED_##merge)) {       \
    if (str) {                                                                 \
      if (!r->seen[row] && slen > 0) {                                         \
        r->str[row] = str;                                                     \
        r->slen[row] = slen;                                                   \
        r->seen[row] = 1;                                                      \
      }                                                                        \
    } else {                                                                   \
      r->rec[row] = r->seen[row] ? merge_##merge(r->rec[row], v) : v;          \
      r->seen[row] = 1;                                                        \
    }                                                                          \
  }                                                                            \
  row++;
#include "options.def"
}

/* crossed: a recorded string, copied into opt->crossed (NULL: no room). */
static const char *crossed(esc_options *opt, const char *s, unsigned n) {
  if (n >= sizeof opt->crossed - opt->crossed_used)
    return NULL;
  char *d = opt->crossed + opt->crossed_used;
  memcpy(d, s, n);
  d[n] = 0;
  opt->crossed_used += n + 1;
  return d;
}

/* LOAD_<kind>: a recorded row's value into esc_options. */
#define LOAD_LEVEL(field, row) opt->field = (int)clamp_LEVEL(r.rec[row])
#define LOAD_BYTES(field, row) opt->field = clamp_BYTES(r.rec[row])
#define LOAD_BOOL(field, row) opt->field = (int)clamp_BOOL(r.rec[row])
#define LOAD_STRING(field, row)                                                \
  do {                                                                         \
    const char *s_ = crossed(opt, r.str[row], r.slen[row]);                    \
    if (s_)                                                                    \
      opt->field = s_;                                                         \
  } while (0)

/* esc_lto_load_options: the options for a link, from those recorded by the
 * compile steps of the linked modules, each merged as options.def says
 * (the widest report, the most careful limits), for every option the
 * link's own command line did not give. */
void esc_lto_load_options(LLVMModuleRef M, esc_options *opt) {
  recorded r;
  memset(&r, 0, sizeof r);
  esc_schema_options_read(M, ESC_OPT_COUNT, merge_pair, &r);
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (r.seen[ESC_OPT_##field] && !(opt->given & ESC_GIVEN(field)))             \
    LOAD_##kind(field, ESC_OPT_##field);
#include "options.def"
}

/* esc_effective_options: the options a pass over M runs with: the command
 * line's, and for a module of an -flto build (or at the link) those its
 * compile steps recorded. */
void esc_effective_options(LLVMModuleRef M, esc_options *opt) {
  if (opt->link || esc_lto_get(M) != ESC_LTO_NONE)
    esc_lto_load_options(M, opt);
}

#define PRINT_LEVEL(name, v) fprintf(stderr, " -%s=%" PRIu64, name, (uint64_t)(v))
#define PRINT_BYTES(name, v) PRINT_LEVEL(name, v)
#define PRINT_BOOL(name, v) PRINT_LEVEL(name, v)
#define PRINT_STRING(name, v) fprintf(stderr, " -%s=%s", name, (v) ? (v) : "")

/* esc_options_print: -escape-print-options, one line on stderr, in the
 * command line's own spelling. */
void esc_options_print(const esc_options *opt) {
  fprintf(stderr, "escape options:");
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  PRINT_##kind(name, opt->field);
#include "options.def"
  fprintf(stderr, "\n");
}

void esc_lto_forget(LLVMModuleRef M) {
  esc_schema_forget_lto(M);
}

/* esc_lto_note: the one line an -flto compile step prints in place of its
 * report, naming this plugin's file as the link must load it:
 *   escape: note: f.c: compiled for -flto: the analysis and the report come
 *   at the link; link with -fuse-ld=lld -Wl,--load-pass-plugin=P */
void esc_lto_note(LLVMModuleRef M) {
  size_t n = 0;
  const char *src = LLVMGetSourceFileName(M, &n);
  Dl_info info;
  const char *self = "LLVMEscape.so";
  if (dladdr((void *)(uintptr_t)esc_lto_note, &info) && info.dli_fname && *info.dli_fname)
    self = info.dli_fname;
  fprintf(stderr,
          "escape: note: %.*s: compiled for -flto: the analysis and the report come at the "
          "link; link with -fuse-ld=lld -Wl,--load-pass-plugin=%s\n",
          (int)n, src ? src : "", self);
  fflush(stderr);
}

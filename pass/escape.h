/* escape.h — the C core's entry points, called from plugin.cpp. */
#ifndef ESC_ESCAPE_H
#define ESC_ESCAPE_H

#include <llvm-c/Core.h>
#include <stdint.h>

#include "bridge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* esc_options are the pass's settings: one field per row of options.def
 * (the -escape-* options), then the pipeline's own. */
#define ESC_CTYPE_LEVEL int
#define ESC_CTYPE_BYTES uint64_t
#define ESC_CTYPE_BOOL int
#define ESC_CTYPE_STRING const char *
typedef struct esc_options {
#define ESC_OPTION(kind, field, name, def, merge, desc) ESC_CTYPE_##kind field;
#include "options.def"
  int mark_rewritten;             /* tag rewritten functions for escape-cleanup */
  int link;                       /* run by the link-time (-flto) pipeline */
  unsigned given;                 /* ESC_GIVEN(field): set on the command line */
  /* The strings taken from the compile steps' records (lto.c): a STRING
   * field that crossed the link points in here. */
  char crossed[4096];
  unsigned crossed_used;
} esc_options;

/* ESC_OPT_<field> numbers the rows of options.def; ESC_GIVEN(field) is the
 * row's bit in esc_options.given. */
enum {
#define ESC_OPTION(kind, field, name, def, merge, desc) ESC_OPT_##field,
#include "options.def"
  ESC_OPT_COUNT
};
#define ESC_GIVEN(field) (1u << ESC_OPT_##field)

/* The default of each BYTES option, as ESC_DEFAULT_<field>. */
#define ESC_DEFAULT_OF_BYTES(field, def) ESC_DEFAULT_##field = def,
#define ESC_DEFAULT_OF_LEVEL(field, def)
#define ESC_DEFAULT_OF_BOOL(field, def)
#define ESC_DEFAULT_OF_STRING(field, def)
enum {
#define ESC_OPTION(kind, field, name, def, merge, desc) ESC_DEFAULT_OF_##kind(field, def)
#include "options.def"
};

/* The budgets of options.def, as ESC_<name>. */
enum {
#define ESC_BUDGET(name, value, why) ESC_##name = value,
#include "options.def"
};

/* esc_record_sites notes every allocation call of M (position and text) as
 * the pipeline starts, so sites that LLVM deletes before the escape pass
 * still get a report line.  Idempotent. */
void esc_record_sites(LLVMModuleRef M, escb_ctx *ctx, const esc_options *opt);

/* esc_wrappers_mark finds M's allocation and free wrappers, marks them
 * alwaysinline so the inliner shows their malloc and free to the escape
 * pass, and lists the allocation wrappers in !escape.wrappers for the
 * report.  Returns 1 if M changed. */
int esc_wrappers_mark(LLVMModuleRef M, escb_ctx *ctx);

/* esc_effective_options: the options a pass over M runs with: *opt holds
 * the command line's; a module of an -flto build, and the link, take those
 * the compile steps recorded for every option not given (lto.c). */
void esc_effective_options(LLVMModuleRef M, esc_options *opt);

/* esc_run_module analyses M, rewrites what does not escape, and prints the
 * report.  Returns 1 if M changed. */
int esc_run_module(LLVMModuleRef M, escb_ctx *ctx, const esc_options *opt);

#ifdef __cplusplus
}
#endif
#endif

/* escape.h — the C core's entry points, called from plugin.cpp. */
#ifndef ESC_ESCAPE_H
#define ESC_ESCAPE_H

#include <llvm-c/Core.h>
#include <stdint.h>

#include "bridge.h"

#ifdef __cplusplus
extern "C" {
#endif

/* esc_options are the pass's settings (the -escape-* options). */
typedef struct esc_options {
  int m;                          /* report level: 0 silent, 1, 2 */
  uint64_t max_object_bytes;      /* per-object cap (Go: 64 KiB) */
  uint64_t max_frame_bytes;       /* per-function budget of converted bytes */
  uint64_t max_recursive_frame_bytes; /* the same for functions on a cycle */
  uint64_t max_chain_bytes;       /* converted bytes along a call chain */
  uint64_t guard_bytes;           /* stack buffer for run-time sizes (0: none) */
  int side_stack;                 /* recursive functions: the side stack */
  int rewrite;                    /* 0: analyse and report only */
  int interprocedural;            /* summaries and library models at calls */
  int mark_rewritten;             /* tag rewritten functions for escape-cleanup */
  int profile;                    /* instrument for the runtime profiler (instrument.c) */
  int link;                       /* run by the link-time (-flto) pipeline */
  int lto_note;                   /* -flto compile step with a report: say how to link */
  unsigned given;                 /* ESC_GIVEN_*: options set on the command line */
} esc_options;

enum {
  ESC_GIVEN_M = 1,
  ESC_GIVEN_MAX_OBJECT = 2,
  ESC_GIVEN_MAX_FRAME = 4,
  ESC_GIVEN_MAX_RECURSIVE = 8,
  ESC_GIVEN_REWRITE = 16,
  ESC_GIVEN_INTERPROCEDURAL = 32,
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

/* esc_run_module analyses M, rewrites what does not escape, and prints the
 * report.  Returns 1 if M changed. */
int esc_run_module(LLVMModuleRef M, escb_ctx *ctx, const esc_options *opt);

#ifdef __cplusplus
}
#endif
#endif

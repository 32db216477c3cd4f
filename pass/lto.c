/* lto.c — link-time mode: what the compile step leaves for the link.
 *
 * Under -flto the analysis runs once, at the link, where every translation
 * unit is visible (wrappers, helpers and frees in other files).  The compile
 * step records the sites (record.c) and notes in !escape.lto that the
 * module waits for the link:
 *   clang -flto -c      record: ESC_LTO_PRELINK; escape: -> ESC_LTO_DEFERRED
 *   lld (full LTO)      escape at the end of the link pipeline (opt.link)
 *   lld (ThinLTO)       each backend's per-module hook finds DEFERRED
 * lld parses -mllvm before it loads pass plugins, so -Wl,-mllvm,-escape-m
 * is refused; the options given at the compile step (-mllvm -escape-m=1
 * and the rest: every row of options.def that crosses) are kept in
 * !escape.options and apply at the link unless the link names them itself.
 * clang's default link (GNU ld with LLVMgold.so)
 * cannot run the pass: LLVM 19's gold plugin has no option that loads a
 * pass plugin (-plugin-opt=-load is not one of libLLVM's options), so such a
 * link silently builds the program unanalysed.  A compile step that was
 * asked for a report therefore says once how to link (esc_lto_note), unless
 * -escape-lto-note=0 says the link is arranged (scripts/escape-cc).
 * Exercised by test/lto/ (LTO_options.test: each option) and
 * test/wrapper/Wrapper_lto_note.test.
 */
#define _GNU_SOURCE /* dladdr */
#include "internal.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LTO "escape.lto"
#define OPTIONS "escape.options"

static uint64_t md_u64(LLVMValueRef v) {
  return v && LLVMIsAConstantInt(v) ? LLVMConstIntGetZExtValue(v) : 0;
}

static LLVMMetadataRef md_i64(LLVMContextRef cx, uint64_t x) {
  return LLVMValueAsMetadata(LLVMConstInt(LLVMInt64TypeInContext(cx), x, 0));
}

/* esc_lto_get: where M stands in an -flto build (ESC_LTO_*). */
int esc_lto_get(LLVMModuleRef M) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, LTO, &n);
  if (!nodes)
    return ESC_LTO_NONE;
  int phase = ESC_LTO_NONE;
  for (unsigned k = 0; k < n; k++) { /* merged modules: the latest phase */
    unsigned nops = 0;
    LLVMValueRef *op = esc_md_node_ops(nodes[k], 1, 1, &nops);
    if (!op)
      continue;
    uint64_t v = md_u64(op[0]);
    free(op);
    if (v <= ESC_LTO_DEFERRED && (int)v > phase)
      phase = (int)v;
  }
  free(nodes);
  return phase;
}

void esc_lto_set(LLVMModuleRef M, int phase) {
  escb_drop_named_metadata(M, LTO);
  if (phase == ESC_LTO_NONE)
    return;
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef op = md_i64(cx, (uint64_t)phase);
  LLVMAddNamedMetadataOperand(M, LTO,
                              LLVMMetadataAsValue(cx, LLVMMDNodeInContext2(cx, &op, 1)));
}

/* RECORDED_<merge>: whether a compile step records the row. */
#define RECORDED_MAX 1
#define RECORDED_MIN 1
#define RECORDED_AND 1
#define RECORDED_OR 1
#define RECORDED_NONE 0

/* esc_lto_save_options keeps the compile step's options for the link, one
 * pair per row of options.def: !{!"escape-m", i64 1, !"escape-guard-bytes",
 * i64 256, ...}.  Named pairs, so a record from a plugin with other rows
 * still merges what both know. */
void esc_lto_save_options(LLVMModuleRef M, const esc_options *opt) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef ops[2 * ESC_OPT_COUNT];
  unsigned n = 0;
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (RECORDED_##merge) {                                                      \
    ops[n++] = esc_md_str(cx, name);                                           \
    ops[n++] = md_i64(cx, (uint64_t)opt->field);                               \
  }
#include "options.def"
  escb_drop_named_metadata(M, OPTIONS);
  LLVMAddNamedMetadataOperand(M, OPTIONS,
                              LLVMMetadataAsValue(cx, LLVMMDNodeInContext2(cx, ops, n)));
}

static uint64_t merge_MAX(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t merge_MIN(uint64_t a, uint64_t b) { return a < b ? a : b; }
static uint64_t merge_AND(uint64_t a, uint64_t b) { return a && b; }
static uint64_t merge_OR(uint64_t a, uint64_t b) { return a || b; }
static uint64_t merge_NONE(uint64_t a, uint64_t b) { return a; }

static uint64_t clamp_LEVEL(uint64_t v) { return v > 2 ? 2 : v; }
static uint64_t clamp_BYTES(uint64_t v) { return v; }
static uint64_t clamp_BOOL(uint64_t v) { return v != 0; }

/* esc_lto_load_options: the options for a link, from those recorded by the
 * compile steps of the linked modules, each merged as options.def says
 * (the widest report, the most careful limits), for every option the
 * link's own command line did not give. */
void esc_lto_load_options(LLVMModuleRef M, esc_options *opt) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, OPTIONS, &n);
  if (!nodes)
    return;
  uint64_t rec[ESC_OPT_COUNT] = {0};
  int seen[ESC_OPT_COUNT] = {0};
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    /* name/value pairs; anything else is not a record of ours */
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 0, 2 * ESC_OPT_COUNT, &nops);
    if (!ops)
      continue;
    for (unsigned p = 0; p + 1 < nops; p += 2) {
      unsigned len = 0;
      if (!esc_md_is_string(ops[p]) || !esc_md_is_int(ops[p + 1]))
        continue;
      const char *key = LLVMGetMDString(ops[p], &len);
      if (!key)
        continue;
      uint64_t v = LLVMConstIntGetZExtValue(ops[p + 1]);
      int row = 0;
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (len == strlen(name) && memcmp(key, name, len) == 0) {                    \
    rec[row] = seen[row] ? merge_##merge(rec[row], v) : v;                     \
    seen[row] = 1;                                                             \
  }                                                                            \
  row++;
#include "options.def"
    }
    free(ops);
  }
  free(nodes);
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  if (seen[ESC_OPT_##field] && !(opt->given & ESC_GIVEN(field)))               \
    opt->field = (ESC_CTYPE_##kind)clamp_##kind(rec[ESC_OPT_##field]);
#include "options.def"
}

/* esc_effective_options: the options a pass over M runs with: the command
 * line's, and for a module of an -flto build (or at the link) those its
 * compile steps recorded. */
void esc_effective_options(LLVMModuleRef M, esc_options *opt) {
  if (opt->link || esc_lto_get(M) != ESC_LTO_NONE)
    esc_lto_load_options(M, opt);
}

/* esc_options_print: -escape-print-options, one line on stderr, in the
 * command line's own spelling. */
void esc_options_print(const esc_options *opt) {
  fprintf(stderr, "escape options:");
#define ESC_OPTION(kind, field, name, def, merge, desc)                        \
  fprintf(stderr, " -%s=%" PRIu64, name, (uint64_t)opt->field);
#include "options.def"
  fprintf(stderr, "\n");
}

void esc_lto_forget(LLVMModuleRef M) {
  escb_drop_named_metadata(M, LTO);
  escb_drop_named_metadata(M, OPTIONS);
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

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
 * and the rest) are kept in !escape.options and apply at the link unless
 * the link names them itself.  clang's default link (GNU ld with LLVMgold.so)
 * cannot run the pass: LLVM 19's gold plugin has no option that loads a
 * pass plugin (-plugin-opt=-load is not one of libLLVM's options), so such a
 * link silently builds the program unanalysed.  A compile step that was
 * asked for a report therefore says once how to link (esc_lto_note), unless
 * -escape-lto-note=0 says the link is arranged (scripts/escape-cc).
 * Exercised by test/lto/ and test/wrapper/Wrapper_lto_note.test.
 */
#define _GNU_SOURCE /* dladdr */
#include "internal.h"

#include <dlfcn.h>
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

/* esc_lto_save_options keeps the compile step's options for the link:
 * !{m, max_object_bytes, max_frame_bytes, max_recursive_frame_bytes,
 * rewrite, interprocedural}. */
void esc_lto_save_options(LLVMModuleRef M, const esc_options *opt) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMMetadataRef ops[6] = {
      md_i64(cx, (uint64_t)opt->m),         md_i64(cx, opt->max_object_bytes),
      md_i64(cx, opt->max_frame_bytes),     md_i64(cx, opt->max_recursive_frame_bytes),
      md_i64(cx, (uint64_t)opt->rewrite),   md_i64(cx, (uint64_t)opt->interprocedural)};
  escb_drop_named_metadata(M, OPTIONS);
  LLVMAddNamedMetadataOperand(M, OPTIONS,
                              LLVMMetadataAsValue(cx, LLVMMDNodeInContext2(cx, ops, 6)));
}

static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* esc_lto_load_options: the options for a link, from those recorded by the
 * compile steps of the linked modules (the widest report, the most careful
 * limits), for every option the link's own command line did not give. */
void esc_lto_load_options(LLVMModuleRef M, esc_options *opt) {
  unsigned n = 0;
  LLVMValueRef *nodes = esc_named_md(M, OPTIONS, &n);
  if (!nodes)
    return;
  esc_options rec = {0};
  int first = 1;
  for (unsigned k = 0; k < n; k++) {
    unsigned nops = 0;
    LLVMValueRef *ops = esc_md_node_ops(nodes[k], 6, 6, &nops);
    int ints = ops != NULL;
    for (unsigned i = 0; i < nops; i++)
      ints &= esc_md_is_int(ops[i]);
    if (!ints) { /* not a record of ours: no information */
      free(ops);
      continue;
    }
    esc_options o = {0};
    o.m = (int)md_u64(ops[0]);
    o.max_object_bytes = md_u64(ops[1]);
    o.max_frame_bytes = md_u64(ops[2]);
    o.max_recursive_frame_bytes = md_u64(ops[3]);
    o.rewrite = (int)md_u64(ops[4]);
    o.interprocedural = (int)md_u64(ops[5]);
    free(ops);
    if (first) {
      rec = o;
      first = 0;
      continue;
    }
    if (o.m > rec.m)
      rec.m = o.m;
    rec.max_object_bytes = min_u64(rec.max_object_bytes, o.max_object_bytes);
    rec.max_frame_bytes = min_u64(rec.max_frame_bytes, o.max_frame_bytes);
    rec.max_recursive_frame_bytes =
        min_u64(rec.max_recursive_frame_bytes, o.max_recursive_frame_bytes);
    rec.rewrite &= o.rewrite;
    rec.interprocedural &= o.interprocedural;
  }
  free(nodes);
  if (first)
    return;
  if (!(opt->given & ESC_GIVEN_M))
    opt->m = rec.m > 2 ? 2 : rec.m;
  if (!(opt->given & ESC_GIVEN_MAX_OBJECT))
    opt->max_object_bytes = rec.max_object_bytes;
  if (!(opt->given & ESC_GIVEN_MAX_FRAME))
    opt->max_frame_bytes = rec.max_frame_bytes;
  if (!(opt->given & ESC_GIVEN_MAX_RECURSIVE))
    opt->max_recursive_frame_bytes = rec.max_recursive_frame_bytes;
  if (!(opt->given & ESC_GIVEN_REWRITE))
    opt->rewrite = rec.rewrite;
  if (!(opt->given & ESC_GIVEN_INTERPROCEDURAL))
    opt->interprocedural = rec.interprocedural;
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

/* alloc.h — what a call does to memory: allocation, free and realloc, as
 * alloc.c decides it from the bridge's facts, once per call. */
#ifndef ESC_ALLOC_H
#define ESC_ALLOC_H

#include "bridge.h"

#include <stdint.h>

/* esc_callkind: what a call does to memory, as alloc.c decides it from
 * the bridge's facts (escb_call_facts). */
typedef enum esc_callkind {
  ESC_CALL_OTHER,
  ESC_CALL_ALLOC,   /* returns a fresh heap object (malloc, calloc, new...) */
  ESC_CALL_FREE,    /* frees argument `arg` */
  ESC_CALL_REALLOC, /* reallocates argument `arg` */
} esc_callkind;

/* esc_alloc_fn: which allocator, for those the rewrite knows. */
typedef enum esc_alloc_fn {
  ESC_FN_OTHER, /* an allocation the rewrite does not replace (strdup...) */
  ESC_FN_MALLOC,
  ESC_FN_CALLOC,
  ESC_FN_ALIGNED_ALLOC, /* aligned_alloc, memalign */
  ESC_FN_NEW,           /* operator new / new[], any variant */
  ESC_FN_POSIX_MEMALIGN, /* int posix_memalign(void **p, size_t a, size_t n):
                             the object's address is stored into *p */
  ESC_FN_STRDUP,        /* strdup(s): strlen(s) + 1 bytes, a copy of s */
  ESC_FN_STRNDUP,       /* strndup(s, n): strnlen(s, n) + 1 bytes */
  ESC_FN_REALLOC,       /* REALLOC: the C library's realloc(p, n) itself, whose
                           pointer may be a stack buffer (rewrite.c's grow);
                           reallocf, reallocarray and the rest stay OTHER */
} esc_alloc_fn;

/* esc_callinfo describes what a call does to memory. */
typedef struct esc_callinfo {
  esc_callkind kind;
  esc_alloc_fn fn;
  int arg;            /* FREE, REALLOC: the argument freed */
  int size_known;     /* ALLOC: size is a constant */
  uint64_t size;
  int align_known;    /* ALLOC: requested alignment (0 if none or unknown) */
  uint64_t align;
  int zeroed;         /* ALLOC: memory starts zeroed (calloc) */
  LLVMValueRef hook;  /* ALLOC, FREE: a call through a slot that starts as
                         this function (malloc, calloc, free: hooks.c);
                         NULL for a direct call */
  int size_arg[2];    /* ALLOC: the argument(s) giving the size (their
                         product for calloc), -1 if none; strdup, strndup:
                         the source string, strndup's bound; REALLOC:
                         [0] the new size, -1 if none */
} esc_callinfo;

/* esc_hook_kind: which function an allocator hook's slot starts as. */
typedef enum esc_hook_kind {
  ESC_HOOK_NONE,
  ESC_HOOK_MALLOC,
  ESC_HOOK_CALLOC,
  ESC_HOOK_FREE,
} esc_hook_kind;

/* esc_hook is what hooks.c finds of an indirect call's slot. */
typedef struct esc_hook {
  esc_hook_kind kind;
  LLVMValueRef fn; /* the function the slot starts as */
} esc_hook;

/* hooks.c: is the call a call through an allocator hook (see there)? */
int esc_hook_of(escb_ctx *ctx, LLVMValueRef call, esc_hook *out);

/* alloc.c: what a call does to memory, decided once per call and kept
 * for the pass run (until its function is rewritten) */
void esc_call_classify(escb_ctx *ctx, LLVMValueRef call, esc_callinfo *out);
/* esc_calls_forget: fn's calls changed (rewritten): classify them anew. */
void esc_calls_forget(escb_ctx *ctx, LLVMValueRef fn);
/* esc_is_alloc_site: a call classified as an allocation (ci is filled
 * either way). */
int esc_is_alloc_site(escb_ctx *ctx, LLVMValueRef inst, esc_callinfo *ci);
/* esc_call_bytes_args: which arguments give the bytes an allocation asks
 * for at run time (the profiler's counts); 0 when none does. */
int esc_call_bytes_args(const esc_callinfo *ci, unsigned nargs, int *a0, int *a1);

#endif

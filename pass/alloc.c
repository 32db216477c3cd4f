/* alloc.c — which calls allocate, free or reallocate, and how big, how
 * aligned and how initialised an allocation is: the rules over the facts
 * the bridge reports (escb_call_facts: TargetLibraryInfo, MemoryBuiltins,
 * allockind), and the table that keeps each call's answer for the pass run.
 *
 * classify is the one place these rules live; every file asks through
 * esc_call_classify, which decides a call once and keeps the answer until
 * the call's function is rewritten (rewrite.c then forgets it).  Anything
 * not recognised is ESC_CALL_OTHER, judged by call.c like any call.
 * Exercised by test/ir/Alloc_ and test/ir/Call_ files.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* fn_of: the allocators the rewrite knows, by library function. */
static esc_alloc_fn fn_of(escb_libfunc lib) {
  switch (lib) {
  case ESCB_LIB_MALLOC: return ESC_FN_MALLOC;
  case ESCB_LIB_CALLOC: return ESC_FN_CALLOC;
  case ESCB_LIB_ALIGNED_ALLOC: case ESCB_LIB_MEMALIGN: return ESC_FN_ALIGNED_ALLOC;
  case ESCB_LIB_NEW: case ESCB_LIB_NEW_ALIGNED: return ESC_FN_NEW;
  case ESCB_LIB_STRDUP: return ESC_FN_STRDUP;
  case ESCB_LIB_STRNDUP: return ESC_FN_STRNDUP;
  default: return ESC_FN_OTHER;
  }
}

static int arg_const(LLVMValueRef call, unsigned nargs, int k, uint64_t *v) {
  return k >= 0 && (unsigned)k < nargs && escb_const_uint(LLVMGetOperand(call, (unsigned)k), v);
}

/* alloc_sizes: an allocation's size, alignment and initial contents. */
static void alloc_sizes(escb_ctx *ctx, LLVMValueRef call, const escb_callfacts *cf,
                        int byattr, esc_callinfo *out) {
  esc_alloc_fn fn = out->fn;
  unsigned nargs = cf->nargs;
  out->zeroed = fn == ESC_FN_CALLOC;
  /* The arguments a guarded buffer compares with: malloc(n), new(n),
   * strdup(s): the first; calloc(n, m), strndup(s, n): both;
   * aligned_alloc(a, n), memalign(a, n): the second. */
  switch (fn) {
  case ESC_FN_MALLOC: case ESC_FN_NEW: case ESC_FN_STRDUP:
    out->size_arg[0] = 0;
    break;
  case ESC_FN_CALLOC: case ESC_FN_STRNDUP:
    out->size_arg[0] = 0;
    out->size_arg[1] = 1;
    break;
  case ESC_FN_ALIGNED_ALLOC:
    out->size_arg[0] = 1;
    break;
  default:
    break;
  }
  /* An allocator known by its attributes alone: allocsize names its size
   * arguments, and it gets no guarded buffer. */
  if (byattr)
    out->size_arg[0] = out->size_arg[1] = -1;
  /* A prototype that does not match the library's (int strdup(void)): an
   * allocation the rewrite leaves alone. */
  if ((unsigned)out->size_arg[1] + 1 > nargs || (unsigned)out->size_arg[0] + 1 > nargs) {
    out->fn = fn = ESC_FN_OTHER;
    out->size_arg[0] = out->size_arg[1] = -1;
  }
  escb_allocfacts af;
  escb_alloc_facts(ctx, call, &af);
  /* The size: MemoryBuiltins' when it has one (allocsize, or a library
   * function with constant arguments); else malloc(n), new(n, ...):
   * argument 0; calloc(n, m): the product, if it does not overflow;
   * aligned_alloc(a, n), memalign(a, n): argument 1. */
  if (af.size) {
    if (af.size == 1) {
      out->size_known = 1;
      out->size = af.bytes;
    }
  } else if (fn != ESC_FN_OTHER && fn != ESC_FN_STRDUP && fn != ESC_FN_STRNDUP && !byattr) {
    uint64_t n, m;
    if (arg_const(call, nargs, fn == ESC_FN_ALIGNED_ALLOC ? 1 : 0, &n) &&
        (fn != ESC_FN_CALLOC ||
         (arg_const(call, nargs, 1, &m) && !__builtin_mul_overflow(n, m, &n)))) {
      out->size_known = 1;
      out->size = n;
    }
  }
  /* The alignment: allocalign's argument; aligned_alloc's and memalign's
   * first, aligned new's second.  An aligned allocator by attributes
   * without allocalign is refused (alignment 0), as is an alignment that
   * is not a constant. */
  int a = af.align_arg;
  if (a < 0 && fn == ESC_FN_ALIGNED_ALLOC && byattr) {
    out->align_known = 1;
    out->align = 0;
  }
  if (a < 0 && fn == ESC_FN_ALIGNED_ALLOC && !byattr && nargs > 0)
    a = 0;
  if (a < 0 && fn == ESC_FN_NEW && cf->lib == ESCB_LIB_NEW_ALIGNED && nargs > 1 &&
      LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, 1))) == LLVMIntegerTypeKind)
    a = 1;
  if (a >= 0) {
    LLVMValueRef v = LLVMGetOperand(call, (unsigned)a);
    out->align_known = 0;
    if (LLVMIsAConstantInt(v)) {
      if (escb_const_uint(v, &out->align))
        out->align_known = 1;
    } else {
      out->align_known = 1;
      out->align = 0;
    }
  }
  /* Zeroed: calloc, or whatever MemoryBuiltins says starts as zero. */
  if (!out->zeroed)
    out->zeroed = af.init_zero;
}

/* realloc_size: a realloc's new size is the integer argument after the
 * pointer (realloc(p, n), reallocf, reallocarray's count), when there is
 * one; the profiler counts its bytes.  The C library's realloc(p, n) by
 * name and prototype (ptr, integer) -> ptr is ESC_FN_REALLOC, the one a
 * stack buffer may grow through (call.c's grow rule). */
static void realloc_size(LLVMValueRef call, const escb_callfacts *cf, esc_callinfo *out) {
  unsigned k = (unsigned)out->arg + 1;
  if (k < cf->nargs && LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, k))) == LLVMIntegerTypeKind)
    out->size_arg[0] = (int)k;
  size_t n = 0;
  const char *name = LLVMGetValueName2(LLVMGetCalledValue(call), &n);
  if (cf->lib == ESCB_LIB_REALLOC && n == 7 && memcmp(name, "realloc", 7) == 0 &&
      cf->nargs == 2 && out->arg == 0 && out->size_arg[0] == 1 &&
      LLVMGetTypeKind(LLVMTypeOf(call)) == LLVMPointerTypeKind &&
      LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, 0))) == LLVMPointerTypeKind)
    out->fn = ESC_FN_REALLOC;
}

/* hook: an indirect call through an allocator hook (hooks.c) is the
 * allocation or free its slot starts as, marked with that function: the
 * rewrite tests at run time that the slot still holds it.  malloc(n):
 * argument 0; calloc(n, m): both, zeroed.  Anything else through a slot
 * (realloc, or a slot that is not a hook) is an ordinary indirect call. */
static void hook(escb_ctx *ctx, LLVMValueRef call, esc_callinfo *out) {
  esc_hook h;
  if (!esc_hook_of(ctx, call, &h))
    return;
  unsigned nargs = LLVMGetNumArgOperands(call);
  uint64_t n, m;
  switch (h.kind) {
  case ESC_HOOK_FREE:
    if (nargs != 1 || LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMVoidTypeKind)
      return;
    out->kind = ESC_CALL_FREE;
    out->arg = 0;
    break;
  case ESC_HOOK_MALLOC:
    if (nargs != 1)
      return;
    out->kind = ESC_CALL_ALLOC;
    out->fn = ESC_FN_MALLOC;
    out->size_arg[0] = 0;
    out->size_known = arg_const(call, nargs, 0, &out->size);
    break;
  case ESC_HOOK_CALLOC:
    if (nargs != 2)
      return;
    out->kind = ESC_CALL_ALLOC;
    out->fn = ESC_FN_CALLOC;
    out->zeroed = 1;
    out->size_arg[0] = 0;
    out->size_arg[1] = 1;
    if (arg_const(call, nargs, 0, &n) && arg_const(call, nargs, 1, &m) &&
        !__builtin_mul_overflow(n, m, &n)) {
      out->size_known = 1;
      out->size = n;
    }
    break;
  default:
    return;
  }
  out->hook = h.fn;
}

/* classify: the rules, first match wins. */

static void classify(escb_ctx *ctx, LLVMValueRef call, esc_callinfo *out) {
  memset(out, 0, sizeof *out);
  out->kind = ESC_CALL_OTHER;
  out->arg = -1;
  out->size_arg[0] = out->size_arg[1] = -1;
  escb_callfacts cf;
  escb_call_facts(ctx, call, &cf);
  if (!cf.direct) { /* indirect calls (allocator hooks) and intrinsics */
    if (!LLVMIsAFunction(LLVMGetCalledValue(call)))
      hook(ctx, call, out);
    return;
  }
  /* The program's own malloc or free (glibc lets a program replace them):
   * its calls are its own business, every one of them made. */
  if (!LLVMIsDeclaration(LLVMGetCalledValue(call)))
    return;
  /* Free: MemoryBuiltins' freed operand; before InferFunctionAttrs has
   * added allockind, free is known only as a library function (its
   * argument 0). */
  int freed = cf.freed_arg;
  if (freed < 0 && cf.tli_free && cf.nargs >= 1)
    freed = 0;
  if (freed >= 0) {
    out->kind = ESC_CALL_FREE;
    out->arg = freed;
    return;
  }
  /* Realloc by allockind: the reallocated operand (none: not understood). */
  if (cf.realloc_like) {
    if (cf.realloc_arg >= 0) {
      out->kind = ESC_CALL_REALLOC;
      out->arg = cf.realloc_arg;
      realloc_size(call, &cf, out);
    }
    return;
  }
  /* posix_memalign(&p, align, size): an allocation stored into *p; its
   * alignment is refused (0) unless a constant. */
  if (cf.lib == ESCB_LIB_POSIX_MEMALIGN) {
    out->kind = ESC_CALL_ALLOC;
    out->fn = ESC_FN_POSIX_MEMALIGN;
    if (arg_const(call, cf.nargs, 2, &out->size))
      out->size_known = 1;
    out->align_known = 1;
    uint64_t a;
    if (arg_const(call, cf.nargs, 1, &a))
      out->align = a;
    return;
  }
  /* realloc as a library function: argument 0. */
  if (cf.lib == ESCB_LIB_REALLOC) {
    out->kind = ESC_CALL_REALLOC;
    out->arg = 0;
    realloc_size(call, &cf, out);
    return;
  }
  esc_alloc_fn fn = fn_of(cf.lib);
  /* An allocator known by its attributes alone (allockind "alloc" with
   * "alloc-family"="malloc": its objects are free()d like malloc's), such
   * as a declared wrapper in IR: sizes and alignment from allocsize and
   * allocalign only. */
  int byattr = 0;
  if (cf.lib == ESCB_LIB_NONE && (cf.allockind & ESCB_AK_ALLOC) &&
      !(cf.allockind & (ESCB_AK_REALLOC | ESCB_AK_FREE)) && cf.family_malloc) {
    byattr = 1;
    if (cf.allockind & ESCB_AK_ALIGNED)
      fn = ESC_FN_ALIGNED_ALLOC;
    else if (cf.allockind & ESCB_AK_ZEROED)
      fn = ESC_FN_CALLOC;
    else if (cf.allockind & ESCB_AK_UNINITIALIZED)
      fn = ESC_FN_MALLOC;
  }
  /* Before InferFunctionAttrs has added allockind/allocsize (the
   * pipeline's start), MemoryBuiltins knows malloc only through the
   * library functions above; valloc is one too. */
  if (fn == ESC_FN_OTHER && cf.lib != ESCB_LIB_VALLOC && !cf.allocation_fn)
    return;
  out->kind = ESC_CALL_ALLOC;
  out->fn = fn;
  alloc_sizes(ctx, call, &cf, byattr, out);
}

/* esc_calltable: one function's classified calls. */
typedef struct esc_calltable {
  esc_ptrmap index; /* call -> entry */
  esc_callinfo *v;
  int n, cap;
} esc_calltable;

/* esc_calls: the classified calls of one pass run, by function, kept in
 * the run's escb_ctx. */
typedef struct esc_calls {
  esc_ptrmap byfn; /* function -> table */
  esc_calltable *t;
  int n, cap;
} esc_calls;

static void table_clear(esc_calltable *t) {
  esc_ptrmap_free(&t->index);
  free(t->v);
  memset(t, 0, sizeof *t);
}

static void calls_release(void *p) {
  esc_calls *c = p;
  for (int k = 0; k < c->n; k++)
    table_clear(&c->t[k]);
  free(c->t);
  esc_ptrmap_free(&c->byfn);
  free(c);
}

static esc_calltable *table_of(escb_ctx *ctx, LLVMValueRef fn) {
  esc_calls *c = escb_ctx_kept(ctx);
  if (!c) {
    c = esc_alloc(sizeof *c);
    escb_ctx_keep(ctx, c, calls_release);
  }
  int k = esc_ptrmap_get(&c->byfn, fn);
  if (k < 0) {
    esc_calltable empty;
    memset(&empty, 0, sizeof empty);
    k = c->n;
    ESC_PUSH(c->t, c->n, c->cap, empty);
    esc_ptrmap_put(&c->byfn, fn, k);
  }
  return &c->t[k];
}

void esc_call_classify(escb_ctx *ctx, LLVMValueRef call, esc_callinfo *out) {
  LLVMBasicBlockRef b = LLVMIsAInstruction(call) ? LLVMGetInstructionParent(call) : NULL;
  if (!b) {
    classify(ctx, call, out);
    return;
  }
  esc_calltable *t = table_of(ctx, LLVMGetBasicBlockParent(b));
  int k = esc_ptrmap_get(&t->index, call);
  if (k < 0) {
    esc_callinfo ci;
    classify(ctx, call, &ci);
    k = t->n;
    ESC_PUSH(t->v, t->n, t->cap, ci);
    esc_ptrmap_put(&t->index, call, k);
  }
  *out = t->v[k];
}

void esc_calls_forget(escb_ctx *ctx, LLVMValueRef fn) {
  esc_calls *c = escb_ctx_kept(ctx);
  int k = c ? esc_ptrmap_get(&c->byfn, fn) : -1;
  if (k >= 0)
    table_clear(&c->t[k]);
}

int esc_is_alloc_site(escb_ctx *ctx, LLVMValueRef inst, esc_callinfo *ci) {
  esc_call_classify(ctx, inst, ci);
  return ci->kind == ESC_CALL_ALLOC;
}

/* esc_call_bytes_args: the arguments whose value (a1 >= 0: their product)
 * is what an allocation call asks for at run time, for the profiler:
 * malloc(n), new(n): 0; calloc(n, m): 0 and 1; aligned_alloc(a, n),
 * memalign(a, n): 1; posix_memalign(&p, a, n): 2.  0 when there is none
 * (strdup, strndup, others) or the call has too few arguments: then the
 * constant size, if known, is the answer. */
int esc_call_bytes_args(const esc_callinfo *ci, unsigned nargs, int *a0, int *a1) {
  *a0 = *a1 = -1;
  switch (ci->fn) {
  case ESC_FN_MALLOC: case ESC_FN_NEW: *a0 = 0; break;
  case ESC_FN_CALLOC: *a0 = 0; *a1 = 1; break;
  case ESC_FN_ALIGNED_ALLOC: *a0 = 1; break;
  case ESC_FN_POSIX_MEMALIGN: *a0 = 2; break;
  default: break; /* strdup, strndup, others: no size argument */
  }
  return *a0 >= 0 && (unsigned)*a0 < nargs && (*a1 < 0 || (unsigned)*a1 < nargs);
}

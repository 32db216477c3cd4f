/* drain.h — drained stacks (drain.c): list nodes pushed onto a global
 * stack head that their function empties before it returns. */
#ifndef ESC_DRAIN_H
#define ESC_DRAIN_H

#include "bridge.h"
#include "util.h"

/* esc_drained: one global stack head and the functions that drain it. */
typedef struct esc_drained {
  LLVMValueRef global;
  uint64_t size;  /* the one size of its nodes the pass may move; 0: several */
  int converted;  /* sites moved (rewrite.c) */
} esc_drained;

/* esc_drain: the module's drained stacks.  site: an allocation call whose
 * objects are nodes of a drained stack, made in a function that empties it
 * before every return -> the stack's index; free: a free of a node of
 * that stack in such a function -> the stack's index. */
typedef struct esc_drain {
  esc_drained *v;
  int n, cap;
  esc_ptrmap site;
  esc_ptrmap free;
} esc_drain;

/* whole: M is the whole program (the full-LTO link); else nothing moves. */
void esc_drain_find(esc_drain *d, LLVMModuleRef M, escb_ctx *ctx, const char *switcher,
                    uint64_t max_object, int whole);
void esc_drain_free(esc_drain *d);
/* esc_drain_site: the stack the allocation call's nodes are pushed onto
 * (they move), or NULL.  esc_drain_freed: the stack whose node the free
 * call frees (it asks the side stack), or NULL. */
esc_drained *esc_drain_site(const esc_drain *d, LLVMValueRef call);
esc_drained *esc_drain_freed(const esc_drain *d, LLVMValueRef call);

#endif

/* region.h — builders and the callers that own what they build (region.c). */
#ifndef ESC_REGION_H
#define ESC_REGION_H

#include "digraph.h"
#include "internal.h"

/* esc_region_why: why a builder call's objects stay on the heap. */
typedef enum esc_region_why {
  ESC_RG_OWNED,
  ESC_RG_ESCAPES,   /* the result, or an object reachable from it, escapes */
  ESC_RG_FREED,     /* freed by something other than free() or a function
                       of this module that frees only with it */
  ESC_RG_REALLOC,   /* passed to realloc */
  ESC_RG_LOOP,      /* on a CFG cycle, and may be live at the call's next run */
  ESC_RG_SECOND,    /* another call in the function owns its result */
  ESC_RG_SETJMP,    /* the function calls setjmp */
  ESC_RG_UNMODELLED, /* the call is not one the summary describes, or the
                       function makes a musttail call (no release fits) */
  ESC_RG_BUDGET,    /* the function is too big to analyse */
} esc_region_why;

/* esc_builder: one defined function's standing as a builder. */
typedef struct esc_builder {
  signed char state; /* 0 not asked, 1 a builder, -1 not */
  LLVMValueRef copy; /* its region copy, made when it is rewritten */
  int owners;        /* calls rewritten to call the copy */
  int *q;            /* its sites whose objects it returns (candidates) */
  int nq;
} esc_builder;

/* esc_regions: the module's builders (indexed as the call graph's
 * functions), and which functions free only with free(). */
typedef struct esc_regions {
  LLVMModuleRef M;
  int n;
  LLVMValueRef *fns;
  const esc_ptrmap *index;
  const esc_digraph *cg;
  const esc_sccs *sccs;
  esc_builder *b;
  signed char *clean; /* per function: 1 frees only with free(); NULL until asked */
  int usable;         /* the side stack is usable in the module: 1, 0, -1 not asked */
  int used;           /* an owned call was rewritten: frees are guarded */
} esc_regions;

void esc_regions_init(esc_regions *R, LLVMModuleRef M, LLVMValueRef *fns, int n,
                      const esc_ptrmap *index, const esc_digraph *cg, const esc_sccs *sccs,
                      int allowed);
void esc_regions_free(esc_regions *R);
int esc_region_index(const esc_regions *R, LLVMValueRef fn); /* -1: none */

/* build.c, call.c: the RESULT objects of a function's builder calls */
void esc_region_objects(esc_func *f, LLVMValueRef call);
int esc_region_attach(esc_func *f, LLVMValueRef call);
/* solve.c: may this object be a region's? (frees, reallocs, may-free
 * callees); *why and *at say why not */
int esc_region_uses_ok(esc_func *f, int obj, int *why, LLVMValueRef *at);
/* builder.c, for escape.c: a judged function as a builder; its region copy before its
 * own rewrite; an owner's rewrite; the module's frees at the end */
void esc_region_probe(esc_regions *R, int i, const esc_func *f);
void esc_region_copy(esc_regions *R, int i, esc_func *f);
void esc_region_rewrite(esc_regions *R, esc_func *f);
int esc_region_finish(esc_regions *R, int inline_calls);

#endif

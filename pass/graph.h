/* graph.h — locations, objects and constraints: an inclusion-based
 * points-to graph over LLVM IR, and its solver (graph.c).  The model is in
 * escape.c's essay; the verdicts read off the solved graph are solve.c's. */
#ifndef ESC_GRAPH_H
#define ESC_GRAPH_H

#include <llvm-c/Core.h>
#include <stdint.h>

#include "pts.h"
#include "util.h"

/* esc_objkind: what an object of the graph is. */
typedef enum esc_objkind {
  ESC_OBJ_UNKNOWN, /* object 0: all memory the function does not own */
  ESC_OBJ_ALLOCA,  /* a stack slot the function already has */
  ESC_OBJ_HEAP,    /* an allocation site, a candidate for the stack */
  ESC_OBJ_PARAM,   /* what parameter i points to (the caller's object) */
  ESC_OBJ_PARAM_CONTENT, /* what that object points to (one deref deeper) */
  ESC_OBJ_PARAM_DEEP,    /* further down: two derefs, then three or more */
  ESC_OBJ_RESULT,        /* the objects one call of a builder makes (region.c) */
  ESC_OBJ_PARAM_INT,     /* the numbers (scalar-typed loads) of what parameter i's
                            object at `level` - 1 holds: level 1 the numbers in
                            *p, 2 in **p, 3 deeper */
} esc_objkind;

/* esc_obj is one abstract object: a memory block that pointers point to. */
typedef struct esc_obj {
  esc_objkind kind;
  LLVMValueRef inst; /* the alloca or allocation call; NULL for unknown */
  int content;       /* location of what is stored in the object */
  int other;         /* the part of it that stores of other than pointer
                        type put there (it flows into content): all that a
                        scalar-typed load can read (escb_tbaa_kind; for
                        memory the function does not own, content) */
  int level;         /* ESC_OBJ_PARAM_INT: its level (1, 2, 3); else 0 */
  int mixed;         /* memory it does not own: bytes within it were moved,
                        so pointers may now be where numbers are read
                        (esc_graph_mix; the summary's MIX sink) */
  int cand;          /* ESC_OBJ_HEAP: its index in the function's
                        candidates (esc_cand); -1 for the others */
  int param;         /* ESC_OBJ_PARAM*: the number of the parameter it is
                        reached from; -1 for the others */
  int written;       /* something was stored into it */
  int into;          /* a parameter's object one of its caller's stores can
                        describe (P_k, Q_k of a parameter k below
                        ESC_INTO_PARAMS): the location its stores go to;
                        -1 for the others, whose stores go to the heap */
} esc_obj;

/* esc_why says how a value reached an edge: the -m=2 explanation's step. */
typedef enum esc_why {
  ESC_WHY_COPY,      /* plain flow: cast, GEP, phi, select, arithmetic */
  ESC_WHY_LOAD,      /* loaded from memory */
  ESC_WHY_STORE,     /* stored into an object */
  ESC_WHY_RETURN,    /* returned from the function */
  ESC_WHY_STORE_UNK, /* stored through a pointer to memory not owned here */
  /* A call's argument, or what it points to, kept by the callee: one pair
   * per rule of call.c that made the edge, so that the report words the
   * rule applied (why_text) and never works it out again. */
  ESC_WHY_CALL_ARG,  /* passed to a call parameter that may capture it:
                        attributes (or an unknown callee) */
  ESC_WHY_CALL_CONTENT, /* reachable from an argument of a call: attributes */
  ESC_WHY_SUMMARY_ARG,  /* passed to a parameter the callee's summary leaks */
  ESC_WHY_SUMMARY_CONTENT, /* reachable from it, by the callee's summary */
  ESC_WHY_MODEL_ARG,    /* passed to a parameter the library model keeps */
  ESC_WHY_MODEL_CONTENT, /* reachable from it, by the library model */
  ESC_WHY_OUT_ARG,      /* printed by the library (printf's %p): the text
                           may be read back */
  ESC_WHY_OUT_CONTENT,  /* reachable from bytes the library writes out
                           (fputs, fwrite, printf's %s) */
  ESC_WHY_CALL_RET,  /* returned by a call (parameter marked `returned`) */
  ESC_WHY_ASM,       /* passed to inline assembly */
  ESC_WHY_INDIRECT,  /* passed to an indirect call */
  ESC_WHY_MUSTTAIL,  /* passed to a musttail call */
  ESC_WHY_REALLOC,   /* passed to realloc */
  ESC_WHY_VOLATILE,  /* stored by a volatile store */
  ESC_WHY_OTHER,     /* used by an instruction the analysis does not model */
  ESC_WHY_CONTENT,   /* content of an object that escapes */
} esc_why;

/* esc_edge is a flow src -> dst: dst may hold whatever src holds. */
typedef struct esc_edge {
  int dst;
  esc_why why;
  LLVMValueRef at; /* the instruction that made the flow */
} esc_edge;

/* esc_loc is a location: an SSA value (or a temporary) that may hold
 * addresses, or the contents of an object.  pts is the set of objects whose
 * address it may hold. */
typedef struct esc_loc {
  LLVMValueRef val; /* the IR value, or NULL for temporaries and contents */
  int content_of;   /* >= 0: this is the contents of that object */
  int deref_of;     /* >= 0: a temporary holding *deref_of (for explanations) */
  esc_pts pts;      /* read through esc_graph_next and esc_graph_holds */
  esc_pts done;     /* the part of pts already sent along its edges and
                       constraints: a visit sends only what is new */
  esc_edge *out;
  int nout, capout;
  int *loads; /* load constraints: dst = *this */
  int nloads, caploads;
  int *iloads; /* scalar load constraints: dst = the `other` part of *this */
  int niloads, capiloads;
  int *stores; /* store constraints: *this = src */
  int nstores, capstores;
  LLVMValueRef *store_at; /* instruction of each store constraint */
  int capstore_at;
  unsigned char *store_ptr; /* each store constraint's: a pointer-typed store
                               (goes to the content, not the `other` part) */
  int capstore_ptr;
  int loads_done, stores_done, iloads_done; /* constraints applied to all of done */
  int mix, mix_done; /* esc_graph_mix on this address (applied to all of done) */
  int queued;       /* on the solver's work list */
  int filtered;     /* its edges carry only objects that are not a
                       parameter's (an `into` location's edge to the heap) */
} esc_loc;

/* esc_graph is one function's locations, objects and edges. */
typedef struct esc_graph {
  esc_loc *locs;
  int nlocs, caplocs;
  esc_obj *objs;
  int nobjs, capobjs;
  int words;       /* words of a bitset of all objects; esc_graph_seal */
  int heap;        /* contents of the unknown object: what escapes */
  int unknown;     /* a location that holds only the unknown object */
  int ret;         /* what the function returns; joined to the heap by
                      esc_graph_close_returns once summaries are read */
  esc_ptrmap vals; /* LLVM value -> location */
  esc_u64set edges;
  int *work;
  int nwork, capwork;
  long steps, budget;
  int over_budget;
  size_t set_bytes; /* memory of all points-to sets (ESC_GRAPH_MAX_BYTES) */
  int nosets;       /* past that cap: every set freed and kept empty */
  uint64_t *escaped; /* objects found in heap's set */
  uint64_t *param_objs; /* the parameters' objects (P, Q, R, S of each) */
} esc_graph;

void esc_graph_init(esc_graph *g, long budget);
void esc_graph_free(esc_graph *g);
int esc_graph_new_obj(esc_graph *g, esc_objkind kind, LLVMValueRef inst);
int esc_graph_new_loc(esc_graph *g, LLVMValueRef val);
int esc_graph_new_deref(esc_graph *g, int from); /* a temporary for *from */
void esc_graph_seal(esc_graph *g); /* after the last object: sizes bitsets */
int esc_graph_loc_of(esc_graph *g, LLVMValueRef v); /* -1: holds no address */
int esc_graph_find(const esc_graph *g, LLVMValueRef v); /* no new location */
int esc_graph_lookup(const esc_graph *g, LLVMValueRef v); /* as loc_of, never adds */
void esc_graph_addr(esc_graph *g, int obj, int dst);
void esc_graph_copy(esc_graph *g, int src, int dst, esc_why why, LLVMValueRef at);
void esc_graph_load(esc_graph *g, int addr, int dst);
void esc_graph_load_scalar(esc_graph *g, int addr, int dst); /* dst = other part of *addr */
void esc_graph_store(esc_graph *g, int src, int addr, LLVMValueRef at);
void esc_graph_store_ptr(esc_graph *g, int src, int addr, LLVMValueRef at); /* pointer-typed */
/* bytes moved within the objects addr points to: their contents flow into
 * their `other` part (a pointer's bytes now where a number is read) */
void esc_graph_mix(esc_graph *g, int addr);
void esc_graph_escape(esc_graph *g, int src, esc_why why, LLVMValueRef at);
void esc_graph_solve(esc_graph *g);
int esc_graph_holds(const esc_graph *g, int loc, int obj);
int esc_graph_next(const esc_graph *g, int loc, int from); /* next object, -1 */
int esc_graph_obj_escaped(const esc_graph *g, int obj);
void esc_graph_close_returns(esc_graph *g);

#endif

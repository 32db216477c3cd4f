/* internal.h — types shared by the C core's files (build, call, solve,
 * rewrite, record, reason, report, escape; IR helpers: ir.h; the site
 * ledger: ledger.h).  Not seen by plugin.cpp. */
#ifndef ESC_INTERNAL_H
#define ESC_INTERNAL_H

#include "bridge.h"
#include "escape.h"
#include "graph.h"
#include "ir.h"
#include "alloc.h"
#include "leaks.h"
#include "ledger.h"
#include "libcode.h"
#include "drain.h"

/* esc_reason: why an allocation is where it is after the pass; the words
 * of each are in reason.c. */
typedef enum esc_reason {
  ESC_OK,                /* moved to the stack */
  ESC_R_FLOW,            /* its address reaches something that outlives it */
  ESC_R_ALLOCATOR,       /* an allocator the rewrite does not replace */
  ESC_R_NONCONST,        /* size not a constant */
  ESC_R_TOO_LARGE,       /* over -escape-max-object-bytes */
  ESC_R_BAD_ALIGN,       /* an alignment the stack cannot give (esc_align_fault) */
  ESC_R_BUDGET,          /* over the function's stack budget */
  ESC_R_RECURSIVE,       /* in a recursive function, over its budget */
  ESC_R_NO_SIDE_STACK,   /* ...where the side stack is not available for the target */
  ESC_R_CHAIN,           /* over the call-chain budget, given its callees */
  ESC_R_SETJMP,          /* a returns_twice call (setjmp) may run before it */
  ESC_R_LOOP,            /* an object may be live into the next iteration */
  ESC_R_MAY_FREE,        /* passed to a call that may free it */
  ESC_R_GROUP,           /* freed together with an object kept on the heap */
  ESC_R_ANALYSIS_BUDGET, /* the function is too big to analyse */
} esc_reason;

/* esc_align_fault: which alignment rule an ESC_R_BAD_ALIGN site breaks. */
typedef enum esc_align_fault {
  ESC_ALIGN_FITS,      /* none */
  ESC_ALIGN_UNKNOWN,   /* not a constant, or 0 */
  ESC_ALIGN_NOT_POW2,  /* not a power of two */
  ESC_ALIGN_OVER_MAX,  /* over ESC_MAX_ALIGN */
  ESC_ALIGN_BELOW_PTR, /* posix_memalign's, below sizeof(void *): EINVAL */
} esc_align_fault;

/* esc_verdict is a site's verdict as solve.c decides it, Go's
 * HeapAllocReason as a value: the reason and the facts it was decided on,
 * everything its words (reason.c) need, so that nothing is worked out
 * again when it is written.  Each rule of solve.c sets it in one place;
 * the first reason found stands. */
typedef struct esc_verdict {
  esc_reason reason;
  LLVMValueRef at;    /* the instruction behind it: the allocation call
                         (ALLOCATOR), the call that
                         may free it (MAY_FREE), the allocation of its group
                         that stays on the heap (GROUP) */
  uint64_t bytes;     /* TOO_LARGE: the object's size; CHAIN: the bytes
                         the functions it calls already take */
  uint64_t limit;     /* TOO_LARGE, BUDGET, RECURSIVE, CHAIN: the budget
                         it is over */
  uint64_t align;     /* BAD_ALIGN: the alignment asked for */
  esc_align_fault align_fault; /* BAD_ALIGN: the rule it breaks */
  const char *target; /* NO_SIDE_STACK: the module's target triple, NULL or
                         "" for none (the module's own string) */
  const char *switcher; /* NO_SIDE_STACK: the function the program switches
                           stacks with (swapcontext), or NULL */
} esc_verdict;

/* esc_psizes is what a profile says about one site's sizes
 * (-escape-profile-use, profuse.c): the buffer it asks for (the 99th
 * percentile) and, ascending, the bounds of its buckets that counted runs,
 * so a budget can take the largest size below it that holds some. */
typedef struct esc_psizes {
  uint64_t want;
  int n;
  uint64_t *upper;
} esc_psizes;

/* esc_guard_cap: the limit that capped a profile's buffer. */
typedef enum esc_guard_cap {
  ESC_CAP_NONE,
  ESC_CAP_OBJECT, /* -escape-max-object-bytes */
  ESC_CAP_FRAME,  /* what the frame budget had left */
  ESC_CAP_CHAIN,  /* what the call-chain budget had left */
  ESC_CAP_RANGES, /* the share of the budgets left that ranges may take */
} esc_guard_cap;

/* esc_cand is an allocation site in the function being analysed. */
typedef struct esc_cand {
  LLVMValueRef call;
  int obj;
  int addr; /* the location first holding its address (the call's result,
               or for posix_memalign a temporary stored into *memptr) */
  esc_callinfo info;
  esc_verdict verdict; /* ESC_OK: moved to the stack (as below) */
  int group;           /* union-find: objects freed through one pointer */
  uint64_t bytes;      /* stack bytes the object takes */
  uint64_t align;      /* the stack slot's alignment */
  int guarded;         /* a stack buffer of `bytes`, the heap when the size
                          at run time is larger: a size known at run time
                          only, and every strdup and strndup */
  int grown;           /* its pointer may reach realloc (ESC_CHECK_REALLOC):
                          its frees stay, and each realloc of it moves it
                          to the heap (rewrite.c's grow) */
  int loop_region;     /* 1 + its index in f->loop_regions: on the side stack,
                          given back before each run of that loop (solve.c
                          loop_regions) */
  int free_mixed;      /* some free may be given it or other memory (a
                          parameter's object, unknown memory): those frees
                          stay, given NULL for it (rewrite.c keep_free) */
  int on_side_stack;   /* in a recursive function: from the side stack
                          when it has room (runtime/sidestack.c) */
  int in_cycle;        /* the site is on a CFG cycle */
  esc_drained *drained; /* a node of this drained stack (drain.c): on the
                          side stack until the function returns */
  const esc_psizes *profile; /* -escape-profile-use: the site's sizes, or NULL */
  int guard_profiled;  /* the guarded buffer's size is the profile's */
  int guard_ranged;    /* ...or the size's largest value (LLVM's ranges) */
  uint64_t guard_range; /* that largest value, when one is known, or 0 */
  int guard_unbounded; /* ...or, nothing bounding the size and no profile
                          naming the site, the largest buffer a range may
                          get (solve.c size_checks, grow) */
  int guard_open;      /* ...it would, but a call leaves what the module sees
                          (esc_func calls_out): the default stays */
  uint64_t guard_want; /* ...the size it asks for within the object limit */
  esc_guard_cap guard_cap; /* the limit that capped the profile's size */
  uint64_t guard_limit;    /* ...its value in bytes */
  LLVMValueRef slot;   /* the alloca (or side-stack address holder) replacing it */
} esc_cand;

/* esc_checkkind: uses judged after the graph is solved. */
typedef enum esc_checkkind {
  ESC_CHECK_FREE,     /* free(loc): removable iff loc holds converted objects only */
  ESC_CHECK_MAY_FREE, /* a nocapture argument to a callee that may free it */
  ESC_CHECK_REALLOC,  /* realloc(loc, n): loc holds allocation sites of this
                         function, realloc results and null only (call.c) */
} esc_checkkind;

/* esc_check is one use of a location to judge after solving. */
typedef struct esc_check {
  esc_checkkind kind;
  LLVMValueRef call;
  int loc;
} esc_check;

/* esc_summary is one function's parameter summaries: a leaks value per
 * parameter (leaks.h). */
typedef struct esc_summary {
  int valid;      /* computed, and the definition is the one that runs */
  int nparams;
  esc_leaks *leaks;  /* per parameter */
  LLVMValueRef *why; /* per parameter: the instruction behind a leak */
  /* per parameter i, per "into" sink (k, e): the store behind it, for -m=2 */
  LLVMValueRef (*into_at)[2 * ESC_INTO_PARAMS];
  int ret_other;  /* the result may be something other than a parameter */
} esc_summary;

/* esc_summaries holds the summaries of a module's defined functions. */
typedef struct esc_summaries {
  esc_ptrmap index; /* function -> entry */
  esc_summary *v;
  int n;
} esc_summaries;

/* esc_grown is a malloc that rewrite.c's grow added: the heap block a
 * realloc moves site `cand`'s stack buffer to (the profiler counts it). */
typedef struct esc_grown {
  LLVMValueRef call;
  int cand;
} esc_grown;

/* esc_result is a call of a builder (region.c): a function that returns
 * only fresh objects of its own making, linked to one another.  Its
 * ESC_OBJ_RESULT object stands for all the objects of one call. */
typedef struct esc_result {
  LLVMValueRef call;
  LLVMValueRef callee; /* the builder */
  int obj;             /* the ESC_OBJ_RESULT object */
  int owned;           /* the call's objects come from the side stack, given
                          back when this function returns (solve.c) */
  int in_cycle;        /* ...and before the call runs again (a CFG cycle) */
  int why;             /* esc_region_why when not owned */
  LLVMValueRef at;     /* the instruction behind it, or NULL */
} esc_result;

/* esc_loop_region: a CFG cycle whose objects are all dead when it starts
 * again (solve.c loop_regions): the side stack's top is taken before its
 * one entry (the end of the header's one predecessor outside the cycle) and
 * restored at the header, each time round. */
typedef struct esc_loop_region {
  LLVMBasicBlockRef header;
  LLVMValueRef pre_term; /* the preheader's terminator: where the mark goes
                            (the rewrite splits blocks at sites before it) */
} esc_loop_region;

/* esc_func is the analysis state of one function. */
typedef struct esc_func {
  LLVMValueRef fn;
  escb_ctx *ctx;
  const esc_options *opt;
  esc_graph g;
  esc_cand *cands;
  int ncands, capcands;
  esc_check *checks;
  int nchecks, capchecks;
  const esc_summaries *sums; /* callees' summaries, or NULL */
  int nparams;
  int *pobj;         /* per parameter: its ESC_OBJ_PARAM object */
  int *pint;         /* per parameter: its level-1 ESC_OBJ_PARAM_INT object
                        (levels 2 and 3 follow) */
  int returns_twice; /* calls setjmp, vfork...: see solve.c's after_twice */
  int recursive;     /* on a call-graph cycle */
  int side_stack_usable; /* recursive, and the side stack is usable */
  int loop_side_usable;  /* not recursive, and the side stack is usable for
                            loop regions */
  esc_loop_region *loop_regions;
  int nloop_regions, caploop_regions;
  const char *stack_switcher; /* ...it is not: the program calls this
                                 (swapcontext: frames end out of order) */
  uint64_t chain_below; /* most converted bytes in frames below this one */
  int calls_out;        /* some call may run code that chain_below does not
                           count (escape.c calls_out) */
  uint64_t frame_used;  /* converted bytes this frame holds up front */
  LLVMValueRef side_mark; /* the side stack's mark taken at entry, if any */
  const esc_drain *drain; /* the module's drained stacks (drain.c), or NULL */
  int order;         /* place among the module's defined functions */
  /* peer: whether fn is another function of this recursive SCC (*in_scc),
   * and its analysis when judged and not yet rewritten, else NULL (for -m=2
   * flows that cross a recursive call; escape.c) */
  const struct esc_func *(*peer)(const void *peers, LLVMValueRef fn, int *in_scc);
  const void *peers;
  int remarks;       /* LLVM remarks of pass `escape` are wanted */
  int nconverted;
  unsigned rewrites; /* ESC_RW_*: what rewrite.c did to the function */
  esc_grown *grown;  /* rewrite.c's grow: the mallocs it added */
  int ngrown, capgrown;
  /* region.c: the module's builders, the builder calls this function
   * makes, and the two special analyses of a builder: its probe (its calls
   * of itself give RESULT objects) and its region copy's rewrite (no
   * release at returns: the caller that owns the objects releases) */
  struct esc_regions *regions;
  esc_result *results;
  int nresults, capresults;
  int probe;
  int region_copy;
} esc_func;

/* build.c / call.c: IR -> graph */
void esc_build(esc_func *f);
void esc_build_call(esc_func *f, LLVMValueRef call);
void esc_add_check(esc_func *f, esc_checkkind kind, LLVMValueRef call, int loc);

/* devirt.c: calls through a table a function's own fresh object holds,
 * made direct, and the small ones inlined (before the analysis); the
 * number of changes. */
int esc_devirt_module(LLVMModuleRef M, escb_ctx *ctx);

/* esc_intrinsic_kind: what an intrinsic does, by call.c's table. */
typedef enum esc_intrinsic_kind {
  ESC_INTR_NONE,   /* not an intrinsic, or not in the table */
  ESC_INTR_MARKER, /* debug records, assume, lifetime markers: no effect */
  ESC_INTR_EXPECT, /* llvm.expect*: a hint; the result is operand 0 */
  ESC_INTR_MEMSET, /* fills bytes: no address flows */
  ESC_INTR_NOFLOW, /* invariant, prefetch, objectsize, traps...: no address flows */
  ESC_INTR_MEMCPY, /* memcpy, memmove: *dst = *src */
  ESC_INTR_ARITH,  /* integer or floating-point arithmetic: operands to the result */
  ESC_INTR_VASTART, /* va_start: *ap gets the caller's (unknown) memory */
  ESC_INTR_COPY,   /* ptrmask, launder, ssa.copy: the result is operand 0 */
} esc_intrinsic_kind;
/* esc_intrinsic_kind_of: the kind of a callee (any value; ESC_INTR_NONE
 * unless a function that is an intrinsic of the table). */
esc_intrinsic_kind esc_intrinsic_kind_of(LLVMValueRef fn);

/* solve.c: verdicts */
void esc_solve_flow(esc_func *f);     /* the graph, returns not yet escaped */
void esc_solve_verdicts(esc_func *f); /* returns escape; every site judged */

/* summary.c: parameter summaries (call.c applies them at calls) */
const esc_summary *esc_summary_of(const esc_summaries *s, LLVMValueRef fn);
void esc_summary_extract(esc_func *f, esc_summary *out);
void esc_summary_least(LLVMValueRef fn, esc_summary *s);
int esc_summary_join(esc_summary *s, const esc_summary *next);
void esc_summary_free(esc_summary *s);

/* rewrite.c: heap -> stack; -escape-verify names what it did */
enum {
  ESC_RW_SLOT = 1,      /* fixed slot */
  ESC_RW_GUARD = 2,     /* guarded buffer */
  ESC_RW_SIDE = 4,      /* side stack */
  ESC_RW_FREE = 8,      /* free removed */
  ESC_RW_FREE_KEPT = 16, /* free kept, of NULL for a stack address */
  ESC_RW_TAIL = 32,     /* tail marker dropped */
  ESC_RW_ZERO = 64,     /* calloc zeroing */
  ESC_RW_INVOKE = 128,  /* invoke turned into a call */
  ESC_RW_LIFETIME = 256, /* lifetime markers */
  ESC_RW_GROW = 512,    /* realloc of a stack buffer */
  ESC_RW_HOOK = 1024,   /* allocator hook tested (hooks.c) */
};
void esc_rewrite(esc_func *f);
/* esc_side_free_ask: before `call`, a free of p, ask the side stack
 * (__escape_side_free(p, size)); the runtime's answer, or NULL when the
 * module has no side stack.  In a pipeline (`skip`) a call with an unused
 * result then runs only for a heap object; otherwise *p becomes NULL where
 * it is a side-stack object.  esc_free_arg_may_be_null: drop the nonnull
 * and dereferenceable LLVM put on the freed argument. */
LLVMValueRef esc_side_free_ask(LLVMBuilderRef b, LLVMValueRef call, LLVMValueRef *p,
                               uint64_t size, int skip);
void esc_free_arg_may_be_null(LLVMValueRef call, unsigned arg);

/* sidestack.c: the side stack's runtime (runtime/sidestack.c's bitcode) */
int esc_sidestack_usable(LLVMModuleRef M);
LLVMValueRef esc_sidestack_fn(LLVMModuleRef M, const char *name);
/* esc_sidestack_call: at b, __escape_side_mark() (arg NULL; the mark, named
 * `name`) or __escape_side_release(arg); NULL when M has no side stack. */
LLVMValueRef esc_sidestack_call(LLVMBuilderRef b, LLVMModuleRef M, LLVMValueRef arg,
                                const char *name);

/* The site ledger (record.c, schema.c, ledger.c, source.c): ledger.h */

/* Where a module stands in an -flto build, kept in !escape.lto. */
enum {
  ESC_LTO_NONE,     /* not built for LTO: analyse in the per-module pipeline */
  ESC_LTO_PRELINK,  /* compiled for LTO: record sites, analyse at the link */
  ESC_LTO_DEFERRED, /* the compile step skipped the analysis */
};
int esc_lto_get(LLVMModuleRef M);
void esc_lto_set(LLVMModuleRef M, int phase);
void esc_lto_save_options(LLVMModuleRef M, const esc_options *opt);
void esc_lto_load_options(LLVMModuleRef M, esc_options *opt);
void esc_lto_forget(LLVMModuleRef M);
void esc_lto_note(LLVMModuleRef M);
void esc_options_print(const esc_options *opt);

/* reason.c: the words of each verdict, and the positions and callee
 * names they and the report's flows are written with */
void esc_reason_text(const esc_cand *c, esc_buf *out); /* FLOW: report.c */
/* ...and the profiler's (instrument.c): a moved site with its call kept as
 * a fallback (guarded or side stack), one left alone by -escape-rewrite=false */
void esc_reason_fallback_text(const esc_cand *c, char *buf, size_t n);
void esc_reason_grown_text(const esc_cand *c, char *buf, size_t n); /* its grown heap block */
extern const char esc_reason_unrewritten_text[];
/* ...and the ledger's leftovers (ledger.c: esc_sites_leftovers) */
extern const char esc_reason_removed_text[];
extern const char esc_reason_removed_remark[];
extern const char esc_reason_wrapper_kept_text[];
void esc_pos_text(LLVMValueRef inst, char *buf, size_t n);
void esc_callee_text(LLVMValueRef call, char *buf, size_t n);

/* report.c: the Go-style report */
typedef struct esc_entry {
  char *file; /* NULL: no position, print <function> */
  unsigned line, col;
  char *where; /* function name */
  char *text;  /* "malloc(64)" */
  int stack;   /* 1: does not escape */
  int fnorder; /* the function's place in the module */
  int param;   /* a parameter line: text is the whole message */
  char *detail; /* -m=2 lines, each ending in '\n', or NULL */
  char *inlined; /* an inlined copy: "F at FILE:LINE:COL" (-m=2), or NULL */
  int removed;   /* a site (or copy) LLVM deleted before the pass */
  long seq;
} esc_entry;

/* esc_report is the report's entries; with -escape-print-allocs also the
 * compiled pattern and the module whose files it totals (esc_report_setup). */
typedef struct esc_report {
  esc_entry *v;
  int n, cap;
  void *allocs_re; /* regex_t, or NULL: every line */
  LLVMModuleRef M;
} esc_report;

int esc_report_setup(esc_report *r, LLVMModuleRef M, esc_options *opt);
void esc_report_site(esc_report *r, esc_func *f, esc_cand *c, esc_sites *sites);
void esc_report_removed(esc_report *r, const esc_site *s);
void esc_report_wrapper_kept(esc_report *r, const esc_site *s);
void esc_report_indirect(esc_func *f);
void esc_report_refused(esc_report *r, esc_func *f);
void esc_report_results(esc_report *r, esc_func *f);
void esc_report_params(esc_report *r, esc_func *f, const esc_summary *s,
                       esc_sites *sites);
void esc_report_print(esc_report *r, int level);
void esc_report_free(esc_report *r);
char *esc_report_reason(const esc_func *f, const esc_cand *c);

/* profuse.c: -escape-profile-use, the guarded buffers' sizes from a profile */
typedef struct esc_profuse esc_profuse;
esc_profuse *esc_profuse_load(const char *path, char *err, size_t n); /* NULL: err */
void esc_profuse_free(esc_profuse *p);
int esc_profuse_sized(const esc_profuse *p); /* entries with sizes */
void esc_profuse_apply(const esc_profuse *p, esc_func *f, esc_sites *sites);
unsigned esc_fn_first_line(LLVMValueRef fn);

/* instrument.c: the allocation profiler's instrumentation (-escape-profile) */
typedef struct esc_prof esc_prof;
esc_prof *esc_prof_new(LLVMModuleRef M);
void esc_prof_note(esc_prof *p, esc_func *f, esc_sites *sites);
void esc_prof_grown(esc_prof *p, esc_func *f); /* after esc_rewrite */
void esc_prof_removed(esc_prof *p, const esc_site *site);
int esc_prof_finish(esc_prof *p, escb_ctx *ctx);
void esc_prof_free(esc_prof *p);

#endif

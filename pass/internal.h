/* internal.h — types shared by the C core's files (build, call, solve,
 * rewrite, record, report, escape).  Not seen by plugin.cpp. */
#ifndef ESC_INTERNAL_H
#define ESC_INTERNAL_H

#include "bridge.h"
#include "escape.h"
#include "graph.h"

/* ESC_FOR_EACH_INST walks every instruction i (in block b) of function fn. */
#define ESC_FOR_EACH_INST(fn, b, i)                                            \
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;                    \
       b = LLVMGetNextBasicBlock(b))                                           \
    for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;                       \
         i = LLVMGetNextInstruction(i))

/* esc_reason: why an allocation is where it is after the pass. */
typedef enum esc_reason {
  ESC_OK,                /* moved to the stack */
  ESC_R_REMOVED,         /* deleted by LLVM's own passes before this one */
  ESC_R_FLOW,            /* its address reaches something that outlives it */
  ESC_R_ALLOCATOR,       /* an allocator the rewrite does not replace */
  ESC_R_NONCONST,        /* size not a constant */
  ESC_R_TOO_LARGE,       /* over -escape-max-object-bytes */
  ESC_R_BAD_ALIGN,       /* alignment not a constant power of two */
  ESC_R_BUDGET,          /* over the function's stack budget */
  ESC_R_RECURSIVE,       /* in a recursive function, over its budget */
  ESC_R_NO_SIDE_STACK,   /* ...where the side stack is not available for the target */
  ESC_R_CHAIN,           /* over the call-chain budget, given its callees */
  ESC_R_SETJMP,          /* the function calls setjmp or the like */
  ESC_R_LOOP,            /* an object may be live into the next iteration */
  ESC_R_FREED_MIXED,     /* freed through a pointer that may be something else */
  ESC_R_MAY_FREE,        /* passed to a call that may free it */
  ESC_R_GROUP,           /* freed together with an object kept on the heap */
  ESC_R_ANALYSIS_BUDGET, /* the function is too big to analyse */
} esc_reason;

/* esc_cand is an allocation site in the function being analysed. */
typedef struct esc_cand {
  LLVMValueRef call;
  int obj;
  int addr; /* the location first holding its address (the call's result,
               or for posix_memalign a temporary stored into *memptr) */
  escb_callinfo info;
  esc_reason reason;
  LLVMValueRef why_at; /* instruction behind the reason, if any */
  int group;           /* union-find: objects freed through one pointer */
  uint64_t bytes;      /* stack bytes the object takes */
  uint64_t align;
  int guarded;         /* size known at run time only: a stack buffer of
                          `bytes`, the heap when the size is larger */
  int checked;         /* in a recursive function: from the side stack
                          when it has room (runtime/sidestack.c) */
  int in_cycle;        /* the site is on a CFG cycle */
  int lifo;            /* checked, in a loop: each free releases its memory */
  LLVMValueRef lifo_mark; /* the side stack's top before it, for those frees */
  LLVMValueRef slot;   /* the alloca (or side-stack address holder) replacing it */
} esc_cand;

/* esc_checkkind: uses judged after the graph is solved. */
typedef enum esc_checkkind {
  ESC_CHECK_FREE,     /* free(loc): removable iff loc holds converted objects only */
  ESC_CHECK_MAY_FREE, /* a nocapture argument to a callee that may free it */
} esc_checkkind;

/* esc_check is one use of a location to judge after solving. */
typedef struct esc_check {
  esc_checkkind kind;
  LLVMValueRef call;
  int loc;
} esc_check;

/* Parameter tags, Go-style: what a function may do with what a pointer
 * parameter points to. */
enum {
  ESC_TAG_HEAP = 1,     /* leaks to the heap (derefs 0): "leaking param: p" */
  ESC_TAG_CONTENT = 2,  /* what it points to leaks: "leaking param content" */
  ESC_TAG_RESULT0 = 4,  /* returned (maybe offset): "to result ~r0 level=0" */
  ESC_TAG_RESULT1 = 8,  /* what it points to is returned: level=1 */
  ESC_TAG_FREED = 16,   /* may be freed or reallocated */
  ESC_TAG_WRITES = 32,  /* the callee stores into the object */
  ESC_TAG_WRITES1 = 64, /* ...into the objects it points to */
  ESC_TAG_RESULT2 = 128, /* returned from two derefs down: level=2 */
  ESC_TAG_RESULT3 = 256, /* from three or more derefs down: level=3 */
};

/* esc_summary is one function's parameter tags. */
typedef struct esc_summary {
  int valid;      /* computed, and the definition is the one that runs */
  int nparams;
  uint16_t *tags;
  LLVMValueRef *why; /* per parameter: the instruction behind a leak */
  int ret_other;  /* the result may be something other than a parameter */
} esc_summary;

/* esc_summaries holds the summaries of a module's defined functions. */
typedef struct esc_summaries {
  esc_ptrmap index; /* function -> entry */
  esc_summary *v;
  int n;
} esc_summaries;

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
  int returns_twice; /* calls setjmp, vfork...: locals are not safe */
  int recursive;     /* on a call-graph cycle */
  int side_stack;   /* recursive, and the side stack is usable */
  uint64_t chain_below; /* most converted bytes in frames below this one */
  uint64_t frame_used;  /* converted bytes this frame holds up front */
  LLVMValueRef side_mark; /* the side stack's mark taken at entry, if any */
  int order;         /* place among the module's defined functions */
  int remarks;       /* LLVM remarks of pass `escape` are wanted */
  int nconverted;
  unsigned rewrites; /* ESC_RW_*: what rewrite.c did to the function */
} esc_func;

/* build.c / call.c: IR -> graph */
void esc_build(esc_func *f);
void esc_build_call(esc_func *f, LLVMValueRef call);
void esc_add_check(esc_func *f, esc_checkkind kind, LLVMValueRef call, int loc);
int esc_is_call(LLVMValueRef inst);

/* solve.c: verdicts */
void esc_solve_flow(esc_func *f);     /* the graph, returns not yet escaped */
void esc_solve_verdicts(esc_func *f); /* returns escape; every site judged */

/* summary.c: parameter summaries and library models */
const esc_summary *esc_summary_of(const esc_summaries *s, LLVMValueRef fn);
void esc_summary_extract(esc_func *f, esc_summary *out);
int esc_summary_equal(const esc_summary *a, const esc_summary *b);
void esc_summary_least(LLVMValueRef fn, esc_summary *s);
int esc_summary_join(esc_summary *s, const esc_summary *next);
void esc_summary_free(esc_summary *s);
int esc_summary_call(esc_func *f, LLVMValueRef call, LLVMValueRef callee);

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
};
void esc_rewrite(esc_func *f);

/* sidestack.c: the side stack's runtime (runtime/sidestack.c's bitcode) */
int esc_sidestack_usable(LLVMModuleRef M);
LLVMValueRef esc_sidestack_fn(LLVMModuleRef M, const char *name);

/* record.c: allocation sites recorded when the pipeline starts */
typedef struct esc_site {
  int id;
  char *module; /* source file of the module that recorded it */
  char *file;
  unsigned line, col;
  char *callee;
  char *fn; /* the function it was recorded in */
  char **args;
  int nargs;
  int seen;
  int nusercalls; /* user's calls recorded for a site in a library header */
  char **chain;   /* the library functions between them and the site */
  int nchain;
} esc_site;

/* esc_usercall is a call in the user's code that reaches a site in a
 * library header (record.c): inlined there, the site's copy belongs to it. */
typedef struct esc_usercall {
  int site; /* index in esc_sites.v */
  char *file, *caller;
  unsigned line, col;
  int seen; /* a copy of the site, or the call itself, is still there */
} esc_usercall;

/* esc_param is a parameter's name and position, recorded at the start. */
typedef struct esc_param {
  char *fn, *name, *file;
  unsigned index, line, col;
} esc_param;

/* esc_wrapper is one allocation wrapper: its source (debug) name and the
 * file it is defined in ("" if unknown); the list owns both strings. */
typedef struct esc_wrapper {
  char *name, *file;
} esc_wrapper;

/* esc_wrappers lists a module's allocation wrappers (wrapper.c), one entry
 * per (name, file); only esc_wrappers_add puts entries in. */
typedef struct esc_wrappers {
  esc_wrapper *v;
  int n, cap;
} esc_wrappers;

/* esc_srcfile is a source file read whole (record.c), its lines made C
 * strings; esc_srcfiles caches the files read, by path (last: the file
 * of the previous lookup). A zeroed one is empty. */
typedef struct esc_srcfile {
  char *path, *text;
  unsigned *start; /* line k+1 begins at text + start[k] */
  unsigned nlines;
} esc_srcfile;

typedef struct esc_srcfiles {
  esc_srcfile *v;
  int n, cap, last;
} esc_srcfiles;

typedef struct esc_sites {
  esc_site *v;
  int n, cap;
  esc_param *params;
  int nparams, capparams;
  esc_param **byname; /* params by function and index, built on first use */
  unsigned kind; /* metadata kind of the per-call site id */
  esc_ptrmap bynode; /* a site's metadata node -> its index in v */
  esc_site *calls;   /* calls that may be allocation wrappers (fn unused) */
  int ncalls, capcalls;
  esc_wrappers wrappers;
  esc_srcfiles src; /* source files read for parameters' columns */
  esc_usercall *usercalls; /* sorted by line, column, file */
  int nusercalls, capusercalls;
} esc_sites;

void esc_sites_load(LLVMModuleRef M, esc_sites *s);
esc_site *esc_sites_find(esc_sites *s, LLVMValueRef call);
char *esc_site_text(const esc_site *s);
LLVMMetadataRef esc_md_str(LLVMContextRef cx, const char *s); /* an MDString */
/* The operands of M's named metadata `name` (*n of them; free the array),
 * or NULL when there are none. */
LLVMValueRef *esc_named_md(LLVMModuleRef M, const char *name, unsigned *n);
/* esc_md_node_ops: the operands of metadata node `node` (*n of them, at
 * least min and at most max; free the array), or NULL when `node` is not
 * a metadata node of that shape.  The readers of the pass's own metadata
 * take anything unexpected (another plugin's layout, a node merged or
 * rewritten by a linker) as no information. */
LLVMValueRef *esc_md_node_ops(LLVMValueRef node, unsigned min, unsigned max, unsigned *n);
/* esc_md_is_string, esc_md_is_int: an operand from esc_md_node_ops that
 * is an MDString, an integer constant. */
int esc_md_is_string(LLVMValueRef v);
int esc_md_is_int(LLVMValueRef v);
int esc_sites_merged(esc_sites *s, LLVMValueRef call, const char *callee,
                     esc_site **out, int max);
void esc_sites_free(esc_sites *s);
const esc_param *esc_sites_param(esc_sites *s, LLVMValueRef fn, unsigned i);
void esc_sites_forget(LLVMModuleRef M, esc_sites *s);
void esc_sites_usercalls_seen(esc_sites *s, const char *file, unsigned line, unsigned col,
                              const char *alloc, const char *fn);
esc_site *esc_sites_call(esc_sites *s, const char *file, unsigned line, unsigned col,
                         const char *callee);

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

/* wrapper.c: allocation and free wrappers (esc_wrappers is above) */
void esc_wrappers_load(LLVMModuleRef M, esc_wrappers *w);
/* esc_wrappers_add lists (name, file), copying both, unless listed. */
void esc_wrappers_add(esc_wrappers *w, const char *name, const char *file);
int esc_wrappers_has(const esc_wrappers *w, const char *name);
/* esc_wrappers_elsewhere: `name` is an allocation wrapper defined in a file
 * other than `file` (calls of it are reported as allocations). */
int esc_wrappers_elsewhere(const esc_wrappers *w, const char *name, const char *file);
void esc_wrappers_free(esc_wrappers *w);
/* esc_wrapper_call: for an allocation inlined from wrappers, the recorded
 * wrapper call in the code of the function it now lives in, or NULL. */
esc_site *esc_wrapper_call(const esc_wrappers *w, esc_sites *s, LLVMValueRef call);
int esc_is_alloc_site(escb_ctx *ctx, LLVMValueRef inst, escb_callinfo *ci);
void esc_arg_text(LLVMValueRef arg, char *buf, size_t n);
unsigned esc_source_column(esc_srcfiles *c, const char *dir, const char *file,
                           unsigned line, const char *name);
void esc_srcfiles_free(esc_srcfiles *c);

/* report.c: the Go-style report */
typedef struct esc_entry {
  char *file; /* NULL: no position, print <function> */
  unsigned line, col;
  char *where; /* function name */
  char *text;  /* "malloc(64)" */
  int stack;   /* 1: does not escape */
  int fnorder; /* the function's place in the module */
  int param;   /* a parameter line: text is the whole message */
  esc_reason reason;
  char *detail; /* -m=2 lines, each ending in '\n', or NULL */
  long seq;
} esc_entry;

typedef struct esc_report {
  esc_entry *v;
  int n, cap;
} esc_report;

void esc_report_site(esc_report *r, esc_func *f, esc_cand *c, esc_sites *sites);
void esc_report_removed(esc_report *r, const esc_site *s);
void esc_report_recorded(esc_report *r, const esc_site *s, int stack, esc_reason reason,
                         const char *detail);
void esc_report_params(esc_report *r, esc_func *f, const esc_summary *s,
                       esc_sites *sites);
void esc_report_print(esc_report *r, int level);
void esc_report_free(esc_report *r);
char *esc_report_reason(esc_func *f, esc_cand *c);
char *esc_report_call_text(LLVMValueRef call, const esc_site *site);

/* instrument.c: the allocation profiler's instrumentation (-escape-profile) */
typedef struct esc_prof esc_prof;
esc_prof *esc_prof_new(LLVMModuleRef M);
void esc_prof_note(esc_prof *p, esc_func *f, esc_sites *sites);
void esc_prof_removed(esc_prof *p, const esc_site *site);
int esc_prof_finish(esc_prof *p, escb_ctx *ctx);
void esc_prof_free(esc_prof *p);

/* wrapper.c, continued: report lines for wrapper calls */
/* esc_wrapper_sites_report: lines for the recorded wrapper calls no
 * allocation claimed: a call still there (not inlined) stays on the heap,
 * one that is gone was removed by the optimizer.  own: the module's source
 * file, when only records made in it count (a ThinLTO backend), or NULL. */
void esc_wrapper_sites_report(LLVMModuleRef M, esc_sites *s, esc_report *r,
                              const char *own);
/* esc_wrapper_site_at_calls: the site is inside an allocation wrapper whose
 * calls were recorded: the report names those calls instead. */
int esc_wrapper_site_at_calls(const esc_sites *s, const esc_site *site);

#endif

/* bridge.h — plain-C access to LLVM facilities the LLVM-C API lacks.
 * Implemented in bridge.cpp; holds no analysis logic.  Every
 * LLVM_VERSION_MAJOR conditional of the project lives in bridge.cpp. */
#ifndef ESC_BRIDGE_H
#define ESC_BRIDGE_H

#include <llvm-c/Core.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* escb_ctx: the pass's view of the host (analysis managers); opaque to C. */
typedef struct escb_ctx escb_ctx;

/* --- missing from the C API: TargetLibraryInfo and MemoryBuiltins --- */

/* escb_libfunc: which C or C++ library function TargetLibraryInfo takes a
 * call's callee for (its name and prototype, and no `nobuiltin`), among
 * those the pass's allocation rules name (alloc.c). */
typedef enum escb_libfunc {
  ESCB_LIB_NONE,  /* not a library function TLI knows */
  ESCB_LIB_OTHER, /* a library function not listed here */
  ESCB_LIB_MALLOC,
  ESCB_LIB_CALLOC,
  ESCB_LIB_ALIGNED_ALLOC, /* aligned_alloc(a, n) */
  ESCB_LIB_MEMALIGN,      /* memalign(a, n) */
  ESCB_LIB_VALLOC,
  ESCB_LIB_NEW,           /* operator new / new[], plain or nothrow */
  ESCB_LIB_NEW_ALIGNED,   /* ...with std::align_val_t */
  ESCB_LIB_STRDUP,
  ESCB_LIB_STRNDUP,
  ESCB_LIB_POSIX_MEMALIGN,
  ESCB_LIB_REALLOC,       /* realloc, reallocf, vec_realloc */
} escb_libfunc;

/* escb_allockind: the callee's allockind attribute, bit for bit. */
enum {
  ESCB_AK_ALLOC = 1,
  ESCB_AK_REALLOC = 2,
  ESCB_AK_FREE = 4,
  ESCB_AK_UNINITIALIZED = 8,
  ESCB_AK_ZEROED = 16,
  ESCB_AK_ALIGNED = 32,
};

/* escb_callfacts: what LLVM knows about a call's callee as a memory
 * function (TargetLibraryInfo, MemoryBuiltins, attributes).  Facts only:
 * alloc.c decides what the call is.  An argument index is the first
 * argument holding the value LLVM names, -1 when there is none. */
typedef struct escb_callfacts {
  int direct;         /* a direct call of a function that is not an
                         intrinsic; when 0 the rest is zero (indexes -1) */
  unsigned nargs;
  escb_libfunc lib;
  int tli_free;       /* TLI knows it as free, vec_free or another free
                         function (operator delete...) */
  int freed_arg;      /* getFreedOperand */
  int realloc_like;   /* isReallocLikeFn: allockind "realloc" */
  int realloc_arg;    /* getReallocatedOperand */
  int allocation_fn;  /* isAllocationFn */
  unsigned allockind; /* ESCB_AK_*, from the callee's own attributes */
  int family_malloc;  /* getAllocationFamily is "malloc" */
} escb_callfacts;

void escb_call_facts(escb_ctx *ctx, LLVMValueRef call, escb_callfacts *out);

/* escb_lib_refused: the direct callee is named as one of the C library's
 * allocation or free functions, and TargetLibraryInfo still does not take
 * this call for it: 1, its declared prototype is not the library's (a K&R
 * `extern void *malloc(unsigned)`; proto gets the declared type as IR text);
 * 2, the function is not the library's in the caller (-fno-builtin,
 * -ffreestanding); 0 otherwise. */
int escb_lib_refused(escb_ctx *ctx, LLVMValueRef call, char *proto, size_t n);

/* escb_function_libfunc: which library function TargetLibraryInfo, as it
 * stands for the code of `caller`, takes function fn for (its name and
 * prototype); *is_free: fn is free itself.  For a function held in a slot
 * (hooks.c), where no call names it. */
escb_libfunc escb_function_libfunc(escb_ctx *ctx, LLVMValueRef fn, LLVMValueRef caller,
                                   int *is_free);
/* escb_slot_initial: what `load` reads while the memory it loads from
 * still holds its initial value: the initializer of a global variable (at
 * a constant offset into it, a struct's field) whose initializer is the
 * one that runs (definitive), read as the load's type; NULL when that is
 * not known (not a load, not of such a global, an offset it cannot read). */
LLVMValueRef escb_slot_initial(LLVMValueRef load);

/* escb_strip_offset: the value pointer p is a constant byte offset
 * (*off) from, through GEPs of constant indices and casts, instructions or
 * constant expressions alike (stripAndAccumulateConstantOffsets); NULL
 * when p is no pointer or the offset does not fit 63 bits. */
LLVMValueRef escb_strip_offset(LLVMValueRef p, int64_t *off);
/* escb_const_table_entry: the function a load of type ty reads at byte
 * `add` past `table` (a constant pointer into a global: a vtable's address
 * point, a const struct of function pointers), when that global is
 * `constant` with the initializer that runs; NULL otherwise (not a
 * function there, a variable table, an offset outside it). */
LLVMValueRef escb_const_table_entry(LLVMValueRef table, int64_t add, LLVMTypeRef ty);
/* escb_inline_compatible: `call` (direct) may be inlined as LLVM's
 * inliner would allow it: a callee defined with the body that runs (not
 * interposable: ODR copies are all the same code), not optnone, that LLVM
 * can inline (isInlineViable: no indirectbr, no setjmp, no va_start...);
 * not a noinline call site, a callee not noinline (unless over_noinline);
 * a body with no inline assembly that takes no frame or return address,
 * and attributes, target features, strict FP and null-pointer rules that
 * meet the caller's. */
int escb_inline_compatible(escb_ctx *ctx, LLVMValueRef call, int over_noinline);
/* escb_function_changed: fn's body changed: its cached analyses go. */
void escb_function_changed(escb_ctx *ctx, LLVMValueRef fn);

/* escb_allocfacts: what MemoryBuiltins computes for an allocation call. */
typedef struct escb_allocfacts {
  int size;           /* getAllocSize: 0 none, 1 a constant of at most 64
                         bits (in `bytes`), 2 a constant wider than that */
  uint64_t bytes;
  int align_arg;      /* getAllocAlignment's argument, -1 if none */
  int init_zero;      /* getInitialValueOfAllocation is zero */
} escb_allocfacts;

void escb_alloc_facts(escb_ctx *ctx, LLVMValueRef call, escb_allocfacts *out);

/* escb_const_uint: v is an integer constant of at most 64 active bits
 * (*out its value). */
int escb_const_uint(LLVMValueRef v, uint64_t *out);

/* escb_value_umax: the largest unsigned value the integer v can have where
 * instruction `at` runs, from LLVM's LazyValueInfo (the ranges
 * CorrelatedValuePropagation relies on: branches taken, masks, remainders)
 * and ConstantRange's arithmetic over what v is made of.  1 when v's range
 * is bounded (*out its largest value), 0 when nothing bounds it.  A hint,
 * not a proof (undef may be any value): it sizes a buffer whose run-time
 * test stays.  The function's analyses are recomputed first: the pass may
 * have changed it since they were cached. */
int escb_value_umax(escb_ctx *ctx, LLVMValueRef v, LLVMValueRef at, uint64_t *out);

/* escb_ctx_keep: the C core keeps one pointer per pass run in the context
 * (alloc.c's classified calls), released with `release` when the run ends;
 * escb_ctx_kept returns it, NULL before the first keep. */
void escb_ctx_keep(escb_ctx *ctx, void *p, void (*release)(void *));
void *escb_ctx_kept(escb_ctx *ctx);

/* Facts about argument `i` of a call: call-site and callee attributes,
 * merged the way CallBase does (callee attributes only when the types
 * match). */
enum {
  ESCB_ARG_NOCAPTURE = 1, /* no copy of the pointer outlives the call */
  ESCB_ARG_NOFREE = 2,    /* nofree on the call, the callee or the argument */
  ESCB_ARG_READONLY = 4,  /* the callee does not write through it */
  ESCB_ARG_RETURNED = 8,  /* the call returns this argument */
  ESCB_ARG_CALL_READONLY = 16, /* the call as a whole only reads memory */
};
unsigned escb_call_arg_flags(LLVMValueRef call, unsigned i);
int escb_call_returns_twice(LLVMValueRef call);

/* Whether the call's callee is a C library function TargetLibraryInfo knows. */
int escb_is_library_call(escb_ctx *ctx, LLVMValueRef call);
/* Whether inlining F at its direct calls is allowed and runs F's own body:
 * defined, not interposable or weak, not noinline, not variadic. */
int escb_inlinable(LLVMValueRef fn);

/* --- missing from the C API of some supported LLVMs --- */

/* LLVM-C grew these between LLVM 16 and 19 (LLVMGetTailCallKind,
 * LLVMSetTailCallKind, LLVMArrayType2, LLVMConstArray2,
 * LLVMConstStringInContext2); the C core calls these instead, which do the
 * same on every supported LLVM through the C++ API. */

/* escb_is_musttail: a call instruction marked `musttail` (0 for anything
 * else, an invoke included). */
int escb_is_musttail(LLVMValueRef inst);
/* escb_is_tail: a call instruction marked `tail` (not musttail, notail). */
int escb_is_tail(LLVMValueRef inst);
/* escb_clear_tail: a call's tail marker becomes none. */
void escb_clear_tail(LLVMValueRef call);
/* escb_array_type: [n x elem]. */
LLVMTypeRef escb_array_type(LLVMTypeRef elem, uint64_t n);
/* escb_const_array: the constant [n x elem] of vals. */
LLVMValueRef escb_const_array(LLVMTypeRef elem, LLVMValueRef *vals, uint64_t n);
/* escb_const_string: the n bytes of s and a terminating NUL, [n+1 x i8]. */
LLVMValueRef escb_const_string(LLVMContextRef cx, const char *s, size_t n);
/* escb_build_lifetime: a call of `name` (llvm.lifetime.start or .end) for
 * the `bytes` of alloca `slot`, at b's position.  LLVM 22's markers take
 * the alloca alone; before, its size too. */
void escb_build_lifetime(LLVMBuilderRef b, LLVMModuleRef m, const char *name,
                         uint64_t bytes, LLVMValueRef slot);

/* --- missing from the C API: debug variables --- */

/* escb_frame is one level of an instruction's inlining chain: the function
 * whose code it is (its source name) and, when that code was inlined, the
 * position of the call it was inlined at. */
typedef struct escb_frame {
  char fn[256];
  char file[1024]; /* the file of the call it was inlined at */
  char dir[1024];  /* and that file's directory, as debug info split them */
  unsigned line, col; /* line 0: not inlined (the outermost frame) */
} escb_frame;
/* The chain of I's debug location, innermost first; returns its length
 * (at most max), 0 without a location. */
int escb_inline_chain(LLVMValueRef inst, escb_frame *out, int max);
/* F's source name from its subprogram, else its IR name. */
void escb_source_name(LLVMValueRef fn, char *buf, size_t n);

/* Source name of a value from its debug records (dbg.declare / dbg.value);
 * 0 if none. */
int escb_value_var_name(LLVMValueRef v, char *buf, size_t n);
/* escb_param_sret: parameter i is the hidden pointer a struct result is
 * returned through (sret). */
int escb_param_sret(LLVMValueRef fn, unsigned i);
/* Parameter i's source name and declaration position (file, line, col),
 * from its debug variable (dir: the file's compilation directory, may be
 * NULL); col is 0 when no debug record kept the declaration's location
 * (clang's assignment tracking drops it before any plugin pass runs).  0 if F has no debug variable for it. */
int escb_param_debug(LLVMValueRef fn, unsigned i, char *name, size_t n, char *file,
                     char *dir, size_t fn_len, unsigned *line, unsigned *col);
/* A function's declaration position (file, dir, line) from its subprogram. */
int escb_function_debug(LLVMValueRef fn, char *file, char *dir, size_t n, unsigned *line);
/* Demangled, parameter-less name of a function ("operator new", "malloc"). */
void escb_display_name(LLVMValueRef fn, char *buf, size_t n);

/* --- missing from the C API: optimization remarks --- */

typedef enum escb_remark_kind {
  ESCB_REMARK_PASSED,   /* -Rpass=escape */
  ESCB_REMARK_MISSED,   /* -Rpass-missed=escape */
  ESCB_REMARK_ANALYSIS, /* -Rpass-analysis=escape */
} escb_remark_kind;

/* Whether remarks of pass `escape` are wanted for F (by -Rpass* or an
 * optimization record). */
int escb_remarks_enabled(escb_ctx *ctx, LLVMValueRef fn);
/* Emits one remark of pass `escape` named `name`, at instruction `at` (or,
 * when NULL, at line:col of F's file, or when line is 0 at F's declaration).  Its message is built from nparts pairs
 * (key, value): a NULL key appends plain text, any other key a named
 * argument, which optimization records keep as a field. */
void escb_remark(escb_ctx *ctx, escb_remark_kind kind, const char *name,
                 LLVMValueRef fn, LLVMValueRef at, unsigned line, unsigned col,
                 const char *const *parts, int nparts);

/* --- missing from the C API: IR surgery --- */

/* Turns an invoke into a call plus a branch to its normal destination,
 * updating the unwind destination's phis.  Returns the call. */
LLVMValueRef escb_invoke_to_call(LLVMValueRef invoke);
void escb_drop_named_metadata(LLVMModuleRef M, const char *name);
/* Splits the block before `call` so that the call runs only when
 * `heap_cond` (an i1 computed before it) is true; on the other path the
 * call's value is `stack_value` (a buffer, or side-stack memory, available
 * before the call).  Returns the phi that now stands for the call (its uses
 * are rewired to it; incoming value 1 is the stack path's) and, in
 * *stack_term, the terminator of the stack path's block, for code of that
 * path only.  An invoke keeps its landing pad on the heap path. */
/* A call returning void (a free kept for its heap path) gets no phi:
 * stack_value is unused and NULL is returned. */
LLVMValueRef escb_guard_call(LLVMValueRef call, LLVMValueRef heap_cond,
                             LLVMValueRef stack_value, LLVMValueRef *stack_term);
/* Inlines `call` (a call or an invoke) of a function the module defines
 * (the side stack's runtime: its copies are all the same code, so its weak
 * definition may be inlined; devirt.c's resolved calls).  Returns 1 when
 * done. */
int escb_inline_call(LLVMValueRef call);
/* Splits the block before `call` (a call, not an invoke, whose value is
 * unused) so that it runs only when `cond` (an i1 computed before it) is
 * true. */
void escb_call_only_if(LLVMValueRef call, LLVMValueRef cond);
/* escb_clone_function: a copy of fn in its module, internal, named
 * `name` (its debug info gets a subprogram of its own, as LLVM's cloning
 * gives it); news[k] is the copy of instruction olds[k] (NULL when it has
 * none). */
LLVMValueRef escb_clone_function(LLVMValueRef fn, const char *name, const LLVMValueRef *olds,
                                 LLVMValueRef *news, int n);
/* escb_tbaa_kind: what a load's or store's !tbaa access tag says it
 * accesses, under clang's C root only: ESCB_TBAA_SCALAR an arithmetic
 * scalar field of a struct (int, long, double...), ESCB_TBAA_POINTER a
 * pointer, ESCB_TBAA_OTHER anything else (char, which aliases all, a
 * union's, a scalar's own tag as a memcpy's !tbaa.struct gives it, another
 * root, no tag at all).  LLVM takes accesses of the
 * first two kinds for ones that never alias (strict aliasing). */
enum { ESCB_TBAA_OTHER, ESCB_TBAA_SCALAR, ESCB_TBAA_POINTER };
int escb_tbaa_kind(LLVMValueRef inst);
/* escb_forget_memory_effects: F (and each call of it) no longer promises
 * which memory it touches (`memory(...)`): its body now uses the side
 * stack, a thread-local global. */
void escb_forget_memory_effects(LLVMValueRef fn);
/* Marks F for the cleanup passes (SROA, InstCombine) run after the pass. */
void escb_mark_rewritten(LLVMValueRef fn);
/* Whether F's body is the one that runs (not interposable, not weak). */
int escb_has_exact_definition(LLVMValueRef fn);
/* The instruction before which code runs right after `call` returns
 * normally: the next instruction, or for an invoke the first insertion
 * point of its normal destination (the edge split when that block has
 * other predecessors). */
LLVMValueRef escb_insert_point_after(LLVMValueRef call);
/* Adds fn to the module's constructors (llvm.global_ctors). */
void escb_append_global_ctor(LLVMModuleRef M, LLVMValueRef fn, int priority);

/* --- the host: which LLVM the plugin was loaded into --- */

/* escb_host_check: whether the LLVM of the process that loaded the plugin
 * (clang, opt, lld) is the major version the plugin was built for.  On a
 * mismatch it prints one line on stderr, once per process, naming both
 * versions (and, when the host's pass-plugin interface is another, that
 * it cannot run the plugin).  Calls nothing of LLVM's (it runs before the plugin may touch
 * the host's LLVM: at load time, in static constructors, and in
 * llvmGetPassPluginInfo).  An LLVM it cannot identify counts as a match. */
int escb_host_check(void);

/* escb_host_plugin_api: the pass-plugin interface version
 * (LLVM_PLUGIN_API_VERSION) of the host's LLVM: 1 up to LLVM 21, 2 from
 * 22; 0 when the host's LLVM is unknown. */
unsigned escb_host_plugin_api(void);
/* escb_host_stop: ends the process (exit status 1) without touching the
 * host's LLVM, after escb_host_check's line said why. */
void escb_host_stop(void);

/* --- missing from the C API: target triples (llvm::Triple) --- */

/* escb_triple: what a target triple names, normalized (x86_64-linux-gnu
 * and x86_64-pc-linux-gnu are the same architecture, OS and environment). */
typedef struct escb_triple {
  char arch[32], os[32], env[32];
} escb_triple;
void escb_parse_triple(const char *triple, escb_triple *out);

/* --- missing from the C API: the verifier's message, errors --- */

/* The verifier's complaint about F (malloc'd, free it), or NULL when F is
 * well formed. */
char *escb_verify_function(LLVMValueRef fn);
/* Reports msg as an error through F's LLVMContext (clang prints "error:"
 * and fails, lld fails the link, opt exits non-zero). */
void escb_error(LLVMValueRef fn, const char *msg);
/* Makes F a declaration (Function::deleteBody). */
void escb_delete_body(LLVMValueRef fn);

/* --- missing from the C API: a location's compile unit --- */

/* The directory and file name of the compile unit that a DILocation or a
 * local scope (subprogram, lexical block) belongs to: the directory the
 * compiler ran in and the main file as given; 0 if there is none. */
int escb_scope_unit(LLVMMetadataRef md, char *dir, char *name, size_t n);
/* The qualified name with template arguments of an Itanium-mangled
 * function name, without return type and parameters; 0 if not one. */
int escb_demangle_function(const char *mangled, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif

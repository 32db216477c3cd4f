/* instrument.c — -escape-profile: calls into the allocation profiler
 * (runtime/profile*.c) at every allocation site, free and realloc, and at
 * the entry and exits of functions that allocate on the heap.
 *
 *   clang-19 -O2 -g -fplugin=LLVMEscape.so -fpass-plugin=LLVMEscape.so \
 *       -mllvm -escape-profile f.c build/runtime/libescape-profile.a
 *   scripts/escape-cc -O2 -profile f.c -o f && scripts/escape-profile ./f
 *
 * Runs inside the escape pass: esc_prof_note sees each function's verdicts
 * before the rewrite (a converted site gets a call counting the allocation
 * it avoided, placed where the malloc was; a guarded or side-stack site keeps
 * its malloc on a heap path, which is also instrumented, and the runtime
 * takes the avoided count back when that path runs); esc_prof_finish, once
 * every function is rewritten, instruments what stayed on the heap.  Each site
 * copy (one per function it was inlined into) gets an
 * escape_profile_site (runtime/profile.h) with its position, function,
 * call text and -m=2 reason; a constructor registers the module's table.
 * Exercised by test/profile/.
 */
#include "internal.h"

#include <llvm-c/DebugInfo.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ABI 1 /* ESCAPE_PROFILE_ABI of runtime/profile.h */
#define FLAG_STACK 1
#define FLAG_REMOVED 2
#define FLAG_GUARDED 4
#define FLAG_SIZES 8
#define SIZE_BUCKETS 114 /* ESCAPE_PROFILE_SIZE_BUCKETS */
#define MODULE_NAME "__escape_profile_module"
#define COUNTERS 7

/* esc_prof is the instrumentation state of one module. */
struct esc_prof {
  LLVMModuleRef M;
  LLVMContextRef cx;
  LLVMTypeRef site_ty, ptr, i32, i64, void_ty;
  LLVMValueRef *sites; /* site globals, in order of creation */
  int nsites, capsites;
  esc_ptrmap heap; /* heap allocation call -> index in sites */
  int *grow_site;  /* per site of the function last noted: the site of the
                      heap blocks its reallocs move it to, or -1 */
  int ngrow_site;
  int skip;        /* the module was instrumented already */
};

esc_prof *esc_prof_new(LLVMModuleRef M) {
  esc_prof *p = esc_alloc(sizeof *p);
  p->M = M;
  p->cx = LLVMGetModuleContext(M);
  p->ptr = LLVMPointerTypeInContext(p->cx, 0);
  p->i32 = LLVMInt32TypeInContext(p->cx);
  p->i64 = LLVMInt64TypeInContext(p->cx);
  p->void_ty = LLVMVoidTypeInContext(p->cx);
  /* { [7 x i64] counters, ptr file, function, source_function, call,
   *   reason, i32 line, col, flags, function_line, i64 max_bytes,
   *   ptr sizes } */
  LLVMTypeRef f[12] = {escb_array_type(p->i64, COUNTERS), p->ptr, p->ptr, p->ptr, p->ptr,
                       p->ptr, p->i32, p->i32, p->i32, p->i32, p->i64, p->ptr};
  p->site_ty = LLVMStructTypeInContext(p->cx, f, 12, 0);
  p->skip = LLVMGetNamedGlobal(M, MODULE_NAME) != NULL;
  return p;
}

void esc_prof_free(esc_prof *p) {
  if (!p)
    return;
  free(p->sites);
  free(p->grow_site);
  esc_ptrmap_free(&p->heap);
  free(p);
}

/* cstr: a private constant C string. */
static LLVMValueRef cstr(esc_prof *p, const char *s) {
  size_t n = strlen(s);
  LLVMValueRef init = escb_const_string(p->cx, s, n);
  LLVMValueRef g = LLVMAddGlobal(p->M, LLVMTypeOf(init), "escape.profile.str");
  LLVMSetInitializer(g, init);
  LLVMSetGlobalConstant(g, 1);
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
  LLVMSetAlignment(g, 1);
  return g;
}

/* site_info is what a site global says about its site. */
typedef struct site_info {
  const char *file, *function, *source_function, *call, *reason;
  unsigned line, col, flags;
  unsigned function_line; /* the holding function's first line (0: none) */
} site_info;

/* sizes_array: a site's counters of the sizes it asks for (FLAG_SIZES),
 * zero-initialized, so they cost the program's file nothing. */
static LLVMValueRef sizes_array(esc_prof *p) {
  LLVMTypeRef ty = escb_array_type(p->i64, SIZE_BUCKETS);
  LLVMValueRef g = LLVMAddGlobal(p->M, ty, "escape.profile.sizes");
  LLVMSetInitializer(g, LLVMConstNull(ty));
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  LLVMSetAlignment(g, 8);
  return g;
}

static int new_site(esc_prof *p, const site_info *in) {
  LLVMValueRef zeros[COUNTERS];
  for (int k = 0; k < COUNTERS; k++)
    zeros[k] = LLVMConstInt(p->i64, 0, 0);
  LLVMValueRef v[12] = {
      escb_const_array(p->i64, zeros, COUNTERS),
      cstr(p, in->file),
      cstr(p, in->function),
      cstr(p, in->source_function),
      cstr(p, in->call),
      cstr(p, in->reason),
      LLVMConstInt(p->i32, in->line, 0),
      LLVMConstInt(p->i32, in->col, 0),
      LLVMConstInt(p->i32, in->flags, 0),
      LLVMConstInt(p->i32, in->function_line, 0),
      LLVMConstInt(p->i64, 0, 0),
      (in->flags & FLAG_SIZES) ? sizes_array(p) : LLVMConstNull(p->ptr)};
  LLVMValueRef g = LLVMAddGlobal(p->M, p->site_ty, "escape.profile.site");
  LLVMSetInitializer(g, LLVMConstNamedStruct(p->site_ty, v, 12));
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  LLVMSetAlignment(g, 8);
  ESC_PUSH(p->sites, p->nsites, p->capsites, g);
  return p->nsites - 1;
}

/* hook: the declaration of a runtime function (nounwind). */
static LLVMValueRef hook(esc_prof *p, const char *name, LLVMTypeRef ret, LLVMTypeRef *params,
                         unsigned n, LLVMTypeRef *fty) {
  *fty = LLVMFunctionType(ret, params, n, 0);
  LLVMValueRef fn = LLVMGetNamedFunction(p->M, name);
  if (!fn) {
    fn = LLVMAddFunction(p->M, name, *fty);
    unsigned kind = LLVMGetEnumAttributeKindForName("nounwind", 8);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(p->cx, kind, 0));
  }
  return fn;
}

static LLVMValueRef call_hook(esc_prof *p, LLVMBuilderRef b, const char *name, LLVMTypeRef ret,
                              LLVMValueRef *args, unsigned n) {
  LLVMTypeRef params[4], fty;
  for (unsigned k = 0; k < n; k++)
    params[k] = LLVMTypeOf(args[k]);
  LLVMValueRef fn = hook(p, name, ret, params, n, &fty);
  return LLVMBuildCall2(b, fty, fn, args, n, "");
}

/* at: the builder before `inst`, with its debug location. */
static void at(LLVMBuilderRef b, LLVMValueRef inst) {
  LLVMPositionBuilderBefore(b, inst);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(inst));
}

static char *fn_name(LLVMValueRef fn) {
  size_t n = 0;
  const char *s = LLVMGetValueName2(fn, &n);
  char *d = esc_alloc(n + 1);
  memcpy(d, s, n);
  return d;
}

static LLVMValueRef alloc_size(esc_prof *p, LLVMBuilderRef b, LLVMValueRef call,
                               const esc_callinfo *ci);

/* describe: a site's position as the report gives it (the ledger's
 * esc_sites_place_of; sites NULL: the call's own), and the record that
 * names the call there (the wrapper call the user wrote, say), or NULL. */
static const esc_site *describe(LLVMValueRef call, esc_sites *sites, char *file, size_t n,
                                unsigned *line, unsigned *col) {
  esc_place at = esc_sites_place_of(sites, call);
  snprintf(file, n, "%s", at.file ? at.file : "");
  *line = at.line;
  *col = at.col;
  free(at.file);
  return at.site;
}

void esc_prof_note(esc_prof *p, esc_func *f, esc_sites *sites) {
  if (p->skip)
    return;
  LLVMBuilderRef b = LLVMCreateBuilderInContext(p->cx);
  char *fname = fn_name(f->fn);
  unsigned fline = esc_fn_first_line(f->fn);
  int a0, a1;
  free(p->grow_site);
  p->grow_site = esc_alloc(((size_t)f->ncands + 1) * sizeof(int));
  p->ngrow_site = f->ncands;
  for (int k = 0; k < f->ncands; k++) {
    p->grow_site[k] = -1;
    esc_cand *c = &f->cands[k];
    const esc_site *site = esc_sites_find(sites, c->call);
    char file[1024];
    site_info in = {file, fname, site ? site->fn : "", NULL, "", 0, 0, 0, fline};
    const esc_site *named = describe(c->call, sites, file, sizeof file, &in.line, &in.col);
    /* A run-time size: the sizes it asks for, for -escape-profile-use. */
    unsigned sizes = !c->info.size_known && esc_call_bytes_args(&c->info,
                         LLVMGetNumArgOperands(c->call), &a0, &a1) ? FLAG_SIZES : 0;
    char *text = esc_call_text(c->call, named);
    char *reason = NULL;
    in.call = text;
    if (c->verdict.reason == ESC_OK && f->opt->rewrite && (c->guarded || c->on_side_stack)) {
      /* The call stays, on the heap path: every run counts as avoided
       * here, and the heap path's alloc hook takes one back (runtime). */
      char buf[160];
      esc_reason_fallback_text(c, buf, sizeof buf);
      in.flags = FLAG_STACK | FLAG_GUARDED | sizes;
      in.reason = buf;
      int id = new_site(p, &in);
      esc_ptrmap_put(&p->heap, c->call, id);
      at(b, c->call);
      LLVMValueRef args[2] = {p->sites[id], alloc_size(p, b, c->call, &c->info)};
      call_hook(p, b, "__escape_profile_avoided", p->void_ty, args, 2);
    } else if (c->verdict.reason == ESC_OK && f->opt->rewrite) {
      in.flags = FLAG_STACK;
      int id = new_site(p, &in);
      at(b, c->call);
      uint64_t bytes = c->info.size_known ? c->info.size : c->bytes;
      LLVMValueRef args[2] = {p->sites[id], LLVMConstInt(p->i64, bytes, 0)};
      call_hook(p, b, "__escape_profile_avoided", p->void_ty, args, 2);
    } else {
      in.flags = sizes;
      reason = c->verdict.reason == ESC_OK ? esc_strdup(esc_reason_unrewritten_text)
                                           : esc_report_reason(f, c);
      in.reason = reason ? reason : "";
      esc_ptrmap_put(&p->heap, c->call, new_site(p, &in));
    }
    if (c->verdict.reason == ESC_OK && f->opt->rewrite && c->grown) {
      /* A grown site's heap blocks (esc_prof_grown): a heap site of its own. */
      char buf[160];
      esc_reason_grown_text(c, buf, sizeof buf);
      in.flags = 0;
      in.reason = buf;
      p->grow_site[k] = new_site(p, &in);
    }
    free(text);
    free(reason);
  }
  free(fname);
  LLVMDisposeBuilder(b);
}

/* esc_prof_grown: the mallocs rewrite.c's grow added to the function just
 * noted and rewritten count for their site's grown heap blocks. */
void esc_prof_grown(esc_prof *p, esc_func *f) {
  if (p->skip)
    return;
  for (int k = 0; k < f->ngrown; k++) {
    int c = f->grown[k].cand;
    if (c >= 0 && c < p->ngrow_site && p->grow_site[c] >= 0)
      esc_ptrmap_put(&p->heap, f->grown[k].call, p->grow_site[c]);
  }
}

/* esc_prof_removed: a recorded site LLVM deleted before the pass; listed
 * with no counts (nothing runs there any more). */
void esc_prof_removed(esc_prof *p, const esc_site *site) {
  if (p->skip)
    return;
  char *text = esc_site_text(site);
  site_info in = {site->file, site->fn, site->fn, text, esc_reason_removed_text,
                  site->line, site->col, FLAG_STACK | FLAG_REMOVED, 0};
  new_site(p, &in);
  free(text);
}

/* int64: an integer argument as i64 (0 when it is not an integer). */
static LLVMValueRef int64(esc_prof *p, LLVMBuilderRef b, LLVMValueRef v) {
  if (LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMIntegerTypeKind)
    return LLVMConstInt(p->i64, 0, 0);
  if (LLVMGetIntTypeWidth(LLVMTypeOf(v)) == 64)
    return v;
  return LLVMBuildZExtOrBitCast(b, v, p->i64, "");
}

/* alloc_size: the bytes an allocation call asks for: by the allocator's
 * arguments (which ones is alloc.c's: esc_call_bytes_args), else its
 * constant size, else 0 (strdup). */
static LLVMValueRef alloc_size(esc_prof *p, LLVMBuilderRef b, LLVMValueRef call,
                               const esc_callinfo *ci) {
  int a0, a1;
  if (!esc_call_bytes_args(ci, LLVMGetNumArgOperands(call), &a0, &a1))
    return LLVMConstInt(p->i64, ci->size_known ? ci->size : 0, 0);
  LLVMValueRef s = int64(p, b, LLVMGetOperand(call, (unsigned)a0));
  if (a1 >= 0)
    s = LLVMBuildMul(b, s, int64(p, b, LLVMGetOperand(call, (unsigned)a1)), "");
  return s;
}

/* fallback_site: a heap call esc_prof_note did not see. */
static int fallback_site(esc_prof *p, LLVMValueRef fn, LLVMValueRef call) {
  char file[1024], *fname = fn_name(fn);
  site_info in = {file, fname, "", NULL, "  not analysed by the pass\n", 0, 0, 0,
                  esc_fn_first_line(fn)};
  describe(call, NULL, file, sizeof file, &in.line, &in.col);
  char *text = esc_call_text(call, NULL);
  in.call = text;
  int id = new_site(p, &in);
  free(text);
  free(fname);
  return id;
}

/* instr is one instruction of a function to instrument. */
typedef struct instr {
  LLVMValueRef inst;
  esc_callinfo ci;
} instr;

static void instrument_alloc(esc_prof *p, LLVMBuilderRef b, LLVMValueRef fn,
                             const instr *in, LLVMValueRef token) {
  LLVMValueRef call = in->inst;
  int id = esc_ptrmap_get(&p->heap, call);
  if (id < 0)
    id = fallback_site(p, fn, call);
  LLVMValueRef after = escb_insert_point_after(call);
  at(b, after);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  LLVMValueRef obj = call;
  if (in->ci.fn == ESC_FN_POSIX_MEMALIGN) {
    /* int posix_memalign(void **memptr, ...): *memptr when it returned 0. */
    LLVMValueRef loaded = LLVMBuildLoad2(b, p->ptr, LLVMGetOperand(call, 0), "");
    LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntEQ, call, LLVMConstNull(LLVMTypeOf(call)), "");
    obj = LLVMBuildSelect(b, ok, loaded, LLVMConstNull(p->ptr), "");
  } else if (!esc_is_pointer(call)) {
    return; /* not an allocator shape the runtime knows */
  } else if (LLVMGetPointerAddressSpace(LLVMTypeOf(call)) != 0) {
    obj = LLVMBuildAddrSpaceCast(b, call, p->ptr, "");
  }
  LLVMValueRef args[4] = {p->sites[id], obj, alloc_size(p, b, call, &in->ci), token};
  call_hook(p, b, "__escape_profile_alloc", p->void_ty, args, 4);
}

static LLVMValueRef as_ptr(esc_prof *p, LLVMBuilderRef b, LLVMValueRef v) {
  LLVMTypeRef t = LLVMTypeOf(v);
  if (LLVMGetTypeKind(t) != LLVMPointerTypeKind)
    return NULL;
  return LLVMGetPointerAddressSpace(t) ? LLVMBuildAddrSpaceCast(b, v, p->ptr, "") : v;
}

static void instrument_free(esc_prof *p, LLVMBuilderRef b, const instr *in) {
  LLVMValueRef call = in->inst;
  unsigned n = LLVMGetNumArgOperands(call);
  if (in->ci.arg < 0 || (unsigned)in->ci.arg >= n)
    return;
  at(b, call);
  LLVMValueRef old = as_ptr(p, b, LLVMGetOperand(call, (unsigned)in->ci.arg));
  if (!old)
    return;
  if (in->ci.kind == ESC_CALL_FREE) {
    call_hook(p, b, "__escape_profile_free", p->void_ty, &old, 1);
    return;
  }
  /* realloc(old, n): the record moves to the result. */
  call_hook(p, b, "__escape_profile_realloc_begin", p->void_ty, &old, 1);
  LLVMValueRef after = escb_insert_point_after(call);
  at(b, after);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  LLVMValueRef res = as_ptr(p, b, call);
  if (!res)
    res = LLVMConstNull(p->ptr);
  /* The new size (alloc.c's size_arg); unknown counts as 1, so a NULL
   * result means failure (the old object stays), not realloc(p, 0). */
  LLVMValueRef size = LLVMConstInt(p->i64, 1, 0);
  if (in->ci.size_arg[0] >= 0 && (unsigned)in->ci.size_arg[0] < n)
    size = int64(p, b, LLVMGetOperand(call, (unsigned)in->ci.size_arg[0]));
  LLVMValueRef args[3] = {old, res, size};
  call_hook(p, b, "__escape_profile_realloc_end", p->void_ty, args, 3);
}

/* exit_point: where the frame ends before a return (before a musttail
 * call that precedes it), or NULL if inst ends no frame. */
static LLVMValueRef exit_point(LLVMValueRef inst) {
  LLVMOpcode op = LLVMGetInstructionOpcode(inst);
  if (op == LLVMResume)
    return inst;
  if (op != LLVMRet)
    return NULL;
  LLVMValueRef prev = LLVMGetPreviousInstruction(inst);
  if (prev && escb_is_musttail(prev))
    return prev;
  return inst;
}

static int instrument_function(esc_prof *p, escb_ctx *ctx, LLVMBuilderRef b, LLVMValueRef fn) {
  unsigned naked = LLVMGetEnumAttributeKindForName("naked", 5);
  if (LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, naked))
    return 0; /* no frame of its own: nothing may be added */
  instr *v = NULL;
  int n = 0, cap = 0, nalloc = 0;
  LLVMValueRef *exits = NULL;
  int nexits = 0, capexits = 0;
  ESC_FOR_EACH_INST(fn, bb, i) {
    LLVMValueRef e = exit_point(i);
    if (e)
      ESC_PUSH(exits, nexits, capexits, e);
    if (!esc_is_call(i))
      continue;
    instr in = {i, {0}};
    esc_call_classify(ctx, i, &in.ci);
    if (in.ci.kind == ESC_CALL_OTHER)
      continue;
    nalloc += in.ci.kind == ESC_CALL_ALLOC;
    ESC_PUSH(v, n, cap, in);
  }
  LLVMValueRef token = NULL;
  if (nalloc) {
    /* The frame: entered after the entry block's allocas, left at each exit. */
    LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn));
    while (LLVMIsAAllocaInst(first))
      first = LLVMGetNextInstruction(first);
    at(b, first);
    token = call_hook(p, b, "__escape_profile_enter", p->i64, NULL, 0);
    for (int k = 0; k < nexits; k++) {
      at(b, exits[k]);
      call_hook(p, b, "__escape_profile_exit", p->void_ty, &token, 1);
    }
  }
  for (int k = 0; k < n; k++) {
    if (v[k].ci.kind == ESC_CALL_ALLOC)
      instrument_alloc(p, b, fn, &v[k], token);
    else
      instrument_free(p, b, &v[k]);
  }
  free(v);
  free(exits);
  return n > 0;
}

/* add_module: the table of sites and the constructor that registers it. */
static void add_module(esc_prof *p) {
  LLVMTypeRef arr_ty = escb_array_type(p->ptr, (uint64_t)p->nsites);
  LLVMValueRef arr = LLVMAddGlobal(p->M, arr_ty, "escape.profile.sites");
  LLVMSetInitializer(arr, escb_const_array(p->ptr, p->sites, (uint64_t)p->nsites));
  LLVMSetLinkage(arr, LLVMPrivateLinkage);
  LLVMSetGlobalConstant(arr, 1);
  LLVMTypeRef f[4] = {p->i32, p->i32, p->ptr, p->ptr};
  LLVMTypeRef mod_ty = LLVMStructTypeInContext(p->cx, f, 4, 0);
  LLVMValueRef mv[4] = {LLVMConstInt(p->i32, ABI, 0), LLVMConstInt(p->i32, (uint64_t)p->nsites, 0),
                        arr, LLVMConstNull(p->ptr)};
  LLVMValueRef mod = LLVMAddGlobal(p->M, mod_ty, MODULE_NAME);
  LLVMSetInitializer(mod, LLVMConstStructInContext(p->cx, mv, 4, 0));
  LLVMSetLinkage(mod, LLVMPrivateLinkage);
  LLVMSetAlignment(mod, 8);

  LLVMTypeRef cty = LLVMFunctionType(p->void_ty, NULL, 0, 0);
  LLVMValueRef ctor = LLVMAddFunction(p->M, "escape.profile.ctor", cty);
  LLVMSetLinkage(ctor, LLVMInternalLinkage);
  LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(p->cx, ctor, "entry");
  LLVMBuilderRef b = LLVMCreateBuilderInContext(p->cx);
  LLVMPositionBuilderAtEnd(b, bb);
  call_hook(p, b, "__escape_profile_register", p->void_ty, &mod, 1);
  LLVMBuildRetVoid(b);
  LLVMDisposeBuilder(b);
  escb_append_global_ctor(p->M, ctor, 0);
}

int esc_prof_finish(esc_prof *p, escb_ctx *ctx) {
  if (p->skip)
    return 0;
  LLVMBuilderRef b = LLVMCreateBuilderInContext(p->cx);
  /* Only the functions that exist now: the hooks are declarations. */
  LLVMValueRef *fns = NULL;
  int n = 0, cap = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(p->M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn))
      ESC_PUSH(fns, n, cap, fn);
  for (int k = 0; k < n; k++)
    instrument_function(p, ctx, b, fns[k]);
  free(fns);
  LLVMDisposeBuilder(b);
  add_module(p);
  return 1;
}

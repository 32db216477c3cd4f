/* hooks.c — allocator hooks: calls through a slot that starts as malloc.
 *
 * Libraries let their users replace the allocator, so they allocate
 * through function pointers that start as the C library's own:
 *
 *   static void *(*parson_malloc)(size_t) = malloc;
 *   static struct { void *(*allocate)(size_t); void (*deallocate)(void *);
 *                   void *(*reallocate)(void *, size_t); }
 *       global_hooks = {malloc, free, realloc};      (cJSON)
 *   p = global_hooks.allocate(n); ... global_hooks.deallocate(p);
 *
 * A call whose callee is loaded from a global variable (or a field of one)
 * whose initializer, the one that runs, is malloc, calloc or free (as
 * TargetLibraryInfo knows them for the calling function, and called with
 * their prototype) is a hook call: esc_hook_of says which function the
 * slot starts as, and alloc.c classifies the call as that function's
 * allocation or free, marked with it (esc_callinfo.hook).  Nothing here
 * assumes the slot still holds it: other code may store to the slot at
 * any time, and the rewrite tests the value actually called (rewrite.c:
 * `fp == malloc && n <= G ? buf : fp(n)`, and for a hook free
 * `p == buf ? skip : fp(p)`).  So a program that installs its own
 * allocator sees every call of it, as in the plain build.  The functions
 * it installs are taken to keep the contract of the ones they replace (the
 * same trust as in a malloc interposed at link or load time): a
 * deallocator does not keep what the block it frees points to.
 *
 * A slot may also start as a one-line wrapper of one of them
 * (`static void *internal_malloc(size_t n) { return malloc(n); }`, as
 * cJSON builds for MSVC): calling it is calling malloc, nothing else; the
 * rewrite compares with the wrapper.  Any other body (a counter, a size
 * adjusted, an out-of-memory check) is not.
 *
 * Not hooks (ordinary indirect calls, whose pointers escape): a realloc
 * slot, a slot whose initializer is anything else, or not definitive (a
 * declaration: under ThinLTO the slot of another module; weak or common
 * definitions), an invoke, a musttail call, a call with operand bundles.
 * Exercised by test/ir/Hooks_*.ll and test/exec/Hooks_*.c.
 */
#include "internal.h"

#include <string.h>

/* debug_marker: a call of llvm.dbg.* (LLVM 16's debug intrinsics). */
static int debug_marker(LLVMValueRef i) {
  if (!LLVMIsACallInst(i))
    return 0;
  LLVMValueRef callee = LLVMGetCalledValue(i);
  size_t n = 0;
  const char *name = LLVMIsAFunction(callee) ? LLVMGetValueName2(callee, &n) : "";
  return n > 9 && memcmp(name, "llvm.dbg.", 9) == 0;
}

/* wrapped: for a one-line wrapper, `return malloc(n);` or `free(p);` (the
 * body that runs: an exact definition, one block, the call given the
 * wrapper's own parameters in order, its result returned), the library
 * function it calls; else fn itself.  Calling such a wrapper is calling
 * that function: nothing else happens. */
static LLVMValueRef wrapped(escb_ctx *ctx, LLVMValueRef fn) {
  if (LLVMIsDeclaration(fn) || !escb_has_exact_definition(fn) || LLVMCountBasicBlocks(fn) != 1)
    return fn;
  LLVMValueRef inner = NULL, ret = NULL;
  for (LLVMValueRef i = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn)); i;
       i = LLVMGetNextInstruction(i)) {
    if (debug_marker(i))
      continue;
    if (!inner && LLVMIsACallInst(i))
      inner = i;
    else if (inner && !ret && LLVMIsAReturnInst(i))
      ret = i;
    else
      return fn;
  }
  if (!inner || !ret || escb_is_musttail(inner) || !LLVMIsAFunction(LLVMGetCalledValue(inner)))
    return fn;
  unsigned n = LLVMCountParams(fn);
  if (LLVMGetNumArgOperands(inner) != n || (unsigned)LLVMGetNumOperands(inner) != n + 1)
    return fn;
  for (unsigned k = 0; k < n; k++)
    if (LLVMGetOperand(inner, k) != LLVMGetParam(fn, k))
      return fn;
  int returns = LLVMGetNumOperands(ret) == 1;
  if (returns ? LLVMGetOperand(ret, 0) != inner
              : LLVMGetTypeKind(LLVMTypeOf(inner)) != LLVMVoidTypeKind)
    return fn;
  LLVMValueRef lib = LLVMGetCalledValue(inner);
  if (LLVMGlobalGetValueType(lib) != LLVMGlobalGetValueType(fn))
    return fn;
  /* What TLI says of the call itself (nobuiltin, -fno-builtin). */
  escb_callfacts cf;
  escb_call_facts(ctx, inner, &cf);
  if (!cf.tli_free && cf.lib != ESCB_LIB_MALLOC && cf.lib != ESCB_LIB_CALLOC)
    return fn;
  return lib;
}

int esc_hook_of(escb_ctx *ctx, LLVMValueRef call, esc_hook *out) {
  memset(out, 0, sizeof *out);
  if (!LLVMIsACallInst(call) || escb_is_musttail(call))
    return 0;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!LLVMIsALoadInst(callee))
    return 0;
  unsigned nargs = LLVMGetNumArgOperands(call);
  if ((unsigned)LLVMGetNumOperands(call) != nargs + 1) /* operand bundles */
    return 0;
  LLVMValueRef fn = escb_slot_initial(callee);
  if (!fn || !LLVMIsAFunction(fn) || LLVMTypeOf(fn) != LLVMTypeOf(callee) ||
      LLVMGetCalledFunctionType(call) != LLVMGlobalGetValueType(fn))
    return 0;
  LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  int is_free = 0;
  escb_libfunc lib = escb_function_libfunc(ctx, wrapped(ctx, fn), caller, &is_free);
  if (is_free)
    out->kind = ESC_HOOK_FREE;
  else if (lib == ESCB_LIB_MALLOC)
    out->kind = ESC_HOOK_MALLOC;
  else if (lib == ESCB_LIB_CALLOC)
    out->kind = ESC_HOOK_CALLOC;
  else
    return 0;
  out->fn = fn;
  return 1;
}

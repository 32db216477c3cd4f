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
 * Not hooks (ordinary indirect calls, whose pointers escape): a realloc
 * slot, a slot whose initializer is anything else (an allocation wrapper
 * included, for now), or not definitive (a declaration: under ThinLTO the
 * slot of another module; weak or common definitions), an invoke, a
 * musttail call, a call with operand bundles.
 * Exercised by test/ir/Hooks_*.ll and test/exec/Hooks_*.c.
 */
#include "internal.h"

#include <string.h>

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
  escb_libfunc lib = escb_function_libfunc(ctx, fn, caller, &is_free);
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

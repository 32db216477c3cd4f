/* sidestack.c — the side stack's runtime, linked into modules that use it.
 *
 * runtime/sidestack.c is compiled to bitcode when the plugin is built and
 * embedded in it (esc_sidestack_bc).  A module whose recursive functions
 * take objects from the side stack receives that bitcode through LLVM's
 * module linker, so a plain `clang -fpass-plugin` build needs no extra
 * library.  The bitcode is used only for a module of the same target (the
 * triples name the same architecture, OS and environment, however spelled:
 * x86_64-linux-gnu is x86_64-pc-linux-gnu) and data layout; otherwise such
 * sites stay on the heap, and -escape-m=2 says the side stack is not
 * available for that target.  test/report/Sidestack_target.c
 */
#include "internal.h"

#include <llvm-c/BitReader.h>
#include <llvm-c/Linker.h>

#include <string.h>

extern const unsigned char esc_sidestack_bc[];
extern const size_t esc_sidestack_bc_len;

#define ALLOC_FN "__escape_side_alloc"

static LLVMModuleRef parse(LLVMContextRef cx) {
  LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRange(
      (const char *)esc_sidestack_bc, esc_sidestack_bc_len, "escape-sidestack", 0);
  LLVMModuleRef m = NULL;
  if (LLVMParseBitcodeInContext2(cx, buf, &m))
    m = NULL;
  LLVMDisposeMemoryBuffer(buf);
  return m;
}

/* same_target: the runtime's code runs in M as it is (the vendor part of
 * the triple changes nothing; the architecture, OS, environment and data
 * layout must agree). */
static int same_target(LLVMModuleRef rt, LLVMModuleRef M) {
  escb_triple a, b;
  escb_parse_triple(LLVMGetTarget(rt), &a);
  escb_parse_triple(LLVMGetTarget(M), &b);
  return strcmp(a.arch, b.arch) == 0 && strcmp(a.os, b.os) == 0 &&
         strcmp(a.env, b.env) == 0 &&
         strcmp(LLVMGetDataLayoutStr(rt), LLVMGetDataLayoutStr(M)) == 0;
}

int esc_sidestack_usable(LLVMModuleRef M) {
  LLVMValueRef have = LLVMGetNamedFunction(M, ALLOC_FN);
  if (have)
    return !LLVMIsDeclaration(have);
  LLVMModuleRef rt = parse(LLVMGetModuleContext(M));
  if (!rt)
    return 0;
  int ok = same_target(rt, M);
  LLVMDisposeModule(rt);
  return ok;
}

LLVMValueRef esc_sidestack_fn(LLVMModuleRef M, const char *name) {
  LLVMValueRef have = LLVMGetNamedFunction(M, ALLOC_FN);
  if (!have || LLVMIsDeclaration(have)) {
    LLVMModuleRef rt = parse(LLVMGetModuleContext(M));
    if (!rt)
      return NULL;
    if (!same_target(rt, M)) {
      LLVMDisposeModule(rt);
      return NULL;
    }
    LLVMSetTarget(rt, LLVMGetTarget(M)); /* the same target, M's spelling */
    if (LLVMLinkModules2(M, rt))         /* consumes rt */
      return NULL;
  }
  LLVMValueRef fn = LLVMGetNamedFunction(M, name);
  return fn && !LLVMIsDeclaration(fn) ? fn : NULL;
}

/* esc_sidestack_call: see internal.h. */
LLVMValueRef esc_sidestack_call(LLVMBuilderRef b, LLVMModuleRef M, LLVMValueRef arg,
                                const char *name) {
  LLVMContextRef cx = LLVMGetModuleContext(M);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(cx, 0);
  LLVMValueRef fn = esc_sidestack_fn(M, arg ? "__escape_side_release" : "__escape_side_mark");
  if (!fn)
    return NULL;
  if (arg)
    return LLVMBuildCall2(b, LLVMFunctionType(LLVMVoidTypeInContext(cx), &ptr, 1, 0), fn, &arg,
                          1, "");
  return LLVMBuildCall2(b, LLVMFunctionType(ptr, NULL, 0, 0), fn, NULL, 0, name);
}

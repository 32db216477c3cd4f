/* ir.c — small facts about LLVM IR shared by the C core's files (ir.h):
 * which instructions are calls, value predicates, and the
 * typed, shape-checked reading and writing of metadata that every record
 * of the pass goes through (schema.c).  Decides no policy. */
#include "ir.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int esc_is_call(LLVMValueRef inst) {
  LLVMOpcode op = LLVMGetInstructionOpcode(inst);
  return op == LLVMCall || op == LLVMInvoke || op == LLVMCallBr;
}

int esc_indirect_calls(LLVMValueRef fn) {
  int n = 0;
  ESC_FOR_EACH_INST(fn, b, i) {
      if (!esc_is_call(i))
        continue;
      LLVMValueRef callee = LLVMGetCalledValue(i);
      while (LLVMIsAConstantExpr(callee) && LLVMGetNumOperands(callee) > 0)
        callee = LLVMGetOperand(callee, 0);
      n += !LLVMIsAFunction(callee) && !LLVMIsAInlineAsm(callee);
    }
  return n;
}

int esc_is_null(LLVMValueRef v) {
  return LLVMIsAConstantPointerNull(v) != NULL;
}

int esc_is_pointer(LLVMValueRef v) {
  return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind;
}

int esc_fn_has_attr(LLVMValueRef fn, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  return kind && LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind) != NULL;
}

int esc_fn_address_taken(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user) || !esc_is_call(user) || LLVMGetCalledValue(user) != fn)
      return 1;
    for (unsigned k = 0, n = LLVMGetNumArgOperands(user); k < n; k++)
      if (LLVMGetOperand(user, k) == fn)
        return 1;
  }
  return 0;
}

LLVMValueRef esc_pointer_base(LLVMValueRef p) {
  for (int k = 0; k < 64 && LLVMIsAInstruction(p); k++) {
    LLVMOpcode op = LLVMGetInstructionOpcode(p);
    if (op != LLVMGetElementPtr && op != LLVMBitCast)
      break;
    p = LLVMGetOperand(p, 0);
  }
  if (LLVMIsAArgument(p))
    return p;
  if (!LLVMIsAInstruction(p))
    return NULL;
  LLVMOpcode op = LLVMGetInstructionOpcode(p);
  if (op == LLVMIntToPtr || op == LLVMGetElementPtr || op == LLVMBitCast)
    return NULL; /* may point anywhere; or a chain past the walk's budget */
  return p;
}

LLVMValueRef *esc_named_md(LLVMModuleRef M, const char *name, unsigned *n) {
  *n = LLVMGetNamedMetadataNumOperands(M, name);
  if (!*n)
    return NULL;
  LLVMValueRef *nodes = esc_alloc(*n * sizeof *nodes);
  LLVMGetNamedMetadataOperands(M, name, nodes);
  return nodes;
}

LLVMValueRef *esc_named_md_distinct(LLVMModuleRef M, const char *name, unsigned *n) {
  LLVMValueRef *nodes = esc_named_md(M, name, n);
  if (!nodes)
    return NULL;
  esc_ptrmap seen = {0};
  unsigned kept = 0;
  for (unsigned k = 0; k < *n; k++)
    if (esc_ptrmap_get(&seen, nodes[k]) < 0) {
      esc_ptrmap_put(&seen, nodes[k], 1);
      nodes[kept++] = nodes[k];
    }
  esc_ptrmap_free(&seen);
  *n = kept;
  return nodes;
}

LLVMValueRef *esc_md_node_ops(LLVMValueRef node, unsigned min, unsigned max, unsigned *n) {
  *n = 0;
  /* LLVMGetMDNodeNumOperands casts unchecked: ask for a node first (an
   * operand read from another node may be a plain constant, or null). */
  if (!node || !LLVMIsAMDNode(node) || LLVMIsAMDString(node))
    return NULL;
  unsigned k = LLVMGetMDNodeNumOperands(node);
  if (k < min || k > max)
    return NULL;
  LLVMValueRef *ops = esc_alloc((k ? k : 1) * sizeof *ops);
  LLVMGetMDNodeOperands(node, ops);
  *n = k;
  return ops;
}

int esc_md_is_string(LLVMValueRef v) {
  return v && LLVMIsAMDString(v) != NULL;
}

int esc_md_is_int(LLVMValueRef v) {
  return v && LLVMIsAConstantInt(v) != NULL;
}

int esc_md_all_strings(LLVMValueRef *ops, unsigned from, unsigned n) {
  for (unsigned k = from; k < n; k++)
    if (!esc_md_is_string(ops[k]))
      return 0;
  return 1;
}

uint64_t esc_md_uint(LLVMValueRef v) {
  return esc_md_is_int(v) ? LLVMConstIntGetZExtValue(v) : 0;
}

char *esc_md_string(LLVMValueRef v) {
  unsigned n = 0;
  const char *s = esc_md_is_string(v) ? LLVMGetMDString(v, &n) : NULL;
  char *d = esc_alloc(n + 1);
  if (s)
    memcpy(d, s, n);
  return d;
}

LLVMMetadataRef esc_md_str(LLVMContextRef cx, const char *s) {
  return LLVMMDStringInContext2(cx, s, strlen(s));
}

LLVMMetadataRef esc_md_strn(LLVMContextRef cx, const char *s, size_t n) {
  return LLVMMDStringInContext2(cx, s ? s : "", s ? n : 0);
}

LLVMMetadataRef esc_md_i32(LLVMContextRef cx, uint64_t x) {
  return LLVMValueAsMetadata(LLVMConstInt(LLVMInt32TypeInContext(cx), x, 0));
}

LLVMMetadataRef esc_md_i64(LLVMContextRef cx, uint64_t x) {
  return LLVMValueAsMetadata(LLVMConstInt(LLVMInt64TypeInContext(cx), x, 0));
}

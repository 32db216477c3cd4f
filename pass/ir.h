/* ir.h — small facts about LLVM IR for the C core: which instructions are
 * calls, the instruction walk, value predicates, and metadata reading and
 * writing with every operand's kind checked.  Below everything but the
 * bridge and util (ir.c). */
#ifndef ESC_IR_H
#define ESC_IR_H

#include <llvm-c/Core.h>
#include <stddef.h>
#include <stdint.h>

#include "bridge.h"

/* ESC_FOR_EACH_INST walks every instruction i (in block b) of function fn. */
#define ESC_FOR_EACH_INST(fn, b, i)                                            \
  for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;                    \
       b = LLVMGetNextBasicBlock(b))                                           \
    for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;                       \
         i = LLVMGetNextInstruction(i))

/* esc_is_call: a call, invoke or callbr. */
int esc_is_call(LLVMValueRef inst);
/* esc_indirect_calls: how many calls in fn go through a function pointer
 * (not to a function, however cast, nor to inline assembly). */
int esc_indirect_calls(LLVMValueRef fn);
/* esc_is_null: the constant null pointer.  esc_is_pointer: of pointer type. */
int esc_is_null(LLVMValueRef v);
int esc_is_pointer(LLVMValueRef v);
/* esc_fn_has_attr: function fn carries the enum attribute `name`
 * (nofree, noreturn, nocallback...). */
int esc_fn_has_attr(LLVMValueRef fn, const char *name);
/* esc_fn_address_taken: fn is used other than as the callee of a direct
 * call (its address stored, handed to a call, in a table). */
int esc_fn_address_taken(LLVMValueRef fn);
/* esc_pointer_base: the SSA value pointer p is an offset of, through GEPs
 * and bitcasts: an instruction other than inttoptr, or an argument; NULL
 * when the walk ends anywhere else (a constant, a global, an integer made
 * into a pointer).  A GEP's result is based on its base pointer alone
 * (LangRef), so two accesses through one base read and write one object. */
LLVMValueRef esc_pointer_base(LLVMValueRef p);

/* Metadata.  The readers of the pass's own metadata take anything
 * unexpected (another plugin's layout, a node merged or rewritten by a
 * linker) as no information. */

/* The operands of M's named metadata `name` (*n of them; free the array),
 * or NULL when there are none. */
LLVMValueRef *esc_named_md(LLVMModuleRef M, const char *name, unsigned *n);
/* esc_named_md_distinct: the same, each node once (the IR linker may list
 * one node twice when it merges modules). */
LLVMValueRef *esc_named_md_distinct(LLVMModuleRef M, const char *name, unsigned *n);
/* esc_md_node_ops: the operands of metadata node `node` (*n of them, at
 * least min and at most max; free the array), or NULL when `node` is not
 * a metadata node of that shape. */
LLVMValueRef *esc_md_node_ops(LLVMValueRef node, unsigned min, unsigned max, unsigned *n);
/* esc_md_is_string, esc_md_is_int: an operand from esc_md_node_ops that
 * is an MDString, an integer constant; esc_md_all_strings: ops[from..n)
 * all are MDStrings. */
int esc_md_is_string(LLVMValueRef v);
int esc_md_is_int(LLVMValueRef v);
int esc_md_all_strings(LLVMValueRef *ops, unsigned from, unsigned n);
/* Typed readers of checked operands: esc_md_uint (0 unless an integer),
 * esc_md_string (a copy; "" unless a string). */
uint64_t esc_md_uint(LLVMValueRef v);
char *esc_md_string(LLVMValueRef v);
/* Writers: an MDString (esc_md_strn: of n bytes, s may be NULL when n is
 * 0), an i32 and an i64 constant. */
LLVMMetadataRef esc_md_str(LLVMContextRef cx, const char *s);
LLVMMetadataRef esc_md_strn(LLVMContextRef cx, const char *s, size_t n);
LLVMMetadataRef esc_md_i32(LLVMContextRef cx, uint64_t x);
LLVMMetadataRef esc_md_i64(LLVMContextRef cx, uint64_t x);

#endif

/* rewrite.c — heap -> stack for the sites solve.c accepted.
 *
 * Each converted site gets an entry-block alloca of its size, aligned to at
 * least 16 bytes (malloc's guarantee) or the requested alignment; the call
 * becomes llvm.lifetime.start (when every free is of the object itself) and,
 * for calloc, a memset to zero.  Frees of converted objects go away (each
 * free of the object itself becomes llvm.lifetime.end, so slots can be
 * shared); `tail` calls that may see a converted object lose the marker.
 *
 * Two kinds of site keep their call as a fallback.  A guarded site (a size
 * known only at run time) uses its entry-block buffer when the size fits
 * and calls the allocator otherwise; a side-stack site (in a recursive
 * function) takes its memory from the per-thread side stack when it has
 * room (runtime/sidestack.c: a mark at entry, released before every return
 * or resume).  strdup and strndup copy their string into the buffer.
 * Their frees stay, with the pointer replaced by NULL when it is a stack
 * address (free(NULL) and delete of a null pointer do nothing).  So do the
 * frees of a grown site (one whose pointer reaches realloc), and each
 * realloc that may be given its buffer moves the object to a new heap block
 * (grow).  A call through an allocator hook (hooks.c) is a guarded site
 * whose buffer is used only while the value called is the allocator its
 * slot starts as; a free through a hook keeps its pointer and runs only
 * when that is not a stack address (the program's own deallocator sees the
 * plain build's calls, never a NULL of ours).
 * Exercised by test/ir/Rewrite_, Guard_, Grow_ and Hooks_ files.
 */
#include "internal.h"

#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int converted(esc_func *f, int obj) {
  const esc_obj *o = &f->g.objs[obj];
  return o->kind == ESC_OBJ_HEAP && f->cands[o->cand].verdict.reason == ESC_OK;
}

/* reaches_converted: can a call given this argument reach a converted
 * object, directly or through the contents of objects it points to? */
static int reaches_converted(esc_func *f, int loc, uint64_t *seen) {
  esc_graph *g = &f->g;
  int *stack = esc_alloc((size_t)g->nobjs * sizeof(int));
  int sp = 0, hit = 0;
  memset(seen, 0, (size_t)g->words * sizeof(uint64_t));
  for (int o = esc_graph_next(g, loc, 0); o >= 0;
       o = esc_graph_next(g, loc, o + 1))
    if (esc_bit_set(seen, o))
      stack[sp++] = o;
  while (sp > 0 && !hit) {
    int o = stack[--sp];
    if (converted(f, o)) {
      hit = 1;
      break;
    }
    int c = g->objs[o].content;
    for (int p = esc_graph_next(g, c, 0); p >= 0;
         p = esc_graph_next(g, c, p + 1))
      if (esc_bit_set(seen, p))
        stack[sp++] = p;
  }
  free(stack);
  return hit;
}

/* untail: every `tail` call that may see a converted object loses the
 * marker, whatever the call is: an intrinsic (a loop turned into
 * llvm.memmove before this pass ran), a library call, a call of the
 * program's own functions.  Left in place, `tail` lets LLVM assume the
 * callee touches no alloca of ours, and keep the object's bytes in
 * registers across the call.  An operand the graph never saw is taken to
 * reach one.  (`musttail` calls never see a converted object: passing one
 * there is an escape.) */
static void untail(esc_func *f) {
  esc_graph *g = &f->g;
  uint64_t *seen = esc_alloc((size_t)g->words * sizeof(uint64_t));
  ESC_FOR_EACH_INST(f->fn, bb, i) {
    if (!escb_is_tail(i))
      continue;
    int n = LLVMGetNumOperands(i), sees = 0;
    for (int k = 0; k < n && !sees; k++) {
      LLVMValueRef op = LLVMGetOperand(i, k);
      int loc = esc_graph_find(g, op);
      if (loc >= 0)
        sees = reaches_converted(f, loc, seen);
      else
        sees = (LLVMIsAInstruction(op) || LLVMIsAArgument(op)) &&
               LLVMGetValueKind(op) != LLVMMetadataAsValueValueKind;
    }
    if (sees) {
      escb_clear_tail(i);
      f->rewrites |= ESC_RW_TAIL;
    }
  }
  free(seen);
}

/* strip: the pointer under casts and all-zero GEPs. */
static LLVMValueRef strip(LLVMValueRef v) {
  for (;;) {
    if (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v)) {
      v = LLVMGetOperand(v, 0);
      continue;
    }
    if (LLVMIsAGetElementPtrInst(v)) {
      int n = LLVMGetNumOperands(v), zero = 1;
      for (int k = 1; k < n; k++) {
        LLVMValueRef idx = LLVMGetOperand(v, k);
        if (!LLVMIsAConstantInt(idx) || LLVMConstIntGetZExtValue(idx) != 0)
          zero = 0;
      }
      if (zero) {
        v = LLVMGetOperand(v, 0);
        continue;
      }
    }
    return v;
  }
}

static void call_lifetime(LLVMBuilderRef b, LLVMModuleRef m, const char *name,
                          uint64_t bytes, LLVMValueRef slot) {
  escb_build_lifetime(b, m, name, bytes, slot);
}

/* pin: in a function that calls setjmp (solve.c's after_twice), a slot's
 * address goes to an empty asm at entry, as a captured pointer, so no pass
 * keeps the object's contents in registers across a call: a second return
 * from setjmp finds them in memory, as it would a heap object's.  Such
 * slots get no lifetime markers either: none is shared. */
static void pin(LLVMBuilderRef b, LLVMValueRef slot) {
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(LLVMGetTypeContext(ptr)), &ptr, 1, 0);
  LLVMValueRef fn = LLVMGetInlineAsm(fty, (char *)"", 0, (char *)"r", 1, 1, 0,
                                     LLVMInlineAsmDialectATT, 0);
  LLVMBuildCall2(b, fty, fn, &slot, 1, "");
}

/* esc_free: a free call and what becomes of it. */
typedef struct esc_free {
  LLVMValueRef call;
  int cand;   /* >= 0: frees exactly this object, through its own pointer */
  int keep;   /* may free a guarded or side-stack object: stays, conditional */
  int check;  /* its index in f->checks, or -1 (a drained free the graph did not see) */
} esc_free;

static LLVMValueRef declare(LLVMModuleRef m, const char *name, LLVMTypeRef fty) {
  LLVMValueRef fn = LLVMGetNamedFunction(m, name);
  return fn ? fn : LLVMAddFunction(m, name, fty);
}

static LLVMValueRef int_arg(LLVMBuilderRef b, LLVMValueRef call, int k, LLVMTypeRef ty) {
  return LLVMBuildIntCast2(b, LLVMGetOperand(call, (unsigned)k), ty, 0, "");
}

/* hook_holds: a hook call's slot still holds the function it starts as
 * (hooks.c): the value called is that allocator, compared where it is
 * called, whatever the slot holds by then. */
static LLVMValueRef hook_holds(esc_func *f, LLVMBuilderRef b, LLVMValueRef call,
                               LLVMValueRef fn) {
  f->rewrites |= ESC_RW_HOOK;
  return LLVMBuildICmp(b, LLVMIntEQ, LLVMGetCalledValue(call), fn, "hook.default");
}

/* hook_frees_hold: at a hook site, that every free slot through which its
 * object may be freed still holds what it starts as (free): a program that
 * installed its own deallocator before the allocation gets a heap object,
 * and its deallocator every call of the plain build.  (One installed while
 * a stack object is live does not see that object's free.)  A slot that is
 * not a constant address: false, the heap. */
static LLVMValueRef hook_frees_hold(esc_func *f, LLVMBuilderRef b, const esc_cand *c) {
  esc_graph *g = &f->g;
  LLVMContextRef cx = LLVMGetModuleContext(LLVMGetGlobalParent(f->fn));
  LLVMTypeRef i1 = LLVMInt1TypeInContext(cx);
  LLVMValueRef all = LLVMConstInt(i1, 1, 0);
  for (int k = 0; k < f->nchecks; k++) {
    const esc_check *ck = &f->checks[k];
    if (ck->kind != ESC_CHECK_FREE || !esc_graph_holds(g, ck->loc, c->obj))
      continue;
    esc_callinfo fi;
    esc_call_classify(f->ctx, ck->call, &fi);
    if (!fi.hook)
      continue;
    LLVMValueRef slot = LLVMGetCalledValue(ck->call);
    LLVMValueRef addr = LLVMIsALoadInst(slot) ? LLVMGetOperand(slot, 0) : NULL;
    if (!addr || !LLVMIsAConstant(addr))
      return LLVMConstInt(i1, 0, 0);
    LLVMValueRef now = LLVMBuildLoad2(b, LLVMTypeOf(slot), addr, "hook.free");
    all = LLVMBuildAnd(b, all, LLVMBuildICmp(b, LLVMIntEQ, now, fi.hook, ""), "");
  }
  return all;
}

/* hook_free_guard: a free through a hook stays for its heap path, its
 * pointer unchanged: it runs only when `p` is the pointer keep_free would
 * pass, not one it replaced by NULL (a stack address). */
static void hook_free_guard(esc_func *f, LLVMBuilderRef b, LLVMValueRef call,
                            LLVMValueRef p, LLVMValueRef kept) {
  LLVMValueRef heap = LLVMBuildICmp(b, LLVMIntEQ, p, kept, "heap.free");
  LLVMValueRef term = NULL;
  escb_guard_call(call, heap, NULL, &term);
  f->rewrites |= ESC_RW_HOOK;
}

/* convert_fallback: a guarded or side-stack site (see the file comment). */
static void convert_fallback(esc_func *f, esc_cand *c, LLVMBuilderRef b) {
  LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
  LLVMContextRef cx = LLVMGetModuleContext(m);
  LLVMTypeRef szt = LLVMIntPtrTypeInContext(cx, LLVMGetModuleDataLayout(m));
  LLVMTypeRef ptr = LLVMPointerTypeInContext(cx, 0);
  LLVMTypeRef i8 = LLVMInt8TypeInContext(cx);
  LLVMValueRef call = c->call;
  LLVMValueRef limit = LLVMConstInt(szt, c->bytes, 0);
  f->rewrites |= c->on_side_stack ? ESC_RW_SIDE : ESC_RW_GUARD;
  if (c->info.zeroed)
    f->rewrites |= ESC_RW_ZERO;
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);

  /* The memory: an entry-block buffer, or for a side-stack site the
   * function's side-stack mark, taken at entry. */
  LLVMValueRef buf = NULL;
  LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(entry));
  LLVMSetCurrentDebugLocation2(b, NULL);
  if (c->on_side_stack) {
    LLVMValueRef first = LLVMGetFirstInstruction(entry);
    while (first && LLVMIsAAllocaInst(first))
      first = LLVMGetNextInstruction(first);
    LLVMPositionBuilderBefore(b, first);
    if (!f->side_mark)
      f->side_mark = esc_sidestack_call(b, m, NULL, "side.mark");
  } else {
    buf = LLVMBuildAlloca(b, escb_array_type(i8, c->bytes), "guard.stack");
    LLVMSetAlignment(buf, (unsigned)c->align);
    if (f->returns_twice)
      pin(b, buf);
  }

  LLVMPositionBuilderBefore(b, call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  LLVMValueRef fits = NULL, need = NULL, len = NULL, src = NULL;
  if (!c->guarded) {
    need = LLVMConstInt(szt, c->info.size, 0);
  } else if (c->info.fn == ESC_FN_STRDUP || c->info.fn == ESC_FN_STRNDUP) {
    src = LLVMGetOperand(call, (unsigned)c->info.size_arg[0]);
    if (c->info.fn == ESC_FN_STRDUP) {
      LLVMTypeRef fty = LLVMFunctionType(szt, &ptr, 1, 0);
      len = LLVMBuildCall2(b, fty, declare(m, "strlen", fty), &src, 1, "len");
    } else {
      LLVMTypeRef ps[2] = {ptr, szt};
      LLVMTypeRef fty = LLVMFunctionType(szt, ps, 2, 0);
      LLVMValueRef as[2] = {src, int_arg(b, call, c->info.size_arg[1], szt)};
      len = LLVMBuildCall2(b, fty, declare(m, "strnlen", fty), as, 2, "len");
    }
    need = LLVMBuildNUWAdd(b, len, LLVMConstInt(szt, 1, 0), "");
    fits = LLVMBuildICmp(b, LLVMIntULT, len, limit, "fits");
  } else if (c->info.size_arg[1] >= 0) {
    /* calloc(n, m): each factor below 2^(bits/2) (and the limit), so n * m
     * cannot wrap in size_t, 32-bit targets included. */
    unsigned bits = LLVMGetIntTypeWidth(szt);
    uint64_t half = bits >= 64 ? UINT64_C(0xffffffff) : (UINT64_C(1) << (bits / 2)) - 1;
    LLVMValueRef factor = LLVMConstInt(szt, c->bytes < half ? c->bytes : half, 0);
    LLVMValueRef n = int_arg(b, call, c->info.size_arg[0], szt);
    LLVMValueRef k = int_arg(b, call, c->info.size_arg[1], szt);
    need = LLVMBuildMul(b, n, k, "");
    fits = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntULE, n, factor, ""),
                        LLVMBuildICmp(b, LLVMIntULE, k, factor, ""), "");
    fits = LLVMBuildAnd(b, fits, LLVMBuildICmp(b, LLVMIntULE, need, limit, ""), "fits");
  } else {
    need = int_arg(b, call, c->info.size_arg[0], szt);
    fits = LLVMBuildICmp(b, LLVMIntULE, need, limit, "fits");
  }
  LLVMValueRef ok = fits, side = NULL;
  if (c->info.hook) {
    LLVMValueRef still = hook_holds(f, b, call, c->info.hook);
    still = LLVMBuildAnd(b, still, hook_frees_hold(f, b, c), "");
    ok = ok ? LLVMBuildAnd(b, ok, still, "") : still;
  }
  if (c->on_side_stack) {
    LLVMValueRef alloc_fn = esc_sidestack_fn(m, "__escape_side_alloc");
    LLVMValueRef room = LLVMConstInt(LLVMInt1TypeInContext(cx), 0, 0);
    side = LLVMConstNull(ptr);
    if (alloc_fn && f->side_mark) { /* else (solve.c saw it usable): heap */
      /* Side-stack memory only where the object will use it: a size over
       * the limit (or a hook replaced) asks for none, so the heap path
       * does not fill the side stack with memory no free gives back. */
      LLVMValueRef want = ok ? LLVMBuildSelect(b, ok, limit, LLVMConstInt(szt, 0, 0), "")
                             : limit;
      LLVMTypeRef ps[2] = {szt, szt};
      LLVMValueRef as[2] = {want, LLVMConstInt(szt, c->align, 0)};
      side = LLVMBuildCall2(b, LLVMFunctionType(ptr, ps, 2, 0), alloc_fn, as, 2, "side");
      room = LLVMBuildICmp(b, LLVMIntNE, side, LLVMConstNull(ptr), "");
    }
    ok = ok ? LLVMBuildAnd(b, ok, room, "") : room;
  }
  LLVMValueRef heap = LLVMBuildNot(b, ok, "heap");

  LLVMValueRef term = NULL;
  LLVMValueRef phi = escb_guard_call(call, heap, side ? side : buf, &term);
  LLVMValueRef stk = LLVMGetIncomingValue(phi, 1);
  LLVMPositionBuilderBefore(b, term);
  if (c->info.zeroed)
    LLVMBuildMemSet(b, stk, LLVMConstInt(i8, 0, 0), need, (unsigned)c->align);
  if (src && c->info.fn == ESC_FN_STRDUP) {
    LLVMBuildMemCpy(b, stk, (unsigned)c->align, src, 1, need);
  } else if (src) {
    LLVMBuildMemCpy(b, stk, (unsigned)c->align, src, 1, len);
    LLVMBuildStore(b, LLVMConstInt(i8, 0, 0), LLVMBuildGEP2(b, i8, stk, &len, 1, ""));
  }
  c->call = NULL;
  c->slot = buf; /* NULL for a side-stack site: its frees ask the side stack */
}

/* loop_marks: for each loop region a converted site uses, a mark before
 * its preheader's terminator and a release at its header's first
 * instruction past the phis (solve.c loop_regions). */
static void loop_marks(esc_func *f, LLVMBuilderRef b) {
  LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
  for (int r = 0; r < f->nloop_regions; r++) {
    int used = 0;
    for (int k = 0; k < f->ncands; k++)
      used |= f->cands[k].verdict.reason == ESC_OK && f->cands[k].loop_region == r + 1;
    if (!used)
      continue;
    const esc_loop_region *lr = &f->loop_regions[r];
    /* (the terminator saved by the analysis: a side-stack site of another
     * region in that block has split it since) */
    LLVMValueRef term = lr->pre_term;
    LLVMPositionBuilderBefore(b, term);
    LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(term));
    LLVMValueRef mark = esc_sidestack_call(b, m, NULL, "loop.mark");
    if (!mark)
      return; /* (solve.c saw the side stack usable) */
    LLVMValueRef first = LLVMGetFirstInstruction(lr->header);
    while (LLVMGetInstructionOpcode(first) == LLVMPHI)
      first = LLVMGetNextInstruction(first);
    LLVMPositionBuilderBefore(b, first);
    LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(first));
    esc_sidestack_call(b, m, mark, "");
    f->rewrites |= ESC_RW_SIDE;
  }
}

/* esc_side_free_ask: see internal.h. */
LLVMValueRef esc_side_free_ask(LLVMBuilderRef b, LLVMValueRef call, LLVMValueRef *p,
                               uint64_t size, int skip) {
  LLVMModuleRef m = LLVMGetGlobalParent(LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)));
  LLVMValueRef side_free = esc_sidestack_fn(m, "__escape_side_free");
  if (!side_free)
    return NULL;
  LLVMContextRef cx = LLVMGetModuleContext(m);
  LLVMTypeRef pty = LLVMTypeOf(*p);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(cx);
  LLVMTypeRef szt = LLVMIntPtrTypeInContext(cx, LLVMGetModuleDataLayout(m));
  LLVMTypeRef ps[2] = {pty, szt};
  LLVMValueRef as[2] = {*p, LLVMConstInt(szt, size, 0)};
  LLVMValueRef mine = LLVMBuildCall2(b, LLVMFunctionType(i32, ps, 2, 0), side_free, as, 2, "");
  if (skip && LLVMGetInstructionOpcode(call) == LLVMCall && !LLVMGetFirstUse(call)) {
    /* In a pipeline the free is skipped rather than given NULL (the
     * heap's free is called only for heap objects). */
    escb_call_only_if(call, LLVMBuildICmp(b, LLVMIntEQ, mine, LLVMConstInt(i32, 0, 0), "heap"));
  } else {
    LLVMValueRef own = LLVMBuildICmp(b, LLVMIntNE, mine, LLVMConstInt(i32, 0, 0), "");
    *p = LLVMBuildSelect(b, own, LLVMConstNull(pty), *p, "");
  }
  return mine;
}

/* esc_free_arg_may_be_null: the argument may now be NULL; a `nonnull` or
 * `dereferenceable` that LLVM put on it (it saw the object's own, non-null
 * pointer there) would let it fold the select back to the object's address. */
void esc_free_arg_may_be_null(LLVMValueRef call, unsigned arg) {
  static const char *const attrs[] = {"nonnull", "dereferenceable"};
  for (unsigned k = 0; k < sizeof attrs / sizeof *attrs; k++)
    LLVMRemoveCallSiteEnumAttribute(call, (LLVMAttributeIndex)arg + 1,
                                    LLVMGetEnumAttributeKindForName(attrs[k], strlen(attrs[k])));
}

/* keep_free: free(p) stays, given NULL where p may be a stack address: a
 * converted object's slot, or any side-stack object (asked at run time:
 * __escape_side_free, which also gives the object's memory back when it is
 * on the side stack's top and its size is known here, the same for every
 * side-stack object p may be, and p may be nothing else). */
static void keep_free(esc_func *f, LLVMValueRef call, int loc, LLVMBuilderRef b) {
  esc_graph *g = &f->g;
  /* A free of a drained stack's node (drain.c) may be given any of its
   * nodes, those on the side stack all of one size when it knows one:
   * whatever the graph says of it (a global's contents), it asks. */
  const esc_drained *dr = esc_drain_freed(f->drain, call);
  esc_callinfo ci;
  esc_call_classify(f->ctx, call, &ci);
  LLVMValueRef p = LLVMGetOperand(call, (unsigned)ci.arg);
  LLVMTypeRef pty = LLVMTypeOf(p);
  LLVMPositionBuilderBefore(b, call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  int side = 0, other = 0;
  uint64_t size = 0; /* the side-stack objects' one size; 0: none or several */
  if (dr && dr->converted) {
    side = 1;
    size = dr->size;
  }
  for (int o = loc < 0 ? -1 : esc_graph_next(g, loc, 0); o >= 0;
       o = esc_graph_next(g, loc, o + 1)) {
    if (!converted(f, o)) { /* grown or mixed: the rest is freed as before */
      other = 1;
      continue;
    }
    esc_cand *c = &f->cands[g->objs[o].cand];
    if (c->on_side_stack) {
      size = !side || size == c->bytes ? c->bytes : 0;
      side = 1;
      continue;
    }
    LLVMValueRef s = c->slot;
    if (LLVMTypeOf(s) != pty)
      s = LLVMBuildAddrSpaceCast(b, s, pty, "");
    LLVMValueRef on_stack = LLVMBuildICmp(b, LLVMIntEQ, p, s, "");
    p = LLVMBuildSelect(b, on_stack, LLVMConstNull(pty), p, "");
  }
  /* A size gives memory back when p is the top object; p may be other
   * memory (a region's node on the side stack, of another size), which a
   * sized answer would give back while it lives: then only ask. */
  if (side)
    esc_side_free_ask(b, call, &p, other && !dr ? 0 : size, f->opt->mark_rewritten);
  if (!ci.hook)
    LLVMSetOperand(call, (unsigned)ci.arg, p);
  esc_free_arg_may_be_null(call, (unsigned)ci.arg);
  if (ci.hook) {
    LLVMPositionBuilderBefore(b, call);
    hook_free_guard(f, b, call, LLVMGetOperand(call, (unsigned)ci.arg), p);
  }
}

/* grow: realloc(p, n) where p may be a converted (grown) site's stack
 * buffer, solve.c's grows.  With cap the buffer's size when p is one (0
 * when it is not):
 *
 *   p is no buffer:  realloc(p, n), the call as it was
 *   n == 0:          realloc(malloc(1), 0): the C library's own answer for
 *                    a live block shrunk to nothing (NULL or a new block)
 *   else:            q = malloc(n), and if q, memcpy(q, p, min(n, cap))
 *
 * so the result is never the buffer; on failure it is NULL and the buffer
 * keeps the contents, as realloc keeps the old block.  A shrink moves to
 * the heap too.  The buffer's free is skipped (keep_free). */
static void grow(esc_func *f, LLVMValueRef call, int loc, LLVMBuilderRef b) {
  esc_graph *g = &f->g;
  LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
  LLVMContextRef cx = LLVMGetModuleContext(m);
  LLVMTypeRef szt = LLVMIntPtrTypeInContext(cx, LLVMGetModuleDataLayout(m));
  LLVMValueRef p = LLVMGetOperand(call, 0);
  LLVMTypeRef pty = LLVMTypeOf(p);
  LLVMPositionBuilderBefore(b, call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  LLVMValueRef cap = LLVMConstInt(szt, 0, 0);
  int any = 0, first = -1;
  for (int o = esc_graph_next(g, loc, 0); o >= 0;
       o = esc_graph_next(g, loc, o + 1)) {
    if (!converted(f, o))
      continue;
    esc_cand *c = &f->cands[g->objs[o].cand];
    LLVMValueRef s = c->slot;
    if (!s) /* no buffer (no grow rule where the side stack is used: call.c) */
      continue;
    if (LLVMTypeOf(s) != pty)
      s = LLVMBuildAddrSpaceCast(b, s, pty, "");
    cap = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, p, s, ""),
                          LLVMConstInt(szt, c->bytes, 0), cap, "grow.cap");
    if (!any)
      first = g->objs[o].cand;
    any = 1;
  }
  if (!any)
    return;
  f->rewrites |= ESC_RW_GROW;
  LLVMValueRef zero = LLVMConstInt(szt, 0, 0);
  LLVMValueRef heap = LLVMBuildICmp(b, LLVMIntEQ, cap, zero, "grow.heap");
  LLVMValueRef n = int_arg(b, call, 1, szt);
  LLVMValueRef term = NULL;
  LLVMValueRef phi = escb_guard_call(call, heap, LLVMConstNull(LLVMTypeOf(call)), &term);
  /* The stack path: a new block (for n == 0, the library's realloc of one). */
  LLVMPositionBuilderBefore(b, term);
  LLVMValueRef none = LLVMBuildICmp(b, LLVMIntEQ, n, zero, "grow.none");
  LLVMValueRef one = LLVMConstInt(szt, 1, 0);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(cx, 0);
  LLVMTypeRef mty = LLVMFunctionType(ptr, &szt, 1, 0);
  LLVMValueRef size = LLVMBuildSelect(b, none, one, n, "");
  LLVMValueRef h = LLVMBuildCall2(b, mty, declare(m, "malloc", mty), &size, 1, "grow.new");
  esc_grown gr = {h, first};
  ESC_PUSH(f->grown, f->ngrown, f->capgrown, gr);
  LLVMValueRef q = h;
  if (!LLVMIsAConstantInt(none) || LLVMConstIntGetZExtValue(none)) { /* n may be 0 */
    LLVMValueRef args[2] = {h, LLVMBuildIntCast2(b, zero, LLVMTypeOf(LLVMGetOperand(call, 1)),
                                                 0, "")};
    LLVMValueRef shrunk = LLVMBuildCall2(b, LLVMGetCalledFunctionType(call),
                                         LLVMGetCalledValue(call), args, 2, "grow.zero");
    LLVMValueRef term2 = NULL;
    q = escb_guard_call(shrunk, none, h, &term2);
    LLVMPositionBuilderBefore(b, term);
  }
  LLVMValueRef got = LLVMBuildICmp(b, LLVMIntNE, q, LLVMConstNull(ptr), "");
  LLVMValueRef copy = LLVMBuildAnd(b, got, LLVMBuildNot(b, none, ""), "");
  LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntULT, n, cap, "");
  LLVMValueRef len = LLVMBuildSelect(b, fits, n, cap, "");
  len = LLVMBuildSelect(b, copy, len, zero, "grow.len");
  LLVMValueRef dst = LLVMBuildSelect(b, got, q, p, "");
  LLVMBuildMemCpy(b, dst, 1, p, 16, len);
  if (LLVMTypeOf(q) != LLVMTypeOf(call))
    q = LLVMBuildAddrSpaceCast(b, q, LLVMTypeOf(call), "");
  LLVMSetOperand(phi, 1, q);
}

static void convert(esc_func *f, esc_cand *c, int markers, LLVMBuilderRef b) {
  if (c->guarded || c->on_side_stack) {
    convert_fallback(f, c, b);
    return;
  }
  LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
  LLVMContextRef cx = LLVMGetModuleContext(m);
  LLVMValueRef call = c->call;
  if (LLVMGetInstructionOpcode(call) == LLVMInvoke) {
    call = escb_invoke_to_call(call);
    f->rewrites |= ESC_RW_INVOKE;
  }
  f->rewrites |= ESC_RW_SLOT | (markers ? ESC_RW_LIFETIME : 0) |
                 (c->info.zeroed ? ESC_RW_ZERO : 0);

  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->fn);
  LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(entry));
  LLVMSetCurrentDebugLocation2(b, NULL);
  LLVMTypeRef ty = escb_array_type(LLVMInt8TypeInContext(cx), c->bytes);
  char name[64];
  size_t n = 0;
  const char *old = LLVMGetValueName2(call, &n);
  snprintf(name, sizeof name, "%.*s%sstack", (int)(n > 40 ? 40 : n), old, n ? "." : "");
  LLVMValueRef slot = LLVMBuildAlloca(b, ty, name);
  LLVMSetAlignment(slot, (unsigned)c->align);
  if (f->returns_twice)
    pin(b, slot);

  LLVMPositionBuilderBefore(b, call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
  if (markers)
    call_lifetime(b, m, "llvm.lifetime.start", c->bytes, slot);
  if (c->info.zeroed)
    LLVMBuildMemSet(b, slot, LLVMConstInt(LLVMInt8TypeInContext(cx), 0, 0),
                    LLVMConstInt(LLVMInt64TypeInContext(cx), c->info.size, 0),
                    (unsigned)c->align);
  LLVMValueRef repl = slot;
  if (c->info.fn == ESC_FN_POSIX_MEMALIGN) {
    /* *memptr = slot; the call "succeeded" (returns 0). */
    LLVMBuildStore(b, slot, LLVMGetOperand(call, 0));
    repl = LLVMConstNull(LLVMTypeOf(call));
  } else if (LLVMTypeOf(call) != LLVMTypeOf(slot)) {
    repl = LLVMBuildAddrSpaceCast(b, slot, LLVMTypeOf(call), "");
  }
  LLVMReplaceAllUsesWith(call, repl);
  LLVMInstructionEraseFromParent(call);
  c->call = NULL;
  c->slot = slot;
}

/* inline_side: in a pipeline (the cleanup passes follow: clang's -O1 and
 * above), the side stack's calls give way to their bodies, a few loads,
 * compares and stores each; only a thread's first use, which maps its
 * side stack, stays a call.  (opt -passes=escape keeps the calls, as the
 * tests read them.) */
static void inline_side(esc_func *f) {
  static const char *const names[] = {"__escape_side_mark", "__escape_side_alloc",
                                      "__escape_side_free", "__escape_side_release"};
  LLVMValueRef *calls = NULL;
  int n = 0, cap = 0;
  ESC_FOR_EACH_INST(f->fn, bb, i) {
    LLVMValueRef callee = LLVMIsACallInst(i) ? LLVMGetCalledValue(i) : NULL;
    if (!callee || !LLVMIsAFunction(callee))
      continue;
    size_t len = 0;
    const char *name = LLVMGetValueName2(callee, &len);
    for (unsigned k = 0; k < sizeof names / sizeof *names; k++)
      if (len == strlen(names[k]) && memcmp(name, names[k], len) == 0)
        ESC_PUSH(calls, n, cap, i);
  }
  for (int k = 0; k < n; k++)
    escb_inline_call(calls[k]);
  free(calls);
}

/* verify: -escape-verify.  A function the rewrite left broken is an error
 * naming it, what was done to it, and the verifier's complaint; the
 * compiler fails as for any error (never abort()).  test/ir/Verify_*.ll */
static void verify(esc_func *f) {
  char *why = escb_verify_function(f->fn);
  if (!why)
    return;
  static const char *const names[] = {"fixed slot", "guarded buffer", "side stack",
                                      "free removed", "free kept", "tail marker dropped",
                                      "calloc zeroing", "invoke to call", "lifetime markers",
                                      "realloc of a stack buffer", "allocator hook"};
  esc_buf list = {0};
  for (unsigned k = 0; k < sizeof names / sizeof *names; k++)
    if (f->rewrites & (1u << k))
      esc_buf_printf(&list, "%s%s", list.len ? ", " : "", names[k]);
  size_t n = 0;
  const char *name = LLVMGetValueName2(f->fn, &n);
  esc_buf msg = {0};
  esc_buf_printf(&msg, "escape: function '%.*s' is invalid after the escape pass rewrote it "
                       "(%s): %s", (int)n, name, list.len ? list.s : "no rewrite", why);
  escb_error(f->fn, msg.s);
  /* The build has failed; a body left broken would only make a later
   * verifier (lld's, after the link's pipeline) crash on it. */
  escb_delete_body(f->fn);
  free(why);
  esc_buf_free(&list);
  esc_buf_free(&msg);
}

void esc_rewrite(esc_func *f) {
  esc_graph *g = &f->g;
  int any = 0;
  for (int k = 0; k < f->ncands; k++)
    any |= f->cands[k].verdict.reason == ESC_OK;
  if (!any)
    return;

  /* 1. `tail` promises the callee touches no alloca of ours. */
  untail(f);

  /* The drained stacks' nodes that move (drain.c): their frees ask the
   * side stack. */
  for (int k = 0; k < f->ncands; k++)
    if (f->cands[k].verdict.reason == ESC_OK && f->cands[k].drained)
      f->cands[k].drained->converted++;

  /* 2. Which frees go, and which free exactly one object by its own
   * pointer (those become lifetime ends). */
  esc_free *frees = NULL;
  int nfrees = 0, capfrees = 0;
  int *direct = esc_alloc((size_t)f->ncands * sizeof(int));
  int *indirect = esc_alloc((size_t)f->ncands * sizeof(int));
  for (int k = 0; k < f->nchecks; k++) {
    esc_check *ck = &f->checks[k];
    if (ck->kind != ESC_CHECK_FREE)
      continue;
    if (esc_drain_freed(f->drain, ck->call))
      continue; /* (below) */
    int all = 1, some = 0, only = -1, stays = 0;
    for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
         o = esc_graph_next(g, ck->loc, o + 1)) {
      if (!converted(f, o))
        all = 0;
      else {
        only = some ? -1 : g->objs[o].cand;
        some++;
        stays |= f->cands[g->objs[o].cand].grown || f->cands[g->objs[o].cand].free_mixed;
      }
    }
    /* A grown site's free stays whatever else it may free (solve.c's
     * grows), and so does one that may be given other memory (solve.c's
     * free_mixed): given NULL for the stack objects, it frees the rest. */
    if ((!all && !stays) || !some)
      continue;
    esc_free fr = {ck->call, -1, stays, k};
    for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
         o = esc_graph_next(g, ck->loc, o + 1))
      if (converted(f, o) && (f->cands[g->objs[o].cand].guarded ||
                              f->cands[g->objs[o].cand].on_side_stack))
        fr.keep = 1;
    esc_callinfo ci;
    esc_call_classify(f->ctx, ck->call, &ci);
    LLVMValueRef p = LLVMGetOperand(ck->call, (unsigned)ci.arg);
    if (some == 1 && only >= 0 && strip(p) == f->cands[only].call && !fr.keep)
      fr.cand = only;
    for (int o = esc_graph_next(g, ck->loc, 0); o >= 0;
         o = esc_graph_next(g, ck->loc, o + 1)) {
      if (!converted(f, o))
        continue;
      int ci2 = g->objs[o].cand;
      if (fr.cand >= 0)
        direct[ci2]++;
      else
        indirect[ci2]++;
    }
    ESC_PUSH(frees, nfrees, capfrees, fr);
  }

  /* 2a. Every free of a moved drained stack's node stays, and asks the
   * side stack (keep_free), whether the graph judged it or not. */
  ESC_FOR_EACH_INST(f->fn, bb, i) {
    const esc_drained *dr = esc_is_call(i) ? esc_drain_freed(f->drain, i) : NULL;
    if (!dr || !dr->converted)
      continue;
    int check = -1;
    for (int k = 0; k < f->nchecks && check < 0; k++)
      if (f->checks[k].kind == ESC_CHECK_FREE && f->checks[k].call == i)
        check = k;
    esc_free fr = {i, -1, 1, check};
    ESC_PUSH(frees, nfrees, capfrees, fr);
  }

  /* 3. Convert. */
  LLVMBuilderRef b = LLVMCreateBuilderInContext(LLVMGetModuleContext(LLVMGetGlobalParent(f->fn)));
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->verdict.reason != ESC_OK)
      continue;
    convert(f, c, direct[k] > 0 && indirect[k] == 0 && !f->returns_twice, b);
    f->nconverted++;
  }

  /* 3a. Loop regions (solve.c loop_regions): the side stack's top, taken
   * before the cycle's entry, restored at its header each time round. */
  loop_marks(f, b);

  /* 3b. Reallocs of stack buffers move them to the heap. */
  for (int k = 0; k < f->nchecks; k++)
    if (f->checks[k].kind == ESC_CHECK_REALLOC)
      grow(f, f->checks[k].call, f->checks[k].loc, b);

  /* 4. Frees: gone, or the end of the object's life. */
  for (int k = 0; k < nfrees; k++) {
    LLVMValueRef call = frees[k].call;
    if (frees[k].keep) {
      keep_free(f, call, frees[k].check >= 0 ? f->checks[frees[k].check].loc : -1, b);
      f->rewrites |= ESC_RW_FREE_KEPT;
      continue;
    }
    f->rewrites |= ESC_RW_FREE;
    if (LLVMGetInstructionOpcode(call) == LLVMInvoke) {
      call = escb_invoke_to_call(call);
      f->rewrites |= ESC_RW_INVOKE;
    }
    int cand = frees[k].cand;
    if (cand >= 0 && indirect[cand] == 0 && !f->returns_twice) {
      esc_cand *c = &f->cands[cand];
      LLVMPositionBuilderBefore(b, call);
      LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
      call_lifetime(b, LLVMGetGlobalParent(f->fn), "llvm.lifetime.end", c->bytes,
                    c->slot);
    }
    LLVMInstructionEraseFromParent(call);
  }
  /* 5. The side stack's mark goes back before every return or resume
   * (not in a builder's region copy: its caller gives it back). */
  if (f->side_mark && !f->region_copy) {
    LLVMModuleRef m = LLVMGetGlobalParent(f->fn);
    ESC_FOR_EACH_INST(f->fn, bb, i) {
      LLVMOpcode op = LLVMGetInstructionOpcode(i);
      if (op == LLVMRet || op == LLVMResume) {
        LLVMPositionBuilderBefore(b, i);
        LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(i));
        esc_sidestack_call(b, m, f->side_mark, "");
      }
    }
  }
  LLVMDisposeBuilder(b);
  free(frees);
  free(direct);
  free(indirect);
  if (f->rewrites & (ESC_RW_SIDE | ESC_RW_FREE_KEPT))
    escb_forget_memory_effects(f->fn); /* it touches the side stack now */
  if (f->opt->mark_rewritten && (f->rewrites & (ESC_RW_SIDE | ESC_RW_FREE_KEPT)))
    inline_side(f);
  esc_calls_forget(f->ctx, f->fn); /* its calls changed, some are gone */
  if (f->opt->mark_rewritten)
    escb_mark_rewritten(f->fn);
  if (f->opt->verify)
    verify(f);
}

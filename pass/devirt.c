/* devirt.c — calls through a table of functions whose address a function
 * itself stored into an object of its own, made direct; the small ones
 * inlined, so that the analysis sees the code that runs.
 *
 * C++'s virtual calls and C's tables of operations take one shape:
 *
 *   store ptr @vtable+16, ptr %obj           ; the constructor, inlined
 *   ...
 *   %vp = load ptr, ptr %obj                 ; obj->vptr
 *   %fp = load ptr, ptr (gep %vp, 16)        ; vptr[2]
 *   call %fp(ptr %obj)
 *
 * LLVM's GVN forwards the store to the load only when nothing between them
 * may write memory: an atomic (shared_ptr's reference count), a call or a
 * fence stops it.  Here more is known.  obj is a fresh object of this
 * function (an alloca or an allocation call), and until its address leaves
 * the function's hands (passed to a call, stored, made an integer, merged
 * by a phi or a select, returned) no other code, no other thread and no
 * signal handler can reach it: only this function's own stores through
 * pointers derived from it write it, and those are plain to see.
 *
 * The rule (resolve): the call's function pointer is loaded (not volatile)
 * from a constant offset k of a pointer V, itself loaded (not volatile)
 * from a constant offset c of a fresh object O (a table); or it is loaded
 * from offset c of O itself (a field that holds a function: an object's
 * own callback, json-c's _delete).  A forward data-flow over the CFG
 * (field_value) finds what every path leaves in O's pointer-sized field at
 * c when that load runs: on every path from O's creation the last write of
 * those bytes must be a store of one and the same constant T, of exactly
 * that field, and O's address must not have left the function on any path
 * before the load (a free of O ends the object: a path through it reads
 * nothing).  Then V = T, and the function pointer is the entry at T+k of
 * T's global when that global is `constant` with the initializer that
 * runs (a vtable, a const table of operations); in the field shape it is
 * T, a function.  The call gets that function as its callee when its type
 * is the call's.  Anything else keeps the call as it is, and so does every
 * call of a function that calls setjmp or another returns_twice function
 * (paths the CFG does not show), a call with operand bundles (a kcfi
 * check), a musttail call, and everything in an optnone function.
 *
 * Inlining, by LLVM's InlineFunction (which keeps the program's meaning):
 *   - a call resolved here, of a function of at most ESC_DEVIRT_INLINE_INSTS
 *     instructions (a virtual destructor, shared_ptr's _M_dispose and
 *     _M_destroy: what they do to the object becomes the caller's code);
 *   - a direct call, of such a function, that hands a fresh object whose
 *     field is known to a function that calls through that parameter's
 *     table (shared_ptr's out-of-line _M_release_last_use_cold, whose
 *     noinline marks it cold for LLVM's inliner); its calls then resolve
 *     in turn.
 * Either only where LLVM's inliner could (escb_inline_compatible: target
 * features, sanitizers, strict FP and the other attributes that must meet,
 * no noinline call site), never a body with inline assembly or one that
 * takes its frame or return address, and a function's noinline is set
 * aside only in the second case.
 * At most ESC_DEVIRT_CHANGES changes a function.  Exercised by
 * test/ir/Devirt_*.ll and test/exec/Devirt_*.cpp, test/exec/Devirt_ops.c.
 */
#include "internal.h"

#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

/* The state of a field at a point, the data-flow's lattice, smallest
 * first: no object yet (the entry, before O's creation), one constant,
 * anything (written otherwise, or never written), O's address gone. */
typedef enum fstate { F_NONE, F_VAL, F_ANY, F_GONE } fstate;

typedef struct fval {
  fstate s;
  LLVMValueRef val; /* F_VAL: the constant */
} fval;

/* What an instruction does to the field (an event of the data-flow). */
typedef enum evkind { EV_NONE, EV_SET, EV_CLOBBER, EV_GONE, EV_NEW, EV_FREE } evkind;

typedef struct devirt {
  escb_ctx *ctx;
  LLVMValueRef fn;
  LLVMTargetDataRef dl;
  long work; /* instructions walked, against ESC_DEVIRT_WORK */
  esc_ptrmap *cache; /* table_callee's answers, for the module */
  int insts;         /* the function's instructions, kept up to date */
  /* One query's events: instruction -> index into ev/evval. */
  esc_ptrmap evat;
  evkind *ev;
  LLVMValueRef *evval;
  int nev, capev, capevval;
} devirt;

static fval join(fval a, fval b) {
  if (a.s == F_NONE)
    return b;
  if (b.s == F_NONE)
    return a;
  if (a.s == F_VAL && b.s == F_VAL)
    return a.val == b.val ? a : (fval){F_ANY, NULL};
  return a.s > b.s ? (fval){a.s, NULL} : (fval){b.s, NULL};
}

static fval apply(fval s, evkind k, LLVMValueRef v) {
  switch (k) {
  case EV_NONE: return s;
  case EV_NEW: return (fval){F_ANY, NULL}; /* a new object: not written yet */
  case EV_FREE: return (fval){F_NONE, NULL}; /* no object: a use after it is undefined */
  case EV_GONE: return (fval){F_GONE, NULL};
  case EV_SET: return s.s == F_GONE ? s : (fval){F_VAL, v};
  case EV_CLOBBER: return s.s == F_GONE ? s : (fval){F_ANY, NULL};
  }
  return s;
}

/* note: instruction at does k to the field; several events of one
 * instruction keep the strongest (two stores of one are not one store). */
static void note(devirt *d, LLVMValueRef at, evkind k, LLVMValueRef v) {
  int i = esc_ptrmap_get(&d->evat, at);
  if (i < 0) {
    int n = d->nev, cap = d->capevval;
    ESC_PUSH(d->ev, d->nev, d->capev, k);
    ESC_PUSH(d->evval, n, cap, v);
    d->capevval = cap;
    esc_ptrmap_put(&d->evat, at, d->nev - 1);
    return;
  }
  if (d->ev[i] == EV_SET && k == EV_SET && d->evval[i] == v)
    return;
  evkind strongest = d->ev[i] > k ? d->ev[i] : k;
  if (strongest == EV_SET || strongest == EV_FREE) /* two events: no longer one */
    strongest = strongest == EV_SET ? EV_CLOBBER : EV_GONE;
  d->ev[i] = strongest;
  d->evval[i] = NULL;
}

/* store_bytes: the bytes a store of type ty writes; -1 when that is not a
 * constant (a scalable vector). */
static int64_t store_bytes(devirt *d, LLVMTypeRef ty) {
  if (LLVMGetTypeKind(ty) == LLVMScalableVectorTypeKind)
    return -1;
  return (int64_t)LLVMStoreSizeOfType(d->dl, ty);
}

/* write: a write of bytes [off, off+len) of O (known: off is; len < 0:
 * unknown) against the field [c, c+8). */
static void write(devirt *d, LLVMValueRef at, int known, int64_t off, int64_t len,
                  int64_t c, int64_t psize) {
  if (known && off >= c + psize)
    return;
  if (known && len >= 0 && off + len <= c)
    return;
  note(d, at, EV_CLOBBER, NULL);
}

/* use_event: what user u of pointer p (derived from O: at offset off if
 * known) does to the field at c; new derived pointers go on the stack. */
static void use_event(devirt *d, LLVMValueRef p, int known, int64_t off,
                      LLVMValueRef u, int64_t c, LLVMValueRef **stack, int *nstack,
                      int *capstack) {
  int64_t psize = (int64_t)LLVMPointerSize(d->dl);
  if (!LLVMIsAInstruction(u)) {
    note(d, u, EV_GONE, NULL);
    return;
  }
  switch (LLVMGetInstructionOpcode(u)) {
  case LLVMGetElementPtr:
  case LLVMBitCast:
  case LLVMAddrSpaceCast: {
    if (LLVMGetOperand(u, 0) != p) { /* p as an index: an address made integer */
      note(d, u, EV_GONE, NULL);
      return;
    }
    ESC_PUSH(*stack, *nstack, *capstack, u);
    return;
  }
  case LLVMLoad:
    return;
  case LLVMICmp:
    return;
  case LLVMStore: {
    if (LLVMGetOperand(u, 0) == p) {
      note(d, u, EV_GONE, NULL); /* the address itself stored */
      return;
    }
    LLVMValueRef v = LLVMGetOperand(u, 0);
    int64_t len = store_bytes(d, LLVMTypeOf(v));
    if (known && off == c && len == psize && esc_is_pointer(v) && LLVMIsAConstant(v) &&
        !LLVMGetVolatile(u))
      note(d, u, EV_SET, v);
    else
      write(d, u, known, off, len, c, psize);
    return;
  }
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg: {
    /* Operand 0 the address, the others values: O's address as a value
     * goes wherever the atomic puts it. */
    int n = LLVMGetNumOperands(u), as_value = 0;
    for (int k = 1; k < n; k++)
      as_value |= LLVMGetOperand(u, k) == p;
    if (as_value || LLVMGetOperand(u, 0) != p) {
      note(d, u, EV_GONE, NULL);
      return;
    }
    LLVMValueRef v = LLVMGetOperand(u, n - 1);
    write(d, u, known, off, store_bytes(d, LLVMTypeOf(v)), c, psize);
    return;
  }
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr: {
    LLVMValueRef callee = LLVMGetCalledValue(u);
    esc_intrinsic_kind kind = callee != p ? esc_intrinsic_kind_of(callee) : ESC_INTR_NONE;
    unsigned nargs = LLVMGetNumArgOperands(u);
    int gone = callee == p;
    /* free(O) or delete O, called directly: O is no more, and a use of it
     * after is undefined (a free through a hook may be the program's own
     * function, which may keep it). */
    esc_callinfo ci;
    if (kind == ESC_INTR_NONE && !gone) {
      esc_call_classify(d->ctx, u, &ci);
      if (ci.kind == ESC_CALL_FREE && !ci.hook && ci.arg >= 0 && (unsigned)ci.arg < nargs &&
          LLVMGetOperand(u, (unsigned)ci.arg) == p && known && off == 0) {
        int other = 0;
        for (unsigned k = 0; k < (unsigned)LLVMGetNumOperands(u); k++)
          other |= k != (unsigned)ci.arg && LLVMGetOperand(u, k) == p;
        note(d, u, other ? EV_GONE : EV_FREE, NULL);
        return;
      }
    }
    for (unsigned k = 0; k < nargs; k++) {
      if (LLVMGetOperand(u, k) != p)
        continue;
      if (kind == ESC_INTR_NOFLOW)
        continue;
      if (kind == ESC_INTR_MARKER) { /* lifetime markers end the contents */
        note(d, u, EV_CLOBBER, NULL);
        continue;
      }
      if ((kind == ESC_INTR_MEMSET || kind == ESC_INTR_MEMCPY) && k == 0) {
        uint64_t len = 0;
        int has = nargs > 2 && escb_const_uint(LLVMGetOperand(u, 2), &len) &&
                  len < ((uint64_t)1 << 62); /* va_copy has no length */
        write(d, u, known, off, has ? (int64_t)len : -1, c, psize);
        continue;
      }
      if (kind == ESC_INTR_MEMCPY && k == 1)
        continue; /* read */
      gone = 1;
    }
    /* An operand bundle holding it. */
    int nops = LLVMGetNumOperands(u);
    for (int k = (int)nargs; k < nops; k++)
      if (LLVMGetOperand(u, k) == p && kind != ESC_INTR_MARKER)
        gone = 1;
    if (gone)
      note(d, u, EV_GONE, NULL);
    return;
  }
  default: /* phi, select, ptrtoint, ret, insertvalue, freeze...: gone */
    note(d, u, EV_GONE, NULL);
    return;
  }
}

/* events: every instruction that writes O's field at c or lets O's address
 * go, and O's creation; 0 when O's uses are too many to follow. */
static int events(devirt *d, LLVMValueRef o, int64_t c) {
  esc_ptrmap_free(&d->evat);
  memset(&d->evat, 0, sizeof d->evat);
  d->nev = 0;
  note(d, o, EV_NEW, NULL);
  LLVMValueRef *stack = NULL;
  int nstack = 0, capstack = 0, visited = 0;
  ESC_PUSH(stack, nstack, capstack, o);
  esc_ptrmap seen;
  memset(&seen, 0, sizeof seen);
  esc_ptrmap_put(&seen, o, 0);
  while (nstack > 0) {
    LLVMValueRef p = stack[--nstack];
    int64_t off = 0;
    LLVMValueRef base = escb_strip_offset(p, &off);
    int known = base == o;
    for (LLVMUseRef use = LLVMGetFirstUse(p); use; use = LLVMGetNextUse(use)) {
      if (++visited > ESC_DEVIRT_USES) {
        free(stack);
        esc_ptrmap_free(&seen);
        return 0;
      }
      LLVMValueRef u = LLVMGetUser(use);
      int before = nstack;
      use_event(d, p, known, off, u, c, &stack, &nstack, &capstack);
      if (nstack > before) { /* a derived pointer: each once */
        if (esc_ptrmap_get(&seen, u) >= 0)
          nstack = before;
        else
          esc_ptrmap_put(&seen, u, 0);
      }
    }
  }
  free(stack);
  esc_ptrmap_free(&seen);
  return 1;
}

/* walk: the state after the instructions of block b from `from` up to
 * (not including) `stop` (NULL: to its end). */
static fval walk(devirt *d, LLVMBasicBlockRef b, fval s, LLVMValueRef stop) {
  for (LLVMValueRef i = LLVMGetFirstInstruction(b); i && i != stop;
       i = LLVMGetNextInstruction(i)) {
    d->work++;
    int e = esc_ptrmap_get(&d->evat, i);
    if (e >= 0)
      s = apply(s, d->ev[e], d->evval[e]);
  }
  return s;
}

/* field_value: the constant in the pointer-sized field at offset c of
 * fresh object o when instruction `at` runs, as every path leaves it;
 * NULL when that is not one constant. */
static LLVMValueRef field_value(devirt *d, LLVMValueRef o, int64_t c, LLVMValueRef at) {
  if (d->work > ESC_DEVIRT_WORK || !events(d, o, c))
    return NULL;
  unsigned nb = LLVMCountBasicBlocks(d->fn);
  LLVMBasicBlockRef *blocks = esc_alloc((size_t)nb * sizeof *blocks);
  LLVMGetBasicBlocks(d->fn, blocks);
  esc_ptrmap index;
  memset(&index, 0, sizeof index);
  for (unsigned k = 0; k < nb; k++)
    esc_ptrmap_put(&index, blocks[k], (int)k);
  fval *in = esc_alloc((size_t)nb * sizeof *in); /* all F_NONE */
  char *queued = esc_alloc(nb);
  /* visited: a block walked once.  F_NONE at a block's entry means "no
   * object there yet", so a block is walked the first time it is reached
   * whatever its state, and again when that state grows. */
  char *visited = esc_alloc(nb);
  int *work = esc_alloc((size_t)nb * sizeof *work);
  int nwork = 0;
  work[nwork++] = 0;
  queued[0] = 1;
  while (nwork > 0 && d->work <= ESC_DEVIRT_WORK) {
    int bi = work[--nwork];
    queued[bi] = 0;
    visited[bi] = 1;
    fval out = walk(d, blocks[bi], in[bi], NULL);
    LLVMValueRef term = LLVMGetBasicBlockTerminator(blocks[bi]);
    unsigned ns = term ? LLVMGetNumSuccessors(term) : 0;
    for (unsigned k = 0; k < ns; k++) {
      int si = esc_ptrmap_get(&index, LLVMGetSuccessor(term, k));
      if (si < 0)
        continue;
      fval j = join(in[si], out);
      if (visited[si] && j.s == in[si].s && j.val == in[si].val)
        continue;
      in[si] = j;
      if (!queued[si]) {
        queued[si] = 1;
        work[nwork++] = si;
      }
    }
  }
  LLVMValueRef result = NULL;
  if (d->work <= ESC_DEVIRT_WORK) {
    LLVMBasicBlockRef ab = LLVMGetInstructionParent(at);
    int ai = esc_ptrmap_get(&index, ab);
    fval s = ai >= 0 ? walk(d, ab, in[ai], at) : (fval){F_NONE, NULL};
    if (s.s == F_VAL)
      result = s.val;
  }
  free(blocks);
  free(in);
  free(queued);
  free(visited);
  free(work);
  esc_ptrmap_free(&index);
  return result;
}

/* fresh: v is an object of this function that nothing else knows of when
 * it is made: an alloca, or an allocation call (not through a hook, whose
 * allocator may be the program's own and keep the pointer). */
static int fresh(devirt *d, LLVMValueRef v) {
  if (!v || !LLVMIsAInstruction(v))
    return 0;
  if (LLVMIsAAllocaInst(v))
    return 1;
  esc_callinfo ci;
  return esc_is_call(v) && esc_is_alloc_site(d->ctx, v, &ci) && ci.kind == ESC_CALL_ALLOC &&
         !ci.hook;
}

/* vcall: the shape of a call through an object: its function pointer is
 * loaded from *(V + *k), V loaded from *(base + *c) (a table: *vload is
 * V's load), or loaded from *(base + *c) itself (a field that holds a
 * function: *k is -1, *vload the function pointer's load).  Returns base
 * (NULL when the callee is no such load). */
static LLVMValueRef vcall(LLVMValueRef call, int64_t *c, int64_t *k, LLVMValueRef *vload) {
  LLVMValueRef fp = LLVMGetCalledValue(call);
  if (!LLVMIsALoadInst(fp) || LLVMGetVolatile(fp) || !esc_is_pointer(fp))
    return NULL;
  int64_t off = 0;
  LLVMValueRef v = escb_strip_offset(LLVMGetOperand(fp, 0), &off);
  if (!v)
    return NULL;
  if (LLVMIsALoadInst(v) && !LLVMGetVolatile(v)) {
    *k = off;
    *vload = v;
    return escb_strip_offset(LLVMGetOperand(v, 0), c);
  }
  *k = -1;
  *c = off;
  *vload = fp;
  return v;
}

/* few_insts: fn has at most ESC_DEVIRT_INLINE_INSTS instructions (the
 * count stops there). */
static int few_insts(LLVMValueRef fn) {
  int n = 0;
  ESC_FOR_EACH_INST(fn, b, i) if (++n > ESC_DEVIRT_INLINE_INSTS) return 0;
  return 1;
}

/* small: a function worth inlining here (see the head of the file); a
 * resolved call keeps the callee's noinline (cold), a call that hands it
 * an object whose table it reads does not (cold_ok). */
static int small(devirt *d, LLVMValueRef call, LLVMValueRef g, int cold_ok) {
  return g && g != d->fn && d->insts <= ESC_DEVIRT_CALLER_INSTS && !LLVMIsDeclaration(g) &&
         few_insts(g) && escb_inline_compatible(d->ctx, call, cold_ok);
}

/* resolve: the function indirect call `call` calls, when the rule above
 * finds it; NULL otherwise. */
static LLVMValueRef resolve(devirt *d, LLVMValueRef call) {
  int64_t c = 0, k = 0;
  LLVMValueRef vload = NULL;
  LLVMValueRef o = vcall(call, &c, &k, &vload);
  if (!fresh(d, o))
    return NULL;
  LLVMValueRef table = field_value(d, o, c, vload);
  /* The load reads the whole constant stored: one type (an address space
   * of narrower pointers would read part of it). */
  if (!table || LLVMTypeOf(table) != LLVMTypeOf(vload))
    return NULL;
  LLVMValueRef fp = LLVMGetCalledValue(call);
  LLVMValueRef target = k < 0 ? (LLVMIsAFunction(table) ? table : NULL)
                              : escb_const_table_entry(table, k, LLVMTypeOf(fp));
  if (!target || LLVMGlobalGetValueType(target) != LLVMGetCalledFunctionType(call))
    return NULL;
  return target;
}

/* table_callee: g is defined, small, and calls through the table of one
 * of its parameters (kept per run in d->cache: 1 yes, 0 no; a function
 * changed since only loses a chance). */
static int table_callee(devirt *d, LLVMValueRef g) {
  int known = esc_ptrmap_get(d->cache, g);
  if (known >= 0)
    return known;
  int yes = 0;
  if (!LLVMIsDeclaration(g) && few_insts(g))
    ESC_FOR_EACH_INST(g, b, in) {
      if (yes || !esc_is_call(in) || LLVMIsAFunction(LLVMGetCalledValue(in)))
        continue;
      int64_t c = 0, k = 0;
      LLVMValueRef vload = NULL;
      LLVMValueRef base = vcall(in, &c, &k, &vload);
      yes = base && LLVMIsAArgument(base);
    }
  esc_ptrmap_put(d->cache, g, yes);
  return yes;
}

/* hands_table: direct call `call` of a small function g hands it a fresh
 * object whose table g calls through (a parameter's vcall in g), and that
 * object's field is one known constant at the call. */
static int hands_table(devirt *d, LLVMValueRef call, LLVMValueRef g) {
  if (!table_callee(d, g) || !small(d, call, g, 1))
    return 0;
  unsigned nargs = LLVMGetNumArgOperands(call);
  if (nargs != LLVMCountParams(g))
    return 0;
  ESC_FOR_EACH_INST(g, b, in) {
    if (!esc_is_call(in) || LLVMIsAFunction(LLVMGetCalledValue(in)))
      continue;
    int64_t cg = 0, k = 0;
    LLVMValueRef vload = NULL;
    LLVMValueRef base = vcall(in, &cg, &k, &vload);
    if (!base || !LLVMIsAArgument(base))
      continue;
    for (unsigned a = 0; a < nargs; a++) {
      if (LLVMGetParam(g, a) != base)
        continue;
      int64_t c0 = 0;
      LLVMValueRef o = escb_strip_offset(LLVMGetOperand(call, a), &c0);
      LLVMValueRef known = fresh(d, o) ? field_value(d, o, c0 + cg, call) : NULL;
      if (known && LLVMTypeOf(known) == LLVMTypeOf(vload))
        return 1;
    }
  }
  return 0;
}

/* remark: a passed remark Devirtualized at the call, naming its callee. */
static void remark(devirt *d, LLVMValueRef call, LLVMValueRef target, int inlined) {
  if (!escb_remarks_enabled(d->ctx, d->fn))
    return;
  char name[512];
  escb_display_name(target, name, sizeof name);
  const char *parts[6] = {NULL, "call through a table of functions resolved to ", "Callee", name,
                          NULL, inlined ? " (inlined)" : ""};
  escb_remark(d->ctx, ESCB_REMARK_PASSED, "Devirtualized", d->fn, call, 0, 0, parts, 3);
}

/* remark_handed: a passed remark InlinedForTable at a call inlined because
 * it hands the callee an object whose table is known here. */
static void remark_handed(devirt *d, LLVMValueRef call, LLVMValueRef g) {
  if (!escb_remarks_enabled(d->ctx, d->fn))
    return;
  char name[512];
  escb_display_name(g, name, sizeof name);
  const char *parts[4] = {"Callee", name, NULL,
                          " inlined: it calls through the table of an object made here, which "
                          "is known"};
  escb_remark(d->ctx, ESCB_REMARK_PASSED, "InlinedForTable", d->fn, call, 0, 0, parts, 2);
}

/* plain_call: a call or an invoke with no operand bundles (a kcfi or
 * ptrauth check belongs to the indirect call it guards) and not musttail
 * (which InlineFunction may not take). */
static int plain_call(LLVMValueRef call) {
  LLVMOpcode op = LLVMGetInstructionOpcode(call);
  int extra = op == LLVMCall ? 1 : op == LLVMInvoke ? 3 : -1;
  return extra > 0 && !escb_is_musttail(call) &&
         LLVMGetNumOperands(call) == (int)LLVMGetNumArgOperands(call) + extra;
}

/* step: one change to the function (a call resolved, a call inlined);
 * 0 when there is none left to make. */
static int step(devirt *d) {
  ESC_FOR_EACH_INST(d->fn, b, in) {
    if (!esc_is_call(in))
      continue;
    LLVMValueRef callee = LLVMGetCalledValue(in);
    if (LLVMIsAInlineAsm(callee) || !plain_call(in))
      continue;
    if (LLVMIsAFunction(callee)) {
      if (hands_table(d, in, callee)) {
        remark_handed(d, in, callee);
        if (escb_inline_call(in))
          return 1;
      }
      continue;
    }
    LLVMValueRef target = resolve(d, in);
    if (!target)
      continue;
    LLVMSetOperand(in, (unsigned)LLVMGetNumOperands(in) - 1, target);
    int inline_it = small(d, in, target, 0);
    remark(d, in, target, inline_it);
    if (inline_it)
      escb_inline_call(in);
    return 1;
  }
  return 0;
}

/* devirt_function: fn's calls resolved and inlined; the number of changes. */
static int devirt_function(escb_ctx *ctx, LLVMModuleRef M, LLVMValueRef fn,
                           esc_ptrmap *cache) {
  devirt d;
  memset(&d, 0, sizeof d);
  d.ctx = ctx;
  d.fn = fn;
  d.dl = LLVMGetModuleDataLayout(M);
  d.cache = cache;
  int has = 0, twice = 0;
  ESC_FOR_EACH_INST(fn, b, in) {
    if (!esc_is_call(in))
      continue;
    twice |= escb_call_returns_twice(in);
    LLVMValueRef callee = LLVMGetCalledValue(in);
    if (!LLVMIsAFunction(callee) && !LLVMIsAInlineAsm(callee))
      has = 1;
    else if (LLVMIsAFunction(callee) && table_callee(&d, callee))
      has = 1;
  }
  /* optnone: the function is to stay as written (-O0 in a link). */
  unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
  if (!has || twice || LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optnone))
    return 0;
  int changes = 0;
  ESC_FOR_EACH_INST(fn, b, i) d.insts++;
  while (changes < ESC_DEVIRT_CHANGES && step(&d)) {
    changes++;
    d.insts = 0;
    ESC_FOR_EACH_INST(fn, b, i) d.insts++;
    esc_calls_forget(ctx, fn); /* new calls, and a callee changed */
    escb_function_changed(ctx, fn);
  }
  esc_ptrmap_free(&d.evat);
  free(d.ev);
  free(d.evval);
  if (changes)
    escb_mark_rewritten(fn);
  return changes;
}

int esc_devirt_module(LLVMModuleRef M, escb_ctx *ctx) {
  int changes = 0;
  esc_ptrmap cache;
  memset(&cache, 0, sizeof cache);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) != LLVMAvailableExternallyLinkage)
      changes += devirt_function(ctx, M, fn, &cache);
  esc_ptrmap_free(&cache);
  return changes;
}

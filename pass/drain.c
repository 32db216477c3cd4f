/* drain.c — drained stacks: list nodes on a global stack head.
 *
 * An interpreter keeps its evaluation stack as a linked list whose head is
 * a global (bc's ex_stack): push allocates a node, links the old head
 * into it and stores it in the global; pop frees the head.  The graph
 * sees a node stored into a global, so it escapes.  Yet when the function
 * that pushes empties the stack before every return, no node it made can
 * be reached once it has returned, and its nodes may come from the side
 * stack (given back at its returns; a pop of the top node gives that
 * node's memory back at once).  This file proves that, for the whole
 * program, or finds nothing.
 *
 * The global G (internal, a pointer, only loaded and stored) is a stack
 * head.  A chain value is a pointer that may point to a node: a load of
 * G, a load of a link (an offset where chain values are stored into
 * nodes), a node's allocation, a phi or select of those and null, a
 * constant-offset GEP of one, and a callee's parameter given one.  Every
 * use of a chain value, in every function, must be one of:
 *   - a load through it (at a link offset its result is a chain value);
 *   - a store through it of a value that is not a chain value;
 *   - a store of it (at offset 0) into G, or into a link of a node
 *     allocated by the same function (that node is then a chain value and
 *     its uses are checked too): links are set only in nodes made by the
 *     running call, so no node older than a call points to a node it made;
 *   - a comparison; free() at offset 0 of a pure chain value (pure_walk:
 *     one that can be nothing but a node's start, never a parameter), with
 *     G and the links holding only pure values (check_memory), so that the
 *     free may tell the side stack the node's size;
 *   - an argument of a function of the module with the definition that
 *     runs (its parameter becomes a chain value).
 * Nothing else: not returned, not stored elsewhere, not cast to an
 * integer, not handed to the C library.  So the only memory that holds a
 * node is G and other nodes' links.
 *
 * Every function that holds chain values or touches G runs only within
 * main, in main's thread: it is main (the module being the whole program,
 * and nothing in it calling main), or internal with its address never
 * taken and every caller such a function, so no signal handler, thread,
 * constructor or library callback can reach it (drainflow.c).  The module calls no setjmp (nothing leaves a
 * frame but its return), and no stack switcher.
 *
 * A function D whose own allocations are nodes moves them when it is not
 * recursive, cannot unwind, makes no musttail call, frees nodes only in
 * itself (so each free asks the side stack, rewrite.c keep_free), and G is
 * null at each of its returns: a branch on G's value being null, with no
 * store of G and no call of a function that may store G (directly or
 * through its callees: calls through pointers and into the C library
 * cannot reach the functions that hold chain values) on the way to the
 * return.  After D returns, a node it made is reachable from nothing: not
 * from G, not from a node older than the call, not from a newer node
 * (reachable only from G in turn), not from a register of a frame that
 * ended, and the callers' registers hold only nodes older than the call. */
#include "drain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "drainflow.h"

#include <llvm-c/Target.h>

#define LINKS_MAX 8
#define FAIL(p, v) ((p)->bad ? (void)0 : (void)((p)->bad = 1, (p)->line = __LINE__, (p)->at = (v)))
#define VISITS_MAX 200000

/* One global's proof in progress. */
typedef struct proof {
  LLVMModuleRef M;
  escb_ctx *ctx;
  LLVMTargetDataRef td;
  LLVMValueRef g;
  int64_t links[LINKS_MAX]; /* offsets where chain values are stored in nodes */
  int nlinks;
  int grew;                 /* a link or a node was added: run again */
  esc_u64set seen;          /* (value, offset) visited */
  LLVMValueRef *work;       /* worklist of (value, offset) */
  int64_t *woff;
  int nwork, capwork, capwoff;
  esc_ptrmap nodes;         /* allocation calls that are nodes */
  LLVMValueRef *nodev;
  int nnodes, capnodes;
  esc_ptrmap holders;       /* functions holding chain values */
  esc_ptrmap at0;           /* chain values pointing to a node's start */
  esc_ptrmap cloads;        /* loads of G and of links */
  esc_ptrmap nonlink;       /* loads through chain values elsewhere too */
  LLVMValueRef *thru;       /* stores through chain values, of other values */
  int64_t *thruoff;         /* ...at these offsets into the node */
  int nthru, capthru;
  LLVMValueRef *frees;      /* free calls of own chain values */
  int nfrees, capfrees;
  long visits;
  int bad;
  int line;        /* where it failed (ESCAPE_DEBUG_DRAIN) */
  LLVMValueRef at; /* ...and at what */
} proof;

static int is_link(const proof *p, int64_t off) {
  for (int k = 0; k < p->nlinks; k++)
    if (p->links[k] == off)
      return 1;
  return 0;
}

static void add_link(proof *p, int64_t off) {
  if (is_link(p, off))
    return;
  if (p->nlinks == LINKS_MAX) {
    FAIL(p, NULL);
    return;
  }
  p->links[p->nlinks++] = off;
  p->grew = 1;
}

/* chain: v (at byte offset off into a node) is a chain value. */
static void chain(proof *p, LLVMValueRef v, int64_t off) {
  if (p->bad)
    return;
  if (off < 0 || off >= 65536 || !LLVMIsAInstruction(v) && !LLVMIsAArgument(v)) {
    FAIL(p, v);
    return;
  }
  if (!esc_u64set_add(&p->seen, ((uint64_t)(uintptr_t)v << 16) | (uint64_t)off))
    return;
  if (off == 0 && esc_ptrmap_get(&p->at0, v) < 0)
    esc_ptrmap_put(&p->at0, v, 1);
  if (++p->visits > VISITS_MAX) {
    FAIL(p, v);
    return;
  }
  LLVMBasicBlockRef bb = LLVMIsAArgument(v) ? NULL : LLVMGetInstructionParent(v);
  LLVMValueRef fn = bb ? LLVMGetBasicBlockParent(bb) : LLVMGetParamParent(v);
  if (esc_ptrmap_get(&p->holders, fn) < 0)
    esc_ptrmap_put(&p->holders, fn, 1);
  if (p->nwork == p->capwork)
    p->capwoff = p->capwork;
  ESC_PUSH(p->work, p->nwork, p->capwork, v);
  if (p->capwoff != p->capwork) {
    p->woff = esc_grow(p->woff, (size_t)p->capwork * sizeof *p->woff);
    p->capwoff = p->capwork;
  }
  p->woff[p->nwork - 1] = off;
}

/* node: the allocation call is a node (its uses are checked). */
static void node(proof *p, LLVMValueRef call) {
  if (esc_ptrmap_get(&p->nodes, call) < 0) {
    esc_ptrmap_put(&p->nodes, call, p->nnodes);
    ESC_PUSH(p->nodev, p->nnodes, p->capnodes, call);
    p->grew = 1;
  }
  chain(p, call, 0);
}

static uint64_t store_size(const proof *p, LLVMTypeRef t) {
  return LLVMStoreSizeOfType(p->td, t);
}

/* load_through: a load of type t at offset off of a node. */
static void load_through(proof *p, LLVMValueRef ld, int64_t off) {
  LLVMTypeRef t = LLVMTypeOf(ld);
  uint64_t n = store_size(p, t);
  for (int k = 0; k < p->nlinks; k++) {
    int64_t l = p->links[k];
    uint64_t ps = LLVMPointerSize(p->td);
    int overlaps = off < l + (int64_t)ps && l < off + (int64_t)n;
    if (!overlaps)
      continue;
    if (off != l || LLVMGetTypeKind(t) != LLVMPointerTypeKind) {
      FAIL(p, ld); /* a link read in part, or as an integer */
      return;
    }
    if (esc_ptrmap_get(&p->cloads, ld) < 0)
      esc_ptrmap_put(&p->cloads, ld, 1);
    chain(p, ld, 0);
    return;
  }
  /* (read at an offset that is no link: it need not read one elsewhere) */
  if (esc_ptrmap_get(&p->nonlink, ld) < 0)
    esc_ptrmap_put(&p->nonlink, ld, 1);
}

/* pure: v can only be a node's start, or null: a load of G, a node's
 * allocation, a load of a link through a pure value (at a link offset
 * whatever it points to), or a phi, select or GEP of pure values and null.
 * Not a parameter (other callers may give it anything), nor a value a phi
 * or select mixed with other memory (chain() follows their uses all the
 * same).  With G and the links holding only pure values (check_memory), a
 * free of a pure value frees a node, and may tell the side stack its size.
 * (A walk, not a fixed point: a cycle of phis is pure when what enters it
 * is.) */
static int pure_walk(proof *p, LLVMValueRef v, esc_ptrmap *seen);

/* pure_addr: a load's address, a pure value or a constant-offset GEP of
 * one (the load itself must be a link's, cloads). */
static int pure_addr(proof *p, LLVMValueRef a, esc_ptrmap *seen) {
  int64_t d;
  LLVMValueRef base = escb_strip_offset(a, &d);
  if (!base)
    return 0;
  while (a != base && LLVMIsAGetElementPtrInst(a))
    a = LLVMGetOperand(a, 0);
  return a == base && pure_walk(p, base, seen);
}

static int pure_walk(proof *p, LLVMValueRef v, esc_ptrmap *seen) {
  if (esc_is_null(v))
    return 1;
  if (esc_ptrmap_get(seen, v) >= 0)
    return 1;
  esc_ptrmap_put(seen, v, 1);
  if (LLVMIsAPHINode(v)) {
    for (unsigned k = 0, n = LLVMCountIncoming(v); k < n; k++)
      if (!pure_walk(p, LLVMGetIncomingValue(v, k), seen))
        return 0;
    return 1;
  }
  if (LLVMIsASelectInst(v))
    return pure_walk(p, LLVMGetOperand(v, 1), seen) && pure_walk(p, LLVMGetOperand(v, 2), seen);
  if (LLVMIsAGetElementPtrInst(v)) {
    int64_t d;
    LLVMValueRef base = escb_strip_offset(v, &d);
    return base && base != v && d == 0 && pure_walk(p, LLVMGetOperand(v, 0), seen);
  }
  if (LLVMIsALoadInst(v)) {
    LLVMValueRef a = LLVMGetOperand(v, 0);
    if (a == p->g)
      return 1;
    return esc_ptrmap_get(&p->cloads, v) >= 0 && esc_ptrmap_get(&p->nonlink, v) < 0 &&
           pure_addr(p, a, seen);
  }
  return LLVMIsACallInst(v) && esc_ptrmap_get(&p->nodes, v) >= 0;
}

static int pure(proof *p, LLVMValueRef v) {
  esc_ptrmap seen = {0};
  int ok = pure_walk(p, v, &seen);
  esc_ptrmap_free(&seen);
  return ok;
}

/* fresh_node: the store's address is a constant offset into an object the
 * same function allocates (malloc or calloc, direct): the call, else NULL. */
static LLVMValueRef fresh_node(proof *p, LLVMValueRef addr, int64_t *off) {
  LLVMValueRef base = escb_strip_offset(addr, off);
  if (!base || !LLVMIsACallInst(base))
    return NULL;
  esc_callinfo ci;
  if (!esc_is_alloc_site(p->ctx, base, &ci) || ci.hook ||
      (ci.fn != ESC_FN_MALLOC && ci.fn != ESC_FN_CALLOC))
    return NULL;
  return base;
}

static int param_attr(LLVMValueRef fn, unsigned k, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  return kind && LLVMGetEnumAttributeAtIndex(fn, k + 1, kind) != NULL;
}

/* use_call: chain value v (offset off) is operand k of call u. */
static void use_call(proof *p, LLVMValueRef u, LLVMValueRef v, int64_t off, unsigned k) {
  unsigned na = LLVMGetNumArgOperands(u);
  LLVMValueRef callee = LLVMGetCalledValue(u);
  if (k >= na || !LLVMIsAFunction(callee) || LLVMGetInstructionOpcode(u) != LLVMCall ||
      escb_is_musttail(u)) {
    FAIL(p, u); /* the callee itself, a bundle, an invoke, a call through a pointer */
    return;
  }
  esc_intrinsic_kind ik = esc_intrinsic_kind_of(callee);
  if (ik == ESC_INTR_MARKER)
    return;
  esc_callinfo ci;
  esc_call_classify(p->ctx, u, &ci);
  if (ci.kind == ESC_CALL_FREE && !ci.hook && (unsigned)ci.arg == k && na == 1 &&
      LLVMGetTypeKind(LLVMTypeOf(u)) == LLVMVoidTypeKind) {
    if (off != 0) {
      FAIL(p, u);
      return;
    }
    ESC_PUSH(p->frees, p->nfrees, p->capfrees, u);
    return;
  }
  if (LLVMIsDeclaration(callee) || !escb_has_exact_definition(callee) ||
      LLVMIsFunctionVarArg(LLVMGlobalGetValueType(callee)) || k >= LLVMCountParams(callee) ||
      param_attr(callee, k, "byval") || param_attr(callee, k, "inalloca") ||
      param_attr(callee, k, "preallocated") || param_attr(callee, k, "byref")) {
    FAIL(p, u);
    return;
  }
  chain(p, LLVMGetParam(callee, k), off);
}

/* use_store: chain value v (offset off) is an operand of store u. */
static void use_store(proof *p, LLVMValueRef u, LLVMValueRef v, int64_t off) {
  if (LLVMGetVolatile(u) || LLVMGetOrdering(u) > LLVMAtomicOrderingUnordered) {
    FAIL(p, u);
    return;
  }
  LLVMValueRef val = LLVMGetOperand(u, 0), addr = LLVMGetOperand(u, 1);
  if (val != v) { /* a store through it: what it may put into a link, check_memory */
    if (p->nthru == p->capthru)
      p->thruoff = esc_grow(p->thruoff, (size_t)(p->capthru ? 2 * p->capthru : 8) * sizeof *p->thruoff);
    ESC_PUSH(p->thru, p->nthru, p->capthru, u);
    p->thruoff[p->nthru - 1] = off;
    return;
  }
  if (addr == v || off != 0) {
    FAIL(p, u);
    return;
  }
  if (addr == p->g)
    return;
  int64_t at;
  LLVMValueRef fresh = fresh_node(p, addr, &at);
  if (!fresh || LLVMGetBasicBlockParent(LLVMGetInstructionParent(fresh)) !=
                    LLVMGetBasicBlockParent(LLVMGetInstructionParent(u))) {
    FAIL(p, u);
    return;
  }
  add_link(p, at);
  node(p, fresh);
}

/* use: check one use u of chain value v (offset off). */
static void use(proof *p, LLVMValueRef u, LLVMValueRef v, int64_t off) {
  if (!LLVMIsAInstruction(u)) {
    FAIL(p, u);
    return;
  }
  switch (LLVMGetInstructionOpcode(u)) {
  case LLVMLoad:
    if (LLVMGetVolatile(u) || LLVMGetOrdering(u) > LLVMAtomicOrderingUnordered)
      FAIL(p, u);
    else
      load_through(p, u, off);
    return;
  case LLVMStore: use_store(p, u, v, off); return;
  case LLVMICmp: return;
  case LLVMPHI:
    for (unsigned k = 0, n = LLVMCountIncoming(u); k < n; k++) {
      LLVMValueRef in = LLVMGetIncomingValue(u, k);
      if (in != v && !esc_is_null(in) && !LLVMIsAUndefValue(in) && !LLVMIsAPoisonValue(in))
        chain(p, in, off); /* (its uses are checked too; it is no pure value) */
    }
    chain(p, u, off);
    return;
  case LLVMSelect:
    if (LLVMGetOperand(u, 0) == v) {
      FAIL(p, u);
      return;
    }
    for (unsigned k = 1; k < 3; k++) {
      LLVMValueRef in = LLVMGetOperand(u, k);
      if (in != v && !esc_is_null(in))
        chain(p, in, off);
    }
    chain(p, u, off);
    return;
  case LLVMGetElementPtr: {
    /* a constant offset from v: both strip to one base */
    int64_t d, dv;
    LLVMValueRef bu = escb_strip_offset(u, &d), bv = escb_strip_offset(v, &dv);
    if (LLVMGetOperand(u, 0) != v || !bu || bu != bv) {
      FAIL(p, u);
      return;
    }
    chain(p, u, off + (d - dv));
    return;
  }
  case LLVMCall: {
    unsigned na = LLVMGetNumArgOperands(u), nops = (unsigned)LLVMGetNumOperands(u);
    for (unsigned k = 0; k < na; k++)
      if (LLVMGetOperand(u, k) == v)
        use_call(p, u, v, off, k);
    for (unsigned k = na; k < nops; k++) /* a bundle's operand, the callee */
      if (LLVMGetOperand(u, k) == v && !(esc_intrinsic_kind_of(LLVMGetCalledValue(u)) ==
                                             ESC_INTR_MARKER && k + 1 < nops))
        FAIL(p, u);
    return;
  }
  default: FAIL(p, u); return;
  }
}

static void seed(proof *p) {
  for (LLVMUseRef u = LLVMGetFirstUse(p->g); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user) && LLVMGetOperand(user, 0) == p->g) {
      esc_ptrmap_put(&p->cloads, user, 1);
      chain(p, user, 0);
    }
  }
  for (int k = 0; k < p->nnodes; k++)
    chain(p, p->nodev[k], 0);
}

static void run(proof *p) {
  while (p->nwork && !p->bad) {
    LLVMValueRef v = p->work[--p->nwork];
    int64_t off = p->woff[p->nwork];
    if (!esc_is_pointer(v)) {
      FAIL(p, v);
      return;
    }
    for (LLVMUseRef u = LLVMGetFirstUse(v); u && !p->bad; u = LLVMGetNextUse(u))
      use(p, LLVMGetUser(u), v, off);
  }
}

/* ---- the driver ---- */

/* pushed: st, a use of G, stores a fresh allocation itself into G (a
 * push): the allocation call, else NULL. */
static LLVMValueRef pushed(proof *p, LLVMValueRef st) {
  int64_t off;
  if (!LLVMIsAStoreInst(st) || LLVMGetOperand(st, 1) != p->g)
    return NULL;
  LLVMValueRef v = LLVMGetOperand(st, 0);
  return fresh_node(p, v, &off) == v && off == 0 ? v : NULL;
}

/* head: G may be a stack head: internal, null at first, only loaded and
 * stored as a pointer (nothing else has its address), and some store puts
 * a fresh allocation in it. */
static int head(proof *p, LLVMValueRef g) {
  LLVMLinkage l = LLVMGetLinkage(g);
  if ((l != LLVMInternalLinkage && l != LLVMPrivateLinkage) || LLVMIsThreadLocal(g) ||
      LLVMIsExternallyInitialized(g) || LLVMIsGlobalConstant(g) ||
      LLVMGetTypeKind(LLVMGlobalGetValueType(g)) != LLVMPointerTypeKind ||
      !LLVMGetInitializer(g) || !esc_is_null(LLVMGetInitializer(g)))
    return 0;
  int fresh = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(g); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user)) {
      if (LLVMGetTypeKind(LLVMTypeOf(user)) != LLVMPointerTypeKind || LLVMGetVolatile(user) ||
          LLVMGetOrdering(user) > LLVMAtomicOrderingUnordered)
        return 0;
      continue;
    }
    if (!LLVMIsAStoreInst(user) || LLVMGetOperand(user, 1) != g ||
        LLVMGetOperand(user, 0) == g || LLVMGetVolatile(user) ||
        LLVMGetOrdering(user) > LLVMAtomicOrderingUnordered ||
        LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(user, 0))) != LLVMPointerTypeKind)
      return 0;
    fresh |= pushed(p, user) != NULL;
  }
  return fresh;
}

static void proof_reset(proof *p) {
  esc_u64set_free(&p->seen);
  memset(&p->seen, 0, sizeof p->seen);
  p->nwork = 0;
  p->nfrees = 0;
  p->visits = 0;
  p->nthru = 0;
  esc_ptrmap_free(&p->holders);
  esc_ptrmap_free(&p->at0);
  esc_ptrmap_free(&p->cloads);
  esc_ptrmap_free(&p->nonlink);
  memset(&p->nonlink, 0, sizeof p->nonlink);
  memset(&p->holders, 0, sizeof p->holders);
  memset(&p->at0, 0, sizeof p->at0);
  memset(&p->cloads, 0, sizeof p->cloads);
}

static void proof_free(proof *p) {
  proof_reset(p);
  free(p->work);
  free(p->woff);
  free(p->nodev);
  free(p->frees);
  free(p->thru);
  free(p->thruoff);
  esc_ptrmap_free(&p->nodes);
}

/* chain_or_null: v is null or a pure chain value at a node's start. */
static int chain_or_null(proof *p, LLVMValueRef v) {
  return esc_is_null(v) || (esc_ptrmap_get(&p->at0, v) >= 0 && pure(p, v));
}

/* check_memory: G and the links hold only chain values and null, so that
 * a value loaded from them is a node (a free of one may pass its size):
 * every store into G, and every store through a chain value that meets a
 * link, stores a node's start or null, as a pointer, into the whole link,
 * each a pure value; and every free of a chain value is given a pure one. */
static void check_memory(proof *p) {
  for (int k = 0; k < p->nfrees && !p->bad; k++)
    if (!pure(p, LLVMGetOperand(p->frees[k], 0)))
      FAIL(p, p->frees[k]);
  for (LLVMUseRef u = LLVMGetFirstUse(p->g); u && !p->bad; u = LLVMGetNextUse(u)) {
    LLVMValueRef st = LLVMGetUser(u);
    if (LLVMIsAStoreInst(st) && !chain_or_null(p, LLVMGetOperand(st, 0)))
      FAIL(p, st);
  }
  int64_t ps = (int64_t)LLVMPointerSize(p->td);
  for (int k = 0; k < p->nthru && !p->bad; k++) {
    LLVMValueRef st = p->thru[k], val = LLVMGetOperand(st, 0);
    int64_t off = p->thruoff[k], n = (int64_t)store_size(p, LLVMTypeOf(val));
    for (int j = 0; j < p->nlinks; j++) {
      int64_t l = p->links[j];
      if (off >= l + ps || l >= off + n)
        continue;
      if (off != l || LLVMGetTypeKind(LLVMTypeOf(val)) != LLVMPointerTypeKind ||
          !chain_or_null(p, val))
        FAIL(p, st);
    }
  }
}

/* prove: the chain values' uses, to a fixed point of links and nodes. */
static void prove(proof *p) {
  for (LLVMUseRef u = LLVMGetFirstUse(p->g); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef call = pushed(p, LLVMGetUser(u));
    if (call)
      node(p, call);
  }
  for (int round = 0; round < 16 && !p->bad; round++) {
    proof_reset(p);
    p->grew = 0;
    seed(p);
    run(p);
    if (!p->grew) {
      if (!p->bad)
        check_memory(p);
      return;
    }
  }
  FAIL(p, NULL);
}

/* reaches_self: fn calls itself, directly or through functions of the
 * module called directly (the only way back into a function whose address
 * is not taken). */
static int reaches_self(LLVMValueRef fn) {
  esc_ptrmap seen = {0};
  LLVMValueRef *stack = NULL;
  int n = 0, cap = 0, found = 0;
  ESC_PUSH(stack, n, cap, fn);
  while (n && !found) {
    LLVMValueRef f = stack[--n];
    ESC_FOR_EACH_INST(f, b, i) {
      if (!esc_is_call(i))
        continue;
      LLVMValueRef c = LLVMGetCalledValue(i);
      if (!LLVMIsAFunction(c) || LLVMIsDeclaration(c))
        continue;
      if (c == fn) {
        found = 1;
        break;
      }
      if (esc_ptrmap_get(&seen, c) < 0) {
        esc_ptrmap_put(&seen, c, 1);
        ESC_PUSH(stack, n, cap, c);
      }
    }
  }
  free(stack);
  esc_ptrmap_free(&seen);
  return found;
}

/* drainer: fn may move its nodes of G: see the file's comment. */
static int drainer(LLVMValueRef g, LLVMValueRef fn, const esc_ptrmap *index, const char *w) {
  if (!esc_fn_has_attr(fn, "nounwind") || reaches_self(fn))
    return 0;
  ESC_FOR_EACH_INST(fn, b, i)
    if (LLVMGetInstructionOpcode(i) == LLVMInvoke || LLVMGetInstructionOpcode(i) == LLVMCallBr ||
        (esc_is_call(i) && escb_is_musttail(i)))
      return 0;
  return esc_head_null_at_returns(g, fn, index, w);
}

static LLVMValueRef fn_of(LLVMValueRef inst) {
  return LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
}

/* one: the proof for global g; its sites and frees into d. */
static void one(esc_drain *d, proof *p, const esc_ptrmap *index, const signed char *mo,
                uint64_t max_object) {
  prove(p);
  if (getenv("ESCAPE_DEBUG_DRAIN")) {
    char *g = LLVMPrintValueToString(p->g), *at = p->at ? LLVMPrintValueToString(p->at) : NULL;
    fprintf(stderr, "escape: drain %.60s: %s (line %d) %s\n", g, p->bad ? "fails" : "holds",
            p->line, at ? at : "");
    LLVMDisposeMessage(g);
    if (at)
      LLVMDisposeMessage(at);
  }
  if (p->bad)
    return;
  for (size_t k = 0; k < p->holders.cap; k++) {
    if (!p->holders.keys || !p->holders.keys[k])
      continue;
    int j = esc_ptrmap_get(index, p->holders.keys[k]);
    if (j < 0 || !mo[j])
      return; /* a function holding nodes may run on another thread */
  }
  for (LLVMUseRef u = LLVMGetFirstUse(p->g); u; u = LLVMGetNextUse(u)) {
    int j = esc_ptrmap_get(index, fn_of(LLVMGetUser(u)));
    if (j < 0 || !mo[j])
      return; /* ...or one storing G (a constructor, before main) */
  }
  char *w = esc_head_writers(p->g, index, (int)index->len, p->M);
  esc_ptrmap ok = {0}; /* drainer functions: 1 yes, 0 no */
  int idx = d->n, any = 0, nmoved = 0, sizes = 0;
  uint64_t size = 0;
  LLVMValueRef *moved = esc_alloc(((size_t)p->nnodes + 1) * sizeof *moved);
  for (int k = 0; k < p->nnodes; k++) {
    LLVMValueRef call = p->nodev[k], fn = fn_of(call);
    esc_callinfo ci;
    esc_call_classify(p->ctx, call, &ci);
    if (!ci.size_known || ci.size == 0 || ci.size > max_object || ci.hook)
      continue;
    int yes = esc_ptrmap_get(&ok, fn);
    if (yes < 0) {
      yes = drainer(p->g, fn, index, w);
      esc_ptrmap_put(&ok, fn, yes);
    }
    if (getenv("ESCAPE_DEBUG_DRAIN")) {
      size_t nl = 0;
      fprintf(stderr, "escape: drain: a node in %s: %s\n", LLVMGetValueName2(fn, &nl),
              yes ? "drained there" : "not drained there");
    }
    if (!yes)
      continue;
    if (!sizes++)
      size = ci.size;
    else if (size != ci.size)
      size = 0;
    if (nmoved && fn_of(moved[0]) != fn)
      any = -1; /* one function drains each stack (its frees ask) */
    moved[nmoved++] = call;
    any = any ? any : 1;
  }
  if (any < 0)
    any = 0;
  /* every free of a node is in a function that moves nodes (it asks the
   * side stack there); else nothing moves */
  for (int k = 0; k < p->nfrees && any; k++)
    if (fn_of(p->frees[k]) != fn_of(moved[0]))
      any = 0;
  if (any) {
    for (int k = 0; k < p->nfrees; k++)
      esc_ptrmap_put(&d->free, p->frees[k], idx);
    for (int k = 0; k < nmoved; k++)
      esc_ptrmap_put(&d->site, moved[k], idx);
    esc_drained e = {p->g, size, 0};
    ESC_PUSH(d->v, d->n, d->cap, e);
  }
  free(moved);
  esc_ptrmap_free(&ok);
  free(w);
}

void esc_drain_find(esc_drain *d, LLVMModuleRef M, escb_ctx *ctx, const char *switcher,
                    uint64_t max_object, int whole) {
  memset(d, 0, sizeof *d);
  if (switcher || esc_returns_twice_anywhere(M))
    return;
  esc_ptrmap index = {0};
  signed char *mo = NULL;
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
    proof p;
    memset(&p, 0, sizeof p);
    p.M = M;
    p.ctx = ctx;
    p.td = LLVMGetModuleDataLayout(M);
    p.g = g;
    if (!head(&p, g))
      continue;
    if (!mo)
      mo = esc_main_only(M, whole, &index);
    one(d, &p, &index, mo, max_object);
    proof_free(&p);
  }
  free(mo);
  esc_ptrmap_free(&index);
}

void esc_drain_free(esc_drain *d) {
  free(d->v);
  esc_ptrmap_free(&d->site);
  esc_ptrmap_free(&d->free);
  memset(d, 0, sizeof *d);
}

esc_drained *esc_drain_site(const esc_drain *d, LLVMValueRef call) {
  int k = d ? esc_ptrmap_get(&d->site, call) : -1;
  return k >= 0 ? &d->v[k] : NULL;
}

esc_drained *esc_drain_freed(const esc_drain *d, LLVMValueRef call) {
  int k = d ? esc_ptrmap_get(&d->free, call) : -1;
  return k >= 0 ? &d->v[k] : NULL;
}

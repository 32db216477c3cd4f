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
 *   - a comparison; free() of an own chain value at offset 0 (a load or an
 *     allocation, not a parameter);
 *   - an argument of a function of the module with the definition that
 *     runs (its parameter becomes a chain value).
 * Nothing else: not returned, not stored elsewhere, not cast to an
 * integer, not handed to the C library.  So the only memory that holds a
 * node is G and other nodes' links.
 *
 * Every function that holds chain values runs on the main thread only:
 * it is main, or internal with its address never taken and every caller
 * such a function (no signal handler, thread, or library callback can
 * reach it).  The module calls no setjmp (nothing leaves a frame but its
 * return), and no stack switcher.
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

#include <llvm-c/Target.h>

#define LINKS_MAX 8
#define FAIL(p, v) ((p)->bad ? (void)0 : (void)((p)->bad = 1, (p)->line = __LINE__, (p)->at = (v)))
#define VISITS_MAX 200000
#define ROUNDS_MAX 64 /* rounds of a dataflow over a function's blocks */

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
    chain(p, ld, 0);
  }
}

/* own: v is a chain value of this function's own (a load or a node, or
 * a phi, select or GEP of such values and null), not a parameter's: a free
 * may be given it. */
static int own_walk(LLVMValueRef v, esc_ptrmap *seen) {
  if (esc_is_null(v) || LLVMIsAUndefValue(v))
    return 1;
  if (esc_ptrmap_get(seen, v) >= 0)
    return 1;
  esc_ptrmap_put(seen, v, 1);
  if (LLVMIsAPHINode(v)) {
    for (unsigned k = 0, n = LLVMCountIncoming(v); k < n; k++)
      if (!own_walk(LLVMGetIncomingValue(v, k), seen))
        return 0;
    return 1;
  }
  if (LLVMIsASelectInst(v))
    return own_walk(LLVMGetOperand(v, 1), seen) && own_walk(LLVMGetOperand(v, 2), seen);
  if (LLVMIsAGetElementPtrInst(v))
    return own_walk(LLVMGetOperand(v, 0), seen);
  return LLVMIsALoadInst(v) || LLVMIsACallInst(v);
}

static int own(LLVMValueRef v) {
  esc_ptrmap seen = {0};
  int ok = own_walk(v, &seen);
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
    if (off != 0 || !own(v)) {
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
  if (val != v)
    return; /* a store through it: the value stored is checked where it is one */
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
        chain(p, in, off); /* (an operand that is no chain value fails there) */
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
    if (LLVMIsALoadInst(user) && LLVMGetOperand(user, 0) == p->g)
      chain(p, user, 0);
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

/* ---- who runs where ---- */

static int is_main(LLVMValueRef fn) {
  size_t n = 0;
  const char *name = LLVMGetValueName2(fn, &n);
  return n == 4 && memcmp(name, "main", 4) == 0 && !LLVMIsDeclaration(fn);
}

static int local(LLVMValueRef fn) {
  LLVMLinkage l = LLVMGetLinkage(fn);
  return l == LLVMInternalLinkage || l == LLVMPrivateLinkage;
}

/* callers_only: every use of fn is the callee of a direct call (no
 * address taken, not handed to a call, not in a table); the callers'
 * functions go to *out. */
static int callers_only(LLVMValueRef fn, LLVMValueRef **out, int *n, int *cap) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user) || !esc_is_call(user) || LLVMGetCalledValue(user) != fn)
      return 0;
    for (unsigned k = 0, na = LLVMGetNumArgOperands(user); k < na; k++)
      if (LLVMGetOperand(user, k) == fn)
        return 0;
    ESC_PUSH(*out, *n, *cap, LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)));
  }
  return 1;
}

/* main_only: per defined function, 1 when it runs only on the thread that
 * runs main, called from main through direct calls of internal functions
 * (the greatest fixed point: a cycle no one calls is dead code). */
static signed char *main_only(LLVMModuleRef M, esc_ptrmap *index, int *nfns) {
  int n = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn))
      esc_ptrmap_put(index, fn, n++);
  *nfns = n;
  signed char *ok = esc_alloc((size_t)n + 1);
  LLVMValueRef **callers = esc_alloc(((size_t)n + 1) * sizeof *callers);
  int *ncallers = esc_alloc(((size_t)n + 1) * sizeof(int));
  int i = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    int cap = 0;
    if (is_main(fn))
      ok[i] = !LLVMGetFirstUse(fn); /* run once, by the C library */
    else
      ok[i] = local(fn) && callers_only(fn, &callers[i], &ncallers[i], &cap) && ncallers[i] > 0;
    i++;
  }
  for (int changed = 1; changed;) {
    changed = 0;
    for (int k = 0; k < n; k++) {
      if (!ok[k] || !callers[k])
        continue;
      for (int c = 0; c < ncallers[k]; c++) {
        int j = esc_ptrmap_get(index, callers[k][c]);
        if (j < 0 || !ok[j]) {
          ok[k] = 0;
          changed = 1;
          break;
        }
      }
    }
  }
  for (int k = 0; k < n; k++)
    free(callers[k]);
  free(callers);
  free(ncallers);
  return ok;
}

/* returns_twice_anywhere: some call in the module may return twice. */
static int returns_twice_anywhere(LLVMModuleRef M) {
  unsigned kind = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (esc_fn_has_attr(fn, "returns_twice") && LLVMGetFirstUse(fn))
      return 1;
    if (LLVMIsDeclaration(fn))
      continue;
    ESC_FOR_EACH_INST(fn, b, i)
      if (LLVMIsACallInst(i) &&
          LLVMGetCallSiteEnumAttribute(i, LLVMAttributeFunctionIndex, kind))
        return 1;
  }
  return 0;
}

/* ---- G at returns ---- */

/* writers: per defined function, 1 when it may store G: it does, or a
 * function it calls directly may (calls through pointers and into other
 * code reach only functions whose address is taken, none of which holds
 * G: every function that touches G runs only from main, main_only). */
static char *writers(LLVMValueRef g, const esc_ptrmap *index, int n, LLVMModuleRef M) {
  char *w = esc_alloc((size_t)n + 1);
  int *stack = esc_alloc(((size_t)n + 1) * sizeof(int)), sp = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(g); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsAStoreInst(user)) {
      int j = esc_ptrmap_get(index, LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)));
      if (j >= 0 && !w[j]) {
        w[j] = 1;
        stack[sp++] = j;
      }
    }
  }
  if (!sp) {
    free(stack);
    return w;
  }
  /* callers of each function, by its direct calls (walked back from the
   * functions that store G) */
  LLVMValueRef *fns = esc_alloc(((size_t)n + 1) * sizeof *fns);
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    int j = esc_ptrmap_get(index, fn);
    if (j >= 0)
      fns[j] = fn;
  }
  while (sp) {
    LLVMValueRef callee = fns[stack[--sp]];
    for (LLVMUseRef u = LLVMGetFirstUse(callee); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (!LLVMIsAInstruction(user) || !esc_is_call(user) || LLVMGetCalledValue(user) != callee)
        continue;
      int j = esc_ptrmap_get(index, LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)));
      if (j >= 0 && !w[j]) {
        w[j] = 1;
        stack[sp++] = j;
      }
    }
  }
  free(fns);
  free(stack);
  return w;
}

/* kills: instruction i may change G (a store of G, a call of a writer). */
static int kills(LLVMValueRef g, LLVMValueRef i, const esc_ptrmap *index, const char *w) {
  if (LLVMIsAStoreInst(i))
    return LLVMGetOperand(i, 1) == g;
  if (esc_is_call(i)) {
    int j = esc_ptrmap_get(index, LLVMGetCalledValue(i));
    return j >= 0 && w[j];
  }
  return 0;
}

/* The value of G: per block, the SSA value known to equal G's contents
 * at its end (a load of G, a value stored into it, a phi of those), NULL
 * when none is known; TOP before a block is reached. */
#define TOP ((LLVMValueRef)(uintptr_t)1)

static LLVMValueRef through(LLVMValueRef g, LLVMBasicBlockRef b, LLVMValueRef v,
                            const esc_ptrmap *index, const char *w) {
  for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i)) {
    if (LLVMIsALoadInst(i) && LLVMGetOperand(i, 0) == g)
      v = i;
    else if (LLVMIsAStoreInst(i) && LLVMGetOperand(i, 1) == g)
      v = LLVMGetOperand(i, 0);
    else if (kills(g, i, index, w))
      v = NULL;
  }
  return v;
}

/* null_edge: block b ends in a branch on a value equal to G at its end
 * compared with null; the successor taken when G is null, else NULL. */
static LLVMBasicBlockRef null_edge(LLVMBasicBlockRef b, LLVMValueRef eq) {
  LLVMValueRef t = LLVMGetBasicBlockTerminator(b);
  if (!eq || eq == TOP || !t || LLVMGetInstructionOpcode(t) != LLVMBr || !LLVMIsConditional(t))
    return NULL;
  LLVMValueRef c = LLVMGetCondition(t);
  if (!LLVMIsAICmpInst(c))
    return NULL;
  LLVMIntPredicate pr = LLVMGetICmpPredicate(c);
  if (pr != LLVMIntEQ && pr != LLVMIntNE)
    return NULL;
  LLVMValueRef a = LLVMGetOperand(c, 0), z = LLVMGetOperand(c, 1);
  if (esc_is_null(a)) {
    LLVMValueRef s = a;
    a = z;
    z = s;
  }
  if (!esc_is_null(z) || a != eq)
    return NULL;
  LLVMBasicBlockRef yes = LLVMValueAsBasicBlock(LLVMGetOperand(t, 2));
  LLVMBasicBlockRef no = LLVMValueAsBasicBlock(LLVMGetOperand(t, 1));
  if (yes == no)
    return NULL;
  return pr == LLVMIntEQ ? yes : no;
}

/* null_at_returns: G is null at every return of fn.  Two forward
 * dataflows over its blocks: which value equals G (meet: the one value all
 * predecessors agree on, or a phi of theirs), then whether G is null (a
 * must-analysis: the meet over predecessors of "null on that edge"). */
static int null_at_returns(LLVMValueRef g, LLVMValueRef fn, const esc_ptrmap *index,
                           const char *w) {
  int n = (int)LLVMCountBasicBlocks(fn);
  LLVMBasicBlockRef *bs = esc_alloc((size_t)(n + 1) * sizeof *bs);
  LLVMGetBasicBlocks(fn, bs);
  esc_ptrmap bi = {0};
  for (int k = 0; k < n; k++)
    esc_ptrmap_put(&bi, bs[k], k);
  int **pred = esc_alloc((size_t)(n + 1) * sizeof *pred);
  int *npred = esc_alloc((size_t)(n + 1) * sizeof(int)), *cappred = esc_alloc((size_t)(n + 1) * sizeof(int));
  for (int q = 0; q < n; q++) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bs[q]);
    unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
    for (unsigned j = 0; j < ns; j++) {
      int k = esc_ptrmap_get(&bi, LLVMGetSuccessor(t, j));
      if (k >= 0) /* (a block reached twice from q: both edges are q's out) */
        ESC_PUSH(pred[k], npred[k], cappred[k], q);
    }
  }
  /* 1. the value equal to G at each block's end */
  LLVMValueRef *eq = esc_alloc((size_t)(n + 1) * sizeof *eq);
  for (int k = 0; k < n; k++)
    eq[k] = TOP;
  int settled = 0;
  for (int rounds = 0; !settled && rounds < ROUNDS_MAX; rounds++) {
    int changed = 0;
    for (int k = 0; k < n; k++) {
      LLVMValueRef v = k == 0 ? NULL : TOP;
      for (int e = 0; e < npred[k]; e++) {
        LLVMValueRef o = eq[pred[k][e]];
        if (o == TOP)
          continue;
        v = v == TOP ? o : v == o ? v : NULL;
      }
      if (k != 0 && v == NULL) { /* a phi of what each predecessor has */
        for (LLVMValueRef phi = LLVMGetFirstInstruction(bs[k]); phi && LLVMIsAPHINode(phi);
             phi = LLVMGetNextInstruction(phi)) {
          int all = 1;
          for (unsigned j = 0, ni = LLVMCountIncoming(phi); j < ni && all; j++) {
            int q = esc_ptrmap_get(&bi, LLVMGetIncomingBlock(phi, j));
            LLVMValueRef in = LLVMGetIncomingValue(phi, j);
            /* (null from a predecessor whose branch found G null: what
             * LLVM puts in the phi for the value it tested) */
            all = q >= 0 && (eq[q] == TOP || eq[q] == in ||
                             (esc_is_null(in) && null_edge(bs[q], eq[q]) == bs[k]));
          }
          if (all && LLVMCountIncoming(phi) > 0) {
            v = phi;
            break;
          }
        }
      }
      v = v == TOP ? TOP : through(g, bs[k], v, index, w);
      if (v != eq[k]) {
        eq[k] = v;
        changed = 1;
      }
    }
    settled = !changed;
  }
  /* 2. G null at each block's start (in) and end (out) */
  char *in = esc_alloc((size_t)n + 1), *out = esc_alloc((size_t)n + 1);
  LLVMBasicBlockRef *nul = esc_alloc((size_t)(n + 1) * sizeof *nul);
  /* main, which nothing in the program calls, starts with G's initializer,
   * null (every store of G is in a function that runs from main only) */
  int entry = is_main(fn) && !LLVMGetFirstUse(fn);
  for (int k = 0; k < n; k++) {
    in[k] = k != 0 || entry;
    out[k] = 1;
    nul[k] = null_edge(bs[k], eq[k]);
  }
  int done = 0;
  for (int rounds = 0; settled && !done && rounds < ROUNDS_MAX; rounds++) {
    int changed = 0;
    for (int k = 0; k < n; k++) {
      int s = in[k];
      for (LLVMValueRef i = LLVMGetFirstInstruction(bs[k]); i; i = LLVMGetNextInstruction(i)) {
        if (LLVMIsAStoreInst(i) && LLVMGetOperand(i, 1) == g)
          s = esc_is_null(LLVMGetOperand(i, 0));
        else if (kills(g, i, index, w))
          s = 0;
      }
      if (s != out[k]) {
        out[k] = (char)s;
        changed = 1;
      }
    }
    for (int k = 1; k < n; k++) {
      int s = 1;
      for (int e = 0; e < npred[k] && s; e++) {
        int q = pred[k][e];
        if (!out[q] && nul[q] != bs[k])
          s = 0;
      }
      if (s != in[k]) {
        in[k] = (char)s;
        changed = 1;
      }
    }
    done = !changed;
  }
  int ok = done; /* (either fixed point not reached in its rounds: nothing) */
  for (int k = 0; k < n && ok; k++) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bs[k]);
    if (!t)
      ok = 0;
    else if (LLVMGetInstructionOpcode(t) == LLVMRet)
      ok = out[k];
    else if (LLVMGetInstructionOpcode(t) == LLVMResume)
      ok = 0;
  }
  for (int k = 0; k < n; k++)
    free(pred[k]);
  free(pred);
  free(npred);
  free(cappred);
  esc_ptrmap_free(&bi);
  free(bs);
  free(eq);
  free(in);
  free(out);
  free(nul);
  return ok;
}

/* ---- the driver ---- */

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
    int64_t off;
    LLVMValueRef v = LLVMGetOperand(user, 0);
    if (fresh_node(p, v, &off) && off == 0 && escb_strip_offset(v, &off) == v)
      fresh = 1;
  }
  return fresh;
}

static void proof_reset(proof *p) {
  esc_u64set_free(&p->seen);
  memset(&p->seen, 0, sizeof p->seen);
  p->nwork = 0;
  p->nfrees = 0;
  p->visits = 0;
  esc_ptrmap_free(&p->holders);
  memset(&p->holders, 0, sizeof p->holders);
}

static void proof_free(proof *p) {
  proof_reset(p);
  free(p->work);
  free(p->woff);
  free(p->nodev);
  free(p->frees);
  esc_ptrmap_free(&p->nodes);
}

/* prove: the chain values' uses, to a fixed point of links and nodes. */
static void prove(proof *p) {
  for (LLVMUseRef u = LLVMGetFirstUse(p->g); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef st = LLVMGetUser(u);
    int64_t off;
    if (LLVMIsAStoreInst(st) && fresh_node(p, LLVMGetOperand(st, 0), &off) &&
        escb_strip_offset(LLVMGetOperand(st, 0), &off) == LLVMGetOperand(st, 0))
      node(p, LLVMGetOperand(st, 0));
  }
  for (int round = 0; round < 16 && !p->bad; round++) {
    proof_reset(p);
    p->grew = 0;
    seed(p);
    run(p);
    if (!p->grew)
      return;
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
  return null_at_returns(g, fn, index, w);
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
  char *w = writers(p->g, index, (int)index->len, p->M);
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
    for (int k = 0; k < nmoved; k++) {
      esc_ptrmap_put(&d->site, moved[k], idx);
      esc_ptrmap_put(&d->fn, fn_of(moved[k]), idx);
    }
    esc_drained e = {p->g, size, 0};
    ESC_PUSH(d->v, d->n, d->cap, e);
  }
  free(moved);
  esc_ptrmap_free(&ok);
  free(w);
}

void esc_drain_find(esc_drain *d, LLVMModuleRef M, escb_ctx *ctx, const char *switcher,
                    uint64_t max_object) {
  memset(d, 0, sizeof *d);
  if (switcher || returns_twice_anywhere(M))
    return;
  esc_ptrmap index = {0};
  signed char *mo = NULL;
  int nfns = 0;
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
      mo = main_only(M, &index, &nfns);
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
  esc_ptrmap_free(&d->fn);
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

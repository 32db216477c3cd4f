/* drainflow.c — for drain.c: where the functions that hold a drained
 * stack's nodes run (from main only), and what the stack's head holds when
 * a function returns (null, by the branches that test it).  See drain.c's
 * comment for why each matters. */
#include "drainflow.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ROUNDS_MAX 64 /* rounds of a dataflow over a function's blocks */

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

/* callers_only: fn's address is never taken (esc_fn_address_taken); the
 * functions that call it go to *out. */
static int callers_only(LLVMValueRef fn, LLVMValueRef **out, int *n, int *cap) {
  if (esc_fn_address_taken(fn))
    return 0;
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u))
    ESC_PUSH(*out, *n, *cap, LLVMGetBasicBlockParent(LLVMGetInstructionParent(LLVMGetUser(u))));
  return 1;
}

/* esc_main_only: see drainflow.h (the greatest fixed point: a cycle no one
 * calls is dead code). */
signed char *esc_main_only(LLVMModuleRef M, int whole, esc_ptrmap *index) {
  int n = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn))
      esc_ptrmap_put(index, fn, n++);
  signed char *ok = esc_alloc((size_t)n + 1);
  LLVMValueRef **callers = esc_alloc(((size_t)n + 1) * sizeof *callers);
  int *ncallers = esc_alloc(((size_t)n + 1) * sizeof(int));
  int i = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    int cap = 0;
    if (is_main(fn))
      ok[i] = whole && !LLVMGetFirstUse(fn); /* run once, by the C library */
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

/* esc_returns_twice_anywhere: some call in the module may return twice
 * (escb_call_returns_twice: setjmp and the like, __builtin_setjmp too). */
int esc_returns_twice_anywhere(LLVMModuleRef M) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn; fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    ESC_FOR_EACH_INST(fn, b, i)
      if (esc_is_call(i) && escb_call_returns_twice(i))
        return 1;
  }
  return 0;
}

/* ---- G at returns ---- */

/* esc_head_writers: per defined function, 1 when it may store G: it does, or a
 * function it calls directly may (calls through pointers and into other
 * code reach only functions whose address is taken, none of which holds
 * G: every function that touches G runs only from main, esc_main_only). */
char *esc_head_writers(LLVMValueRef g, const esc_ptrmap *index, int n, LLVMModuleRef M) {
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

/* esc_head_null_at_returns: G is null at every return of fn.  Two forward
 * dataflows over its blocks: which value equals G (meet: the one value all
 * predecessors agree on, or a phi of theirs), then whether G is null (a
 * must-analysis: the meet over predecessors of "null on that edge"). */
int esc_head_null_at_returns(LLVMValueRef g, LLVMValueRef fn, const esc_ptrmap *index,
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

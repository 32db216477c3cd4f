/* build.c — IR -> graph, one function at a time.
 *
 * One switch over opcodes holds all per-instruction policy, as in LLVM's
 * CaptureTracking; its default is "every operand escapes".  Calls are in
 * call.c.  Exercised by test/ir/, e.g.
 *   opt-19 -load-pass-plugin=build/pass/LLVMEscape.so -passes=escape -S \
 *     test/ir/Flow_casts_phi_select.ll
 */
#include "internal.h"

#include <string.h>

/* objects creates the function's objects: its allocas and allocation sites.
 * They must all exist before the graph is sealed. */
static void objects(esc_func *f) {
  ESC_FOR_EACH_INST(f->fn, b, i) {
      if (LLVMGetInstructionOpcode(i) == LLVMAlloca) {
        esc_graph_new_obj(&f->g, ESC_OBJ_ALLOCA, i);
        continue;
      }
      esc_callinfo ci;
      if (!esc_is_call(i) || !esc_is_alloc_site(f->ctx, i, &ci))
        continue;
      esc_cand c;
      memset(&c, 0, sizeof c);
      c.call = i;
      c.info = ci;
      c.obj = esc_graph_new_obj(&f->g, ESC_OBJ_HEAP, i);
      c.group = f->ncands;
      f->g.objs[c.obj].cand = f->ncands;
      ESC_PUSH(f->cands, f->ncands, f->capcands, c);
    }
  /* Parameter i points to the caller's object P_i, which points to Q_i,
   * then R_i, then S_i, which points to itself (Go's derefs 0, 1, 2, and 3
   * or more): tracked, so the summary can tell a parameter that leaks from
   * one whose contents leak or that is returned, and nothing reachable from
   * a parameter is lost however deep the callee reads. */
  f->nparams = (int)LLVMCountParams(f->fn);
  f->pobj = esc_alloc((size_t)(f->nparams + 1) * sizeof(int));
  for (int i = 0; i < f->nparams; i++) {
    f->pobj[i] = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM, NULL);
    f->g.objs[f->pobj[i]].param = i;
    int q = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM_CONTENT, NULL);
    f->g.objs[q].param = i;
    for (int deep = 0; deep < 2; deep++) { /* R_i, S_i */
      int o = esc_graph_new_obj(&f->g, ESC_OBJ_PARAM_DEEP, NULL);
      f->g.objs[o].param = i;
    }
  }
  esc_graph_seal(&f->g);
  if (f->g.over_budget) /* too large: no sets to fill */
    return;
  /* %a = alloca / %p = malloc(n): the value holds the object's address
   * (derefs -1 in Go's terms). */
  for (int o = 1; o < f->g.nobjs; o++)
    if (f->g.objs[o].inst &&
        !(f->g.objs[o].kind == ESC_OBJ_HEAP &&
          f->cands[f->g.objs[o].cand].info.fn == ESC_FN_POSIX_MEMALIGN))
      esc_graph_addr(&f->g, o, esc_graph_loc_of(&f->g, f->g.objs[o].inst));
  for (int k = 0; k < f->ncands; k++) {
    esc_cand *c = &f->cands[k];
    if (c->info.fn != ESC_FN_POSIX_MEMALIGN) {
      c->addr = esc_graph_loc_of(&f->g, c->call);
      continue;
    }
    /* posix_memalign(&p, a, n): *memptr = &object; its int result holds
     * no address. */
    c->addr = esc_graph_new_loc(&f->g, c->call); /* named after the call */
    esc_graph_addr(&f->g, c->obj, c->addr);
    esc_graph_store(&f->g, c->addr, esc_graph_loc_of(&f->g, LLVMGetOperand(c->call, 0)),
                    c->call);
  }
  for (int i = 0; i < f->nparams; i++) {
    LLVMValueRef arg = LLVMGetParam(f->fn, (unsigned)i);
    int l = esc_graph_new_loc(&f->g, arg);
    esc_ptrmap_put(&f->g.vals, arg, l);
    int p = f->pobj[i];
    esc_graph_addr(&f->g, p, l);
    for (int d = 1; d <= 3; d++) /* P -> Q -> R -> S -> S */
      esc_graph_addr(&f->g, p + d, f->g.objs[p + d - 1].content);
    esc_graph_addr(&f->g, p + 3, f->g.objs[p + 3].content);
  }
}

/* flow_from_operands: the result may hold whatever any operand holds
 * (casts, GEPs, arithmetic, phi, select, aggregates, vectors). */
static void flow_from_operands(esc_func *f, LLVMValueRef i) {
  int dst = esc_graph_loc_of(&f->g, i);
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    esc_graph_copy(&f->g, esc_graph_loc_of(&f->g, LLVMGetOperand(i, k)), dst,
                   ESC_WHY_COPY, i);
}

/* escape_operands: the default for anything not understood. */
static void escape_operands(esc_func *f, LLVMValueRef i, esc_why why) {
  int n = LLVMGetNumOperands(i);
  for (int k = 0; k < n; k++)
    esc_graph_escape(&f->g, esc_graph_loc_of(&f->g, LLVMGetOperand(i, k)), why, i);
  int dst = esc_graph_loc_of(&f->g, i);
  esc_graph_copy(&f->g, f->g.unknown, dst, ESC_WHY_OTHER, i);
}

static void instruction(esc_func *f, LLVMValueRef i) {
  esc_graph *g = &f->g;
  switch (LLVMGetInstructionOpcode(i)) {
  case LLVMAlloca:
    break; /* its address was set when the objects were made */
  case LLVMLoad:
    /* v = *p (derefs 1) */
    esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                   esc_graph_loc_of(g, i));
    break;
  case LLVMStore: {
    /* *p = v: into the objects p points to, or the heap. */
    int v = esc_graph_loc_of(g, LLVMGetOperand(i, 0));
    if (LLVMGetVolatile(i))
      esc_graph_escape(g, v, ESC_WHY_VOLATILE, i);
    else
      esc_graph_store(g, v, esc_graph_loc_of(g, LLVMGetOperand(i, 1)), i);
    break;
  }
  case LLVMAtomicCmpXchg: /* cmpxchg p, cmp, new: *p = new; result = *p */
    esc_graph_store(g, esc_graph_loc_of(g, LLVMGetOperand(i, 2)),
                    esc_graph_loc_of(g, LLVMGetOperand(i, 0)), i);
    esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                   esc_graph_loc_of(g, i));
    break;
  case LLVMAtomicRMW: /* atomicrmw op p, v: *p = f(*p, v); result = old *p */
    esc_graph_store(g, esc_graph_loc_of(g, LLVMGetOperand(i, 1)),
                    esc_graph_loc_of(g, LLVMGetOperand(i, 0)), i);
    esc_graph_load(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)),
                   esc_graph_loc_of(g, i));
    break;
  case LLVMGetElementPtr: {
    /* A GEP's result is based on its base pointer alone (LangRef); the
     * indices carry no provenance unless the base is a constant (null). */
    int base = esc_graph_loc_of(g, LLVMGetOperand(i, 0));
    if (base >= 0 && base != g->unknown)
      esc_graph_copy(g, base, esc_graph_loc_of(g, i), ESC_WHY_COPY, i);
    else
      flow_from_operands(f, i);
    break;
  }
  case LLVMTrunc: case LLVMZExt: case LLVMSExt:
  case LLVMFPToUI: case LLVMFPToSI: case LLVMUIToFP: case LLVMSIToFP:
  case LLVMFPTrunc: case LLVMFPExt:
  case LLVMPtrToInt: case LLVMBitCast: case LLVMAddrSpaceCast:
  case LLVMAdd: case LLVMFAdd: case LLVMSub: case LLVMFSub: case LLVMMul:
  case LLVMFMul: case LLVMUDiv: case LLVMSDiv: case LLVMFDiv: case LLVMURem:
  case LLVMSRem: case LLVMFRem: case LLVMShl: case LLVMLShr: case LLVMAShr:
  case LLVMAnd: case LLVMOr: case LLVMXor: case LLVMFNeg: case LLVMFreeze:
  case LLVMPHI:
  case LLVMExtractValue: case LLVMInsertValue:
  case LLVMExtractElement: case LLVMInsertElement: case LLVMShuffleVector:
    /* Integers carry addresses too (ptrtoint round trips, SROA'd
     * structs): every operand flows into the result. */
    flow_from_operands(f, i);
    break;
  case LLVMSelect: /* the chosen values, not the condition */
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 1)), esc_graph_loc_of(g, i),
                   ESC_WHY_COPY, i);
    esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 2)), esc_graph_loc_of(g, i),
                   ESC_WHY_COPY, i);
    break;
  case LLVMICmp: case LLVMFCmp:
    break; /* a truth value cannot rebuild an address */
  case LLVMRet: /* into the result; the heap once summaries are read */
    if (LLVMGetNumOperands(i) > 0)
      esc_graph_copy(g, esc_graph_loc_of(g, LLVMGetOperand(i, 0)), g->ret,
                     ESC_WHY_RETURN, i);
    break;
  case LLVMIntToPtr: /* an integer may be any address */
    flow_from_operands(f, i);
    esc_graph_copy(g, g->unknown, esc_graph_loc_of(g, i), ESC_WHY_OTHER, i);
    break;
  case LLVMBr: case LLVMSwitch: case LLVMUnreachable: case LLVMFence:
    break;
  case LLVMCall: case LLVMInvoke: case LLVMCallBr:
    esc_build_call(f, i);
    break;
  default: /* va_arg, landing pads, resume, indirectbr, funclets... */
    escape_operands(f, i, ESC_WHY_OTHER);
    break;
  }
}

void esc_build(esc_func *f) {
  esc_graph_init(&f->g, ESC_GRAPH_STEPS);
  ESC_FOR_EACH_INST(f->fn, b, i)
      f->g.inst_hint++;
  objects(f);
  if (f->g.over_budget) /* too large: no graph (graph.c, esc_graph_seal) */
    return;
  ESC_FOR_EACH_INST(f->fn, b, i)
      instruction(f, i);
}

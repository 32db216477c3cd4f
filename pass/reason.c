/* reason.c — the words of each verdict: Go's HeapAllocReason, whose text is
 * made beside the decision.  solve.c decides a site's esc_verdict and
 * stores in it every fact the words need (the size and the budget it is
 * over, which alignment rule it breaks, the instruction behind it);
 * esc_reason_text writes them, one case per esc_reason, deciding nothing.
 * The flow of an ESC_R_FLOW site is drawn from the graph by report.c, and
 * the words of each call rule in it (esc_why) are report.c's why_text.
 * Also here: the lines of the ledger's leftovers (a site removed by the
 * optimizer, a wrapper not inlined) and the profiler's lines.
 *
 *   f.c:20:14: malloc(1048576) escapes to heap:
 *   f.c:20:14:   too large for stack (1048576 bytes > 65536)
 *
 * Exercised by test/report/Explain_size.c, Explain_free.c and Explain_align.c.
 */
#include "internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* esc_pos_text: "file:line:col" of an instruction, or "<function>". */
void esc_pos_text(LLVMValueRef inst, char *buf, size_t n) {
  char file[1024];
  unsigned line = inst ? LLVMGetDebugLocLine(inst) : 0;
  if (line && esc_inst_path(inst, file, sizeof file)) {
    snprintf(buf, n, "%s:%u:%u", file, line, LLVMGetDebugLocColumn(inst));
    return;
  }
  size_t fl = 0;
  const char *fn = inst ? LLVMGetValueName2(
                              LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst)), &fl)
                        : "?";
  snprintf(buf, n, "<%.*s>", (int)fl, fn);
}

/* esc_callee_text: the name of what a call calls, "asm", or "an indirect
 * callee". */
void esc_callee_text(LLVMValueRef call, char *buf, size_t n) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAFunction(callee)) {
    escb_display_name(callee, buf, n);
    /* A name cut at n (a C++ template's): say so, rather than leave an
     * open parenthesis before the rest of the line. */
    if (n > 4 && strlen(buf) == n - 1)
      memcpy(buf + n - 4, "...", 4);
  } else
    snprintf(buf, n, "%s", LLVMIsAInlineAsm(callee) ? "asm" : "an indirect callee");
}

/* align_text: the words of an alignment rule broken. */
static void align_text(const esc_verdict *v, esc_buf *out) {
  switch (v->align_fault) {
  case ESC_ALIGN_FITS: /* not a BAD_ALIGN verdict: say what the others say */
  case ESC_ALIGN_UNKNOWN:
    esc_buf_printf(out, "  alignment is not a constant power of two\n");
    return;
  case ESC_ALIGN_NOT_POW2:
    esc_buf_printf(out, "  alignment %" PRIu64 " is not a power of two\n", v->align);
    return;
  case ESC_ALIGN_OVER_MAX:
    esc_buf_printf(out, "  alignment %" PRIu64 " is over %d\n", v->align, ESC_MAX_ALIGN);
    return;
  case ESC_ALIGN_BELOW_PTR:
    esc_buf_printf(out, "  alignment %" PRIu64 " is below sizeof(void *)\n", v->align);
    return;
  }
}

/* guard_text: a guarded site's line, and where its size came from when a
 * profile (-escape-profile-use) named the site:
 *   guarded: a 3072-byte stack buffer from the profile, the heap when ...
 *   guarded: a 2048-byte stack buffer from the profile (it asked for 100000
 *     bytes: capped by the function's stack budget, 65536 bytes), ...
 *   guarded: a 256-byte stack buffer (the profile asked for 100000 bytes:
 *     over the object limit, 65536 bytes), ...
 * or from the size's value range (solve.c size_bound):
 *   guarded: a 1248-byte stack buffer, the size's largest value, ...
 *   guarded: a 256-byte stack buffer (the size may reach 3999 bytes: over
 *     the share of the stack budgets a range may take, 15360 bytes), ...
 * or with no bound, the largest a range may get (solve.c guard_unbounded):
 *   guarded: a 4096-byte stack buffer for a size with no bound, ...
 *   guarded: a 448-byte stack buffer for a size with no bound (capped: the
 *     default and what was left of the share of the stack budgets it may
 *     take, 192 bytes), ...
 *   guarded: a 256-byte stack buffer (a size with no bound: nothing more
 *     fits the share of the stack budgets it may take, 128 bytes), ...     */
static void guard_text(const esc_cand *c, esc_buf *out) {
  static const char *const cap[] = {
      [ESC_CAP_NONE] = "",
      [ESC_CAP_OBJECT] = "the object limit",
      [ESC_CAP_FRAME] = "the function's stack budget",
      [ESC_CAP_CHAIN] = "the call chain's stack budget",
      [ESC_CAP_RANGES] = "the share of the stack budgets a range may take",
  };
  esc_buf_printf(out, "  guarded: a %" PRIu64 "-byte stack buffer", c->bytes);
  if (c->guard_unbounded && c->guard_cap == ESC_CAP_RANGES)
    esc_buf_printf(out, " for a size with no bound (capped: the default and what was left of "
                        "the share of the stack budgets it may take, %" PRIu64 " bytes)",
                   c->guard_limit);
  else if (c->guard_unbounded && c->guard_cap == ESC_CAP_CHAIN)
    esc_buf_printf(out, " for a size with no bound (capped by a quarter of the call chain's "
                        "stack budget, %" PRIu64 " bytes)", c->guard_limit);
  else if (c->guard_unbounded && c->guard_cap != ESC_CAP_NONE)
    esc_buf_printf(out, " for a size with no bound (capped by %s, %" PRIu64 " bytes)",
                   cap[c->guard_cap], c->guard_limit);
  else if (c->guard_unbounded)
    esc_buf_printf(out, " for a size with no bound");
  else if (c->guard_ranged)
    esc_buf_printf(out, ", the size's largest value");
  else if (c->guard_profiled && c->guard_cap == ESC_CAP_NONE)
    esc_buf_printf(out, " from the profile");
  else if (c->guard_profiled)
    esc_buf_printf(out, " from the profile (it asked for %" PRIu64 " bytes: capped by %s, "
                        "%" PRIu64 " bytes)", c->profile->want, cap[c->guard_cap],
                   c->guard_limit);
  else if (c->profile && c->guard_cap != ESC_CAP_NONE)
    esc_buf_printf(out, " (the profile asked for %" PRIu64 " bytes: over %s, %" PRIu64
                        " bytes)", c->profile->want, cap[c->guard_cap], c->guard_limit);
  else if (c->guard_range > c->bytes && c->guard_cap != ESC_CAP_NONE)
    esc_buf_printf(out, " (the size may reach %" PRIu64 " bytes: over %s, %" PRIu64 " bytes)",
                   c->guard_range, cap[c->guard_cap], c->guard_limit);
  else if (c->guard_open)
    esc_buf_printf(out, " (a size with no bound, but a call may run code whose frames the stack "
                        "budgets cannot count: another file's, or an indirect call's)");
  else if (c->guard_cap != ESC_CAP_NONE) /* no bound, and no more than this fits */
    esc_buf_printf(out, " (a size with no bound: nothing more fits %s, %" PRIu64 " bytes)",
                   c->guard_cap == ESC_CAP_RANGES ? "the share of the stack budgets it may take"
                   : c->guard_cap == ESC_CAP_CHAIN ? "a quarter of the call chain's stack budget"
                                                   : cap[c->guard_cap], c->guard_limit);
  esc_buf_printf(out, ", the heap when the run-time size is larger\n");
}

/* esc_reason_text: a site's -escape-m=2 lines (each indented two spaces,
 * ending in '\n'): why it stays on the heap, or for a moved site how it
 * moved when that is not a plain stack slot.  Nothing for ESC_R_FLOW (its
 * flow is the graph's, report.c).  A site LLVM deleted before the pass has
 * no candidate: its words are esc_reason_removed_text's. */
void esc_reason_text(const esc_cand *c, esc_buf *out) {
  const esc_verdict *v = &c->verdict;
  char pos[1100], name[200];
  if (v->at)
    esc_pos_text(v->at, pos, sizeof pos);
  switch (v->reason) {
  case ESC_OK:
    if (c->guarded && c->info.hook) {
      escb_display_name(c->info.hook, name, sizeof name);
      esc_buf_printf(out, "  allocator hook: a %" PRIu64 "-byte stack buffer while the hook "
                          "is %s and the size fits, else the hook's call\n", c->bytes, name);
    } else if (c->guarded) {
      guard_text(c, out);
    }
    if (c->drained) {
      char g[200], fn[200];
      escb_display_name(c->drained->global, g, sizeof g);
      escb_display_name(LLVMGetBasicBlockParent(LLVMGetInstructionParent(c->call)), fn,
                        sizeof fn);
      esc_buf_printf(out, "  a node of global %s's list, which %s empties before it returns: on "
                          "the thread's side stack while it has room, else on the heap\n",
                     g, fn);
    } else if (c->on_side_stack && c->loop_region)
      esc_buf_printf(out, "  in a loop: on the thread's side stack while it has room, else on "
                          "the heap; given back each time the loop starts again\n");
    else if (c->on_side_stack)
      esc_buf_printf(out, "  recursive: on the thread's side stack while it has room, "
                          "else on the heap\n");
    if (c->grown)
      esc_buf_printf(out, "  reallocated: in a %" PRIu64 "-byte stack buffer until realloc "
                          "moves it to the heap\n", c->bytes);
    return;
  case ESC_R_FLOW: return;
  case ESC_R_ALLOCATOR:
    escb_display_name(LLVMGetCalledValue(v->at), name, sizeof name);
    esc_buf_printf(out, "  %s is not moved to the stack\n", name);
    return;
  case ESC_R_NONCONST: esc_buf_printf(out, "  non-constant size\n"); return;
  case ESC_R_TOO_LARGE:
    esc_buf_printf(out, "  too large for stack (%" PRIu64 " bytes > %" PRIu64 ")\n",
                   v->bytes, v->limit);
    return;
  case ESC_R_BAD_ALIGN: align_text(v, out); return;
  case ESC_R_BUDGET:
    esc_buf_printf(out, "  over the function's stack budget (%" PRIu64 " bytes)\n",
                   v->limit);
    return;
  case ESC_R_RECURSIVE:
    esc_buf_printf(out, "  recursive: the function is on a call-graph cycle "
                        "(budget %" PRIu64 " bytes)\n", v->limit);
    return;
  case ESC_R_NO_SIDE_STACK:
    if (v->switcher)
      esc_buf_printf(out, "  recursive: no side stack in a program that switches stacks (%s)\n",
                     v->switcher);
    else if (v->target && *v->target)
      esc_buf_printf(out, "  recursive: the side stack is not available for target %s\n",
                     v->target);
    else
      esc_buf_printf(out, "  recursive: the side stack is not available for a module "
                          "without a target triple\n");
    return;
  case ESC_R_CHAIN:
    esc_buf_printf(out, "  over the call chain's stack budget (%" PRIu64 " bytes, of which "
                        "functions it calls already take %" PRIu64 ")\n",
                   v->limit, v->bytes);
    return;
  case ESC_R_SETJMP:
    esc_buf_printf(out, "  reachable from a call of setjmp or another returns_twice function\n");
    return;
  case ESC_R_LOOP: esc_buf_printf(out, "  live across loop iterations\n"); return;
  case ESC_R_MAY_FREE:
    esc_callee_text(v->at, name, sizeof name);
    esc_buf_printf(out, "  passed to %s, which may free it, at %s\n", name, pos);
    return;
  case ESC_R_GROUP:
    esc_buf_printf(out, "  freed through the same pointer as the allocation at %s, which stays on the heap\n", pos);
    return;
  case ESC_R_ANALYSIS_BUDGET:
    esc_buf_printf(out, "  the function is too large to analyse\n");
    return;
  }
}

/* esc_reason_fallback_text: the profiler's line for a moved site that
 * keeps its call as a fallback: a guarded one, or one on the side stack. */
void esc_reason_fallback_text(const esc_cand *c, char *buf, size_t n) {
  if (c->guarded)
    snprintf(buf, n,
             "  does not escape; on the heap when larger than its %llu-byte stack buffer\n",
             (unsigned long long)c->bytes);
  else
    snprintf(buf, n, "  does not escape; on the heap when the side stack is full\n");
}

/* esc_reason_grown_text: the profiler's line for the heap blocks a grown
 * site's reallocs move it to (rewrite.c's grow). */
void esc_reason_grown_text(const esc_cand *c, char *buf, size_t n) {
  snprintf(buf, n, "  does not escape; on the heap once realloc moves it from its %llu-byte "
                   "stack buffer\n", (unsigned long long)c->bytes);
}

/* esc_reason_unrewritten_text: the profiler's line for a site that does
 * not escape, left on the heap by -escape-rewrite=false. */
const char esc_reason_unrewritten_text[] = "  does not escape, but -escape-rewrite=false\n";

/* esc_reason_removed_text: the line of a recorded site that LLVM deleted
 * before the pass (the ledger's leftover; report and profiler), and the
 * end of its passed remark. */
const char esc_reason_removed_text[] = "  removed by the optimizer\n";
const char esc_reason_removed_remark[] = " does not escape (removed by the optimizer)";

/* esc_reason_wrapper_kept_text: the line of a recorded call of an
 * allocation wrapper that is still a call: its object is on the heap. */
const char esc_reason_wrapper_kept_text[] = "  the allocation wrapper was not inlined\n";

// A recursive SCC is solved to its fixed point however many rounds that
// takes.  Twenty functions call each other in a ring, r0 -> r1 -> ... ->
// r19 -> r0, and r19 keeps its p: the leak reaches r0's summary only in
// the twentieth round (each round analyses the ring in the order r0..r19,
// so it moves one call up per round).  Until this round the pass stopped
// after 16 rounds and let every parameter of the ring leak: q, which the
// ring only reads, was "leaking param: q" and its object stayed on the heap.
// ESCAPE_DEBUG_ANALYSES=1 prints how many functions were analysed: the
// ring's 20 functions take 59 analyses (20 in the first round, 19 in the
// second, then one per round as the leak moves up, one last for r19), and
// main one: its graph from the fixed point is the one judged, not built
// again.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --check-prefix=%if llvm-16 %{POS16%} %else %{CHECK%} --match-full-lines --implicit-check-not=escape
// RUN: env ESCAPE_DEBUG_ANALYSES=1 %report -m=0 %s | FileCheck %s --check-prefix=COUNT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g_kept;

#define R(k) __attribute__((noinline)) int r##k(char *p, const char *q, int n)

R(0); R(1); R(2); R(3); R(4); R(5); R(6); R(7); R(8); R(9); R(10); R(11); R(12); R(13); R(14); R(15); R(16); R(17); R(18); R(19);

R(0) { return n > 0 ? q[0] + r1(p, q, n - 1) : q[1]; }
R(1) { return n > 0 ? q[0] + r2(p, q, n - 1) : q[1]; }
R(2) { return n > 0 ? q[0] + r3(p, q, n - 1) : q[1]; }
R(3) { return n > 0 ? q[0] + r4(p, q, n - 1) : q[1]; }
R(4) { return n > 0 ? q[0] + r5(p, q, n - 1) : q[1]; }
R(5) { return n > 0 ? q[0] + r6(p, q, n - 1) : q[1]; }
R(6) { return n > 0 ? q[0] + r7(p, q, n - 1) : q[1]; }
R(7) { return n > 0 ? q[0] + r8(p, q, n - 1) : q[1]; }
R(8) { return n > 0 ? q[0] + r9(p, q, n - 1) : q[1]; }
R(9) { return n > 0 ? q[0] + r10(p, q, n - 1) : q[1]; }
R(10) { return n > 0 ? q[0] + r11(p, q, n - 1) : q[1]; }
R(11) { return n > 0 ? q[0] + r12(p, q, n - 1) : q[1]; }
R(12) { return n > 0 ? q[0] + r13(p, q, n - 1) : q[1]; }
R(13) { return n > 0 ? q[0] + r14(p, q, n - 1) : q[1]; }
R(14) { return n > 0 ? q[0] + r15(p, q, n - 1) : q[1]; }
R(15) { return n > 0 ? q[0] + r16(p, q, n - 1) : q[1]; }
R(16) { return n > 0 ? q[0] + r17(p, q, n - 1) : q[1]; }
R(17) { return n > 0 ? q[0] + r18(p, q, n - 1) : q[1]; }
R(18) { return n > 0 ? q[0] + r19(p, q, n - 1) : q[1]; }
R(19) { g_kept = p; return n > 0 ? q[0] + r0(p, q, n - 1) : q[1]; }

int main(void) {
  // TEST 1 - positive: only read by the ring.
  char *q = malloc(16);
  strcpy(q, "ab");
  // TEST 2 - negative: kept by r19, which r0 reaches through 19 calls.
  char *p = malloc(16);
  strcpy(p, "kept");
  int n = r0(p, q, 25);
  printf("%d %s\n", n, g_kept);
  free(q);
  return 0;
}

// OUT: 2523 kept
// CHECK: Summary_scc_rounds.c:26:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:26:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:27:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:27:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:28:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:28:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:29:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:29:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:30:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:30:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:31:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:31:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:32:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:32:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:33:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:33:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:34:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:34:33: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:35:23: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:35:34: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:36:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:36:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:37:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:37:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:38:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:38:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:39:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:39:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:40:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:40:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:41:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:41:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:42:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:42:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:43:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:43:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:44:24: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:44:35: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:45:18: leaking param: p
// CHECK-NEXT: Summary_scc_rounds.c:45:36: q does not escape
// CHECK-NEXT: Summary_scc_rounds.c:49:13: malloc(16) does not escape
// CHECK-NEXT: Summary_scc_rounds.c:52:13: malloc(16) escapes to heap

// LLVM 16: clang-16 gives these parameters, declared through a macro, column 1
// (the macro use), and the report lists p before q at the same position.
// POS16: Summary_scc_rounds.c:26:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:26:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:27:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:27:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:28:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:28:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:29:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:29:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:30:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:30:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:31:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:31:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:32:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:32:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:33:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:33:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:34:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:34:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:35:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:35:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:36:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:36:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:37:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:37:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:38:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:38:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:39:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:39:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:40:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:40:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:41:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:41:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:42:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:42:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:43:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:43:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:44:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:44:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:45:1: leaking param: p
// POS16-NEXT: Summary_scc_rounds.c:45:1: q does not escape
// POS16-NEXT: Summary_scc_rounds.c:49:13: malloc(16) does not escape
// POS16-NEXT: Summary_scc_rounds.c:52:13: malloc(16) escapes to heap
// COUNT: escape: 59 analyses of 21 functions

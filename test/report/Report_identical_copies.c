// Copies of one site that print the same line are printed once (DESIGN.md:
// "Identical lines are printed once"): LLVM unrolls the loop below three
// times, and each copy of its malloc moves to the stack with the same
// verdict at the same position.  Inlined copies are printed at the call in
// the function that holds them: the helper `mk`, inlined into `kept` (on
// the stack) and into `stored` (published in a global), gives one line at
// each call, and -m=2 says where the inlined malloc is.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=M2 --match-full-lines
#include <stdlib.h>

// CHECK: Report_identical_copies.c:[[@LINE+1]]:53: p does not escape
__attribute__((noinline)) static int use(const int *p) { return p[0] * 3 + p[1]; }
static volatile int seed = 2;
int *g;

int unrolled(void) {
  int s = 0;
  for (int i = 0; i < 3; i++) {
    // CHECK-NEXT: Report_identical_copies.c:[[@LINE+2]]:14: malloc(8) does not escape
    // M2: Report_identical_copies.c:[[@LINE+1]]:14: malloc(8) does not escape
    int *p = malloc(2 * sizeof(int));
    p[0] = i + seed;
    p[1] = seed;
    s += use(p);
    free(p);
  }
  return s;
}

static int *mk(int v) {
  int *p = malloc(2 * sizeof(int));
  p[0] = v;
  p[1] = seed;
  return p;
}

int kept(void) {
  // CHECK-NEXT: Report_identical_copies.c:[[@LINE+3]]:12: malloc(8) does not escape
  // M2-NEXT: Report_identical_copies.c:[[@LINE+2]]:12: malloc(8) does not escape:
  // M2-NEXT: Report_identical_copies.c:[[@LINE+1]]:12:   inlined from mk at Report_identical_copies.c:32:12
  int *p = mk(seed);
  int s = use(p);
  free(p);
  return s;
}

// CHECK-NEXT: Report_identical_copies.c:[[@LINE+3]]:25: malloc(8) escapes to heap
// M2-NEXT: Report_identical_copies.c:[[@LINE+2]]:25: malloc(8) escapes to heap:
// M2-NEXT: Report_identical_copies.c:[[@LINE+1]]:25:   inlined from mk at Report_identical_copies.c:32:12
void stored(void) { g = mk(seed + 1); }

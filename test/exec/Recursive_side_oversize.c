// Recursive_side_oversize: a recursive function's loop site whose run-time
// size is over the guarded buffer takes the heap, and must then take no
// side-stack memory either (found by the review of 2026-12-02: the side
// stack was bumped whatever the size, no free gave that memory back, and
// after about 200 iterations of 5000 bytes the 1 MiB side stack was full,
// so every later 8-byte object of the thread went to the heap too: 591,811
// heap allocations against 200,001 before).  The top-level loop asks for
// 5000 bytes 200,000 times (the heap); the levels below ask for 8 (the side
// stack, given back by their frees).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: 400000 600001
// OUT-NEXT: exit status: 0
// COUNT: plain: 600001
// COUNT-NEXT: escape: 200001
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile int depth = 2, iters = 200000, big = 5000;
static long calls;

__attribute__((noinline)) static long walk(int l) {
  long s = 0;
  calls++;
  if (l == depth)
    return 1;
  for (int k = 0; k < (l == 0 ? iters : 2); k++) {
    int n = l == 0 ? big : 8;
    char *p = malloc((size_t)n);
    if (!p)
      exit(2);
    memset(p, 0, (size_t)n);
    s += walk(l + 1) + p[n - 1];
    free(p);
  }
  return s;
}

int main(void) {
  printf("%ld %ld\n", walk(0), calls);
  return 0;
}

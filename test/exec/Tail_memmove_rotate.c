// Tail_memmove_rotate: positive. Rotating a prefix of an array left by one
// element is a loop that LLVM turns into a `tail call @llvm.memmove` before
// the escape pass runs; both arrays move to the stack, and the memmove must
// lose its `tail` (which promises the callee touches no alloca of ours), or
// LLVM keeps perm[0] in a register across it and the sum comes out wrong
// (SingleSource/Benchmarks/BenchmarkGame/fannkuch did). Counts: stdout's
// buffer only.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=14091840
// CHECK: Tail_memmove_rotate.c:47:23: calloc(9, 4) does not escape
// (both callocs, inlined at main's call: one line, printed once)
// COUNT: plain: 3
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>

// Every permutation of 0..n-1 in rotation order; sums two of its elements.
static long rotations(int n) {
  int *perm = calloc(n, sizeof(int));  // stack: calloc(9, 4)
  int *count = calloc(n, sizeof(int)); // stack: calloc(9, 4)
  for (int i = 0; i < n; i++)
    perm[i] = i;
  long sum = 0;
  int r = n;
  for (;;) {
    for (; r != 1; r--)
      count[r - 1] = r;
    if (!(perm[0] == 0 || perm[n - 1] == n - 1))
      sum += perm[0] * 10 + perm[n - 1];
    for (;;) {
      if (r == n)
        return sum;
      int first = perm[0];
      for (int i = 0; i < r; i++)
        perm[i] = perm[i + 1];
      perm[r] = first;
      if (--count[r] > 0)
        break;
      r++;
    }
  }
}

int main(void) {
  printf("sum=%ld\n", rotations(9));
  return 0;
}

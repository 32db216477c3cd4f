// Recursive_leaf_helper: positive. A recursive function calls a leaf that
// allocates; the leaf is not on the cycle, so its object moves to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=75431
// OUT-NEXT: exit status: 0
// CHECK: Recursive_leaf_helper.c:19:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long leaf(int d) {
  int *p = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = d * i + 1;
  long s = sum(p, 8);
  free(p);
  return s;
}

__attribute__((noinline)) static long walk(int d) {
  long s = leaf(d);
  if (d > 0)
    s += 2 * walk(d - 1);
  return s + 1;
}

int main(void) {
  printf("s=%ld\n", walk(10));
  return 0;
}

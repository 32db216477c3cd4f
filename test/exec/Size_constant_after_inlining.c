// Size_constant_after_inlining: positive. The size is a parameter of an
// always-inline helper; after inlining it is the constant 64.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=600
// OUT-NEXT: exit status: 0
// CHECK: Size_constant_after_inlining.c:23:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((always_inline)) static inline int *alloc_ints(size_t n) {
  return malloc(n * sizeof(int)); // stack: malloc(64)
}

__attribute__((noinline)) static long work(int k) {
  int *p = alloc_ints(16);
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  long s = sum(p, 16);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(5));
  return 0;
}

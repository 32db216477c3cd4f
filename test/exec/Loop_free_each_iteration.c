// Loop_free_each_iteration: positive. One object per iteration, freed in the
// same iteration: one stack slot serves every iteration. 200000 iterations of
// 64 bytes would overflow an 8 MiB stack if each iteration got its own slot.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=320022400000
// OUT-NEXT: exit status: 0
// CHECK: Loop_free_each_iteration.c:29:14: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 200000;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void fill(int *p, int n, int base) {
  for (int i = 0; i < n; i++)
    p[i] = base + i;
}

__attribute__((noinline)) static long rounds(int n) {
  long s = 0;
  for (int r = 0; r < n; r++) {
    int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
    fill(p, 16, r);
    s += sum(p, 16);
    free(p);
  }
  return s;
}

int main(void) {
  printf("s=%ld\n", rounds(count));
  return 0;
}

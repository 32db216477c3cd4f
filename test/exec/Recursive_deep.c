// Recursive_deep: positive, and the stack stays safe. A recursion 20000 deep
// allocates 1 KiB per level. On the stack that would be 20 MB, more than the
// 8 MiB main-thread stack: each level takes its object from the per-thread
// side stack (1 MiB) while it has room, deeper levels use the heap, and the
// thread's own stack is untouched, so the program runs as before. %exec also runs it on a
// 128 KiB thread stack, where the plain build overflows too (not compared).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=20399490 depth=20000
// OUT-NEXT: exit status: 0
// CHECK: Recursive_deep.c:25:12: malloc(1024) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int levels = 20000;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long down(int d, int *deepest) {
  int *p = malloc(256 * sizeof(int)); // stack: checked
  for (int i = 0; i < 256; i++)
    p[i] = d % 7 + i % 3;
  long s = sum(p, 256);
  if (d < levels)
    s += down(d + 1, deepest);
  else
    *deepest = d;
  s -= p[255];
  free(p);
  return s;
}

int main(void) {
  int deepest = 0;
  long s = down(1, &deepest);
  printf("s=%ld depth=%d\n", s, deepest);
  return 0;
}

// Calloc_zeroed: positive. The calloc'd object moves to the stack and must
// still read as zero, even though dirty() just filled that stack area.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a=1007
// OUT-NEXT: b=1007
// OUT-NEXT: exit status: 0
// CHECK: Calloc_zeroed.c:26:12: calloc(256, 4) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i] != 0 ? 1000 + p[i] : 0;
  return s;
}

__attribute__((noinline)) static void dirty(void) {
  volatile unsigned char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = 0xAB;
}

__attribute__((noinline)) static long fresh(int k) {
  int *p = calloc(256, sizeof(int)); // stack: calloc(256, 4)
  long before = sum(p, 256);
  p[k] = 7;
  long after = sum(p, 256);
  free(p);
  return before * 100000 + after;
}

int main(void) {
  dirty();
  printf("a=%ld\n", fresh(3));
  dirty();
  printf("b=%ld\n", fresh(200));
  return 0;
}

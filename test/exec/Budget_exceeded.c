// Budget_exceeded: positive beside negative. Two 40000-byte objects in one
// function: the first fits the per-function budget of 65536, the second
// would exceed it and stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=920000
// OUT-NEXT: exit status: 0
// CHECK: Budget_exceeded.c:22:22: malloc(40000) does not escape
// CHECK-NEXT: Budget_exceeded.c:23:22: malloc(40000) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long csum(const unsigned char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  unsigned char *a = malloc(40000); // stack: malloc(40000)
  unsigned char *b = malloc(40000); // heap: malloc(40000)
  memset(a, k, 40000);
  memset(b, k + 1, 40000);
  long s = csum(a, 40000) * 10 + csum(b, 40000);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(2));
  return 0;
}

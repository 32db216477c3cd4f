// Calloc_too_large: negative. calloc(32768, 4) is 131072 bytes, over the
// per-object cap: it stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=9
// OUT-NEXT: exit status: 0
// CHECK: Calloc_too_large.c:19:12: calloc(32768, 4) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long fresh(int k) {
  int *p = calloc(32768, sizeof(int)); // heap: calloc(32768, 4)
  p[k] = 9;
  long s = sum(p, 32768);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", fresh(100));
  return 0;
}

// Return_select: negative. A select between two objects is returned; both
// objects may be the result, so both stay on the heap (the other one is
// freed before returning). pick is a builder (region.c): main owns what
// its first call returns (its second call's result stays on the heap).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: p=4 q=203
// OUT-NEXT: exit status: 0
// CHECK: Return_select.c:18:12: malloc(16) escapes to heap
// CHECK-NEXT: Return_select.c:19:12: malloc(16) escapes to heap
// CHECK-NEXT: Return_select.c:29:12: pick(seed) result does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 1;

__attribute__((noinline)) static int *pick(int k) {
  int *a = malloc(4 * sizeof(int)); // heap: malloc(16)
  int *b = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++) {
    a[i] = k + i;
    b[i] = 100 * k + i;
  }
  free(k & 1 ? b : a);
  return k & 1 ? a : b;
}

int main(void) {
  int *p = pick(seed);
  int *q = pick(seed + 1);
  printf("p=%d q=%d\n", p[3], q[3]);
  free(p);
  free(q);
  return 0;
}

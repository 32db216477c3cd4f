// Store_converted_object: positive. Two objects are stored into a third
// object that does not escape: all three move to the stack.
// Stores through a GEP with a run-time index keep the provenance of its
// base (an earlier version lost it and kept these objects on the heap).
//
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: x=108036 y=44188
// OUT-NEXT: exit status: 0
// CHECK: Store_converted_object.c:31:17: malloc(16) does not escape
// CHECK-NEXT: Store_converted_object.c:32:12: malloc(32) does not escape
// CHECK-NEXT: Store_converted_object.c:33:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 1;

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

__attribute__((noinline)) static long walk(int k) {
  int **slots = malloc(2 * sizeof(int *)); // stack: malloc(16)
  int *a = malloc(8 * sizeof(int)); // stack: malloc(32)
  int *b = malloc(8 * sizeof(int)); // stack: malloc(32)
  fill(a, 8, k);
  fill(b, 8, 10 * k);
  slots[k & 1] = a;
  slots[(k + 1) & 1] = b;
  long s = sum(slots[0], 8) * 1000 + sum(slots[1], 8);
  free(a);
  free(b);
  free(slots);
  return s;
}

int main(void) {
  long x = walk(seed);
  long y = walk(seed + 1);
  printf("x=%ld y=%ld\n", x, y);
  return 0;
}

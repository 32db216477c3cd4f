// Store_local_array: positive. Three objects are stored into a local array of
// pointers indexed at run time; the array never escapes.
// Stores through a GEP with a run-time index keep the provenance of its
// base (an earlier version lost it and kept these objects on the heap).
//
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: r=46406010
// OUT-NEXT: r=10046406
// OUT-NEXT: exit status: 0
// CHECK: Store_local_array.c:28:12: malloc(16) does not escape
// CHECK-NEXT: Store_local_array.c:29:12: malloc(16) does not escape
// CHECK-NEXT: Store_local_array.c:30:12: malloc(16) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 2;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long rotate(int k) {
  int *ring[3];
  int *a = malloc(4 * sizeof(int)); // stack: malloc(16)
  int *b = malloc(4 * sizeof(int)); // stack: malloc(16)
  int *c = malloc(4 * sizeof(int)); // stack: malloc(16)
  for (int i = 0; i < 4; i++) {
    a[i] = 1 + i;
    b[i] = 10 + i;
    c[i] = 100 + i;
  }
  ring[k % 3] = a;
  ring[(k + 1) % 3] = b;
  ring[(k + 2) % 3] = c;
  long s = 0;
  for (int i = 0; i < 3; i++)
    s = s * 1000 + sum(ring[i], 4);
  free(a);
  free(b);
  free(c);
  return s;
}

int main(void) {
  printf("r=%ld\n", rotate(seed));
  printf("r=%ld\n", rotate(seed + 1));
  return 0;
}

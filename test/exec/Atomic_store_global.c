// Atomic_store_global: negative. The address is published with an atomic
// store to a global.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=260
// OUT-NEXT: exit status: 0
// CHECK: Atomic_store_global.c:15:12: malloc(32) escapes to heap
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

_Atomic(int *) g_slot;

__attribute__((noinline)) static void publish(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * i + 1;
  atomic_store(&g_slot, p);
}

int main(void) {
  publish(9);
  int *q = atomic_load(&g_slot);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += q[i];
  printf("s=%ld\n", s);
  free(q);
  return 0;
}

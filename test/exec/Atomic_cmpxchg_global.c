// Atomic_cmpxchg_global: negative. The address is published with a
// compare-and-swap (cmpxchg's new value) into a global.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: ok=1 s=116
// OUT-NEXT: exit status: 0
// CHECK: Atomic_cmpxchg_global.c:15:12: malloc(32) escapes to heap
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

_Atomic(int *) g_slot;

__attribute__((noinline)) static int publish(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n + i;
  int *expected = NULL;
  return atomic_compare_exchange_strong(&g_slot, &expected, p);
}

int main(void) {
  int ok = publish(11);
  int *q = atomic_load(&g_slot);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += q[i];
  printf("ok=%d s=%ld\n", ok, s);
  free(q);
  return 0;
}

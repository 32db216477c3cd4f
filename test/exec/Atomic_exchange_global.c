// Atomic_exchange_global: negative. The address is published with an atomic
// exchange (atomicrmw xchg) into a global; the old value comes back.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: had=0 s=126
// OUT-NEXT: exit status: 0
// CHECK: Atomic_exchange_global.c:15:12: malloc(16) escapes to heap
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

_Atomic(int *) g_slot;

__attribute__((noinline)) static int swap_in(int n) {
  int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    p[i] = n * 10 + i;
  return atomic_exchange(&g_slot, p) != NULL;
}

int main(void) {
  int had = swap_in(3);
  int *old = atomic_exchange(&g_slot, NULL);
  long s = 0;
  for (int i = 0; i < 4; i++)
    s += old[i];
  printf("had=%d s=%ld\n", had, s);
  free(old);
  return 0;
}

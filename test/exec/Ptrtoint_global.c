// Ptrtoint_global: negative. The address is converted to an integer, stored
// to a global, and turned back into a pointer by main.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=96
// OUT-NEXT: exit status: 0
// CHECK: Ptrtoint_global.c:15:12: malloc(32) escapes to heap
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

uintptr_t g_addr;

__attribute__((noinline)) static void hide(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n + 2 * i;
  g_addr = (uintptr_t)p;
}

int main(void) {
  hide(5);
  int *q = (int *)g_addr;
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += q[i];
  printf("s=%ld\n", s);
  free(q);
  return 0;
}

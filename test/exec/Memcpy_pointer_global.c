// Memcpy_pointer_global: negative. The bytes of the object's address are
// copied into a global with memcpy.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=532
// OUT-NEXT: exit status: 0
// CHECK: Memcpy_pointer_global.c:15:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *g_ptr;

__attribute__((noinline)) static void stash(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n - i;
  memcpy(&g_ptr, &p, sizeof p);
}

int main(void) {
  stash(70);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += g_ptr[i];
  printf("s=%ld\n", s);
  free(g_ptr);
  return 0;
}

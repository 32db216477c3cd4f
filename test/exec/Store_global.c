// Store_global: negative. The object's address is stored to a global and
// read by main after produce() returns.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=140
// OUT-NEXT: exit status: 0
// CHECK: Store_global.c:14:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

int *g_cache;

__attribute__((noinline)) static void produce(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * i;
  g_cache = p;
}

int main(void) {
  produce(5);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += g_cache[i];
  printf("s=%ld\n", s);
  free(g_cache);
  return 0;
}

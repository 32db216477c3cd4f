// Memcpy_data_global: positive. memcpy copies the object's data (plain ints)
// into a global buffer; the object's address is not copied.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=368 last=53
// OUT-NEXT: exit status: 0
// CHECK: Memcpy_data_global.c:15:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int g_snapshot[16];

__attribute__((noinline)) static void snapshot(int n) {
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = n * i - 7;
  memcpy(g_snapshot, p, 16 * sizeof(int));
  free(p);
}

int main(void) {
  snapshot(4);
  long s = 0;
  for (int i = 0; i < 16; i++)
    s += g_snapshot[i];
  printf("s=%ld last=%d\n", s, g_snapshot[15]);
  return 0;
}

// Memmove_pointer_global: negative. Pointers into the object are put in a
// local array, and memmove (with a run-time length, so it stays a call)
// copies that array into a global table.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=3091521
// OUT-NEXT: exit status: 0
// CHECK: Memmove_pointer_global.c:17:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int count = 4;
int *g_table[4];

__attribute__((noinline)) static void stash(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * i;
  int *local[4] = {p, p + 2, p + 4, p + 6};
  memmove(g_table, local, count * sizeof(int *));
}

int main(void) {
  stash(3);
  long s = 0;
  for (int i = 0; i < 4; i++)
    s = s * 100 + g_table[i][1];
  printf("s=%ld\n", s);
  free(g_table[0]);
  return 0;
}

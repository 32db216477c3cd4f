// Store_loaded_back_global: negative. The object's address is stored into a
// holder object, loaded back (at a run-time index) and then stored to a
// global: the escape goes through memory. The holder itself never escapes
// (only its content does) and moves to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: pick=3,4
// OUT-NEXT: exit status: 0
// CHECK: Store_loaded_back_global.c:18:13: malloc(16) does not escape
// CHECK-NEXT: Store_loaded_back_global.c:19:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 1;
int *g_pick;

__attribute__((noinline)) static void choose(int k) {
  int **h = malloc(2 * sizeof(int *)); // stack: malloc(16)
  int *a = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    a[i] = k + i;
  h[0] = a;
  h[1] = a + 2;
  g_pick = h[k & 1];
  free(h);
}

int main(void) {
  choose(seed);
  printf("pick=%d,%d\n", g_pick[0], g_pick[1]);
  free(g_pick - 2);
  return 0;
}

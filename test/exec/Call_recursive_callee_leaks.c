// Call_recursive_callee_leaks: negative. The callee is recursive and stores
// its parameter to a global at the bottom of the recursion: its summary must
// say the parameter leaks.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: depth=5 last=8
// OUT-NEXT: exit status: 0
// CHECK: Call_recursive_callee_leaks.c:23:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

int *g_bottom;

__attribute__((noinline)) static int descend(int *p, int d) {
  if (d == 0) {
    g_bottom = p;
    return 0;
  }
  return 1 + descend(p, d - 1) + p[d & 3] * 0;
}

__attribute__((noinline)) static int work(int k) {
  int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    p[i] = k + i;
  return descend(p, k);
}

int main(void) {
  int depth = work(5);
  printf("depth=%d last=%d\n", depth, g_bottom[3]);
  free(g_bottom);
  return 0;
}

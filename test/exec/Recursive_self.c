// Recursive_self: negative, by policy. The allocating function calls itself
// (not a tail call: it frees after the recursive call); functions on a
// call-graph cycle convert nothing, since their stack use has no bound.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=71260
// OUT-NEXT: exit status: 0
// CHECK: Recursive_self.c:20:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long depth_sum(int d) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = d * i;
  long s = sum(p, 8);
  if (d > 0)
    s += 2 * depth_sum(d - 1);
  s += p[7];
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", depth_sum(10));
  return 0;
}

// Recursive_mutual: negative, by policy. ping and pong call each other; both
// allocate, and neither is converted.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=3757
// OUT-NEXT: exit status: 0
// CHECK: Recursive_mutual.c:22:12: malloc(16) escapes to heap
// CHECK-NEXT: Recursive_mutual.c:34:12: malloc(24) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long pong(int d);

__attribute__((noinline)) static long ping(int d) {
  int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    p[i] = d + i;
  long s = sum(p, 4);
  if (d > 0)
    s += pong(d - 1);
  s -= p[0];
  free(p);
  return s;
}

__attribute__((noinline)) static long pong(int d) {
  int *q = malloc(6 * sizeof(int)); // heap: malloc(24)
  for (int i = 0; i < 6; i++)
    q[i] = d * i;
  long s = sum(q, 6);
  if (d > 0)
    s += 3 * ping(d - 1);
  s += q[5];
  free(q);
  return s;
}

int main(void) {
  printf("s=%ld\n", ping(9));
  return 0;
}

// Recursive_mutual: positive. ping and pong call each other. ping's
// allocation runs once per call: it takes stack memory after a per-thread
// side stack. pong allocates two objects in a loop and frees them in the
// reverse order: each free finds its object on the side stack's top and
// gives it back, so each iteration reuses the same memory. Counts: 31 pings
// and 62 pong iterations with two each (side stack), stdout's buffer.
// (Before, with two objects in the loop, both stayed on the heap: 125.)
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -F -e ':36:12:' -e ':50:14:' -e ':51:14:' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: s=54335
// OUT-NEXT: exit status: 0
// CHECK: Recursive_mutual.c:36:12: malloc(16) does not escape:
// CHECK-NEXT: Recursive_mutual.c:36:12:   recursive: on the thread's side stack while it has room, else on the heap
// CHECK-NEXT: Recursive_mutual.c:50:14: malloc(24) does not escape:
// CHECK-NEXT: Recursive_mutual.c:50:14:   recursive: on the thread's side stack while it has room, else on the heap
// CHECK-NEXT: Recursive_mutual.c:51:14: malloc(8) does not escape:
// CHECK-NEXT: Recursive_mutual.c:51:14:   recursive: on the thread's side stack while it has room, else on the heap
// COUNT: plain: 156
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>

static volatile int rounds = 2;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long pong(int d);

__attribute__((noinline)) static long ping(int d) {
  int *p = malloc(4 * sizeof(int)); // stack: malloc(16), checked
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
  long s = 0;
  for (int k = 0; k < rounds; k++) {
    int *q = malloc(6 * sizeof(int)); // side stack: malloc(24), in a loop
    int *r = malloc(2 * sizeof(int)); // side stack: malloc(8), freed first
    for (int i = 0; i < 6; i++)
      q[i] = d * i + k;
    r[0] = k;
    r[1] = d;
    s += sum(q, 6) + sum(r, 2);
    if (d > 0)
      s += 3 * ping(d - 1);
    s += q[5];
    free(r);
    free(q);
  }
  return s;
}
int main(void) {
  printf("s=%ld\n", ping(9));
  return 0;
}

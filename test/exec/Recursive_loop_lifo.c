// Recursive_loop_lifo: positive. An interpreter's shape: run() takes a frame
// when it starts, and its loop allocates, per CALL, an argument vector and a
// scratch record, runs the callee by a recursive call and frees the two in
// the reverse order. Every object comes from the side stack: each free finds
// its object on the top and gives it back, so the loop takes the same
// memory every iteration: the outermost loop's 20000 iterations (2 MB of
// temporaries, more than the 1 MiB side stack) need no heap. Each object
// carries a pattern checked after the recursive call (a callee handed
// memory that is still live would break it). Counts: 1365 frames and
// 2 * (20000 + 1364) temporaries (side stack), stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=20505 calls=1365 bad=0
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_lifo.c:38:17: malloc(96) does not escape
// CHECK-NEXT: Recursive_loop_lifo.c:44:18: malloc(64) does not escape
// CHECK-NEXT: Recursive_loop_lifo.c:45:18: malloc(40) does not escape
// COUNT: plain: 44086
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int fanout = 4, depth = 5, outer = 20000;
static long calls, bad;

__attribute__((noinline)) static void paint(long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    p[i] = seed * 31 + i;
}
__attribute__((noinline)) static void check(const long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    bad += p[i] != seed * 31 + i;
}

__attribute__((noinline)) static long run(int level, long id) {
  long *frame = malloc(12 * sizeof(long)); // side stack: before the loop
  paint(frame, 12, id);
  long sum = id % 7;
  calls++;
  int iters = level == depth ? 0 : level == 0 ? outer : fanout;
  for (int k = 0; k < iters; k++) {
    long *args = malloc(8 * sizeof(long)); // side stack: in the loop
    long *temp = malloc(5 * sizeof(long)); // side stack: in the loop, freed first
    paint(args, 8, id * 8 + k);
    paint(temp, 5, -id - k);
    if (k < fanout)
      sum += run(level + 1, id * fanout + k) % 5;
    sum += (args[k % 8] + temp[k % 5]) % 3;
    check(args, 8, id * 8 + k);
    check(temp, 5, -id - k);
    free(temp);
    free(args);
  }
  check(frame, 12, id);
  free(frame);
  return sum;
}

int main(void) {
  long s = run(0, 1);
  printf("sum=%ld calls=%ld bad=%ld\n", s, calls, bad);
  return 0;
}

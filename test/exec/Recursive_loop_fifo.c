// Recursive_loop_fifo: positive, and the side stack stays sound when frees
// do not come in the reverse order of the allocations. walk's loop takes
// two objects of one size, frees one of them through a pointer that may be
// either, takes a third, then frees the rest. A free finds its object on
// the side stack's top only when nothing is above it: freeing a first (b
// above it) gives nothing back, and the third object goes above b; freeing
// b first gives its memory back, and the third object takes it while a,
// below, keeps its pattern. Memory not given back waits for walk's return:
// 3000 walks of 85 calls each leave up to 3000 * 85 * 2 * 48 bytes (more
// than the 1 MiB side stack) that return gives back. Counts: 3000 * 85 * 2 *
// 3 objects (side stack), stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=1020000 bad=0
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_fifo.c:41:15: malloc(48) does not escape
// CHECK-NEXT: Recursive_loop_fifo.c:42:15: malloc(48) does not escape
// CHECK-NEXT: Recursive_loop_fifo.c:49:15: malloc(48) does not escape
// COUNT: plain: 1530001
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>

static volatile int fanout = 2, depth = 3, iters = 2, walks = 3000;
static long bad;

__attribute__((noinline)) static void paint(long *p, long seed) {
  for (int i = 0; i < 6; i++)
    p[i] = seed * 13 + i;
}
__attribute__((noinline)) static long check(const long *p, long seed) {
  for (int i = 0; i < 6; i++)
    bad += p[i] != seed * 13 + i;
  return p[5] & 1;
}

__attribute__((noinline)) static long walk(int level, long id) {
  long sum = 0;
  for (int k = 0; k < iters; k++) {
    long *a = malloc(6 * sizeof(long)); // side stack
    long *b = malloc(6 * sizeof(long)); // side stack
    paint(a, id + k);
    paint(b, -id - k);
    int odd = (id + k) & 1;
    long *first = odd ? a : b, *second = odd ? b : a;
    long sseed = odd ? -id - k : id + k;
    free(first);                        // a (not on the top) or b (on the top)
    long *c = malloc(6 * sizeof(long)); // side stack: above b, or in b's place
    paint(c, id * 7);
    if (level < depth)
      for (int j = 0; j < fanout; j++)
        sum += walk(level + 1, id * fanout + j);
    sum += check(second, sseed) + check(c, id * 7) + 1;
    free(c);
    free(second);
  }
  return sum;
}

int main(void) {
  long s = 0;
  for (int w = 0; w < walks; w++)
    s += walk(0, w);
  printf("sum=%ld bad=%ld\n", s, bad);
  return 0;
}

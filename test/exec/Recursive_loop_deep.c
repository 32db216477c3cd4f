// Recursive_loop_deep: positive, and the fallback. A recursion 20000 deep
// takes, per level, a 256-byte record before its loop and a 512-byte buffer
// in each of the loop's two iterations; the first iteration recurses while
// its buffer is live. The side stack (1 MiB) holds about 1365 levels; deeper
// levels find it full and call malloc as before, and as the recursion
// unwinds the shallower levels' second iterations take side-stack memory
// again. The thread's own stack is untouched. Patterns are checked after
// the recursive call. %exec also runs it on a 128 KiB thread stack, where
// the plain build overflows too (not compared). Counts: 3 objects per level;
// the side stack holds the first 1365 levels (4096 objects stay off the heap), stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: s=80000 bad=0 deepest=20000
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_deep.c:37:14: malloc(256) does not escape
// CHECK-NEXT: Recursive_loop_deep.c:41:16: malloc(512) does not escape
// COUNT: plain: 60001
// COUNT-NEXT: escape: 55905
#include <stdio.h>
#include <stdlib.h>

static volatile int levels = 20000;
static long bad;
static int deepest;

__attribute__((noinline)) static void paint(int *p, int n, int seed) {
  for (int i = 0; i < n; i++)
    p[i] = seed * 3 + i;
}
__attribute__((noinline)) static void check(const int *p, int n, int seed) {
  for (int i = 0; i < n; i++)
    bad += p[i] != seed * 3 + i;
}

__attribute__((noinline)) static long down(int d) {
  int *rec = malloc(64 * sizeof(int)); // side stack, then heap when full
  paint(rec, 64, d);
  long s = 0;
  for (int k = 0; k < 2; k++) {
    int *buf = malloc(128 * sizeof(int)); // side stack, then heap when full
    paint(buf, 128, d * 2 + k);
    if (k == 0 && d < levels)
      s += down(d + 1);
    else if (d > deepest)
      deepest = d;
    check(buf, 128, d * 2 + k);
    s += buf[127] % 5;
    free(buf);
  }
  check(rec, 64, d);
  s += rec[63] % 3;
  free(rec);
  return s;
}

int main(void) {
  long s = down(1);
  printf("s=%ld bad=%ld deepest=%d\n", s, bad, deepest);
  return 0;
}

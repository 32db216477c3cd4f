// Recursive_loop_longjmp: positive, and sound when a callee leaves by
// longjmp. walk recurses in a loop with a side-stack buffer per iteration;
// at its deepest level it sometimes longjmps back to guard (which calls
// setjmp, so guard itself converts nothing). walk's frames are gone without
// their releases: their side-stack memory stays above the top. outer, a
// recursive loop around guard, takes an object before the call and one
// after it (above that memory): the second one's free finds it on the top,
// the first one's does not (the memory left by walk is above it) and waits
// for outer's return, whose release gives back walk's leftovers too. 2000
// outer trees leave 8 MB that way, more than the 1 MiB side stack: released
// at each return, none of it needs the heap. Patterns are checked after
// every call. Counts: 270672 objects, 56000 of them outer's (side
// stack), stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: s=-69985 jumps=28000 bad=0
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_longjmp.c:48:15: malloc(48) does not escape
// CHECK-NEXT: Recursive_loop_longjmp.c:74:15: malloc(64) does not escape
// CHECK-NEXT: Recursive_loop_longjmp.c:77:15: malloc(64) does not escape
// COUNT: plain: 270673
// COUNT-NEXT: escape: 1
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int wdepth = 5, odepth = 2, iters = 2, trees = 2000;
static long bad, jumps;
static jmp_buf *jb_now;

__attribute__((noinline)) static void paint(long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    p[i] = seed * 23 + i;
}
__attribute__((noinline)) static void check(const long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    bad += p[i] != seed * 23 + i;
}
__attribute__((noinline)) static void bail(void) {
  jumps++;
  longjmp(*jb_now, 1);
}

__attribute__((noinline)) static long walk(int d, long id) {
  long s = 0;
  for (int k = 0; k < iters; k++) {
    long *x = malloc(6 * sizeof(long)); // side stack, left behind by longjmp
    paint(x, 6, id + d * 5 + k);
    if (d == wdepth && (id + k) % 3 == 0)
      bail();
    if (d < wdepth)
      s += walk(d + 1, id + k);
    check(x, 6, id + d * 5 + k);
    s += x[5] % 2;
    free(x);
  }
  return s;
}

__attribute__((noinline)) static long guard(long id) {
  jmp_buf jb, *saved = jb_now;
  volatile long r = -1;
  jb_now = &jb;
  if (setjmp(jb) == 0)
    r = walk(0, id);
  jb_now = saved;
  return r;
}

__attribute__((noinline)) static long outer(int level, long id) {
  long s = 0;
  for (int k = 0; k < iters; k++) {
    long *a = malloc(8 * sizeof(long)); // side stack: its free waits for the return
    paint(a, 8, id * 3 + k);
    s += guard(id + k);
    long *b = malloc(8 * sizeof(long)); // side stack: above walk's leftovers
    paint(b, 8, -id - k);
    if (level < odepth)
      s += outer(level + 1, id * 2 + k);
    check(b, 8, -id - k);
    check(a, 8, id * 3 + k);
    s += a[7] % 3 + b[7] % 5;
    free(b);
    free(a);
  }
  return s;
}

int main(void) {
  long s = 0;
  for (int t = 0; t < trees; t++)
    s += outer(0, t);
  printf("s=%ld jumps=%ld bad=%ld\n", s, jumps, bad);
  return 0;
}

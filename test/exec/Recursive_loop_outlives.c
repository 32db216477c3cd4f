// Recursive_loop_outlives: negative beside positive. walk's loop keeps each
// iteration's record until the next iteration has made its own (allocated
// in iteration i, freed in i + 1): it is live across iterations and stays on
// the heap. The loop's scratch buffer, freed in its own iteration, comes
// from the side stack; it is allocated after the record, so its free finds
// it on the top. Patterns are checked after the recursive calls. Counts:
// 121 calls * 3 records (heap), 121 * 3 scratch buffers (side stack), and
// stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -F -e ':38:' -e ':40:' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=3630 bad=0
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_outlives.c:38:17: malloc(48) escapes to heap:
// CHECK-NEXT: Recursive_loop_outlives.c:38:17:   live across loop iterations
// CHECK-NEXT: Recursive_loop_outlives.c:40:21: malloc(32) does not escape:
// CHECK-NEXT: Recursive_loop_outlives.c:40:21:   recursive: on the thread's side stack while it has room, else on the heap
// COUNT: plain: 727
// COUNT-NEXT: escape: 364
#include <stdio.h>
#include <stdlib.h>

static volatile int fanout = 3, depth = 4, iters = 3;
static long bad;

__attribute__((noinline)) static void paint(long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    p[i] = seed * 17 + i;
}
__attribute__((noinline)) static void check(const long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    bad += p[i] != seed * 17 + i;
}

__attribute__((noinline)) static long walk(int level, long id) {
  long sum = 0, *prev = 0, pseed = 0;
  for (int k = 0; k < iters; k++) {
    long *rec = malloc(6 * sizeof(long)); // heap: kept into the next iteration
    paint(rec, 6, id + k);
    long *scratch = malloc(4 * sizeof(long)); // side stack
    paint(scratch, 4, -id);
    if (level < depth && k == 0)
      for (int j = 0; j < fanout; j++)
        sum += walk(level + 1, id * fanout + j);
    check(scratch, 4, -id);
    free(scratch);
    if (prev) {
      check(prev, 6, pseed);
      free(prev);
    }
    prev = rec;
    pseed = id + k;
    sum += 10;
  }
  check(prev, 6, pseed);
  free(prev);
  return sum;
}

int main(void) {
  printf("sum=%ld bad=%ld\n", walk(0, 1), bad);
  return 0;
}

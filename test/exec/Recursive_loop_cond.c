// Recursive_loop_cond: positive. An iteration of walk's loop allocates its
// extra buffer only on some iterations (every third) and frees it through a
// pointer that is the buffer or NULL; the line buffer, allocated first on
// every iteration, is freed last. On the iterations with both, the frees
// come in the reverse order and each finds its object on the top; on the
// others the free of NULL changes nothing. Patterns are checked after the
// recursive calls. The outermost loop runs 30000 times (2.4 MB of buffers,
// more than the 1 MiB side stack): with the memory given back, none of it
// needs the heap. Counts: 30156 line buffers and 10052 extra ones (side
// stack), stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=25155 bad=0
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_cond.c:39:18: malloc(64) does not escape
// CHECK-NEXT: Recursive_loop_cond.c:43:15: malloc(32) does not escape
// COUNT: plain: 40209
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>

static volatile int fanout = 4, depth = 4, iters = 3, outer = 30000;
static long bad;

__attribute__((noinline)) static void paint(long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    p[i] = seed * 19 + i;
}
__attribute__((noinline)) static void check(const long *p, int n, long seed) {
  for (int i = 0; i < n; i++)
    bad += p[i] != seed * 19 + i;
}

__attribute__((noinline)) static long walk(int level, long id) {
  long sum = 0;
  int m = level == depth ? 0 : level == 0 ? outer : iters;
  for (int k = 0; k < m; k++) {
    long *line = malloc(8 * sizeof(long)); // side stack: every iteration
    paint(line, 8, id + k);
    long *extra = 0;
    if ((id + k) % 3 == 0) {
      extra = malloc(4 * sizeof(long)); // side stack: every third iteration
      paint(extra, 4, -k);
    }
    if (k < fanout)
      sum += walk(level + 1, id * fanout + k);
    if (extra) {
      check(extra, 4, -k);
      sum += extra[3] % 2;
    }
    free(extra);
    check(line, 8, id + k);
    sum += line[7] % 3;
    free(line);
  }
  return sum;
}

int main(void) {
  printf("sum=%ld bad=%ld\n", walk(0, 1), bad);
  return 0;
}

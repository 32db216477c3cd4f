// Free_select_param: positive. free() receives a select between the object
// and a pointer parameter; the free cannot simply be deleted: it stays, given
// NULL for the object, which moves (solve.c free_mixed; a negative before).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t=1656136
// OUT-NEXT: exit status: 0
// CHECK: Free_select_param.c:24:14: malloc(32) does not escape
// CHECK-NEXT: Free_select_param.c:38:16: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int rounds = 2;
static volatile int seed = 1;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long swap_free(int *ext, int which) {
  int *own = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    own[i] = 100 + i;
  long s = sum(own, 8) * 1000 + sum(ext, 8);
  int *first = which ? own : ext;
  int *second = which ? ext : own;
  free(first);
  free(second);
  return s;
}

int main(void) {
  long t = 0;
  for (int w = 0; w < rounds; w++) {
    int *ext = malloc(8 * sizeof(int)); // heap: malloc(32)
    for (int i = 0; i < 8; i++)
      ext[i] = w * 10 + i;
    t += swap_free(ext, w ^ seed);
  }
  printf("t=%ld\n", t);
  return 0;
}

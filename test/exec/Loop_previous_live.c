// Loop_previous_live: negative. The object from the previous iteration is
// still read after the next allocation runs, so one slot cannot serve both.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=-4481600
// OUT-NEXT: exit status: 0
// CHECK: Loop_previous_live.c:29:16: malloc(64) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 6;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void fill(int *p, int n, int base) {
  for (int i = 0; i < n; i++)
    p[i] = base + i;
}

__attribute__((noinline)) static long chain(int n) {
  int *prev = NULL;
  long s = 0;
  for (int r = 0; r < n; r++) {
    int *cur = malloc(16 * sizeof(int)); // heap: malloc(64)
    fill(cur, 16, r * 100);
    if (prev)
      s = s * 7 + sum(prev, 16) - sum(cur, 16);
    free(prev);
    prev = cur;
  }
  free(prev);
  return s;
}

int main(void) {
  printf("s=%ld\n", chain(count));
  return 0;
}

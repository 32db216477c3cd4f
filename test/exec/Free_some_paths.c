// Free_some_paths: positive. The object is freed on one path only (it leaks
// on the other in the plain build); it never escapes, so it moves to the
// stack and its one free goes away.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t=12024036048060
// OUT-NEXT: exit status: 0
// CHECK: Free_some_paths.c:20:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long maybe_free(int k) {
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  long s = sum(p, 16);
  if (k & 1)
    free(p);
  return s;
}

int main(void) {
  long t = 0;
  for (int k = 0; k < 6; k++)
    t = t * 1000 + maybe_free(k) / 10;
  printf("t=%ld\n", t);
  return 0;
}

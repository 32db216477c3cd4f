// Free_some_paths_escape: negative. The object is freed on one path and
// stored to a global table on the other.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t=1800 kept=240480
// OUT-NEXT: exit status: 0
// CHECK: Free_some_paths_escape.c:22:12: malloc(64) escapes to heap
#include <stdio.h>
#include <stdlib.h>

int *g_keep[8];
int g_kept;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long free_or_keep(int k) {
  int *p = malloc(16 * sizeof(int)); // heap: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  long s = sum(p, 16);
  if (k & 1)
    free(p);
  else
    g_keep[g_kept++] = p;
  return s;
}

int main(void) {
  long t = 0;
  for (int k = 0; k < 6; k++)
    t += free_or_keep(k);
  long kept = 0;
  for (int i = 0; i < g_kept; i++) {
    kept = kept * 1000 + sum(g_keep[i], 16);
    free(g_keep[i]);
  }
  printf("t=%ld kept=%ld\n", t, kept);
  return 0;
}

// Library models with callbacks: qsort and bsearch hand pointers into their
// arrays to the comparator.  A comparator defined here is judged by its
// summary; one that keeps its argument, or one not known here (a function
// pointer from outside), keeps the array on the heap.  printf's variadic
// arguments are only read.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const void *g_seen;

static int by_value(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}
static int by_value_keep(const void *a, const void *b) {
  g_seen = a;
  return *(const int *)a - *(const int *)b;
}

__attribute__((noinline)) int sort_with(int (*cmp)(const void *, const void *), int k) {
  int *v = malloc(8 * sizeof *v);
  for (int i = 0; i < 8; i++)
    v[i] = (i * 5 + k) % 8;
  qsort(v, 8, sizeof *v, cmp);
  int r = v[0] * 10 + v[7];
  free(v);
  return r;
}

int main(int argc, char **argv) {
  // TEST 1 - positive: a comparator that only reads.
  int *a = malloc(8 * sizeof *a);
  for (int i = 0; i < 8; i++)
    a[i] = (i * 3 + argc) % 8;
  qsort(a, 8, sizeof *a, by_value);
  int key = 5;
  int *hit = bsearch(&key, a, 8, sizeof *a, by_value);
  printf("sorted %d %d found %d\n", a[0], a[7], hit ? *hit : -1);
  free(a);
  // TEST 2 - negative: the comparator keeps a pointer into the array.
  int *b = malloc(8 * sizeof *b);
  for (int i = 0; i < 8; i++)
    b[i] = (i * 7 + argc) % 8;
  qsort(b, 8, sizeof *b, by_value_keep);
  printf("kept %d\n", g_seen != NULL);
  // TEST 3 - positive: a string read by printf's %s.
  char *s = malloc(32);
  snprintf(s, 32, "argc=%d", argc);
  printf("%s\n", s);
  free(s);
  // TEST 4 - negative: sort_with's comparator is a parameter, unknown there.
  printf("%d\n", sort_with(by_value, argc));
  return 0;
}

// OUT: sorted 0 7 found 5
// OUT-NEXT: kept 1
// OUT-NEXT: argc=1
// OUT-NEXT: 7
// CHECK: Summary_callbacks.c:14:33: a does not escape
// CHECK-NEXT: Summary_callbacks.c:14:48: b does not escape
// CHECK-NEXT: Summary_callbacks.c:17:38: leaking param: a
// CHECK-NEXT: Summary_callbacks.c:17:53: b does not escape
// CHECK-NEXT: Summary_callbacks.c:22:47: cmp does not escape
// CHECK-NEXT: Summary_callbacks.c:23:12: malloc(32) escapes to heap
// CHECK-NEXT: Summary_callbacks.c:32:27: argv does not escape
// CHECK-NEXT: Summary_callbacks.c:34:12: malloc(32) does not escape
// CHECK-NEXT: Summary_callbacks.c:43:12: malloc(32) escapes to heap
// CHECK-NEXT: Summary_callbacks.c:49:13: malloc(32) does not escape

// Call_indirect: negative. The object is passed through a function pointer
// the compiler cannot resolve (it lives in a volatile), so the callee is
// unknown even though it happens to be harmless.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=95
// OUT-NEXT: exit status: 0
// CHECK: Call_indirect.c:22:12: malloc(40) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

static long (*volatile g_op)(const int *, int) = sum;

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(10 * sizeof(int)); // heap: malloc(40)
  for (int i = 0; i < 10; i++)
    p[i] = k + i;
  long s = g_op(p, 10);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(5));
  return 0;
}

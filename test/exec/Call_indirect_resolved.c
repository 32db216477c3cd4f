// Call_indirect_resolved: positive. The function pointer is a constant, so
// LLVM turns the call into a direct call to a nocapture, nofree helper.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=95
// OUT-NEXT: exit status: 0
// CHECK: Call_indirect_resolved.c:21:12: malloc(40) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

static long (*const op)(const int *, int) = sum;

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(10 * sizeof(int)); // stack: malloc(40)
  for (int i = 0; i < 10; i++)
    p[i] = k + i;
  long s = op(p, 10);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(5));
  return 0;
}

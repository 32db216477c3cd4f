// Budget_within: positive. Two 32768-byte objects in one function use the
// per-function budget of 65536 exactly: both move to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=753664
// OUT-NEXT: exit status: 0
// CHECK: Budget_within.c:21:22: malloc(32768) does not escape
// CHECK-NEXT: Budget_within.c:22:22: malloc(32768) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long csum(const unsigned char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  unsigned char *a = malloc(32768); // stack: malloc(32768)
  unsigned char *b = malloc(32768); // stack: malloc(32768)
  memset(a, k, 32768);
  memset(b, k + 1, 32768);
  long s = csum(a, 32768) * 10 + csum(b, 32768);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(2));
  return 0;
}

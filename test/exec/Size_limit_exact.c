// Size_limit_exact: positive. Exactly 65536 bytes is within the per-object cap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=196805
// OUT-NEXT: exit status: 0
// CHECK: Size_limit_exact.c:19:22: malloc(65536) does not escape
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
  unsigned char *p = malloc(65536); // stack: malloc(65536)
  memset(p, k, 65536);
  p[65535] = 200;
  long s = csum(p, 65536);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(3));
  return 0;
}

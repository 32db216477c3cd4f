// Size_too_large: negative. 65537 bytes is over the per-object cap of 65536.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=196808
// OUT-NEXT: exit status: 0
// CHECK: Size_too_large.c:19:22: malloc(65537) escapes to heap
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
  unsigned char *p = malloc(65537); // heap: malloc(65537)
  memset(p, k, 65537);
  p[65536] = 200;
  long s = csum(p, 65537);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(3));
  return 0;
}

// Free_in_caller: positive. The helper only reads; the function that made the
// object frees it, so the free goes away with the heap object.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=109
// OUT-NEXT: s=189
// OUT-NEXT: exit status: 0
// CHECK: Free_in_caller.c:20:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long inspect(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = k + i;
  long s = inspect(p, 8) + 1;
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(10));
  printf("s=%ld\n", work(20));
  return 0;
}

// Call_weak_interposable: negative. The helper is a weak definition: another
// object file may replace it at link time, so its body proves nothing.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=315
// OUT-NEXT: exit status: 0
// CHECK: Call_weak_interposable.c:19:12: malloc(40) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((weak, noinline)) long wsum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(10 * sizeof(int)); // heap: malloc(40)
  for (int i = 0; i < 10; i++)
    p[i] = k * i;
  long s = wsum(p, 10);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(7));
  return 0;
}

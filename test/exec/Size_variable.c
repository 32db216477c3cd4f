// Size_variable: negative. The size is only known at run time.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=198
// OUT-NEXT: exit status: 0
// CHECK: Size_variable.c:21:12: malloc(bytes) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 12;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int n) {
  size_t bytes = n * sizeof(int);
  int *p = malloc(bytes); // heap: malloc(bytes)
  for (int i = 0; i < n; i++)
    p[i] = i * 3;
  long s = sum(p, n);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(count));
  return 0;
}

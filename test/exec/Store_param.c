// Store_param: negative. The address is stored through a pointer parameter
// into the caller's memory.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: dot=1224
// OUT-NEXT: exit status: 0
// CHECK: Store_param.c:12:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void make(int **out, int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * (i + 1);
  *out = p;
}

int main(void) {
  int *a, *b;
  make(&a, 2);
  make(&b, 3);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += a[i] * b[i];
  printf("dot=%ld\n", s);
  free(a);
  free(b);
  return 0;
}

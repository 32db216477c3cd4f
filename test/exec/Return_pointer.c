// Return_pointer: negative. make() returns its malloc'd object; the caller
// reads it after make's frame is gone, so it must stay on the heap in
// make. make is a builder (region.c): main owns its first call's object,
// which then comes from the side stack until main returns.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: diff=120
// OUT-NEXT: exit status: 0
// CHECK: Return_pointer.c:15:12: malloc(64) escapes to heap
// CHECK-NEXT: Return_pointer.c:22:12: make(2) result does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int *make(int n) {
  int *p = malloc(16 * sizeof(int)); // heap: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = n * i;
  return p;
}

int main(void) {
  int *a = make(2);
  int *b = make(3);
  long s = 0;
  for (int i = 0; i < 16; i++)
    s += b[i] - a[i];
  printf("diff=%ld\n", s);
  free(a);
  free(b);
  return 0;
}

// Return_pointer: negative. make() returns its malloc'd object; the caller
// reads it after make's frame is gone, so it must stay on the heap. make
// is a builder (region.c), but main's b[i] - a[i] reads numbers through an
// int pointer, whose TBAA tag is the scalar's own (not a struct field's):
// they may hold an address, and main owns nothing.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: diff=120
// OUT-NEXT: exit status: 0
// CHECK: Return_pointer.c:15:12: malloc(64) escapes to heap
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

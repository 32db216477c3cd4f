// Realloc_grow: positive (a negative before growable buffers). The object is
// grown with realloc (realloc itself is not an allocation site in the
// report): it starts in a stack buffer, which the realloc moves to the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=360
// OUT-NEXT: exit status: 0
// CHECK: Realloc_grow.c:13:12: malloc(16) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long grow(int k) {
  int *p = malloc(4 * sizeof(int)); // stack: malloc(16), grown
  for (int i = 0; i < 4; i++)
    p[i] = k + i;
  p = realloc(p, 16 * sizeof(int));
  for (int i = 4; i < 16; i++)
    p[i] = k * i;
  long s = 0;
  for (int i = 0; i < 16; i++)
    s += p[i];
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", grow(3));
  return 0;
}

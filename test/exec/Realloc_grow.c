// Realloc_grow: negative. The object is grown with realloc (realloc itself is
// not an allocation site in the report).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=360
// OUT-NEXT: exit status: 0
// CHECK: Realloc_grow.c:12:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long grow(int k) {
  int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
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

// Free_in_helper: negative. A same-file helper frees its parameter; the
// parameter is nocapture but not nofree, so the object must stay on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=109
// OUT-NEXT: s=189
// OUT-NEXT: exit status: 0
// CHECK: Free_in_helper.c:21:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long consume(int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  free(p);
  return s;
}

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = k + i;
  return consume(p, 8) + 1;
}

int main(void) {
  printf("s=%ld\n", work(10));
  printf("s=%ld\n", work(20));
  return 0;
}

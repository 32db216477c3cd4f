// Return_offset: negative. A pointer into the object (past a header word) is
// returned; the caller later frees the base.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: len=8 s=1224
// OUT-NEXT: exit status: 0
// CHECK: Return_offset.c:12:15: malloc(36) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int *make_counted(int n) {
  int *base = malloc(9 * sizeof(int)); // heap: malloc(36)
  base[0] = 8;
  for (int i = 1; i < 9; i++)
    base[i] = n * i;
  return base + 1;
}

int main(void) {
  int *a = make_counted(3);
  int *b = make_counted(4);
  long s = 0;
  for (int i = 0; i < a[-1]; i++)
    s += a[i] * 10 + b[i];
  printf("len=%d s=%ld\n", b[-1], s);
  free(a - 1);
  free(b - 1);
  return 0;
}

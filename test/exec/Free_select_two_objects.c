// Free_select_two_objects: positive. free() receives selects between two
// objects that are both moved to the stack; the frees go away.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=28280
// OUT-NEXT: s=280028
// OUT-NEXT: exit status: 0
// CHECK: Free_select_two_objects.c:23:12: malloc(32) does not escape
// CHECK-NEXT: Free_select_two_objects.c:24:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 1;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long pick(int which) {
  int *a = malloc(8 * sizeof(int)); // stack: malloc(32)
  int *b = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++) {
    a[i] = i;
    b[i] = 10 * i;
  }
  int *x = which ? a : b;
  int *y = which ? b : a;
  long s = sum(x, 8) * 1000 + sum(y, 8);
  free(x);
  free(y);
  return s;
}

int main(void) {
  printf("s=%ld\n", pick(seed));
  printf("s=%ld\n", pick(!seed));
  return 0;
}

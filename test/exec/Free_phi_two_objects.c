// Free_phi_two_objects: positive. free() receives phis of two objects that
// are both moved to the stack, merged from two branches.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=588004
// OUT-NEXT: s=36021
// OUT-NEXT: exit status: 0
// CHECK: Free_phi_two_objects.c:30:12: malloc(32) does not escape
// CHECK-NEXT: Free_phi_two_objects.c:31:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 0;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long scale(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += 3 * p[i];
  return s;
}

__attribute__((noinline)) static long pick(int which) {
  int *a = malloc(8 * sizeof(int)); // stack: malloc(32)
  int *b = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++) {
    a[i] = i + 1;
    b[i] = 7 * i;
  }
  int *first, *second;
  long s;
  if (which) {
    s = sum(a, 8);
    first = a;
    second = b;
  } else {
    s = scale(b, 8);
    first = b;
    second = a;
  }
  free(first);
  s = s * 1000 + second[3];
  free(second);
  return s;
}

int main(void) {
  printf("s=%ld\n", pick(seed));
  printf("s=%ld\n", pick(!seed));
  return 0;
}

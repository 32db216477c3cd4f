// Return_value: positive. The function returns a value computed from its
// object, never the object's address: the object moves to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t2=240 t3=360
// OUT-NEXT: exit status: 0
// CHECK: Return_value.c:19:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long triangle(int n) {
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = n * i;
  long s = sum(p, 16);
  free(p);
  return s;
}

int main(void) {
  long a = triangle(2);
  long b = triangle(3);
  printf("t2=%ld t3=%ld\n", a, b);
  return 0;
}

// Asm_value: positive. Inline assembly only sees a value loaded from the
// object, never its address.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=99
// OUT-NEXT: exit status: 0
// CHECK: Asm_value.c:19:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = k * i;
  int v = p[5];
  __asm__ volatile("" : "+r"(v));
  long s = sum(p, 8) + v;
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(3));
  return 0;
}

// Setjmp_other_function: positive. setjmp is called in main, not in the
// allocating function, which is free to convert.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: total=280
// OUT-NEXT: exit status: 0
// CHECK: Setjmp_other_function.c:22:12: malloc(32) does not escape
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf env;

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
  long s = sum(p, 8);
  free(p);
  return s;
}

int main(void) {
  volatile long total = 0;
  int code = setjmp(env);
  total += work(code + 1);
  if (code < 3)
    longjmp(env, code + 1);
  printf("total=%ld\n", total);
  return 0;
}

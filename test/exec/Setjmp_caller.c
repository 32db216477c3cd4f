// Setjmp_caller: negative, by policy. The allocating function calls setjmp
// (returns_twice); no object in such a function is converted.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a=28 b=-145
// OUT-NEXT: exit status: 0
// CHECK: Setjmp_caller.c:27:12: malloc(32) escapes to heap
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

__attribute__((noinline)) static void bail(int k) {
  if (k > 2)
    longjmp(env, k);
}

__attribute__((noinline)) static long guarded(int k) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = k * i;
  long s;
  int code = setjmp(env);
  if (code == 0) {
    bail(k);
    s = sum(p, 8);
  } else {
    s = -sum(p, 8) - code;
  }
  free(p);
  return s;
}

int main(void) {
  printf("a=%ld b=%ld\n", guarded(1), guarded(5));
  return 0;
}

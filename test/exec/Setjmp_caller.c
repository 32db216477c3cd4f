// Setjmp_caller: positive. The allocating function calls setjmp, but no
// setjmp call can run before the site: its object moves (5 heap
// allocations -> 1, printf's buffer). It is written after setjmp and read
// after longjmp has come back; the plain build and the plugin's print the
// same. ir/Setjmp_pin.ll checks that such a slot stays in memory.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: a=28 b=-190 c=-4
// OUT-NEXT: exit status: 0
// CHECK: Setjmp_caller.c:33:12: malloc(32) does not escape
// COUNT: plain: 5
// COUNT-NEXT: escape: 1
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
  int *p = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    p[i] = k * i;
  long s;
  int code = setjmp(env);
  if (code == 0) {
    p[0] = 9 * k; // written after setjmp: read after the longjmp below
    bail(k);
    s = sum(p, 8) - 9 * k;
  } else {
    s = -sum(p, 8) - code;
  }
  free(p);
  return s;
}

int main(void) {
  printf("a=%ld b=%ld c=%ld\n", guarded(1), guarded(5), guarded(3) - guarded(3) - 4);
  return 0;
}

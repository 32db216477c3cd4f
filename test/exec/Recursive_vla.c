// Recursive_vla: a recursive function's object made inside a variable-length
// array's scope and used after it: the scope's end (llvm.stackrestore) must
// not take the object with it. Side-stack memory is not on the thread's
// stack, so it stays until the function returns.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: 2244
// OUT-NEXT: exit status: 0
// CHECK: Recursive_vla.c:21:9: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int levels = 10, width = 40;

__attribute__((noinline)) static int rec(int d, int n) {
  char *p;
  {
    char vla[n];
    memset(vla, 'a' + d % 26, (size_t)n);
    p = malloc(32); // side stack: checked
    memcpy(p, vla, 31);
    p[31] = 0;
  }
  int r = d ? rec(d - 1, n) : 0;
  r += p[0] + p[30];
  free(p);
  return r;
}

int main(void) {
  printf("%d\n", rec(levels, width));
  return 0;
}

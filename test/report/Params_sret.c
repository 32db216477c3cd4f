// Params_sret: a function that returns a struct through a hidden pointer
// (sret) names its parameters as the source does (they were shifted by
// one); the hidden one is the result, ~r0 as Go names it, with no line.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines
// CHECK: Params_sret.c:14:50: leaking param: x to content of ~r0 level=0
// CHECK-NEXT: Params_sret.c:14:59: leaking param: y
#include <string.h>

struct big {
  char *p;
  long a[8];
};
char *g;
__attribute__((noinline)) struct big mkbig(char *x, char *y) {
  struct big b;
  memset(&b, 0, sizeof b);
  b.p = x;
  g = y;
  return b;
}

int main(int argc, char **argv) {
  struct big b = mkbig(argv[0], argv[1]);
  return (int)b.a[0] + (b.p != 0);
}

// Region_musttail: negative (found by a review). f would own build's tree,
// but it returns through a musttail call: a release of the side-stack mark
// cannot go between that call and its return, so the tree stays on the
// heap (before the fix: invalid IR, and the backend stopped with "failed
// to perform tail call elimination"). owner, the same without musttail,
// owns it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'result' | FileCheck %s --match-full-lines --implicit-check-not=result
// OUT: g 67 3
// OUT-NEXT: owner 67
// OUT-NEXT: exit status: 0
// CHECK: Region_musttail.c:25:20: build(d) result does not escape
#include "Inputs/region_tree.h"
__attribute__((noinline)) int g(int c, int d) {
  printf("g %d %d\n", c, d);
  return c + d;
}
__attribute__((noinline)) int f(int d, int e) {
  struct node *r = build(d, 0);
  int c = count(r);
  drop(r);
  [[clang::musttail]] return g(c, e);
}
__attribute__((noinline)) int owner(int d) {
  struct node *r = build(d, 0);
  int c = count(r);
  drop(r);
  printf("owner %d\n", c);
  return c;
}
int main(int argc, char **argv) {
  (void)argv;
  return f(argc + 6, 3) + owner(argc + 6) > 0 ? 0 : 1;
}

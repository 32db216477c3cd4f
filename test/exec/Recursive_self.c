// Recursive_self: positive (checked) beside negative. The allocating function
// calls itself (not a tail call: it frees after the recursive call), so its
// stack use has no static bound: each call takes its 32 bytes of stack only
// after a run-time check that the thread's stack has room. Without the check
// (-escape-side-stack=false) recursion keeps its heap. Counts: 11 calls plus
// stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s -mllvm -escape-side-stack=false | grep -F '(' | FileCheck %s --check-prefix=NOCHECK --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: s=71260
// OUT-NEXT: exit status: 0
// CHECK: Recursive_self.c:28:12: malloc(32) does not escape
// NOCHECK: Recursive_self.c:28:12: malloc(32) escapes to heap
// COUNT: plain: 12
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long depth_sum(int d) {
  int *p = malloc(8 * sizeof(int)); // stack: malloc(32), checked
  for (int i = 0; i < 8; i++)
    p[i] = d * i;
  long s = sum(p, 8);
  if (d > 0)
    s += 2 * depth_sum(d - 1);
  s += p[7];
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", depth_sum(10));
  return 0;
}

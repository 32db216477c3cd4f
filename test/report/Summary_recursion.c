// Summaries of recursive functions are solved together to a fixed point: a
// call inside the cycle is an edge, not an escape.  The objects handed to
// them by a non-recursive caller stay on the stack when the cycle only
// reads them; the recursive functions' own allocations stay on the heap by
// policy (no stack growth per recursion level).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g_last;

// Self-recursive, only reads.
__attribute__((noinline)) int count(const char *s, int i) {
  return s[i] ? 1 + count(s, i + 1) : 0;
}

// Mutually recursive, only read.
__attribute__((noinline)) int odd(const char *s, int i);
__attribute__((noinline)) int even(const char *s, int i) {
  return s[i] ? odd(s, i + 1) : 1;
}
__attribute__((noinline)) int odd(const char *s, int i) {
  return s[i] ? even(s, i + 1) : 0;
}

// Mutually recursive, and one of them leaks at the bottom.
__attribute__((noinline)) void down2(char *s, int i);
__attribute__((noinline)) void down1(char *s, int i) {
  if (i == 0)
    g_last = s;
  else
    down2(s, i - 1);
}
__attribute__((noinline)) void down2(char *s, int i) { down1(s, i); }

// Recursive, own allocation: from the side stack (without it, the heap).
__attribute__((noinline)) int depth(int n) {
  char *scratch = malloc(8);
  memset(scratch, 'a', 7);
  scratch[7] = 0;
  int r = n ? depth(n - 1) + count(scratch, 0) : 0;
  free(scratch);
  return r;
}

int main(void) {
  // TEST 1 - positive: read by the self-recursive count.
  char *a = malloc(32);
  strcpy(a, "recursive");
  int n = count(a, 0);
  free(a);
  // TEST 2 - positive: read by the even/odd cycle.
  char *b = malloc(32);
  strcpy(b, "parity");
  n += even(b, 0);
  free(b);
  // TEST 3 - negative: the down1/down2 cycle keeps it.
  char *c = malloc(32);
  strcpy(c, "leaked");
  down1(c, 3);
  printf("n=%d %s %d\n", n, g_last, depth(4));
  return 0;
}

// OUT: n=10 leaked 28
// CHECK: Summary_recursion.c:15:49: s does not escape
// CHECK-NEXT: Summary_recursion.c:21:48: s does not escape
// CHECK-NEXT: Summary_recursion.c:24:47: s does not escape
// CHECK-NEXT: Summary_recursion.c:30:44: leaking param: s
// CHECK-NEXT: Summary_recursion.c:36:44: leaking param: s
// CHECK-NEXT: Summary_recursion.c:40:19: malloc(8) does not escape
// CHECK-NEXT: Summary_recursion.c:50:13: malloc(32) does not escape
// CHECK-NEXT: Summary_recursion.c:55:13: malloc(32) does not escape
// CHECK-NEXT: Summary_recursion.c:60:13: malloc(32) escapes to heap
// NOCHECK: Summary_recursion.c:40:19: malloc(8) escapes to heap
// RUN: %report -m=1 %s -mllvm -escape-side-stack=false | grep -F ':40:19:' | \
// RUN:   FileCheck %s --check-prefix=NOCHECK --match-full-lines

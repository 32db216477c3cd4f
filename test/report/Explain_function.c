// Explain_function: the -escape-m=2 reason for allocations kept on the heap
// by what their function does: recursion (its budget is 0 bytes), a site
// after setjmp (returns_twice), and an object still live in the next loop iteration. The
// whole report is checked word for word, indentation included
// (--strict-whitespace: no space after the colons below), and no other line
// may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static volatile int count = 5;

__attribute__((noinline)) static int sum(const unsigned char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static int depth(int n) {
  unsigned char *p = malloc(32);
  memset(p, n, 32);
  int s = sum(p, 32);
  if (n > 0)
    s += depth(n - 1);
  free(p);
  return s;
}

__attribute__((noinline)) static void jump(int v) { longjmp(env, v); }

__attribute__((noinline)) static int guarded(void) {
  if (setjmp(env) == 0)
    jump(1);
  unsigned char *p = malloc(32);
  memset(p, 1, 32);
  int s = sum(p, 32);
  free(p);
  return s;
}


__attribute__((noinline)) static int chain(int n) {
  unsigned char *prev = NULL;
  int s = 0;
  for (int i = 0; i < n; i++) {
    unsigned char *cur = malloc(16);
    memset(cur, i, 16);
    if (prev) {
      s += sum(prev, 16);
      free(prev);
    }
    prev = cur;
  }
  free(prev);
  return s;
}

int main(void) {
  printf("%d %d %d\n", depth(3), guarded(), chain(count));
  return 0;
}

// OUT:192 32 96
// OUT-NEXT:exit status: 0

// CHECK:Explain_function.c:18:63: p does not escape
// CHECK-NEXT:Explain_function.c:26:22: malloc(32) does not escape:
// CHECK-NEXT:Explain_function.c:26:22:   recursive: on the thread's side stack while it has room, else on the heap
// CHECK-NEXT:Explain_function.c:40:22: malloc(32) escapes to heap:
// CHECK-NEXT:Explain_function.c:40:22:   reachable from a call of setjmp or another returns_twice function
// CHECK-NEXT:Explain_function.c:52:26: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_function.c:52:26:   live across loop iterations

// NOCHECK:Explain_function.c:26:22: malloc(32) escapes to heap:
// NOCHECK-NEXT:Explain_function.c:26:22:   recursive: the function is on a call-graph cycle (budget 0 bytes)
// Without the run-time check, recursion keeps its heap:
// RUN: %report -m=2 %s -mllvm -escape-side-stack=false | grep -F ':26:22:' | \
// RUN:   FileCheck %s --check-prefix=NOCHECK --match-full-lines --strict-whitespace

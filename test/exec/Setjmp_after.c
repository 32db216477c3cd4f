// Setjmp_after: negative. A site that a setjmp call reaches runs again
// after longjmp comes back, while the object of its first run is still
// live (held in an object allocated before setjmp): one stack slot for
// both would make them one object. The CFG has no loop here, so only the setjmp rule keeps the
// site on the heap; the same function's sites before setjmp still move.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: first=3 second=4 kept=7
// OUT-NEXT: exit status: 0
// CHECK: Setjmp_after.c:29:54: p does not escape
// CHECK-NEXT: Setjmp_after.c:36:68: st does not escape
// CHECK-NEXT: Setjmp_after.c:37:63: n does not escape
// CHECK-NEXT: Setjmp_after.c:40:22: malloc(8) does not escape
// CHECK-NEXT: Setjmp_after.c:41:16: malloc(4) does not escape
// CHECK-NEXT: Setjmp_after.c:47:12: malloc(16) escapes to heap:
// CHECK-NEXT: Setjmp_after.c:47:12:   reachable from a call of setjmp or another returns_twice function
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf env;

struct state {
  int *first;
};

__attribute__((noinline)) static void again(void) { longjmp(env, 1); }

__attribute__((noinline)) static int peek(const int *p) { return *p; }

// LLVM infers nothing of an optnone function: to it, st escapes at the
// call, so it keeps st's contents in memory across setjmp, as C requires
// of a heap object (with st's pointer in no call, clang -O2 would forward
// its stores across setjmp and the plain build would never stop).
// The escape analysis reads the body: st does not escape.
__attribute__((noinline, optnone)) static void touch(struct state *st) { (void)st; }
__attribute__((noinline, optnone)) static void touch_int(int *n) { (void)n; }

__attribute__((noinline)) static int twice(int seed) {
  struct state *st = malloc(sizeof *st); // before setjmp: moves
  int *round = malloc(sizeof *round);    // before setjmp: moves
  st->first = NULL;
  *round = 0;
  touch(st);
  touch_int(round);
  setjmp(env);
  int *p = malloc(4 * sizeof(int)); // runs twice: stays on the heap
  p[0] = seed + *round;
  if (!st->first) {
    st->first = p;
    *round = 1;
    again();
  }
  int a = peek(st->first), b = peek(p);
  printf("first=%d second=%d ", a, b);
  free(st->first);
  free(p);
  free(round);
  free(st);
  return a + b;
}

int main(void) {
  printf("kept=%d\n", twice(3));
  return 0;
}

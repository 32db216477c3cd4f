// -m=2 explanations cross calls between mutually recursive functions, as
// Go's do within a batch.  ping and pong call each other and pong stores
// its p to a global: pong's own explanation names that store, not "passed
// to ping, which leaks it" (ping leaks it only because pong does: the edge
// into the heap keeps the reason of the function's own store); ping's
// explanation goes on into pong's.  walk calls only itself, and its
// explanation names its store too.  keep is on no cycle: its caller's
// explanation stops at the call, as before.  mark, the negative beside
// them, only reads through its p across the cycle: it does not escape and
// its malloc stays on the stack.
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines
#include <stdlib.h>

void *g;
__attribute__((noinline)) void keep(int *p) { g = p; }
__attribute__((noinline)) void walk(int *p, int n) {
  if (n > 0)
    walk(p, n - 1);
  else
    g = p;
}
__attribute__((noinline)) void ping(int *p, int n);
__attribute__((noinline)) void pong(int *p, int n) {
  if (n)
    ping(p, n - 1);
  else
    g = p;
}
void ping(int *p, int n) {
  if (n)
    pong(p, n - 1);
}
__attribute__((noinline)) int mark(int *p, int n);
__attribute__((noinline)) int mirror(int *p, int n) { return n ? mark(p, n - 1) : *p; }
int mark(int *p, int n) { return n ? mirror(p, n - 1) + 1 : p[0]; }

int main(int argc, char **argv) {
  int *a = malloc(4), *b = malloc(4), *c = malloc(4), *d = malloc(4);
  *d = argc;
  keep(a);
  walk(b, argc);
  ping(c, argc);
  int r = mark(d, argc);
  free(d);
  return r;
}

// CHECK:      {{.*}}Explain_recursive.c:15:42: leaking param: p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:15:42:   parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: {{.*}}Explain_recursive.c:15:42:     flow: {heap} = p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:15:42:       from p (stored to global g) at {{.*}}Explain_recursive.c:15:49
// CHECK:      {{.*}}Explain_recursive.c:16:42: leaking param: p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:16:42:   parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: {{.*}}Explain_recursive.c:16:42:     flow: {heap} = p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:16:42:       from p (stored to global g) at {{.*}}Explain_recursive.c:20:7
// CHECK:      {{.*}}Explain_recursive.c:23:42: leaking param: p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:23:42:   parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: {{.*}}Explain_recursive.c:23:42:     flow: {heap} = p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:23:42:       from p (stored to global g) at {{.*}}Explain_recursive.c:27:7
// CHECK:      {{.*}}Explain_recursive.c:29:16: leaking param: p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:29:16:   parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: {{.*}}Explain_recursive.c:29:16:     flow: {heap} = p:
// CHECK-NEXT: {{.*}}Explain_recursive.c:29:16:       from p (passed to parameter 0 of pong, which leaks it) at {{.*}}Explain_recursive.c:31:5
// CHECK-NEXT: {{.*}}Explain_recursive.c:29:16:       flow: {heap} = p in pong:
// CHECK-NEXT: {{.*}}Explain_recursive.c:29:16:         from p (stored to global g) at {{.*}}Explain_recursive.c:27:7
// CHECK:      {{.*}}Explain_recursive.c:34:43: p does not escape
// CHECK:      {{.*}}Explain_recursive.c:35:15: p does not escape
// CHECK:      {{.*}}Explain_recursive.c:38:12: malloc(4) escapes to heap:
// CHECK-NEXT: {{.*}}Explain_recursive.c:38:12:   flow: {heap} = a:
// CHECK-NEXT: {{.*}}Explain_recursive.c:38:12:     from a (passed to parameter 0 of keep, which leaks it) at {{.*}}Explain_recursive.c:40:3
// CHECK:      {{.*}}Explain_recursive.c:38:60: malloc(4) does not escape

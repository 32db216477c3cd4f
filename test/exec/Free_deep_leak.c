// Free_deep_leak: negative beside positive. take() keeps **o (a leak that
// starts two derefs down, heap 2) and frees *o (freed 1): the caller's *o
// stays on the heap (a leak from level 2 does not cover what level 1 may be
// freed; it moved to the stack once, and take freed a stack address).
// keep() only keeps **o: *o moves, **o stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: 4 kept 4 held
// OUT-NEXT: exit status: 0
// CHECK: Free_deep_leak.c:51:19: malloc(8) does not escape
// CHECK-NEXT: Free_deep_leak.c:51:19: malloc(16) escapes to heap
// CHECK-NEXT: Free_deep_leak.c:51:19: malloc(24) escapes to heap
// CHECK-NEXT: Free_deep_leak.c:58:19: malloc(8) does not escape
// CHECK-NEXT: Free_deep_leak.c:58:19: malloc(16) does not escape
// CHECK-NEXT: Free_deep_leak.c:58:19: malloc(24) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct in {
  char *text;
  long n;
};
struct out {
  struct in *in;
};
char *g, *h;

__attribute__((noinline)) void take(struct out *o) {
  g = o->in->text;
  free(o->in);
}

__attribute__((noinline)) void keep(struct out *o) { h = o->in->text; }

static struct out *make(const char *word) {
  struct out *o = malloc(sizeof *o);
  if (!o)
    exit(2);
  o->in = malloc(sizeof *o->in);
  if (!o->in)
    exit(2);
  o->in->text = malloc(24);
  if (!o->in->text)
    exit(2);
  strcpy(o->in->text, word);
  return o;
}

__attribute__((noinline)) int run_take(void) {
  struct out *o = make("kept");
  take(o);
  free(o);
  return (int)strlen(g);
}

__attribute__((noinline)) int run_keep(void) {
  struct out *o = make("held");
  keep(o);
  free(o->in);
  free(o);
  return (int)strlen(h);
}

int main(void) {
  int a = run_take();
  int b = run_keep();
  printf("%d %s %d %s\n", a, g, b, h);
  free(g);
  free(h);
  return 0;
}

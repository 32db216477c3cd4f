// Store_param_int_laundered: negative, the twin of Store_param_plain_data.
// Integers that carry addresses, stored through a pointer parameter into a
// global: an object's address made an integer and kept in an array of
// longs that load_regs copies (args[k] + k) into a global frame; an
// object's pointer bytes copied with memcpy into a long, which stash
// copies from one struct into a global one; the object's own address
// stored into the object, which is itself the global (bump_self). main
// reads every object back through those integers after setup() returned.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: 41 7 9
// OUT-NEXT: exit status: 0
// CHECK: Store_param_int_laundered.c:42:12: malloc(16) escapes to heap
// CHECK-NEXT: Store_param_int_laundered.c:47:12: malloc(16) escapes to heap
// CHECK-NEXT: Store_param_int_laundered.c:54:20: malloc(16) escapes to heap
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frame { long regs[4]; };
struct node { long count; long bits; };
struct frame g_frame;
struct node g_node;
struct node *g_self;

__attribute__((noinline)) void load_regs(struct frame *fr, const long *args, int n) {
  for (int k = 0; k < n; k++)
    fr->regs[k] = args[k] + k;
}
__attribute__((noinline)) void stash(struct node *n, const struct node *from) {
  n->bits = from->bits;
}
__attribute__((noinline)) void bump_self(struct node *n) {
  n->count++;
  n->bits = (long)(uintptr_t)n;
}

static volatile int seed = 4;

__attribute__((noinline)) static void setup(void) {
  int *a = malloc(16); // heap: malloc(16)
  a[0] = 41;
  long args[4] = {1, 2, (long)(uintptr_t)a, 3};
  load_regs(&g_frame, args, seed);

  int *b = malloc(16); // heap: malloc(16)
  b[0] = 7;
  long bits;
  memcpy(&bits, &b, sizeof bits);
  struct node tmp = {0, bits};
  stash(&g_node, &tmp);

  struct node *c = malloc(sizeof *c); // heap: malloc(16)
  c->count = 8;
  bump_self(c);
  g_self = (struct node *)(uintptr_t)c->bits;
}

__attribute__((noinline)) static int scribble(int k) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (char)(i + k);
  return junk[k];
}

int main(void) {
  setup();
  scribble(seed);
  int *a = (int *)(uintptr_t)(g_frame.regs[2] - 2);
  int *b = (int *)(uintptr_t)g_node.bits;
  printf("%d %d %ld\n", a[0], b[0], g_self->count);
  free(a);
  free(b);
  free(g_self);
  return 0;
}

// Drain_foreign: negative. A drained stack's free may be given only its
// nodes: the pop frees whatever a select picks, the link under the top or a
// pointer the caller handed over (here an object of a builder the caller
// owns, on the side stack beside its child). Were that free given the
// node's size, the side stack would take back the builder's object and its
// child, which the next push would overwrite: the program would print
// "2 79160" (drain.c pure). So nothing of the stack moves; the builder's
// objects still come from the side stack (owned by `owner`).
// RUN: %exec %s -flto=full | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s -flto=full | FileCheck %s --match-full-lines
// OUT: 2 1160
// OUT-NEXT: exit status: 0
// CHECK-NOT: list, which
// CHECK: Drain_foreign.c:64:20: build(2) result does not escape:
// CHECK: Drain_foreign.c:85:20: build(2) result does not escape:
#include <stdio.h>
#include <stdlib.h>

struct node {
  long v;
  struct node *next;
  long a, b;
}; /* 32 bytes */
static struct node *top;

static void push(long v) {
  struct node *n = malloc(sizeof *n);
  n->next = top;
  n->v = v;
  n->a = v + 1;
  n->b = v + 2;
  top = n;
}

static long pop(void) {
  struct node *t = top;
  long v = t->v;
  top = t->next;
  free(t);
  return v;
}

struct pair {
  struct pair *kid;
  long w;
}; /* 16 bytes: two of them fill one node */

__attribute__((noinline)) static struct pair *build(int d) {
  if (d == 0)
    return NULL;
  struct pair *p = malloc(sizeof *p);
  if (!p)
    exit(2);
  p->w = d;
  p->kid = build(d - 1);
  return p;
}

__attribute__((noinline)) static void release(void *p) { free(p); }

/* first: an owner whose frees go through release (so release is known to
 * free only with free() before `drain` is rewritten) */
__attribute__((noinline)) static long first(int d) {
  struct pair *t = build(d);
  long w = t->w;
  release(t->kid);
  release(t);
  return w;
}

volatile int which = 1;

__attribute__((noinline)) static long drain(struct pair **given) {
  long s = 0;
  void *x = which ? (void *)*given : (void *)top->next;
  free(x);
  push(77);
  push(78);
  while (top)
    s += pop();
  return s;
}

__attribute__((noinline)) static long owner(void) {
  struct pair *t = build(2);
  struct pair *kid = t->kid;
  long s = drain(&t);
  s += kid->w * 1000;
  free(kid);
  return s;
}

int main(void) {
  long a = first(2);
  push(5);
  printf("%ld %ld\n", a, owner());
  return 0;
}

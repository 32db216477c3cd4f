// Dtor_ctor_escapes: negative beside positive. rec_new is a constructor
// (wrapper.c marks it alwaysinline: work() pairs it with rec_free), but two
// of its callers let the record outlive their frames: make() returns it to
// main, publish() stores it into a global list that main walks after the
// loop.  Inlined there, the record and both its fields stay on the heap (the
// fields are held by an object that escapes); in work() the same
// constructor's objects move to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: work 380 made r7 published 10: p0..p9 45
// OUT-NEXT: exit status: 0
// CHECK: Dtor_ctor_escapes.c:35:13: malloc(n) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:42:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:43:13: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:45:13: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:68:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:68:19: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:68:19: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:74:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:74:19: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:74:19: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_ctor_escapes.c:79:19: malloc(16) does not escape
// CHECK-NEXT: Dtor_ctor_escapes.c:79:19: malloc(24) does not escape
// CHECK-NEXT: Dtor_ctor_escapes.c:79:19: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  char *name;
  int *vals;
};

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

struct rec *rec_new(const char *prefix, int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(24);
  snprintf(r->name, 24, "%s%d", prefix, n);
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n;
  return r;
}

void rec_free(struct rec *r) {
  free(r->name);
  free(r->vals);
  free(r);
}

__attribute__((noinline)) static long use(const struct rec *r) {
  long s = (long)strlen(r->name);
  for (int i = 0; i < 8; i++)
    s += r->vals[i];
  return s;
}

static struct rec *published[16];
static int npublished;

__attribute__((noinline)) struct rec *make(int n) {
  struct rec *r = rec_new("r", n);
  r->vals[0] += 1;
  return r;
}

__attribute__((noinline)) void publish(int n) {
  struct rec *r = rec_new("p", n);
  published[npublished++] = r;
}

__attribute__((noinline)) long work(int n) {
  struct rec *r = rec_new("w", n);
  long s = use(r);
  rec_free(r);
  return s;
}

volatile int count = 10;

int main(void) {
  long s = 0;
  for (int k = 0; k < count; k++) {
    s += work(k);
    publish(k);
  }
  struct rec *m = make(7);
  printf("work %ld made %s published %d: %s..%s", s, m->name, npublished, published[0]->name,
         published[npublished - 1]->name);
  long t = 0;
  for (int i = 0; i < npublished; i++) {
    t += published[i]->vals[3];
    rec_free(published[i]);
  }
  printf(" %ld\n", t);
  rec_free(m);
  return 0;
}

// Dtor_pair_loop: positive. A constructor (the record, its name and its
// values, through xmalloc) and a destructor (frees both fields and the
// record, after a null check) are made and destroyed in one frame, 1000
// times in a loop.  escape-wrappers marks both alwaysinline (wrapper.c), so
// after inlining the three objects and their frees are main's; the loop rule
// lets the fields share one slot each although the record holds them
// (solve.c, dead_holder).  A second pair nests: bag_new calls vec_new on a
// field and bag_free calls vec_free on it.  Heap allocations: 7 per
// iteration plain, none with the plugin (the one left is stdout's buffer).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: s=4030000 t=502500
// OUT-NEXT: exit status: 0
// COUNT: plain: 7001
// COUNT-NEXT: escape: 1
// CHECK: Dtor_pair_loop.c:44:13: malloc(n) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:53:19: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:54:13: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:57:13: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:83:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:84:13: calloc(8, 4) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:98:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:99:10: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:99:10: calloc(8, 4) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:100:12: malloc(8) escapes to heap
// CHECK-NEXT: Dtor_pair_loop.c:133:21: malloc(24) does not escape
// CHECK-NEXT: Dtor_pair_loop.c:133:21: malloc(16) does not escape
// CHECK-NEXT: Dtor_pair_loop.c:133:21: malloc(32) does not escape
// CHECK-NEXT: Dtor_pair_loop.c:136:21: malloc(16) does not escape
// CHECK-NEXT: Dtor_pair_loop.c:136:21: calloc(8, 4) does not escape
// CHECK-NEXT: Dtor_pair_loop.c:136:21: malloc(8) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  char *name;
  int *vals;
  int n;
};

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    abort();
  }
  return p;
}

struct rec *rec_new(const char *name, int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(16);
  strncpy(r->name, name, 15);
  r->name[15] = 0;
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n + i;
  r->n = n;
  return r;
}

void rec_free(struct rec *r) {
  if (!r)
    return;
  free(r->name);
  free(r->vals);
  free(r);
}

struct vec {
  int *data;
  int n;
};

struct bag {
  struct vec *v;
  char *tag;
};

struct vec *vec_new(int n) {
  struct vec *v = xmalloc(sizeof *v);
  v->data = calloc(8, sizeof(int));
  if (!v->data)
    abort();
  v->data[n & 7] = n;
  v->n = n;
  return v;
}

void vec_free(struct vec *v) {
  free(v->data);
  free(v);
}

struct bag *bag_new(int n) {
  struct bag *b = xmalloc(sizeof *b);
  b->v = vec_new(n);
  b->tag = xmalloc(8);
  strcpy(b->tag, "bag");
  return b;
}

void bag_free(struct bag *b) {
  if (b->v)
    vec_free(b->v);
  free(b->tag);
  free(b);
}

// Reads through the record (nocapture, nofree): returns nothing derived from
// the record's own words, only from what its fields point to.
__attribute__((noinline)) static long use(const struct rec *r) {
  long s = (long)strlen(r->name);
  for (int i = 0; i < 8; i++)
    s += r->vals[i];
  return s;
}

__attribute__((noinline)) static long look(const struct bag *b) {
  long s = (long)strlen(b->tag);
  for (int i = 0; i < 8; i++)
    s += b->v->data[i];
  return s;
}

volatile int count = 1000;

int main(void) {
  long s = 0, t = 0;
  for (int k = 0; k < count; k++) {
    struct rec *r = rec_new("record", k);
    s += use(r);
    rec_free(r);
    struct bag *b = bag_new(k);
    t += look(b);
    bag_free(b);
  }
  printf("s=%ld t=%ld\n", s, t);
  return 0;
}

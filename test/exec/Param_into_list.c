// Param_into_list: positive beside negative. A store through a parameter
// is a store into the caller's object (the into sinks of a summary: "it
// flows into l's object", call.c resolves it at the call): items pushed
// onto main's own list, a struct of pointers copied into main's struct, an
// item linked into a list that main's holder points to, and a push through
// recursion stay on the stack.  Their negative twins stay on the heap: the
// global list, the global struct, a holder that may point to the global
// list, a target that may be a global as well, the address laundered
// through an integer that main publishes, and fill's own object pushed into
// the list of fill's caller (fill's summary: its contents leak).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: local: 2 2
// OUT-NEXT: pair: 43
// OUT-NEXT: kids: 1 0
// OUT-NEXT: rec: 1
// OUT-NEXT: fill: 2
// OUT-NEXT: global: 2 7 9
// OUT-NEXT: exit status: 0
// COUNT: plain: 13
// COUNT-NEXT: escape: 8
// CHECK: Param_into_list.c:79:21: malloc(16) escapes to heap
// CHECK-NEXT: Param_into_list.c:96:20: malloc(16) does not escape
// CHECK-NEXT: Param_into_list.c:99:20: malloc(16) does not escape
// CHECK-NEXT: Param_into_list.c:105:20: malloc(16) escapes to heap
// CHECK-NEXT: Param_into_list.c:111:12: malloc(4) does not escape
// CHECK-NEXT: Param_into_list.c:116:12: malloc(4) escapes to heap
// CHECK-NEXT: Param_into_list.c:125:20: malloc(16) does not escape
// CHECK-NEXT: Param_into_list.c:129:20: malloc(16) escapes to heap
// CHECK-NEXT: Param_into_list.c:135:20: malloc(16) escapes to heap
// CHECK-NEXT: Param_into_list.c:140:20: malloc(16) escapes to heap
// CHECK-NEXT: Param_into_list.c:147:20: malloc(16) does not escape
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item { struct item *next; int v; };
struct list { struct item *head; long n; };
struct pair { int *a; int *b; };
struct holder { struct list *inner; };

struct list g_list;
struct pair g_pair;
struct list *g_maybe = &g_list;
uintptr_t g_bits;

__attribute__((noinline)) void push(struct list *l, struct item *it) {
  it->next = l->head;
  l->head = it;
  l->n++;
}
__attribute__((noinline)) void copy_pair(struct pair *dst, const struct pair *src) {
  memcpy(dst, src, sizeof *dst);
}
__attribute__((noinline)) void adopt(struct holder *h, struct item *it) {
  it->next = h->inner->head;
  h->inner->head = it;
}
__attribute__((noinline)) void push_either(struct list *l, struct item *it, int c) {
  struct list *t = c ? l : g_maybe;
  it->next = t->head;
  t->head = it;
}
__attribute__((noinline)) void push_bits(uintptr_t *slot, struct item *it) {
  *slot = (uintptr_t)it;
}
__attribute__((noinline)) void push_n(struct list *l, struct item *it, int n) {
  if (n == 0) {
    it->next = l->head;
    l->head = it;
    return;
  }
  push_n(l, it, n - 1);
}
/* The caller's caller's list: fill's own object goes into it. */
__attribute__((noinline)) void fill(struct list *out, int v) {
  struct item *it = malloc(sizeof *it); // heap: malloc(16)
  it->v = v;
  push(out, it);
}

static volatile int seed = 3;

static int count(const struct list *l) {
  int n = 0;
  for (const struct item *p = l->head; p; p = p->next)
    n++;
  return n;
}

int main(void) {
  /* positive: pushed onto main's own list */
  struct list l = {0, 0};
  struct item *a = malloc(sizeof *a); // stack: malloc(16)
  a->v = 1;
  push(&l, a);
  struct item *b = malloc(sizeof *b); // stack: malloc(16)
  b->v = 2;
  push(&l, b);
  printf("local: %d %ld\n", count(&l), l.n);

  /* negative: pushed onto a global list */
  struct item *g = malloc(sizeof *g); // heap: malloc(16)
  g->v = 3;
  push(&g_list, g);

  /* positive beside negative: a struct of pointers copied into main's
   * struct, and into a global one */
  int *x = malloc(sizeof *x); // stack: malloc(4)
  *x = 40 + seed;
  struct pair s = {x, x}, d;
  copy_pair(&d, &s);
  printf("pair: %d\n", *d.a);
  int *y = malloc(sizeof *y); // heap: malloc(4)
  *y = 7;
  struct pair t = {y, 0};
  copy_pair(&g_pair, &t);

  /* positive beside negative: linked through a pointer main's holder
   * holds: main's own list, or the global one */
  struct list kids = {0, 0};
  struct holder h = {&kids};
  struct item *c = malloc(sizeof *c); // stack: malloc(16)
  adopt(&h, c);
  struct list kids2 = {0, 0};
  struct holder hg = {seed > 100 ? &kids2 : &g_list};
  struct item *e = malloc(sizeof *e); // heap: malloc(16)
  adopt(&hg, e);
  printf("kids: %d %d\n", count(&kids), count(&kids2));

  /* negative: the target may be a global as well */
  struct list l2 = {0, 0};
  struct item *f = malloc(sizeof *f); // heap: malloc(16)
  push_either(&l2, f, seed & 2);

  /* negative: laundered through an integer that main publishes */
  uintptr_t slot = 0;
  struct item *i = malloc(sizeof *i); // heap: malloc(16)
  i->v = 9;
  push_bits(&slot, i);
  g_bits = slot;

  /* positive: recursion through the store */
  struct list l3 = {0, 0};
  struct item *r = malloc(sizeof *r); // stack: malloc(16)
  push_n(&l3, r, seed);
  printf("rec: %d\n", count(&l3));

  /* negative: fill's object into main's list, through fill's parameter */
  struct list l4 = {0, 0};
  fill(&l4, 5);
  fill(&l4, 6);
  printf("fill: %d\n", count(&l4));

  printf("global: %d %d %d\n", count(&g_list), *g_pair.a, ((struct item *)g_bits)->v);
  return 0;
}

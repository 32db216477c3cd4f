// A chain of holders: each object is stored into the previous one and the
// first is kept by a callee.  Each step's flow names its holder, nested
// flows explain why the holder escapes, and past three levels the
// explanation says it stops.
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace
#include <stdlib.h>

struct n { struct n *next; char pad[8]; };
struct n *g;

__attribute__((noinline)) void keep(struct n *p) { g = p; }

void chain(void) {
  struct n *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  struct n *c = malloc(sizeof *c), *d = malloc(sizeof *d);
  struct n *e = malloc(sizeof *e);
  e->next = 0;
  d->next = e;
  c->next = d;
  b->next = c;
  a->next = b;
  keep(a);
}

// CHECK-LABEL:Explain_nested.c:14:17: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_nested.c:14:17:   flow: {heap} = a:
// CHECK-NEXT:Explain_nested.c:14:17:     from a (passed to parameter 0 of keep, which leaks it) at Explain_nested.c:22:3
// CHECK-LABEL:Explain_nested.c:16:17: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_nested.c:16:17:   flow: {heap} = *d:
// CHECK-NEXT:Explain_nested.c:16:17:     from e (stored into *d) at Explain_nested.c:18:11
// CHECK-NEXT:Explain_nested.c:16:17:     from *d (held by d, which escapes)
// CHECK-NEXT:Explain_nested.c:16:17:     flow: {heap} = *c:
// CHECK-NEXT:Explain_nested.c:16:17:       from d (stored into *c) at Explain_nested.c:19:11
// CHECK-NEXT:Explain_nested.c:16:17:       from *c (held by c, which escapes)
// CHECK-NEXT:Explain_nested.c:16:17:       flow: {heap} = *b:
// CHECK-NEXT:Explain_nested.c:16:17:         from c (stored into *b) at Explain_nested.c:20:11
// CHECK-NEXT:Explain_nested.c:16:17:         from *b (held by b, which escapes)
// CHECK-NEXT:Explain_nested.c:16:17:         flow: {heap} = *a:
// CHECK-NEXT:Explain_nested.c:16:17:           from b (stored into *a) at Explain_nested.c:21:11
// CHECK-NEXT:Explain_nested.c:16:17:           from *a (held by a, which escapes)
// CHECK-NEXT:Explain_nested.c:16:17:           (explanation truncated: holders nest deeper)

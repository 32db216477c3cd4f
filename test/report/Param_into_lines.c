// Param_into_lines: the report of a store through a parameter, a store
// into the caller's object (summary.c, the into sinks): at -m=1
// "leaking param: it to content of l level=0" (the pointer it is stored into
// what l points to; "content of *t" one deref further down, level=1 for what
// src points to, memcpy'd into *dst), folded as Go folds the result line
// (both: the heap line says more); at -m=2 the store under it, and in the
// caller's flow the callee's store ("stored into l3 by push at ...").
// Integer parameters get no line (grow's more is a pointer here).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | FileCheck %s --check-prefix=M1 --match-full-lines \
// RUN:   --implicit-check-not='{{.}}'
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item { struct item *next; };
struct list { struct item *head; long n; };
struct pair { char *a; char *b; };
struct tree { struct list *kids; };
struct frame { long regs[4]; };
struct buf { char *data; size_t len; };
struct list g_list;
struct list *g_lp;

__attribute__((noinline)) void push(struct list *l, struct item *it) {
  it->next = l->head;
  l->head = it;
  l->n++;
}
__attribute__((noinline)) void copy_pair(struct pair *dst, const struct pair *src) {
  memcpy(dst, src, sizeof *dst);
}
__attribute__((noinline)) void adopt(struct tree *t, struct item *it) { t->kids->head = it; }
__attribute__((noinline)) void load_regs(struct frame *fr, const long *args, int n) {
  for (int k = 0; k < n; k++)
    fr->regs[k] = args[k] + k;
}
__attribute__((noinline)) void grow(struct buf *b, char *more) { b->len += (size_t)more; }
__attribute__((noinline)) void both(struct list *l, struct item *it) {
  l->head = it;
  g_list.head = it;
}

static volatile int seed = 2;

int main(void) {
  struct list l = {0, 0};
  struct item *it = malloc(sizeof *it);
  push(&l, it);
  struct item *gi = malloc(sizeof *gi);
  push(&g_list, gi);
  char *x = malloc(4);
  struct pair s = {x, x}, d;
  copy_pair(&d, &s);
  struct list kids = {0, 0};
  struct tree t = {&kids};
  struct item *k = malloc(sizeof *k);
  adopt(&t, k);
  struct frame fr;
  long args[4] = {1, 2, 3, seed};
  load_regs(&fr, args, seed);
  struct buf b = {0, 0};
  grow(&b, "ab");
  struct list l2 = {0, 0};
  struct item *bi = malloc(sizeof *bi);
  both(&l2, bi);
  struct list l3 = {0, 0};
  struct item *i3 = malloc(sizeof *i3);
  push(&l3, i3);
  g_lp = &l3;
  printf("%d %d %d %ld %d\n", l.head == it, d.a == x, kids.head == k, fr.regs[1], b.len > 0);
  free(x);
  return 0;
}

// OUT:1 1 1 3 1
// OUT-NEXT:exit status: 0

// M1:Param_into_lines.c:27:50: leaking param: l to content of it level=1
// M1-NEXT:Param_into_lines.c:27:66: leaking param: it to content of l level=0
// M1-NEXT:Param_into_lines.c:32:55: dst does not escape
// M1-NEXT:Param_into_lines.c:32:79: leaking param: src to content of dst level=1
// M1-NEXT:Param_into_lines.c:35:51: t does not escape
// M1-NEXT:Param_into_lines.c:35:67: leaking param: it to content of *t level=0
// M1-NEXT:Param_into_lines.c:36:56: fr does not escape
// M1-NEXT:Param_into_lines.c:36:72: leaking param: args to content of fr level=1
// M1-NEXT:Param_into_lines.c:40:49: b does not escape
// M1-NEXT:Param_into_lines.c:40:58: leaking param: more to content of b level=0
// M1-NEXT:Param_into_lines.c:41:50: l does not escape
// M1-NEXT:Param_into_lines.c:41:66: leaking param: it
// M1-NEXT:Param_into_lines.c:50:21: malloc(8) does not escape
// M1-NEXT:Param_into_lines.c:52:21: malloc(8) escapes to heap
// M1-NEXT:Param_into_lines.c:54:13: malloc(4) does not escape
// M1-NEXT:Param_into_lines.c:59:20: malloc(8) does not escape
// M1-NEXT:Param_into_lines.c:67:21: malloc(8) escapes to heap
// M1-NEXT:Param_into_lines.c:70:21: malloc(8) escapes to heap

// CHECK:Param_into_lines.c:27:50: leaking param: l to content of it level=1:
// CHECK-NEXT:Param_into_lines.c:27:50:   stored into *it at Param_into_lines.c:28:12
// CHECK-NEXT:Param_into_lines.c:27:66: leaking param: it to content of l level=0:
// CHECK-NEXT:Param_into_lines.c:27:66:   stored into *l at Param_into_lines.c:29:11
// CHECK-NEXT:Param_into_lines.c:32:55: dst does not escape
// CHECK-NEXT:Param_into_lines.c:32:79: leaking param: src to content of dst level=1:
// CHECK-NEXT:Param_into_lines.c:32:79:   stored into *dst at Param_into_lines.c:33:3
// CHECK-NEXT:Param_into_lines.c:35:51: t does not escape
// CHECK-NEXT:Param_into_lines.c:35:67: leaking param: it to content of *t level=0:
// CHECK-NEXT:Param_into_lines.c:35:67:   stored into **t at Param_into_lines.c:35:87
// CHECK-NEXT:Param_into_lines.c:36:56: fr does not escape
// CHECK-NEXT:Param_into_lines.c:36:72: leaking param: args to content of fr level=1:
// CHECK-NEXT:Param_into_lines.c:36:72:   stored into *fr at Param_into_lines.c:38:17
// CHECK-NEXT:Param_into_lines.c:40:49: b does not escape
// CHECK-NEXT:Param_into_lines.c:40:58: leaking param: more to content of b level=0:
// CHECK-NEXT:Param_into_lines.c:40:58:   stored into *b at Param_into_lines.c:40:73
// CHECK-NEXT:Param_into_lines.c:41:50: l does not escape
// CHECK-NEXT:Param_into_lines.c:41:66: leaking param: it:
// CHECK-NEXT:Param_into_lines.c:41:66:   parameter it leaks to {heap} with derefs=0:
// CHECK-NEXT:Param_into_lines.c:41:66:     flow: {heap} = it:
// CHECK-NEXT:Param_into_lines.c:41:66:       from it (stored to global g_list) at Param_into_lines.c:43:15
// CHECK-NEXT:Param_into_lines.c:50:21: malloc(8) does not escape
// CHECK-NEXT:Param_into_lines.c:52:21: malloc(8) escapes to heap:
// CHECK-NEXT:Param_into_lines.c:52:21:   flow: {heap} = gi:
// CHECK-NEXT:Param_into_lines.c:52:21:     from gi (stored to global g_list by push at Param_into_lines.c:29:11) at Param_into_lines.c:53:3
// CHECK-NEXT:Param_into_lines.c:54:13: malloc(4) does not escape
// CHECK-NEXT:Param_into_lines.c:59:20: malloc(8) does not escape
// CHECK-NEXT:Param_into_lines.c:67:21: malloc(8) escapes to heap:
// CHECK-NEXT:Param_into_lines.c:67:21:   flow: {heap} = bi:
// CHECK-NEXT:Param_into_lines.c:67:21:     from bi (passed to parameter 1 of both, which leaks it) at Param_into_lines.c:68:3
// CHECK-NEXT:Param_into_lines.c:70:21: malloc(8) escapes to heap:
// CHECK-NEXT:Param_into_lines.c:70:21:   flow: {heap} = l3:
// CHECK-NEXT:Param_into_lines.c:70:21:     from i3 (stored into l3 by push at Param_into_lines.c:29:11) at Param_into_lines.c:71:3
// CHECK-NEXT:Param_into_lines.c:70:21:     from l3 (the variable itself escapes)
// CHECK-NEXT:Param_into_lines.c:70:21:     flow: {heap} = &l3:
// CHECK-NEXT:Param_into_lines.c:70:21:       from &l3 (stored to global g_lp) at Param_into_lines.c:72:8

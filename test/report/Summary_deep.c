// Objects two levels below a parameter: a callee that keeps **p, or writes
// an unknown pointer into *p's object, must not let the caller's deeper
// objects move to the stack (found in review: the summary once stopped at
// one deref).  Read only, they stay local; keeping **p leaks **p, not *p.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct inner { char *text; char **slot; };
struct outer { struct inner *in; };

char *g_text;
char *g_slot_target;

__attribute__((noinline)) void keep_deep(struct outer *o) { g_text = o->in->text; }
__attribute__((noinline)) int read_deep(const struct outer *o) { return (int)strlen(o->in->text); }
__attribute__((noinline)) void aim(struct outer *o) { o->in->slot = &g_slot_target; }
__attribute__((noinline)) void scribble(void) {
  char buf[512];
  memset(buf, 'Z', sizeof buf);
  __asm__ volatile("" ::"r"(buf) : "memory");
}

__attribute__((noinline)) int deep(int which) {
  char *c = malloc(16);
  strcpy(c, which ? "kept" : "read");
  struct inner *in = malloc(sizeof *in);
  in->text = c;
  in->slot = NULL;
  struct outer *o = malloc(sizeof *o);
  o->in = in;
  int n;
  if (which)
    keep_deep(o); // TEST 1 - negative: **o is kept
  n = read_deep(o); // TEST 2 - positive when only read (the which == 0 path)
  free(o);
  free(in);
  return n;
}

__attribute__((noinline)) void aimed(void) {
  // TEST 3 - negative: aim() writes a global's address into *o's object; the
  // caller then stores its object through it.
  char *d = malloc(16);
  strcpy(d, "aimed");
  struct inner *in = malloc(sizeof *in);
  struct outer *o = malloc(sizeof *o);
  o->in = in;
  aim(o);
  *o->in->slot = d;
  free(o);
  free(in);
}

__attribute__((noinline)) int reads_only(void) {
  // TEST 4 - positive: read_deep only reads two levels down.
  char *c = malloc(16);
  strcpy(c, "local");
  struct inner *in = malloc(sizeof *in);
  in->text = c;
  struct outer *o = malloc(sizeof *o);
  o->in = in;
  int n = read_deep(o);
  free(o);
  free(in);
  free(c);
  return n;
}

__attribute__((noinline)) char *text_of(struct outer *o) { return o->in->text; }
char *g_returned;

__attribute__((noinline)) int returned_deep(int keep) {
  // TEST 5 - negative: **o comes back through text_of (level=2) and is
  // kept in a global on one path.
  char *c = malloc(16);
  strcpy(c, keep ? "kept2" : "back");
  struct inner *in = malloc(sizeof *in);
  in->text = c;
  struct outer *o = malloc(sizeof *o);
  o->in = in;
  char *t = text_of(o);
  int n = (int)strlen(t);
  free(o);
  free(in);
  if (keep)
    g_returned = t;
  else
    free(t);
  return n;
}

__attribute__((noinline)) int returned_local(void) {
  // TEST 6 - positive: the same, freed here; text_of's result is exactly **o.
  char *c = malloc(16);
  strcpy(c, "back");
  struct inner *in = malloc(sizeof *in);
  in->text = c;
  struct outer *o = malloc(sizeof *o);
  o->in = in;
  char *t = text_of(o);
  int n = (int)strlen(t);
  free(o);
  free(in);
  free(t);
  return n;
}

struct node { struct node *next; int v; };
struct node *g_node;
__attribute__((noinline)) struct node *fourth(struct node *n) { return n->next->next->next; }

__attribute__((noinline)) int list_walk(int keep) {
  // TEST 7 - negative: fourth() returns an object three derefs below its
  // parameter (level=3), kept in a global.
  struct node *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  struct node *c = malloc(sizeof *c), *d = malloc(sizeof *d);
  a->next = b, b->next = c, c->next = d, d->next = NULL;
  a->v = 1, b->v = 2, c->v = 3, d->v = keep;
  struct node *t = fourth(a);
  g_node = t;
  free(a);
  free(b);
  free(c);
  return t->v;
}

__attribute__((noinline)) int list_local(void) {
  // TEST 8 - positive: the same object, freed here.
  struct node *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  struct node *c = malloc(sizeof *c), *d = malloc(sizeof *d);
  a->next = b, b->next = c, c->next = d, d->next = NULL;
  a->v = 1, b->v = 2, c->v = 3, d->v = 4;
  struct node *t = fourth(a);
  int v = t->v;
  free(a);
  free(b);
  free(c);
  free(t);
  return v;
}

int main(void) {
  int n = deep(1);
  n += list_local() + list_walk(40);
  n += returned_deep(1) + returned_local();
  aimed();
  n += reads_only();
  scribble();
  printf("%d %s %s %s\n", n, g_text, g_slot_target, g_returned);
  return 0;
}

// OUT: 62 kept aimed kept2
// CHECK: Summary_deep.c:17:56: leaking param content: o
// CHECK-NEXT: Summary_deep.c:18:61: o does not escape
// CHECK-NEXT: Summary_deep.c:19:50: o does not escape
// CHECK-NEXT: Summary_deep.c:27:13: malloc(16) escapes to heap
// CHECK-NEXT: Summary_deep.c:29:22: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:32:21: malloc(8) does not escape
// CHECK-NEXT: Summary_deep.c:46:13: malloc(16) escapes to heap
// CHECK-NEXT: Summary_deep.c:48:22: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:49:21: malloc(8) does not escape
// CHECK-NEXT: Summary_deep.c:59:13: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:61:22: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:63:21: malloc(8) does not escape
// CHECK-NEXT: Summary_deep.c:72:55: leaking param: o to result ~r0 level=2
// CHECK-NEXT: Summary_deep.c:78:13: malloc(16) escapes to heap
// CHECK-NEXT: Summary_deep.c:80:22: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:82:21: malloc(8) does not escape
// CHECK-NEXT: Summary_deep.c:97:13: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:99:22: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:101:21: malloc(8) does not escape
// CHECK-NEXT: Summary_deep.c:113:60: leaking param: n to result ~r0 level=3
// CHECK-NEXT: Summary_deep.c:118:20: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:118:44: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:119:20: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:119:44: malloc(16) escapes to heap
// CHECK-NEXT: Summary_deep.c:132:20: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:132:44: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:133:20: malloc(16) does not escape
// CHECK-NEXT: Summary_deep.c:133:44: malloc(16) does not escape

// Grow_escape: negative beside positive. A growable buffer whose pointer may
// still be the stack buffer when it escapes stays on the heap: a builder
// that grows only when it needs to, its buffer stored in a global, stored
// through an out-parameter, or returned; a buffer returned without growing;
// a realloc whose failure path returns the old buffer. Beside each, a buffer
// that always grows first (p = realloc(p, n) before it is kept) moves: what
// is kept is the realloc's heap block, never the buffer, and main reads it
// after the function returned (ASan's stack-use-after-return check would
// catch a stack address). The contents of a buffer are copied by realloc:
// an object whose address is stored in the buffer escapes. reallocarray is
// not handled: its buffer stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: global=bbbbb grown=ggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg
// OUT-NEXT: out=ooooo grown=OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO
// OUT-NEXT: returned=rrrrr grown=RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR
// OUT-NEXT: plain=never failed=old
// OUT-NEXT: held=held array=aaaaaaa
// OUT-NEXT: exit status: 0
// CHECK: Grow_escape.c:59:18: malloc(16) escapes to heap
// CHECK-NEXT: Grow_escape.c:65:13: malloc(16) does not escape
// CHECK-NEXT: Grow_escape.c:76:18: malloc(16) escapes to heap
// CHECK-NEXT: Grow_escape.c:82:13: malloc(16) does not escape
// CHECK-NEXT: Grow_escape.c:93:18: malloc(16) escapes to heap
// CHECK-NEXT: Grow_escape.c:99:13: malloc(16) does not escape
// CHECK-NEXT: Grow_escape.c:110:13: malloc(16) escapes to heap
// CHECK-NEXT: Grow_escape.c:116:13: malloc(16) escapes to heap
// CHECK-NEXT: Grow_escape.c:125:13: malloc(16) does not escape
// CHECK-NEXT: Grow_escape.c:126:17: malloc(8) escapes to heap
// CHECK-NEXT: Grow_escape.c:139:13: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int five = 5;
static volatile size_t more = 64;
static char *g_kept, *g_grown;

struct sb {
  char *p;
  size_t len, cap;
};

static inline void sb_fill(struct sb *b, int n, char c) {
  for (int i = 0; i < n; i++) {
    if (b->len + 1 >= b->cap) {
      char *q = realloc(b->p, b->cap * 2);
      if (!q)
        return;
      b->p = q;
      b->cap *= 2;
    }
    b->p[b->len++] = c;
    b->p[b->len] = 0;
  }
}

__attribute__((noinline)) static void keep_global(int n) {
  struct sb b = {malloc(16), 0, 16}; // heap: may still be the buffer when kept
  sb_fill(&b, n, 'b');
  g_kept = b.p;
}

__attribute__((noinline)) static void keep_global_grown(void) {
  char *p = malloc(16); // stack: always grown before it is kept
  memset(p, 'g', 15);
  p = realloc(p, 64);
  if (!p)
    return;
  memset(p + 15, 'g', 48);
  p[63] = 0;
  g_grown = p;
}

__attribute__((noinline)) static void out_param(int n, char **out) {
  struct sb b = {malloc(16), 0, 16}; // heap: may still be the buffer
  sb_fill(&b, n, 'o');
  *out = b.p;
}

__attribute__((noinline)) static void out_param_grown(char **out) {
  char *p = malloc(16); // stack: always grown
  memset(p, 'O', 15);
  p = realloc(p, 64);
  if (p) {
    memset(p + 15, 'O', 48);
    p[63] = 0;
  }
  *out = p;
}

__attribute__((noinline)) static char *returned(int n) {
  struct sb b = {malloc(16), 0, 16}; // heap: may still be the buffer
  sb_fill(&b, n, 'r');
  return b.p;
}

__attribute__((noinline)) static char *returned_grown(void) {
  char *p = malloc(16); // stack: always grown
  memset(p, 'R', 15);
  p = realloc(p, 64);
  if (p) {
    memset(p + 15, 'R', 48);
    p[63] = 0;
  }
  return p;
}

__attribute__((noinline)) static char *never_grown(void) {
  char *p = malloc(16); // heap: returned, never grown
  strcpy(p, "never");
  return p;
}

__attribute__((noinline)) static char *failed(void) {
  char *p = malloc(16); // heap: a failed realloc returns the buffer
  strcpy(p, "old");
  char *q = realloc(p, more);
  if (!q)
    return p;
  return q;
}

__attribute__((noinline)) static char *held(void) {
  char *p = malloc(16); // stack: grown, its contents copied
  char *other = malloc(8); // heap: its address is in the buffer's contents
  strcpy(other, "held");
  memcpy(p, &other, sizeof other);
  p = realloc(p, 64);
  if (!p)
    return NULL;
  char *back;
  memcpy(&back, p, sizeof back);
  free(p);
  return back;
}

__attribute__((noinline)) static char *array(int n) {
  char *p = malloc(16); // heap: reallocarray is not handled
  memset(p, 'a', 15);
  p = reallocarray(p, (size_t)n, 8);
  if (!p)
    return NULL;
  memset(p, 'a', (size_t)n);
  p[n] = 0;
  return p;
}

int main(void) {
  keep_global(five);
  keep_global_grown();
  printf("global=%s grown=%s\n", g_kept, g_grown ? g_grown : "(failed)");
  char *o1 = NULL, *o2 = NULL;
  out_param(five, &o1);
  out_param_grown(&o2);
  printf("out=%s grown=%s\n", o1, o2 ? o2 : "(failed)");
  char *r1 = returned(five), *r2 = returned_grown();
  printf("returned=%s grown=%s\n", r1, r2 ? r2 : "(failed)");
  char *n = never_grown(), *f = failed();
  printf("plain=%s failed=%s\n", n, f);
  char *h = held(), *a = array(five + 2);
  printf("held=%s array=%s\n", h ? h : "(failed)", a ? a : "(failed)");
  free(g_kept);
  free(g_grown);
  free(o1);
  free(o2);
  free(r1);
  free(r2);
  free(n);
  free(f);
  free(h);
  free(a);
  return 0;
}

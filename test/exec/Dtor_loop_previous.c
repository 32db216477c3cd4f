// Dtor_loop_previous: negative. Constructor/destructor pairs in loops where
// an object of one iteration is still read after the next one is made, so one
// stack slot per site would hand the old and the new object the same memory:
// rolling() keeps the previous record for one more iteration and compares
// names; renamed() keeps one record made before the loop and swaps a new
// name into it each iteration, reading the old name after the new one is
// made.  Everything made in the loops stays on the heap (LLVM removes
// renamed()'s holder: its name field lives in a register).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: rolling 99 renamed 100
// OUT-NEXT: exit status: 0
// CHECK: Dtor_loop_previous.c:33:13: malloc(n) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:40:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:41:13: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:43:13: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:63:21: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:63:21: malloc(24) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:63:21: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:74:19: malloc(n) does not escape
// CHECK-NEXT: Dtor_loop_previous.c:75:13: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_loop_previous.c:80:15: malloc(16) escapes to heap
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

struct rec *rec_new(int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(24);
  snprintf(r->name, 24, "n%d", n);
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n + i;
  return r;
}

void rec_free(struct rec *r) {
  if (!r)
    return;
  free(r->name);
  free(r->vals);
  free(r);
}

volatile int count = 100;

__attribute__((noinline)) static int rolling(void) {
  struct rec *prev = NULL;
  int differ = 0;
  for (int k = 0; k < count; k++) {
    struct rec *r = rec_new(k);
    if (prev)
      differ += strcmp(prev->name, r->name) != 0 && prev->vals[0] != r->vals[0];
    rec_free(prev);
    prev = r;
  }
  rec_free(prev);
  return differ;
}

__attribute__((noinline)) static int renamed(void) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(16);
  strcpy(r->name, "start");
  r->vals = NULL;
  int differ = 0;
  for (int k = 0; k < count; k++) {
    char *n = xmalloc(16);
    snprintf(n, 16, "m%d", k);
    char *old = r->name;
    differ += strcmp(old, n) != 0;
    free(old);
    r->name = n;
  }
  rec_free(r);
  return differ;
}

int main(void) {
  int a = rolling();
  int b = renamed();
  printf("rolling %d renamed %d\n", a, b);
  return 0;
}

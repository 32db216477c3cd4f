// Lib_qsort_writes: qsort's comparator is judged by its summary, all of it.
// Here it writes a global's address into the objects the array's elements
// point to (its parameter's pointee, one deref down); the caller then
// stores its object through that field, so the object escapes (negative;
// found in review: callbacks once dropped that tag).  The positive twin
// stores through a field the comparator leaves alone.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct box { int key; char **link; char *own; };
char *g_target;

static int by_key_aiming(const void *a, const void *b) {
  struct box *x = *(struct box *const *)a, *y = *(struct box *const *)b;
  x->link = &g_target;
  y->link = &g_target;
  return x->key - y->key;
}

__attribute__((noinline)) void scribble(void) {
  char buf[256];
  memset(buf, 'Z', sizeof buf);
  __asm__ volatile("" ::"r"(buf) : "memory");
}

__attribute__((noinline)) int sort_and_aim(int k) {
  char *slot = NULL; // the links start out pointing to a local
  struct box b1 = {3, &slot, NULL}, b2 = {1, &slot, NULL};
  struct box *v[2] = {&b1, &b2};
  qsort(v, 2, sizeof v[0], by_key_aiming);
  char *s = malloc(16);
  strcpy(s, k ? "aimed" : "other");
  *v[0]->link = s; // v[0]->link now points to g_target
  char *t = malloc(16);
  strcpy(t, "own");
  v[1]->own = t;
  int n = (int)strlen(v[1]->own);
  free(t);
  return n; // (a key loaded from a box would carry t: fields are not told apart)
}

int main(void) {
  int r = sort_and_aim(1);
  scribble();
  printf("%d %s\n", r, g_target);
  return 0;
}

// OUT: 3 aimed
// OUT-NEXT: exit status: 0
// CHECK: Lib_qsort_writes.c:34:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_qsort_writes.c:37:13: malloc(16) does not escape

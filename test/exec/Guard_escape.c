// Guard_escape: negative beside positive. Run-time sizes whose objects
// outlive the call get no stack buffer: a strdup kept in a global table, a
// malloc(n) returned to the caller: they stay on the heap. A malloc(n) that
// is realloc'd (a negative before growable buffers) gets its buffer, and the
// realloc moves it to the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept=abc made=6 grown=30
// OUT-NEXT: exit status: 0
// CHECK: Guard_escape.c:22:20: strdup(s) escapes to heap
// CHECK-NEXT: Guard_escape.c:26:13: malloc(n) escapes to heap
// CHECK-NEXT: Guard_escape.c:33:13: malloc(n) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t len = 6;
static char *table[4];

__attribute__((noinline)) static void keep(const char *s) {
  static int n;
  table[n++ % 4] = strdup(s); // heap: kept in a global
}

__attribute__((noinline)) static char *make(size_t n) {
  char *p = malloc(n); // heap: returned
  memset(p, 'm', n - 1);
  p[n - 1] = 0;
  return p;
}

__attribute__((noinline)) static size_t grow(size_t n) {
  char *p = malloc(n); // stack: realloc'd, grown
  memset(p, 'g', n);
  p = realloc(p, n * 5 + 1);
  memset(p, 'g', n * 5);
  p[n * 5] = 0;
  size_t r = strlen(p);
  free(p);
  return r;
}

int main(void) {
  keep("abc");
  char *m = make(len + 1);
  printf("kept=%s made=%zu grown=%zu\n", table[0], strlen(m), grow(len));
  free(m);
  free(table[0]);
  return 0;
}

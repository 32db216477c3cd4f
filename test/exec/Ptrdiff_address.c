// Ptrdiff_address: negative, the twin of Ptrdiff_cursor. Differences that
// carry an address: with the null pointer, with a global array (whose
// address gives the object back), of two objects (one gives the other
// back); main rebuilds every object from the integers after keep()
// returned and reads it, so all four stay on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: null global pair
// OUT-NEXT: exit status: 0
// CHECK: Ptrdiff_address.c:28:13: malloc(16) escapes to heap
// CHECK-NEXT: Ptrdiff_address.c:31:13: malloc(16) escapes to heap
// CHECK-NEXT: Ptrdiff_address.c:34:13: malloc(16) escapes to heap
// CHECK-NEXT: Ptrdiff_address.c:35:13: malloc(16) escapes to heap
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long g_diff, g_null, g_pair;
char g_base[16];
char *g_other;

/* Differences that carry an address: with the null pointer (the address
 * itself), with a global (the global's address gives it back), and of two
 * objects (one gives the other back); main rebuilds each object from the
 * integer after the function returned and reads it. */
__attribute__((noinline)) void keep(void) {
  char *a = malloc(16);   // heap: a - (char *)0 is a's address
  strcpy(a, "null");
  g_null = (long)((uintptr_t)a - (uintptr_t)(char *)0);
  char *b = malloc(16);   // heap: b - g_base gives b back from g_base
  strcpy(b, "global");
  g_diff = b - g_base;
  char *c = malloc(16);   // heap: c - d gives c back from d
  char *d = malloc(16);   // heap: kept in g_other
  strcpy(c, "pair");
  g_other = d;
  g_pair = c - d;
}

int main(void) {
  keep();
  char *a = (char *)(uintptr_t)g_null;
  char *b = g_base + g_diff;
  char *c = g_other + g_pair;
  printf("%s %s %s\n", a, b, c);
  return 0;
}

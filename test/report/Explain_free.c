// Explain_free: the -escape-m=2 reasons about free: passed to a same-file
// function that frees it, freed through one pointer with an object that
// stays on the heap; the "may be freed at" note of the freeing parameters.
// mixed's object, freed through a pointer that may be a parameter's, moves:
// that free stays, given NULL for it (exec/Free_mixed.c). The whole report is checked word for word, indentation included
// (--strict-whitespace: no space after the colons below), and no other line
// may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int choose = 1;
char *g_keep;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void drop(char *p) { free(p); }

__attribute__((noinline)) static int mixed(char *given) {
  char *own = malloc(32);
  memset(own, 1, 32);
  int s = sum(own, 32);
  char *victim = choose ? own : given;
  free(victim);
  if (victim != own)
    free(own);
  return s;
}

__attribute__((noinline)) static int handed(void) {
  char *p = malloc(32);
  memset(p, 2, 32);
  int s = sum(p, 32);
  drop(p);
  return s;
}

__attribute__((noinline)) static int together(void) {
  char *a = malloc(32);
  char *b = malloc(32);
  memset(a, 3, 32);
  memset(b, 4, 32);
  if (choose > 5)
    g_keep = b;
  int s = sum(a, 32) + sum(b, 32);
  char *either = choose ? a : b;
  free(either);
  free(choose ? b : a);
  return s;
}

int main(void) {
  char *given = malloc(8);
  printf("%d %d %d\n", mixed(given), handed(), together());
  return 0;
}

// OUT:32 64 224
// OUT-NEXT:exit status: 0

// CHECK:Explain_free.c:18:54: p does not escape
// CHECK-NEXT:Explain_free.c:25:50: leaking param: p:
// CHECK-NEXT:Explain_free.c:25:50:   parameter p may be freed at Explain_free.c:25:55
// CHECK-NEXT:Explain_free.c:27:50: leaking param: given:
// CHECK-NEXT:Explain_free.c:27:50:   parameter given may be freed at Explain_free.c:32:3
// CHECK-NEXT:Explain_free.c:28:15: malloc(32) does not escape
// CHECK-NEXT:Explain_free.c:39:13: malloc(32) escapes to heap:
// CHECK-NEXT:Explain_free.c:39:13:   passed to drop, which may free it, at Explain_free.c:42:3
// CHECK-NEXT:Explain_free.c:47:13: malloc(32) escapes to heap:
// BAD: the other allocation is not named (malloc(32)), nor the free that joins them (55:3).
// CHECK-NEXT:Explain_free.c:47:13:   freed through the same pointer as the allocation at Explain_free.c:48:13, which stays on the heap
// CHECK-NEXT:Explain_free.c:48:13: malloc(32) escapes to heap:
// CHECK-NEXT:Explain_free.c:48:13:   flow: {heap} = b:
// CHECK-NEXT:Explain_free.c:48:13:     from b (stored to global g_keep) at Explain_free.c:52:12
// CHECK-NEXT:Explain_free.c:61:17: malloc(8) escapes to heap:
// CHECK-NEXT:Explain_free.c:61:17:   passed to mixed, which may free it, at Explain_free.c:62:24

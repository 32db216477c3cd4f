// Call_varargs: negative. The object's address is a variadic argument of a
// same-file function that pulls it out with va_arg and keeps it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept=27
// OUT-NEXT: exit status: 0
// CHECK: Call_varargs.c:23:12: malloc(16) escapes to heap
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int *g_kept;

__attribute__((noinline)) static void keep_nth(int n, ...) {
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i <= n; i++)
    g_kept = va_arg(ap, int *);
  va_end(ap);
}

__attribute__((noinline)) static void work(int k) {
  int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    p[i] = k * i;
  keep_nth(0, p);
}

int main(void) {
  work(9);
  printf("kept=%d\n", g_kept[3]);
  free(g_kept);
  return 0;
}

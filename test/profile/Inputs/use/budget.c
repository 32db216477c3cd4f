// budget.c: guarded sites whose profile asks for more than the budgets
// give.  Run with no argument it asks, per call of three(): x 40000 bytes,
// y 1000 or 100000 (half each), z 8192 once and 30000 after; outer()'s own
// buffer 4096 a few times and 20000 mostly.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long touch(char *p, size_t n) {
  memset(p, 1, n);
  return p[n - 1] + (long)n;
}

__attribute__((noinline)) static long three(size_t a, size_t b, size_t c) {
  char *x = malloc(a);
  char *y = malloc(b);
  char *z = malloc(c);
  long s = touch(x, a) + touch(y, b) + touch(z, c);
  free(x);
  free(y);
  free(z);
  return s;
}

__attribute__((noinline)) static long outer(int i, size_t n) {
  char *w = malloc(n);
  long s = touch(w, n) + three(40000, i < 50 ? 1000 : 100000, i < 1 ? 8192 : 30000);
  free(w);
  return s;
}

int main(void) {
  long s = 0;
  for (int i = 0; i < 100; i++)
    s += outer(i, i < 10 ? 4096 : 20000);
  printf("sum %ld\n", s);
  return 0;
}

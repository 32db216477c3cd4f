// Three nested functions with a 50000-byte object each: the chain budget
// (65536 by default) decides how many of them move to the stack.
#include <stdlib.h>

enum { N = 12500 };

__attribute__((noinline)) static long sum(const int *p) {
  long s = 0;
  for (int i = 0; i < N; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long inner(int k) {
  int *p = malloc(N * sizeof(int));
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = sum(p);
  free(p);
  return s;
}

__attribute__((noinline)) static long middle(int k) {
  int *p = malloc(N * sizeof(int));
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = inner(k + 1) + sum(p);
  free(p);
  return s;
}

__attribute__((noinline)) long chain(int k) {
  int *p = malloc(N * sizeof(int));
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = middle(k + 1) + sum(p);
  free(p);
  return s;
}

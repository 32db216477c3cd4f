// The per-object cap, the frame budget and the guarded buffer's size.
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long sum(const char *p, size_t n) {
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) long big(int k) {
  char *p = malloc(61000);
  memset(p, k, 61000);
  long s = sum(p, 61000);
  free(p);
  return s;
}

__attribute__((noinline)) long frame(int k) {
  char *p = malloc(40000);
  char *q = malloc(40000);
  memset(p, k, 40000);
  memset(q, k + 1, 40000);
  long s = sum(p, 40000) + sum(q, 40000);
  free(q);
  free(p);
  return s;
}

__attribute__((noinline)) long guarded(const char *s, size_t n) {
  char *p = malloc(n);
  memcpy(p, s, n);
  long r = sum(p, n);
  free(p);
  return r;
}

/* helpers.c — readers and writers of scratch buffers, in their own file. */
#include "wrap.h"

void fill(int *v, int n, int seed) {
  for (int i = 0; i < n; i++)
    v[i] = seed * 31 + i * 7;
}

long sum(const int *v, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}

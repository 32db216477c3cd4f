/* use.c — scratch objects allocated through wrappers in another file, read
 * by helpers in a third, freed through a wrapper. */
#include <stdlib.h>

#include "wrap.h"

int *g_kept; /* an object that outlives its function */

long scratch(int seed) {
  int *v = xmalloc(32 * sizeof(int));
  fill(v, 32, seed);
  long s = sum(v, 32);
  xfree(v);
  return s;
}

long zeroed(int seed) {
  int *z = xcalloc(16, sizeof(int));
  int *w = xzalloc(8 * sizeof(int));
  z[seed % 16] = seed;
  w[seed % 8] = 2 * seed;
  long s = sum(z, 16) + sum(w, 8);
  xfree(z);
  xfree(w);
  return s;
}

long rounded(int seed) {
  int *r = xalloc_rounded(10 * sizeof(int));
  fill(r, 10, seed);
  long s = sum(r, 10);
  xfree(r);
  return s;
}

long kept(int seed) {
  int *k = xmalloc(4 * sizeof(int));
  fill(k, 4, seed);
  xfree(g_kept);
  g_kept = k; /* escapes: stays on the heap */
  return sum(k, 4);
}

long not_wrappers(int seed) {
  int *a = registered_alloc(sizeof(int));
  *a = seed;
  char *b = debug_alloc(8);
  b[0] = (char)seed;
  int *c = addr_alloc(sizeof(int));
  *c = seed;
  long s = *a + b[0] + addr_is_last(c);
  int *d = xmalloc(8 * sizeof(int));
  fill(d, 8, seed);
  s += sum(d, 8);
  poison_free(d, 8 * sizeof(int));
  free(c);
  return s;
}

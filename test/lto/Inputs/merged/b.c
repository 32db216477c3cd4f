/* b.c: the other static `get` (see a.c). */
#include <string.h>
#include "get.h"

static void *get(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

int b_part(int n) {
  int *v = get(4 * sizeof *v);
  for (int i = 0; i < 4; i++)
    v[i] = n * i;
  char *s = hget(8);
  snprintf(s, 8, "b%d", v[3]);
  puts(s);
  int r = v[2];
  free(s);
  free(v);
  return r;
}

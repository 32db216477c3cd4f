// A recursive function's object: the side stack, or with it off the
// recursive frame budget.
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long sum(const char *p) {
  long s = 0;
  for (int i = 0; i < 32; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) long walk(int depth) {
  char *p = malloc(32);
  memset(p, depth, 32);
  long s = sum(p);
  if (depth > 0)
    s += walk(depth - 1);
  free(p);
  return s;
}

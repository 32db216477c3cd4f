#include <stdlib.h>
int one(int x) {
  volatile int *p = malloc(64);
  p[0] = x;
  int r = p[0];
  free((void *)p);
  return r;
}

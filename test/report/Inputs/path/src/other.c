/* other.c: another file that includes buf.h (Path_*.test). */
#include "buf.h"

int other(int n) {
  char *p = buf_dup("other");
  int r = p[0] + n;
  free(p);
  return r;
}

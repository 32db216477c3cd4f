/* sidestack_lib.c — a shared object whose recursive function takes its
 * scratch buffer from the side stack (for Sidestack_dlclose.test). */
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static long sum(const char *p, int n) { long s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
long depth_sum(int d) {
  char *p = malloc(64);
  memset(p, d & 7, 64);
  long s = sum(p, 64) + (d > 0 ? depth_sum(d - 1) : 0);
  free(p);
  return s;
}

/* side_walk.h: a recursive function whose buffer is on the side stack
 * (the Sidestack_ tests of thread and process ends). */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int check(const char *b) { return (int)strlen(b); }

__attribute__((noinline)) static int walk(int n) {
  char *b = malloc(64);
  if (!b)
    exit(2);
  memset(b, 'a', 63);
  b[63] = 0;
  int r = n > 0 ? walk(n - 1) : 0;
  r += check(b);
  free(b);
  return r;
}

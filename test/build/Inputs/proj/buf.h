/* buf.h — a header helper inlined into each caller: one site, several copies. */
#include <stdlib.h>
#include <string.h>

static inline char *buf_dup(const char *s) {
  char *p = malloc(64);
  strncpy(p, s, 63);
  p[63] = 0;
  return p;
}

/* buf.h: a helper in a header, inlined into every caller (Path_*.test). */
#include <stdlib.h>
#include <string.h>
static inline char *buf_dup(const char *s) {
  int unused_in_header;
  char *p = malloc(64);
  strcpy(p, s);
  return p;
}

/* alloc.c — the wrappers of LTO_report.test. */
#include <stdlib.h>

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

void xfree(void *p) { free(p); }

/* alloc.c — the program's allocation and free wrappers (test/lto/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"

/* xmalloc: NULL check, a report and abort on the out-of-memory path. */
void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "xmalloc: out of memory (%zu bytes)\n", n);
    abort();
  }
  return p;
}

/* xcalloc: calloc, exit on failure. */
void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n, size);
  if (p == NULL) {
    fputs("xcalloc: out of memory\n", stderr);
    exit(70);
  }
  return p;
}

/* xzalloc: malloc, then zeroing by hand. */
void *xzalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  memset(p, 0, n);
  return p;
}

/* xalloc_rounded: sizes rounded up to 16 bytes. */
void *xalloc_rounded(size_t n) {
  void *p = malloc((n + 15) & ~(size_t)15);
  if (!p)
    abort();
  return p;
}

/* xfree: only frees its parameter, after a NULL check. */
void xfree(void *p) {
  if (p)
    free(p);
}

#include "rec.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

struct rec *rec_new(const char *prefix, int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(24);
  snprintf(r->name, 24, "%s%d", prefix, n);
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n + i;
  return r;
}

void rec_free(struct rec *r) {
  if (!r)
    return;
  free(r->name);
  free(r->vals);
  free(r);
}

struct rec *rec_kept[16];

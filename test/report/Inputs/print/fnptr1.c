/* fnptr1.c: one call through a function pointer (Print_allocs.c: the
 * singular). */
#include <stddef.h>

struct state {
  void *(*alloc)(size_t n);
};

void *state_new(struct state *s, size_t n) { return s->alloc(n); }

/* fnptr.c: every allocation goes through a function pointer, as an
 * interpreter's allocator hook does (Print_allocs.c). */
#include <stddef.h>

typedef void *(*alloc_fn)(void *ud, void *p, size_t old, size_t n);

struct state {
  alloc_fn alloc;
  void *ud;
};

void *state_new(struct state *s, size_t n) { return s->alloc(s->ud, NULL, 0, n); }
void state_free(struct state *s, void *p, size_t n) { s->alloc(s->ud, p, n, 0); }

/* A library that allocates only through its hook table, which the program
 * fills: no allocation call (or hook that starts as one) for the analysis. */
#include <stdlib.h>
#include <string.h>

struct hooks {
  void *(*alloc)(size_t);
  void (*release)(void *);
};
static struct hooks hooks; /* set_hooks(malloc, free) before use */

void set_hooks(void *(*a)(size_t), void (*r)(void *)) {
  hooks.alloc = a;
  hooks.release = r;
}

char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = hooks.alloc(n);
  if (p)
    memcpy(p, s, n);
  return p;
}

void drop_text(char *p) { hooks.release(p); }

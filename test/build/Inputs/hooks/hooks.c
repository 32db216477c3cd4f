/* A library that allocates only through its hook table, as cJSON does:
 * no allocation call of its own for the analysis to see. */
#include <stdlib.h>
#include <string.h>

struct hooks {
  void *(*alloc)(size_t);
  void (*release)(void *);
};
static struct hooks hooks = {malloc, free};

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

/* hooks_and_sites.c: a file with an allocation site of its own beside a
 * call through a function pointer (Print_allocs.c: no note). */
#include <stdlib.h>

void (*on_new)(void *);
void *g;

void make(void) {
  void *p = malloc(16);
  on_new(p);
  g = p;
}

// The caller, in another file than push: main's list is its own.
#include <stdio.h>
#include <stdlib.h>
#include "list.h"

struct list g_list;

int main(void) {
  struct list l = {0, 0};
  struct item *a = malloc(sizeof *a);
  a->v = 1;
  push(&l, a);
  struct item *g = malloc(sizeof *g);
  g->v = 2;
  push_global(g);
  int n = 0;
  for (struct item *p = l.head; p; p = p->next)
    n++;
  printf("%d %ld %ld\n", n, l.n, g_list.n);
  return 0;
}

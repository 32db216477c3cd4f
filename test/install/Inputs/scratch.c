/* scratch.c — one scratch buffer that does not escape, one that does
 * (test/install/). */
#include <stdlib.h>
#include <string.h>

char *g_keep;

int scratch(int n) {
  char *p = malloc(32);
  memset(p, n, 32);
  int r = p[3];
  free(p);
  return r;
}

void keep(int n) {
  g_keep = malloc(16);
  memset(g_keep, n, 16);
}

struct node {
  struct node *next;
  int v;
};

/* count: two pointer parameters that do not escape. */
int count(struct node *list, int *out) {
  int n = 0;
  for (struct node *p = list; p; p = p->next)
    n++;
  *out = n;
  return n;
}

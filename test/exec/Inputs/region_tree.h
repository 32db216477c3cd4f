/* region_tree.h — the builder and tree walks the Region_*.c tests share:
 * build(d, s) makes a tree of depth d whose nodes hold their depth plus s
 * (a builder, pass/region.c); count, check and drop read and free it. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  long v;
  struct node *kid, *next;
};

static struct node *build(int d, int s) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    exit(2);
  n->v = d + s;
  n->kid = n->next = NULL;
  if (d > 0) {
    n->kid = build(d - 1, s);
    n->next = build(d - 2, s);
  }
  return n;
}

static int count(const struct node *n) { return n ? 1 + count(n->kid) + count(n->next) : 0; }
/* check: every node holds its depth plus s (a comparison: no number
 * leaves it) */
static int check(const struct node *n, int d, int s) {
  if (!n)
    return d <= 0;
  return n->v == d + s && check(n->kid, d - 1, s) && check(n->next, d - 2, s);
}
static void drop(struct node *n) {
  if (!n)
    return;
  drop(n->kid);
  drop(n->next);
  free(n);
}

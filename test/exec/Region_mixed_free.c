// Region_mixed_free: a kept free that may be given other memory must not
// give side-stack memory back by size. build is a builder (region.c): its
// owned call takes the nodes from the side stack. It frees `spare`, a node
// of the tree, through a pointer that may also be its own 64-byte scratch
// object (moved since free_mixed: that free stays, rewrite.c keep_free).
// Asked __escape_side_free(p, 64), a node x just below the live node n that
// ends at the top (x + 64 == top) gave n's memory back, and G's objects
// (-7) overwrote it: the plugin of 7bcb188 crashed here (found in review).
// Such a free only asks now (size 0).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -E 'result|malloc\(64\)' | FileCheck %s --match-full-lines
// OUT: total 9 9 g -28
// OUT-NEXT: total 3810 3810 g -28
// OUT-NEXT: exit status: 0
// CHECK: Region_mixed_free.c:31:17: malloc(64) does not escape
// CHECK-NEXT: Region_mixed_free.c:48:15: malloc(64) does not escape
// CHECK-NEXT: Region_mixed_free.c:57:23: build(d, ...) result does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { long v; struct node *kid, *next; };
volatile int vz;
__attribute__((noinline)) static int sum(const char *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
static struct node *build(int d, struct node *spare) {
  struct node *n = malloc(sizeof *n);
  if (!n) return NULL;
  n->v = d;
  n->kid = n->next = NULL;
  char *p = (char *)spare;
  if (d == 7 + vz) {            /* never taken at run time */
    char *tmp = malloc(64);
    if (!tmp) return NULL;
    memset(tmp, 1, 64);
    n->v += sum(tmp, 64);
    p = tmp;
  }
  free(p);                      /* mixed: tmp, or the parameter's node */
  if (d > 1) {
    struct node *x = build(1 + vz, NULL);  /* a leaf */
    n->kid = build(d - 2, x);              /* allocated just above x; frees x */
    n->next = build(d - 1, NULL);
  }
  return n;
}
static long total(const struct node *n) { return n ? n->v + 3 * total(n->kid) + 7 * total(n->next) : 0; }
static void drop(struct node *n) { if (!n) return; drop(n->kid); drop(n->next); free(n); }
__attribute__((noinline)) static long G(int d) {   /* recursive: its object on the side stack */
  long *own = malloc(64);
  if (!own) return -1;
  for (int i = 0; i < 8; i++) own[i] = -7;
  long s = own[d & 7];
  if (d > 0) s += G(d - 1 + vz);
  free(own);
  return s;
}
__attribute__((noinline)) static void owner(int d) {
  struct node *root = build(d, NULL);   /* the owned call: nodes on the side stack */
  long t1 = total(root);
  long g = G(3);
  long t2 = total(root);
  printf("total %ld %ld g %ld\n", t1, t2, g);
  drop(root);
}
int main(int argc, char **argv) { (void)argv; owner(argc + 1); owner(argc + 4); return 0; }

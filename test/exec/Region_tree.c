// Region_tree: positives beside negatives. A recursive builder (region.c)
// returns a tree of its own nodes; a caller that owns the tree (it does not
// escape the caller, its frees are free() or functions of the module that
// free only with it) takes the nodes from the side stack, given back when
// the caller returns and, in a loop, before the builder runs again.
// Positives: in_loop (1,000 trees built, checked, counted and dropped),
// once (one tree, no loop) and summed (the trees' numbers summed and
// printed: a number read as a number, a scalar-typed load, holds no node's
// address, graph.h `other`). Negatives, each with output that shows the tree
// that really ran: a tree kept in a global and read after its caller
// returned (kept), a tree read in the next iteration (across), a tree freed
// through a pointer to free (indirect), a root reallocated (grown), a second
// builder call in the owner (second: its tree stays on the heap), and a
// builder that also keeps its last node in a global (published).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'result' | FileCheck %s --match-full-lines --implicit-check-not=result
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: in_loop 67000 1
// OUT-NEXT: once 109 1
// OUT-NEXT: kept 67 1
// OUT-NEXT: across 67000 1
// OUT-NEXT: indirect 67 1
// OUT-NEXT: grown 67 1 7
// OUT-NEXT: second 67 109 1
// OUT-NEXT: summed 2640
// OUT-NEXT: published 67 7
// OUT-NEXT: exit status: 0
// CHECK: Region_tree.c:39:25: build(d, i) result does not escape
// CHECK-NEXT: Region_tree.c:48:23: build(d, 0) result does not escape
// CHECK-NEXT: Region_tree.c:101:20: build(d, 0) result does not escape
// CHECK-NEXT: Region_tree.c:112:25: build(d, 0) result does not escape
// COUNT: plain: 137302
// COUNT-NEXT: escape: 67446
#include "Inputs/region_tree.h"

__attribute__((noinline)) static void in_loop(int d) {
  int c = 0, ok = 1;
  for (int i = 0; i < 1000; i++) {
    struct node *root = build(d, i);
    c += count(root);
    ok &= check(root, d, i);
    drop(root);
  }
  printf("in_loop %d %d\n", c, ok);
}

__attribute__((noinline)) static void once(int d) {
  struct node *root = build(d, 0);
  printf("once %d %d\n", count(root), check(root, d, 0));
  drop(root);
}

static struct node *g_keep;
__attribute__((noinline)) static void keep(int d) { g_keep = build(d, 5); }

__attribute__((noinline)) static void across(int d) {
  struct node *prev = NULL;
  int c = 0, ok = 1;
  for (int i = 0; i < 1001; i++) {
    struct node *root = build(d, i);
    if (prev) {
      c += count(prev);
      ok &= check(prev, d, i - 1);
      drop(prev);
    }
    prev = root;
  }
  drop(prev);
  printf("across %d %d\n", c, ok);
}

static void (*volatile release)(void *) = free;
static void drop_via(struct node *n) {
  if (!n)
    return;
  drop_via(n->kid);
  drop_via(n->next);
  release(n);
}

__attribute__((noinline)) static void indirect(int d) {
  struct node *root = build(d, 0);
  printf("indirect %d %d\n", count(root), check(root, d, 0));
  drop_via(root);
}

__attribute__((noinline)) static void grown(int d) {
  struct node *root = build(d, 0);
  int c = count(root), ok = check(root, d, 0);
  struct node *big = realloc(root, 8 * sizeof *root);
  if (!big)
    exit(2);
  big[7].v = 7;
  printf("grown %d %d %ld\n", c, ok, big[7].v);
  drop(big->kid);
  drop(big->next);
  free(big);
}

__attribute__((noinline)) static void second(int d) {
  struct node *a = build(d, 0);
  struct node *b = build(d + 1, 0);
  printf("second %d %d %d\n", count(a), count(b), check(a, d, 0) && check(b, d + 1, 0));
  drop(a);
  drop(b);
}

static long sum(const struct node *n) { return n ? n->v + sum(n->kid) + sum(n->next) : 0; }
__attribute__((noinline)) static void summed(int d) {
  long s = 0;
  for (int i = 0; i < 40; i++) {
    struct node *root = build(d, 0);
    s += sum(root);
    drop(root);
  }
  printf("summed %ld\n", s);
}

static struct node *g_last;
static struct node *build_pub(int d) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    exit(2);
  n->v = d;
  n->kid = n->next = NULL;
  if (d > 0) {
    n->kid = build_pub(d - 1);
    n->next = build_pub(d - 2);
  }
  g_last = n;
  return n;
}
__attribute__((noinline)) static void published(int d) {
  struct node *root = build_pub(d);
  int c = count(root);
  long last = g_last->v;
  drop(root);
  printf("published %d %ld\n", c, last);
}

int main(int argc, char **argv) {
  (void)argv;
  int d = argc + 6; /* 7 */
  in_loop(d);
  once(d + 1);
  keep(d);
  printf("kept %d %d\n", count(g_keep), check(g_keep, d, 5));
  drop(g_keep);
  across(d);
  indirect(d);
  grown(d);
  second(d);
  summed(d);
  published(d);
  return 0;
}

// Region_number_field: a positive beside a negative. A builder's objects
// may be held by one another only as pointers (builder.c's probe): an
// owner's number read from a node (a scalar-typed load, graph.h `other`)
// is then no node's address. Negative: build_link also keeps each child's
// address in a number field (uintptr_t); linked reads the root's number
// into a global, and main follows it after linked returned, when the side
// stack's memory has been reused by another tree (with the probe's pointer
// check removed the plugin prints 15 for 6). Positive: build_ptr keeps the
// child as a pointer and a number beside it; pointed reads the number into
// a global and owns its tree.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'result' | FileCheck %s --match-full-lines --implicit-check-not=result
// OUT: linked 6 67
// OUT-NEXT: pointed 7
// OUT-NEXT: exit status: 0
// CHECK: Region_number_field.c:59:24: build_ptr(d) result does not escape
// CHECK-NEXT: Region_number_field.c:72:20: build(d) result does not escape
#include <stdint.h>

#include "Inputs/region_tree.h"

struct tnode {
  long v;
  uintptr_t link;
  struct tnode *kid;
};

static struct tnode *build_link(int d) {
  struct tnode *n = malloc(sizeof *n);
  if (!n)
    exit(2);
  n->v = d;
  n->link = 0;
  n->kid = NULL;
  if (d > 0) {
    n->kid = build_link(d - 1);
    n->link = (uintptr_t)n->kid;
  }
  return n;
}
static uintptr_t g_link;
__attribute__((noinline)) static void linked(int d) {
  struct tnode *root = build_link(d);
  g_link = root->link;
  free(root); /* its children are not freed: main reads one */
}

static struct tnode *build_ptr(int d) {
  struct tnode *n = malloc(sizeof *n);
  if (!n)
    exit(2);
  n->v = d;
  n->kid = d > 0 ? build_ptr(d - 1) : NULL;
  n->link = (uintptr_t)d * 3;
  return n;
}
static uintptr_t g_num;
__attribute__((noinline)) static void pointed(int d) {
  struct tnode *root = build_ptr(d);
  g_num = root->link / 3;
  while (root) {
    struct tnode *kid = root->kid;
    free(root);
    root = kid;
  }
}

int main(int argc, char **argv) {
  (void)argv;
  int d = argc + 6; /* 7 */
  linked(d);
  struct node *t = build(d, 9);
  const struct tnode *k = (const struct tnode *)g_link;
  printf("linked %ld %d\n", k->v, count(t));
  drop(t);
  pointed(d);
  printf("pointed %lu\n", (unsigned long)g_num);
  return 0;
}

// Tbaa_qsort: a positive beside a negative. qsort permutes its array's
// bytes (libmodel.c's letter p), and its elements need not be the fields of
// the struct it is given: sorting a node as two 8-byte elements moves the
// pointer stored in `next` into the number `v`. So a number read after the
// sort may be an address stored as a pointer (graph.h `other`, mixed by the
// call). Negative: halves sorts a node that way, the number read back goes
// to a global, and main reads the pointed-to node after halves returned
// (the plugin of 8dcd0ba kept that node on the stack: free() aborted).
// Positive: by_key sorts an array of {key, node} pairs by key, whole
// elements; the nodes are read through the pointers only, and their numbers
// summed into a global: the nodes move.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'alloc(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: by_key 17 12
// OUT-NEXT: halves 7
// OUT-NEXT: exit status: 0
// CHECK: Tbaa_qsort.c:44:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_qsort.c:45:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_qsort.c:46:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_qsort.c:69:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_qsort.c:70:20: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  long v;
  struct node *next;
  long bits;
  long spare;
};
struct pair {
  long key;
  struct node *n;
};
static long g_sum, g_first, g_bits;

static int by_key_cmp(const void *x, const void *y) {
  const struct pair *a = x, *b = y;
  return (a->key > b->key) - (a->key < b->key);
}

__attribute__((noinline)) static void by_key(int k) {
  struct node *x = malloc(sizeof *x);
  struct node *y = malloc(sizeof *y);
  struct pair *p = malloc(2 * sizeof *p);
  if (!x || !y || !p)
    exit(2);
  x->v = k;
  y->v = k + 7;
  p[0] = (struct pair){9, x};
  p[1] = (struct pair){3, y};
  qsort(p, 2, sizeof *p, by_key_cmp);
  g_first = p[0].n->v;
  g_sum = p[0].n->v + p[1].n->v;
  free(p);
  free(x);
  free(y);
}

/* descending, as unsigned 8-byte numbers: the address comes first */
static int desc8(const void *x, const void *y) {
  unsigned long a, b;
  memcpy(&a, x, sizeof a);
  memcpy(&b, y, sizeof b);
  return (a < b) - (a > b);
}
__attribute__((noinline)) static void halves(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->v = 0;
  a->next = b;
  qsort(a, 2, sizeof(long), desc8);
  g_bits = a->v;
  free(a);
}

int main(int argc, char **argv) {
  (void)argv;
  int k = argc + 4; /* 5 */
  by_key(k);
  printf("by_key %ld %ld\n", g_sum, g_first);
  halves(k);
  printf("halves %ld\n", ((struct node *)g_bits)->v);
  free((void *)g_bits);
  return 0;
}

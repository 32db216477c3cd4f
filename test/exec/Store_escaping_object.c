// Store_escaping_object: negative. The values array is stored into a node
// that itself escapes to a global: both stay on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=60
// OUT-NEXT: exit status: 0
// CHECK: Store_escaping_object.c:20:21: malloc(16) escapes to heap
// CHECK-NEXT: Store_escaping_object.c:21:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct node {
  int *vals;
  int n;
};

struct node *g_root;

__attribute__((noinline)) static void build(int k) {
  struct node *nd = malloc(sizeof *nd); // heap: malloc(16)
  int *v = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    v[i] = k * (i + 1);
  nd->vals = v;
  nd->n = 4;
  g_root = nd;
}

int main(void) {
  build(6);
  long s = 0;
  for (int i = 0; i < g_root->n; i++)
    s += g_root->vals[i];
  printf("s=%ld\n", s);
  free(g_root->vals);
  free(g_root);
  return 0;
}

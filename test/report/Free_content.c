// Free_content: a destructor that frees what its parameter points to
// (a tree, through recursion) is "freed 1" in its summary, not a leak to
// the heap: -m=2 says where the contents may be freed, and a caller's
// object it may free stays on the heap as passed to a call that may free
// it (negative), while the holder the destructor only reads and writes
// moves (positive).
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// CHECK: Free_content.c:24:62: leaking param: n:
// CHECK-NEXT: Free_content.c:24:62:   parameter n may be freed at Free_content.c:28:5
// CHECK-NEXT: Free_content.c:33:62: leaking param content: n:
// CHECK-NEXT: Free_content.c:33:62:   what parameter n points to may be freed at Free_content.c:34:3
// CHECK-NEXT: Free_content.c:38:27: argv does not escape
// CHECK-NEXT: Free_content.c:39:20: calloc(1, 24) does not escape
// CHECK-NEXT: Free_content.c:39:47: calloc(1, 24) escapes to heap:
// CHECK-NEXT: Free_content.c:39:47:   passed to drop_kids, which may free it, at Free_content.c:45:3
#include <stdio.h>
#include <stdlib.h>

struct node {
  struct node *child, *next;
  long v;
};

__attribute__((noinline)) static void free_tree(struct node *n) {
  while (n) {
    struct node *next = n->next;
    free_tree(n->child);
    free(n);
    n = next;
  }
}

__attribute__((noinline)) static void drop_kids(struct node *n) {
  free_tree(n->child);
  n->child = 0;
}

int main(int argc, char **argv) {
  struct node *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
  if (!a || !b)
    return 2;
  b->v = argc;
  a->child = b;
  long s = a->v + b->v;
  drop_kids(a);
  printf("%ld %d\n", s, a->child == 0);
  free(a);
  return 0;
}

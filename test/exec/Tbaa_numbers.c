// Tbaa_numbers: a positive beside negatives. A number read as a number (a
// load whose !tbaa type is an arithmetic scalar: long, int, double) never
// reads bytes a pointer-typed store wrote (LLVM's TBAA, strict aliasing),
// so it holds no address stored as a pointer (graph.h `other`). Positive:
// sum() adds the numbers of two linked nodes and the sum goes to a global;
// the nodes move. Negatives, each of which puts a node's address where a
// number is read, and reads the node through that number after its maker
// returned: the address stored as a number ((long)p), copied into a number
// field with memcpy (also in a callee), moved within the object with memmove, written through
// a union, and the positive's code built with -fno-strict-aliasing (no
// TBAA: every load may read an address).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'alloc(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s -fno-strict-aliasing | grep -F 'alloc(' | FileCheck %s --check-prefix=NOTBAA --match-full-lines
// OUT: sum 12
// OUT-NEXT: cast 7
// OUT-NEXT: copied 7
// OUT-NEXT: copied_in 7
// OUT-NEXT: moved 7
// OUT-NEXT: punned 7
// OUT-NEXT: exit status: 0
// CHECK: Tbaa_numbers.c:51:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:52:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:64:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:65:20: malloc(32) escapes to heap
// CHECK-NEXT: Tbaa_numbers.c:75:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:76:20: malloc(32) escapes to heap
// CHECK-NEXT: Tbaa_numbers.c:95:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:96:20: malloc(32) escapes to heap
// CHECK-NEXT: Tbaa_numbers.c:107:20: malloc(32) does not escape
// CHECK-NEXT: Tbaa_numbers.c:108:20: malloc(32) escapes to heap
// CHECK-NEXT: Tbaa_numbers.c:127:20: malloc(40) does not escape
// CHECK-NEXT: Tbaa_numbers.c:128:20: malloc(40) escapes to heap
// NOTBAA: Tbaa_numbers.c:51:20: malloc(32) does not escape
// NOTBAA-NEXT: Tbaa_numbers.c:52:20: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  long v;
  struct node *next;
  long bits;
  long spare;
};
static long g_sum, g_bits;

__attribute__((noinline)) static long sum(const struct node *n) { return n->v + n->next->v; }

__attribute__((noinline)) static void positive(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  a->v = k;
  b->v = k + 2;
  a->next = b;
  g_sum = sum(a);
  free(a);
  free(b);
}

__attribute__((noinline)) static void cast(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->bits = (long)b;
  g_bits = a->bits;
  free(a);
}

__attribute__((noinline)) static void copied(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->next = b;
  long t;
  memcpy(&t, &a->next, sizeof t);
  a->bits = t;
  g_bits = a->bits;
  free(a);
}

/* the same copy in a callee: its summary says the object's own bytes move */
__attribute__((noinline)) static void copy_next(struct node *s) {
  long t;
  memcpy(&t, &s->next, sizeof t);
  s->bits = t;
}
__attribute__((noinline)) static void copied_in(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->next = b;
  copy_next(a);
  g_bits = a->bits;
  free(a);
}

__attribute__((noinline)) static void moved(int k) {
  struct node *a = malloc(sizeof *a);
  struct node *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->next = b;
  memmove(&a->bits, &a->next, sizeof a->next);
  g_bits = a->bits;
  free(a);
}

struct cell {
  long v;
  union {
    struct cell *p;
    long n;
  } u;
  long pad[3];
};
__attribute__((noinline)) static void punned(int k) {
  struct cell *a = malloc(sizeof *a);
  struct cell *b = malloc(sizeof *b);
  if (!a || !b)
    exit(2);
  b->v = k + 2;
  a->u.p = b;
  g_bits = a->u.n;
  free(a);
}

int main(int argc, char **argv) {
  (void)argv;
  int k = argc + 4; /* 5 */
  positive(k);
  printf("sum %ld\n", g_sum);
  cast(k);
  printf("cast %ld\n", ((struct node *)g_bits)->v);
  free((void *)g_bits);
  copied(k);
  printf("copied %ld\n", ((struct node *)g_bits)->v);
  free((void *)g_bits);
  copied_in(k);
  printf("copied_in %ld\n", ((struct node *)g_bits)->v);
  free((void *)g_bits);
  moved(k);
  printf("moved %ld\n", ((struct node *)g_bits)->v);
  free((void *)g_bits);
  punned(k);
  printf("punned %ld\n", ((struct cell *)g_bits)->v);
  free((void *)g_bits);
  return 0;
}

// Tbaa_union_copy: negative (a review found it). Union punning on a
// declared union: member ps (a pointer) stored, member l (a long) read,
// both as aggregates, which clang gives !tbaa.struct tags; the read
// becomes a load tagged "long" whose base is the scalar itself. Only a
// struct field's scalar tag counts as a number (escb_tbaa_kind), so the
// read may hold the address and the node stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'alloc(' | FileCheck %s --match-full-lines
// OUT: 7
// OUT-NEXT: exit status: 0
// CHECK: Tbaa_union_copy.c:27:20: malloc(4) escapes to heap
#include <stdio.h>
#include <stdlib.h>
/* Textbook union type punning on a DECLARED union object (its effective
   type is union U; C11 6.5.2.3p3 fn 95; strict-aliasing clean): member ps
   stored, member l read. Both are aggregate member accesses, which clang
   tags with !tbaa.struct from the member's struct type: the store becomes
   "any pointer", the load in getl "long". */
struct node { int v; };
struct P { struct node *p; };
struct L { long x; };
union U { struct P ps; struct L l; };
long g_bits;
__attribute__((noinline)) static struct L getl(const union U *u) { return u->l; }
__attribute__((noinline)) static void make(int k) {
  union U u;
  struct node *h = malloc(sizeof *h);
  if (!h) exit(2);
  h->v = k;
  struct P v = {h};
  u.ps = v;
  g_bits = getl(&u).x;
}
__attribute__((noinline)) static void clobber(void) { volatile char buf[256]; for (int i = 0; i < 256; i++) buf[i] = (char)i; }
int main(void) { make(7); clobber(); printf("%d\n", ((struct node *)g_bits)->v); return 0; }

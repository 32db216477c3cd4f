// Tbaa_number_address: negative (a review found it). A uintptr_t field
// read as a number in a callee and used there as an address: the number
// stands for the caller's object it was made of, and what that object
// holds (the malloc'd buffer) leaks through the callee's result. With the
// number's target taken for unknown memory the buffer moved to the stack,
// and main read it after make returned.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F 'alloc(' | FileCheck %s --match-full-lines
// OUT: 7
// OUT-NEXT: exit status: 0
// CHECK: Tbaa_number_address.c:23:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
struct holder { void *ptr; long pad; };
struct S { uintptr_t addr; long n; };
void *g_keep;
__attribute__((noinline)) static void *through(const struct S *s) {
  return ((struct holder *)s->addr)->ptr;     /* number read as a number, then used as an address */
}
__attribute__((noinline)) static void make(int k) {
  struct holder L;
  int *h = malloc(sizeof *h * 4);
  if (!h) exit(2);
  h[0] = k;
  L.ptr = h;
  L.pad = 0;
  struct S s;
  s.addr = (uintptr_t)&L;
  s.n = 1;
  g_keep = through(&s);
}
__attribute__((noinline)) static void clobber(void) { volatile char buf[256]; for (int i = 0; i < 256; i++) buf[i] = (char)i; }
int main(void) {
  make(7);
  clobber();
  printf("%d\n", *(int *)g_keep);
  return 0;
}

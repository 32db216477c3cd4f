// Atomic_rmw_object: positive. Atomic read-modify-write and compare-and-swap
// operate on the object's own memory; its address goes nowhere.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: c=218
// OUT-NEXT: c=556
// OUT-NEXT: exit status: 0
// CHECK: Atomic_rmw_object.c:21:20: malloc(32) does not escape
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long sum(const _Atomic int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += atomic_load_explicit(&p[i], memory_order_relaxed);
  return s;
}

__attribute__((noinline)) static long count(int rounds) {
  _Atomic int *c = malloc(8 * sizeof(_Atomic int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    atomic_init(&c[i], i);
  for (int r = 0; r < rounds; r++) {
    atomic_fetch_add(&c[r & 7], r);
    int expected = r & 7;
    atomic_compare_exchange_strong(&c[(r + 3) & 7], &expected, 100);
  }
  long s = sum(c, 8);
  free((void *)c);
  return s;
}

int main(void) {
  printf("c=%ld\n", count(20));
  printf("c=%ld\n", count(33));
  return 0;
}

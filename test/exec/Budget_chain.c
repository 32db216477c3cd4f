// Budget_chain: positive beside negative. Three nested functions each make a
// 50000-byte object; each fits its own frame budget, but together they would
// take 150000 bytes of stack along one call chain, more than a 128 KiB thread
// stack holds besides the program's own frames. The chain budget (65536) lets
// the innermost convert and keeps the two callers on the heap. %exec also runs
// both builds on a 128 KiB thread stack, where they must agree.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=2577918750
// OUT-NEXT: exit status: 0
// CHECK: Budget_chain.c:25:54: p does not escape
// CHECK-NEXT: Budget_chain.c:33:12: malloc(50000) does not escape
// CHECK-NEXT: Budget_chain.c:42:12: malloc(50000) escapes to heap:
// CHECK-NEXT: Budget_chain.c:42:12:   over the call chain's stack budget (65536 bytes, of which functions it calls already take 50000)
// CHECK-NEXT: Budget_chain.c:51:12: malloc(50000) escapes to heap:
// CHECK-NEXT: Budget_chain.c:51:12:   over the call chain's stack budget (65536 bytes, of which functions it calls already take 50000)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int seed = 1;

enum { N = 12500 };

__attribute__((noinline)) static long sum(const int *p) {
  long s = 0;
  for (int i = 0; i < N; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long inner(int k) {
  int *p = malloc(N * sizeof(int)); // stack: malloc(50000)
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = sum(p);
  free(p);
  return s;
}

__attribute__((noinline)) static long middle(int k) {
  int *p = malloc(N * sizeof(int)); // heap: malloc(50000)
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = inner(k + 1) + sum(p);
  free(p);
  return s;
}

__attribute__((noinline)) static long outer(int k) {
  int *p = malloc(N * sizeof(int)); // heap: malloc(50000)
  for (int i = 0; i < N; i++)
    p[i] = i * k;
  long s = middle(k + 1) + sum(p);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", outer(seed + 9));
  return 0;
}

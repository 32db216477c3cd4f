// Align_malloc16: positive. malloc'd objects moved to the stack stay 16-byte
// aligned, whatever their sizes. The offset k (0 at run time) keeps LLVM from
// folding the checks.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: aligned=1111 sum=239
// OUT-NEXT: exit status: 0
// CHECK: Align_malloc16.c:27:22: malloc(1) does not escape
// CHECK-NEXT: Align_malloc16.c:28:22: malloc(3) does not escape
// CHECK-NEXT: Align_malloc16.c:29:22: malloc(24) does not escape
// CHECK-NEXT: Align_malloc16.c:30:22: malloc(40) does not escape
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int zero = 0;

__attribute__((noinline)) static long csum(const unsigned char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void check(int k) {
  unsigned char *a = malloc(1); // stack: malloc(1)
  unsigned char *b = malloc(3); // stack: malloc(3)
  unsigned char *c = malloc(24); // stack: malloc(24)
  unsigned char *d = malloc(40); // stack: malloc(40)
  memset(a, 1, 1);
  memset(b, 2, 3);
  memset(c, 3, 24);
  memset(d, 4, 40);
  int ok = (uintptr_t)(a + k) % 16 == 0;
  ok = ok * 10 + ((uintptr_t)(b + k) % 16 == 0);
  ok = ok * 10 + ((uintptr_t)(c + k) % 16 == 0);
  ok = ok * 10 + ((uintptr_t)(d + k) % 16 == 0);
  long s = csum(a, 1) + csum(b, 3) + csum(c, 24) + csum(d, 40);
  free(a);
  free(b);
  free(c);
  free(d);
  printf("aligned=%04d sum=%ld\n", ok, s);
}

int main(void) {
  check(zero);
  return 0;
}

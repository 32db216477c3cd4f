// Align_aligned_alloc64: positive. aligned_alloc(64, ...) objects moved to the
// stack keep their 64-byte alignment, even next to a 1-byte object. The
// offset k (0 at run time) keeps LLVM from folding the checks.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a64=1 b64=1 sum=387
// OUT-NEXT: exit status: 0
// CHECK: Align_aligned_alloc64.c:26:22: aligned_alloc(64, 256) does not escape
// CHECK-NEXT: Align_aligned_alloc64.c:27:22: malloc(1) does not escape
// CHECK-NEXT: Align_aligned_alloc64.c:28:22: aligned_alloc(64, 64) does not escape
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
  unsigned char *a = aligned_alloc(64, 256); // stack: aligned_alloc(64, 256)
  unsigned char *c = malloc(1); // stack: malloc(1)
  unsigned char *b = aligned_alloc(64, 64); // stack: aligned_alloc(64, 64)
  memset(a, 1, 256);
  memset(b, 2, 64);
  c[0] = 3;
  int ok_a = (uintptr_t)(a + k) % 64 == 0;
  int ok_b = (uintptr_t)(b + k) % 64 == 0;
  long s = csum(a, 256) + csum(b, 64) + csum(c, 1);
  free(a);
  free(b);
  free(c);
  printf("a64=%d b64=%d sum=%ld\n", ok_a, ok_b, s);
}

int main(void) {
  check(zero);
  return 0;
}

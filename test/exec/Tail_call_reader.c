// Tail_call_reader: positive. The object is passed to a reader in tail
// position; the call is marked `tail` by LLVM, and the pass must drop the
// marker, or the backend's sibling call would pop the frame that holds the
// object before the reader (which scribbles on its own stack) reads it.
// The object is never freed (a leak in the plain build).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a=136
// OUT-NEXT: b=1720
// OUT-NEXT: exit status: 0
// CHECK: Tail_call_reader.c:26:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long scrub_and_sum(const int *p, int n) {
  volatile char scratch[512];
  for (int i = 0; i < 512; i++)
    scratch[i] = (char)0xAA;
  long s = scratch[0] & 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long tail_sum(int k) {
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k + i;
  return scrub_and_sum(p, 16);
}

int main(void) {
  printf("a=%ld\n", tail_sum(1));
  printf("b=%ld\n", tail_sum(100));
  return 0;
}

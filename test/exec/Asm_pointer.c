// Asm_pointer: negative. The object's address is an operand of inline
// assembly, which may do anything with it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=84
// OUT-NEXT: exit status: 0
// CHECK: Asm_pointer.c:12:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = k * i;
  __asm__ volatile("" : : "r"(p) : "memory");
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += p[i];
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld\n", work(3));
  return 0;
}

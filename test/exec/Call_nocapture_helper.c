// Call_nocapture_helper: positive. The object is only passed to same-file
// helpers that read and write through the pointer (nocapture, nofree).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: w3=590 w4=780
// OUT-NEXT: exit status: 0
// CHECK: Call_nocapture_helper.c:24:12: malloc(80) does not escape
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void fill(int *p, int n, int base) {
  for (int i = 0; i < n; i++)
    p[i] = base * i + 1;
}

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int k) {
  int *p = malloc(20 * sizeof(int)); // stack: malloc(80)
  fill(p, 20, k);
  long s = sum(p, 20);
  free(p);
  return s;
}

int main(void) {
  printf("w3=%ld w4=%ld\n", work(3), work(4));
  return 0;
}

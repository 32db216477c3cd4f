// Store_global_value: positive. Values loaded from the object go to globals;
// its address never does.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: total=140 third=15
// OUT-NEXT: total=196 third=21
// OUT-NEXT: exit status: 0
// CHECK: Store_global_value.c:23:12: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>

long g_total;
int g_third;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void produce(int n) {
  int *p = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * i;
  g_total = sum(p, 8);
  g_third = p[3];
  free(p);
}

int main(void) {
  produce(5);
  printf("total=%ld third=%d\n", g_total, g_third);
  produce(7);
  printf("total=%ld third=%d\n", g_total, g_third);
  return 0;
}

// Free_phi_param: positive. free() receives a phi of the object and a pointer
// parameter, merged from two branches: the free stays, given NULL for the
// object, which moves (solve.c free_mixed; a negative before).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t=1340429
// OUT-NEXT: exit status: 0
// CHECK: Free_phi_param.c:31:14: malloc(32) does not escape
// CHECK-NEXT: Free_phi_param.c:54:16: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int rounds = 2;
static volatile int seed = 0;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long scale(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += 3 * p[i];
  return s;
}

__attribute__((noinline)) static long drop_one(int *ext, int which) {
  int *own = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    own[i] = 50 + i;
  int *victim, *keep;
  long s;
  if (which) {
    s = sum(own, 8);
    victim = own;
    keep = ext;
  } else {
    s = scale(ext, 8);
    victim = ext;
    keep = own;
  }
  free(victim);
  s += keep[0];
  free(keep);
  return s;
}

int main(void) {
  long t = 0;
  for (int w = 0; w < rounds; w++) {
    int *ext = malloc(8 * sizeof(int)); // heap: malloc(32)
    for (int i = 0; i < 8; i++)
      ext[i] = w + i;
    t = t * 10000 + drop_one(ext, w ^ seed);
  }
  printf("t=%ld\n", t);
  return 0;
}

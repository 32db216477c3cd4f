// Store_local_struct: positive. The object's address is stored into a local
// struct (indexed at run time, so it stays in memory) that never escapes.
// Stores through a GEP with a run-time index keep the provenance of its
// base (an earlier version lost it and kept these objects on the heap).
//
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a=92120 b=240184
// OUT-NEXT: exit status: 0
// CHECK: Store_local_struct.c:30:12: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>

static volatile int seed = 1;

struct views {
  int *data[2];
  int len[2];
};

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long run(int k) {
  struct views v;
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  v.data[k & 1] = p;
  v.len[k & 1] = 16;
  v.data[(k + 1) & 1] = p + 8;
  v.len[(k + 1) & 1] = 8;
  long s = sum(v.data[0], v.len[0]) * 1000 + sum(v.data[1], v.len[1]);
  free(p);
  return s;
}

int main(void) {
  long a = run(seed);
  long b = run(seed + 1);
  printf("a=%ld b=%ld\n", a, b);
  return 0;
}

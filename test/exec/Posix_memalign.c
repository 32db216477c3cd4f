// Posix_memalign: positive (local, aligned to 64, freed) beside negative
// (the pointer read back from *memptr is kept in a global).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *g_kept;

__attribute__((noinline)) int sum(const unsigned char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) int local(int k) {
  void *p;
  if (posix_memalign(&p, 64, 256) != 0)
    return -1;
  memset(p, k, 256);
  int aligned = (uintptr_t)p % 64 == 0;
  int r = sum(p, 256);
  free(p);
  return aligned ? r : -2;
}

__attribute__((noinline)) int kept(int k) {
  void *p;
  if (posix_memalign(&p, 32, 100) != 0)
    return -1;
  memset(p, k, 100);
  g_kept = p;
  return sum(p, 100);
}

int main(int argc, char **argv) {
  printf("%d %d\n", local(argc + 1), kept(argc + 2));
  return 0;
}

// OUT: 512 300
// OUT-NEXT: exit status: 0
// CHECK: Posix_memalign.c:21:7: posix_memalign(&p, 64, 256) does not escape
// CHECK-NEXT: Posix_memalign.c:32:7: posix_memalign(&p, 32, 100) escapes to heap

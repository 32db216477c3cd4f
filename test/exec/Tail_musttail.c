// Tail_musttail: negative. A musttail call receives the object: the caller's
// frame is gone during the call, so the object cannot live in it. The reader
// neither captures nor frees it; the object leaks in the plain build.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=360
// OUT-NEXT: exit status: 0
// CHECK: Tail_musttail.c:23:12: malloc(64) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static long reader(int *p, int n) {
  volatile char scratch[512];
  for (int i = 0; i < 512; i++)
    scratch[i] = (char)0x55;
  long s = scratch[0] & 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long entry(int *unused, int n) {
  int *p = malloc(16 * sizeof(int)); // heap: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = n * i;
  __attribute__((musttail)) return reader(p, 16);
}

int main(void) {
  printf("s=%ld\n", entry(NULL, 3));
  return 0;
}

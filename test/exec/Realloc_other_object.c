// Realloc_other_object: positive. A constant-size scratch object is copied
// into a second, growing object; the realloc of the growing one (a guarded
// buffer: its size is not constant) copies the scratch object's contents,
// plain data, which holds neither back. (A negative for the growing object
// before growable buffers.)
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=83084
// OUT-NEXT: exit status: 0
// CHECK: Realloc_other_object.c:27:14: malloc(...) does not escape
// CHECK-NEXT: Realloc_other_object.c:28:18: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int start_len = 2;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long build(int k) {
  int len = start_len;
  int *out = malloc(len * sizeof(int)); // stack: malloc(...), guarded, grown
  int *scratch = malloc(8 * sizeof(int)); // stack: malloc(32)
  for (int i = 0; i < 8; i++)
    scratch[i] = k * i;
  for (int i = 0; i < len; i++)
    out[i] = -i;
  out = realloc(out, (len + 8) * sizeof(int));
  memcpy(out + len, scratch, 8 * sizeof(int));
  long s = sum(out, len + 8) * 1000 + sum(scratch, 8);
  free(scratch);
  free(out);
  return s;
}

int main(void) {
  printf("s=%ld\n", build(3));
  return 0;
}

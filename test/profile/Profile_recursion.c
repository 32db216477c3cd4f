// Recursion: each level's scratch object is freed before the level returns
// (the pass moves it to the side stack: 5 avoided);
// objects each level returns to its caller outlive their frame (freed one
// level up).  Without the check the scratch site stays on the heap, and its
// objects are frame-local at every depth: frame serials tell the levels
// apart.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_recursion.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-side-stack=false Profile_recursion.c -o %t.nochk
// RUN: %src_root/scripts/escape-profile %t.nochk | FileCheck %s --check-prefix=NOCHK --match-full-lines
// OUT: 15 26
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) long use(const char *p) { return p[0]; }

__attribute__((noinline)) long scratch(int n) {
  if (n == 0)
    return 0;
  char *p = malloc(16); // depth 5..1: 5 allocations, each freed at its level
  p[0] = (char)n;
  long r = scratch(n - 1) + use(p);
  free(p);
  return r;
}

__attribute__((noinline)) char *chain(int n) {
  char *p = malloc(32); // depth 4..0: 5 allocations, each returned
  p[0] = (char)n;
  if (n > 0) {
    char *q = chain(n - 1);
    p[0] += q[0] * 2;
    free(q);
  }
  return p;
}

int main(void) {
  long a = scratch(5);
  char *c = chain(4);
  long b = use(c);
  free(c);
  printf("%ld %ld\n", a, b);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:5 160 0 5 0 Profile_recursion.c:29:13: malloc(32) in chain
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:5 80 Profile_recursion.c:21:13: malloc(16) in scratch
// CHECK-NEXT:heap allocations: 5
// CHECK-NEXT:heap bytes: 160
// CHECK-NEXT:avoided allocations: 5
// CHECK-NEXT:avoided bytes: 80
// CHECK-NEXT:frame-local at run time: 0
// CHECK-NEXT:outlived their frame: 5
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 100.0% (5 of 5)
//
// NOCHK:15 26
// NOCHK-NEXT:heap sites by allocations (! frame-local every time, yet on the heap):
// NOCHK-NEXT:allocs bytes frame-local outlived never-freed site
// NOCHK-NEXT:! 5 80 5 0 0 Profile_recursion.c:21:13: malloc(16) in scratch
// NOCHK-NEXT:recursive: the function is on a call-graph cycle (budget 0 bytes)
// NOCHK-NEXT:5 160 0 5 0 Profile_recursion.c:29:13: malloc(32) in chain
// NOCHK:frame-local at run time: 5
// NOCHK-NEXT:outlived their frame: 5
// NOCHK-NEXT:never freed: 0
// NOCHK-NEXT:frame-local moved to stack: 0.0% (0 of 5)

// Returned: objects made by a function that returns them outlive its frame,
// even when the caller frees them.  The same helper inlined (always_inline)
// runs in the caller's frame: there the pass moves it to the stack, and the
// table puts it at the call in main and names the function it was written in.  A function that stores its
// object in a global and returns, with main freeing it later: outlived, but
// freed.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_returned.c -o %t
// RUN: env ESCAPE_PROFILE=%t.json %t | FileCheck %s --check-prefix=OUT
// RUN: %src_root/scripts/escape-profile --json %t.json | FileCheck %s --match-full-lines
// OUT: sum 36
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) long use(const char *p) { return p[0]; }

__attribute__((noinline)) char *make(int c) {
  char *p = malloc(24); // returned: 4 allocations, all outlive make
  p[0] = (char)c;
  return p;
}

static inline __attribute__((always_inline)) char *make_here(int c) {
  char *p = malloc(24); // inlined into main: moved to the stack, 6 avoided
  p[0] = (char)c;
  return p;
}

char *held;

__attribute__((noinline)) void hold(int c) {
  held = malloc(40); // stored to a global; main frees it after hold returns
  held[0] = (char)c;
}

int main(void) {
  long sum = 0;
  for (int i = 0; i < 4; i++) {
    char *p = make(i);
    sum += use(p);
    free(p);
  }
  for (int i = 0; i < 6; i++) {
    char *p = make_here(i);
    sum += use(p);
    free(p);
  }
  for (int i = 0; i < 2; i++) {
    hold(7 + i);
    sum += use(held);
    free(held);
  }
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:4 96 0 4 0 Profile_returned.c:17:13: malloc(24) in make
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK-NEXT:from malloc(...) (returned) at Profile_returned.c:19:3
// CHECK-NEXT:2 80 0 2 0 Profile_returned.c:31:10: malloc(40) in hold
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK-NEXT:from malloc(...) (stored to global held) at Profile_returned.c:31:8
// CHECK-NEXT:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:6 144 Profile_returned.c:43:15: malloc(24) in main (inlined from make_here)
// CHECK-NEXT:heap allocations: 6
// CHECK-NEXT:heap bytes: 176
// CHECK-NEXT:avoided allocations: 6
// CHECK-NEXT:avoided bytes: 144
// CHECK-NEXT:frame-local at run time: 0
// CHECK-NEXT:outlived their frame: 6
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 100.0% (6 of 6)

// longjmp: a frame left by longjmp never runs its exit hook; its objects
// still outlive it (found by serial and stack address when main frees them
// later).  Frames left behind are dropped when the stack is used again, so
// later calls at the same depth count as usual.  main calls setjmp: its own
// objects stay on the heap (the pass's reason), frame-local at run time.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_longjmp.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: jumps 3 calls 4 use 1
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf env;
char *held;

__attribute__((noinline)) long use(const char *p) { return p[0]; }

__attribute__((noinline)) void deeper(int jump) {
  if (jump)
    longjmp(env, 1);
}

__attribute__((noinline)) void jumper(int jump) {
  held = malloc(40); // 3 left by longjmp, then freed by main: outlived
  held[0] = 1;
  deeper(jump);
  free(held); // 4 normal calls: freed in time
  held = NULL;
}

int main(void) {
  int jumps = 0, calls = 0;
  for (int i = 0; i < 7; i++) {
    if (setjmp(env)) {
      jumps++;
      free(held);
      continue;
    }
    jumper(i % 2);
    calls++;
  }
  char *p = malloc(16); // in a function calling setjmp: stays on the heap
  p[0] = 1;
  long u = use(p);
  free(p);
  printf("jumps %d calls %d use %ld\n", jumps, calls, u);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:7 280 4 3 0 Profile_longjmp.c:25:10: malloc(40) in jumper
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK-NEXT:from malloc(...) (stored to global held) at Profile_longjmp.c:25:8
// CHECK-NEXT:! 1 16 1 0 0 Profile_longjmp.c:43:13: malloc(16) in main
// CHECK-NEXT:reachable from a call of setjmp or another returns_twice function
// CHECK-NEXT:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:(none)
// CHECK-NEXT:heap allocations: 8
// CHECK-NEXT:heap bytes: 296
// CHECK-NEXT:avoided allocations: 0
// CHECK-NEXT:avoided bytes: 0
// CHECK-NEXT:frame-local at run time: 5
// CHECK-NEXT:outlived their frame: 3
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 0.0% (0 of 5)

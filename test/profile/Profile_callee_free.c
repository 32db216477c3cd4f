// Freed in a callee: the object is freed while the function that allocated
// it still runs, so it is frame-local at run time, but the pass keeps it on
// the heap (the callee may free it): marked !.  A callee that frees only
// some of the objects it is given: frame-local 3, outlived 2 (freed by main
// after the allocating function returned).
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_callee_free.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: done 5
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) void sink(char *p) { free(p); }

char *later[8];
int nlater;

__attribute__((noinline)) void maybe_sink(char *p, int i) {
  if (i % 2 == 0)
    free(p);
  else
    later[nlater++] = p;
}

__attribute__((noinline)) void give(int i) {
  char *p = malloc(48); // freed by sink: 7 allocations, all frame-local
  p[0] = (char)i;
  sink(p);
}

__attribute__((noinline)) void give_some(int i) {
  char *p = malloc(8); // i = 0..4: freed by maybe_sink for 0, 2, 4
  p[0] = (char)i;
  maybe_sink(p, i);
}

int main(void) {
  for (int i = 0; i < 7; i++)
    give(i);
  for (int i = 0; i < 5; i++)
    give_some(i);
  for (int k = 0; k < nlater; k++)
    free(later[k]);
  printf("done %d\n", nlater + 3);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:! 7 336 7 0 0 Profile_callee_free.c:26:13: malloc(48) in give
// CHECK-NEXT:passed to sink, which may free it, at Profile_callee_free.c:28:3
// CHECK-NEXT:5 40 3 2 0 Profile_callee_free.c:32:13: malloc(8) in give_some
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:(none)
// CHECK-NEXT:heap allocations: 12
// CHECK-NEXT:heap bytes: 376
// CHECK-NEXT:avoided allocations: 0
// CHECK-NEXT:avoided bytes: 0
// CHECK-NEXT:frame-local at run time: 10
// CHECK-NEXT:outlived their frame: 2
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 0.0% (0 of 10)

// Allocators: calloc counts n * size bytes; realloc moves the object (same
// site and frame; bytes as first asked); posix_memalign reports *memptr;
// strdup's size is not an argument (0 bytes).  Everything here is freed by
// the function that allocated it.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_allocators.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 3 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: sum 13
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) long use(const char *p) { return p[0]; }

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1;
  long sum = 0;
  for (int i = 0; i < 2; i++) {
    char *c = calloc(n, 8); // 2 x 24 bytes
    sum += use(c) + 1;
    free(c);
  }
  char *r = malloc(n); // 3 bytes, grown twice, freed here: one object
  r[0] = 2;
  r = realloc(r, 100);
  r = realloc(r, 1000);
  sum += use(r);
  free(r);
  void *m = NULL;
  if (posix_memalign(&m, 64, 100 * n) == 0) { // 300 bytes
    ((char *)m)[0] = 4;
    sum += use(m);
    free(m);
  }
  char *d = strdup(argv[0]); // 0 bytes: strdup's size is no argument
  sum += use(d) != 0;
  free(d);
  sum += 4;
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:! 2 48 2 0 0 Profile_allocators.c:19:15: calloc(..., 8) in main
// CHECK-NEXT:non-constant size
// CHECK-NEXT:! 1 3 1 0 0 Profile_allocators.c:23:13: malloc(...) in main
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:! 1 300 1 0 0 Profile_allocators.c:30:7: posix_memalign(..., 64, ...) in main
// CHECK-NEXT:non-constant size
// CHECK-NEXT:! 1 0 1 0 0 Profile_allocators.c:35:13: strdup(...) in main
// CHECK-NEXT:strdup is not moved to the stack
// CHECK-NEXT:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:(none)
// CHECK-NEXT:heap allocations: 5
// CHECK-NEXT:heap bytes: 351
// CHECK-NEXT:avoided allocations: 0
// CHECK-NEXT:avoided bytes: 0
// CHECK-NEXT:frame-local at run time: 5
// CHECK-NEXT:outlived their frame: 0
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 0.0% (0 of 5)

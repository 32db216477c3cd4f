// Allocators: calloc counts n * size bytes (here 320, over the 256-byte
// buffer of its guarded site: the heap path); a realloc'd malloc(n) starts in
// its stack buffer (avoided), its first realloc moves it to a heap block
// counted for the site (bytes as then asked), the next realloc moves that
// (same site and frame; a negative before growable buffers, counted 40
// bytes on the heap); posix_memalign reports *memptr;
// strdup's size is not an argument (0 bytes; a short string fits its
// guarded buffer).  Everything here is freed by the function that
// allocated it.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-guard-unbounded=false Profile_allocators.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 40 | FileCheck %s --check-prefix=OUT
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
    char *c = calloc(n, 8); // 2 x 320 bytes
    sum += use(c) + 1;
    free(c);
  }
  char *r = malloc(n); // 40 bytes, grown twice, freed here: one object
  r[0] = 2;
  r = realloc(r, 100);
  r = realloc(r, 1000);
  sum += use(r);
  free(r);
  void *m = NULL;
  if (posix_memalign(&m, 64, 100 * n) == 0) { // 4000 bytes
    ((char *)m)[0] = 4;
    sum += use(m);
    free(m);
  }
  char num[16];
  snprintf(num, sizeof num, "%d", n);
  char *d = strdup(num); // "40": on the stack, 0 bytes counted
  sum += use(d) != 0;
  free(d);
  sum += 4;
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:! 2 640 2 0 0 Profile_allocators.c:24:15: calloc(..., 8) in main
// CHECK-NEXT:does not escape; on the heap when larger than its 256-byte stack buffer
// CHECK-NEXT:! 1 100 1 0 0 Profile_allocators.c:28:13: malloc(...) in main
// CHECK-NEXT:does not escape; on the heap once realloc moves it from its 256-byte stack buffer
// CHECK-NEXT:! 1 4000 1 0 0 Profile_allocators.c:35:7: posix_memalign(..., 64, ...) in main
// CHECK-NEXT:non-constant size
// CHECK-NEXT:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:1 40 Profile_allocators.c:28:13: malloc(...) in main
// CHECK-NEXT:1 0 Profile_allocators.c:42:13: strdup(...) in main
// CHECK-NEXT:heap allocations: 4
// CHECK-NEXT:heap bytes: 4740
// CHECK-NEXT:avoided allocations: 2
// CHECK-NEXT:avoided bytes: 40
// CHECK-NEXT:frame-local at run time: 4
// CHECK-NEXT:outlived their frame: 0
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 33.3% (2 of 6)

// This test is built with -escape-guard-unbounded=false: a run-time size
// keeps the 256-byte default buffer, so the sizes over it take the heap
// path the profile counts.

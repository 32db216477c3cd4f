// Frame-local in a loop: a converted site counts the allocations it avoided;
// a guarded site (a run-time size) counts the runs that fit its 256-byte
// stack buffer as avoided and the others as heap allocations, frame-local
// every time (marked !); a site whose objects pile up in a global list
// outlives main's frame (never freed).
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-guard-unbounded=false Profile_loop.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 7 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: sum 205
//
// n = 100: sizes 100 and 200 fit the guarded site's buffer, 300 to 500 go
// to the heap.
// RUN: %src_root/scripts/escape-profile %t 100 | FileCheck %s --check-prefix=BIG --match-full-lines
//
// With -escape-rewrite=false the sites the pass would move stay on the
// heap: their 15 objects are frame-local at run time.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-guard-unbounded=false -mllvm -escape-rewrite=false Profile_loop.c -o %t.norw
// RUN: %src_root/scripts/escape-profile %t.norw 7 | FileCheck %s --check-prefix=NORW --match-full-lines
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) long use(const char *p) { return p[0]; }

struct node { struct node *next; int v; };
struct node *list; // the list outlives main: never freed

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1;
  long sum = 0;
  for (int i = 0; i < 10; i++) {
    char *p = malloc(32); // converted: 10 avoided, 320 bytes
    p[0] = (char)i;
    sum += use(p);
    free(p);
  }
  for (int i = 0; i < 5; i++) {
    char *q = malloc(n * (i + 1)); // guarded: sizes n, 2n, ... 5n
    q[0] = (char)i;
    sum += use(q);
    free(q);
  }
  for (int i = 0; i < 3; i++) {
    struct node *e = malloc(sizeof *e); // kept in the list: 3 allocations
    e->v = i;
    e->next = list;
    list = e;
  }
  for (struct node *e = list; e; e = e->next)
    sum += e->v * 50;
  printf("sum %ld\n", sum);
  return 0; // the list is never freed
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:3 48 0 3 3 Profile_loop.c:43:22: malloc(16) in main
// CHECK-NEXT:flow: {heap} = *malloc(...):
// CHECK:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:10 320 Profile_loop.c:31:15: malloc(32) in main
// CHECK-NEXT:5 105 Profile_loop.c:37:15: malloc(...) in main
// CHECK-NEXT:heap allocations: 3
// CHECK-NEXT:heap bytes: 48
// CHECK-NEXT:avoided allocations: 15
// CHECK-NEXT:avoided bytes: 425
// CHECK-NEXT:frame-local at run time: 0
// CHECK-NEXT:outlived their frame: 3
// CHECK-NEXT:never freed: 3
// CHECK-NEXT:frame-local moved to stack: 100.0% (15 of 15)
//
// BIG:sum 205
// BIG-NEXT:heap sites by allocations (! frame-local every time, yet on the heap):
// BIG-NEXT:allocs bytes frame-local outlived never-freed site
// BIG-NEXT:! 3 1200 3 0 0 Profile_loop.c:37:15: malloc(...) in main
// BIG-NEXT:does not escape; on the heap when larger than its 256-byte stack buffer
// BIG-NEXT:3 48 0 3 3 Profile_loop.c:43:22: malloc(16) in main
// BIG:converted sites by avoided allocations:
// BIG-NEXT:avoided bytes site
// BIG-NEXT:10 320 Profile_loop.c:31:15: malloc(32) in main
// BIG-NEXT:2 300 Profile_loop.c:37:15: malloc(...) in main
// BIG-NEXT:heap allocations: 6
// BIG-NEXT:heap bytes: 1248
// BIG-NEXT:avoided allocations: 12
// BIG-NEXT:avoided bytes: 620
// BIG-NEXT:frame-local at run time: 3
// BIG-NEXT:outlived their frame: 3
// BIG-NEXT:never freed: 3
// BIG-NEXT:frame-local moved to stack: 80.0% (12 of 15)
//
// NORW:! 10 320 10 0 0 Profile_loop.c:31:15: malloc(32) in main
// NORW-NEXT:does not escape, but -escape-rewrite=false
// NORW-NEXT:! 5 105 5 0 0 Profile_loop.c:37:15: malloc(...) in main
// NORW-NEXT:does not escape, but -escape-rewrite=false
// NORW:avoided allocations: 0
// NORW:frame-local at run time: 15
// NORW:frame-local moved to stack: 0.0% (0 of 15)

// This test is built with -escape-guard-unbounded=false: a run-time size
// keeps the 256-byte default buffer, so the sizes over it take the heap
// path the profile counts.

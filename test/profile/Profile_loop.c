// Frame-local in a loop: a converted site counts the allocations it avoided;
// a site that stays on the heap (non-constant size) but whose objects are
// freed in the loop is frame-local every time (marked !); a site whose
// objects pile up in a global list outlives main's frame (never freed).
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile Profile_loop.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 7 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: sum 205
//
// With -escape-rewrite=false the site the pass would move stays on the heap:
// its 10 objects are frame-local at run time, and the frame-local total is
// the 15 allocations that could live on the stack.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-rewrite=false Profile_loop.c -o %t.norw
// RUN: %src_root/scripts/escape-profile %t.norw 7 | FileCheck %s --check-prefix=NORW --match-full-lines
// NORW:! 10 320 10 0 0 Profile_loop.c:32:15: malloc(32) in main
// NORW-NEXT:does not escape, but -escape-rewrite=false
// NORW:avoided allocations: 0
// NORW:frame-local at run time: 15
// NORW:frame-local moved to stack: 0.0% (0 of 15)
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
    char *q = malloc(n); // n = 7: 5 allocations of 7 bytes, each freed here
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
// CHECK-NEXT:! 5 35 5 0 0 Profile_loop.c:38:15: malloc(...) in main
// CHECK-NEXT:non-constant size
// CHECK-NEXT:3 48 0 3 3 Profile_loop.c:44:22: malloc(16) in main
// CHECK-NEXT:flow: {heap} = *malloc(...):
// CHECK:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:10 320 Profile_loop.c:32:15: malloc(32) in main
// CHECK-NEXT:heap allocations: 8
// CHECK-NEXT:heap bytes: 83
// CHECK-NEXT:avoided allocations: 10
// CHECK-NEXT:avoided bytes: 320
// CHECK-NEXT:frame-local at run time: 5
// CHECK-NEXT:outlived their frame: 3
// CHECK-NEXT:never freed: 3
// CHECK-NEXT:frame-local moved to stack: 66.7% (10 of 15)

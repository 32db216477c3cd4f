// The profile names a site where the report does: an allocation inlined
// from a wrapper (Inputs/xalloc.h) at the wrapper call the user wrote, as
// that call is written, not at the wrapper's own malloc.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -g -m -profile Profile_wrapper_position.c -o %t 2> %t.report
// RUN: FileCheck %s --check-prefix=REPORT --input-file=%t.report
// RUN: %src_root/scripts/escape-profile -o %t.table %t 40 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table
// OUT: sum 3
#include "Inputs/xalloc.h"

char *keep;

__attribute__((noinline)) long use(const char *p) { return p[0]; }

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1;
  long sum = 0;
  keep = xmalloc(8);
  keep[0] = 2;
  sum += use(keep);
  char *a = xmalloc(n);
  a[0] = 1;
  sum += use(a);
  free(a);
  printf("sum %ld\n", sum);
  return 0;
}
// REPORT: Profile_wrapper_position.c:18:10: xmalloc(8) escapes to heap
// REPORT: Profile_wrapper_position.c:21:13: xmalloc(n) does not escape
// CHECK: 1 8 0 1 1 Profile_wrapper_position.c:18:10: xmalloc(8) in main (inlined from xmalloc)
// CHECK: converted sites by avoided allocations:
// CHECK: 1 40 Profile_wrapper_position.c:21:13: xmalloc(n) in main (inlined from xmalloc)
// CHECK-NOT: xalloc.h

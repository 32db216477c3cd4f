// Size_variable: positive (guarded) beside negative. The size is known only at
// run time and nothing bounds it: the object uses a 4 KiB stack buffer
// when the size fits and the heap when it does not;
// work(12) needs 48 bytes and work(100) 400, both on the stack. With the
// 256-byte buffer (-escape-guard-unbounded=false) work(100) takes the heap
// path (freed there). Without a buffer (-escape-guard-bytes=0) the site stays
// on the heap. The counts include stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %exec %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -F ':44:12:' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s -mllvm -escape-guard-unbounded=false | grep -F ':44:12:' | FileCheck %s --check-prefix=FIXED --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s -mllvm -escape-guard-bytes=0 | grep -F ':44:12:' | FileCheck %s --check-prefix=OFF --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=COUNT-FIXED --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-bytes=0 | FileCheck %s --check-prefix=COUNT-OFF --match-full-lines
// OUT: s=198 s=14850
// OUT-NEXT: exit status: 0
// CHECK: Size_variable.c:44:12: malloc(bytes) does not escape:
// CHECK-NEXT: Size_variable.c:44:12:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// FIXED: Size_variable.c:44:12: malloc(bytes) does not escape:
// FIXED-NEXT: Size_variable.c:44:12:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
// OFF: Size_variable.c:44:12: malloc(bytes) escapes to heap:
// OFF-NEXT: Size_variable.c:44:12:   non-constant size
// COUNT: plain: 3
// COUNT-NEXT: escape: 1
// COUNT-FIXED: plain: 3
// COUNT-FIXED-NEXT: escape: 2
// COUNT-OFF: plain: 3
// COUNT-OFF-NEXT: escape: 3
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 12, big = 100;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int n) {
  size_t bytes = n * sizeof(int);
  int *p = malloc(bytes); // stack: malloc(bytes), guarded
  for (int i = 0; i < n; i++)
    p[i] = i * 3;
  long s = sum(p, n);
  free(p);
  return s;
}

int main(void) {
  printf("s=%ld s=%ld\n", work(count), work(big));
  return 0;
}

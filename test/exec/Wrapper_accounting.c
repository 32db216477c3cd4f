// Wrapper_accounting: positive and negative. An accounting allocator as
// databases keep one: xmalloc puts a size header in front of the object and
// adds to a global byte counter, xfree subtracts the header's size and frees
// the block.  Both are marked alwaysinline as wrappers (wrapper.c); after
// inlining work()'s two blocks move (a fixed slot for 100 + 8 bytes, a
// guarded buffer for the run-time size, both paths taken: n goes from 1 to
// 991), and the counter, written through the header on the stack, keeps the
// plain build's values at every point, printed inside work() and at the end.
// Negative: the block stored in a global (kept) stays on the heap.
// Heap allocations: 202 plain (kept, 2 a call, stdout's buffer); with the
// plugin 2 (kept, stdout's buffer): the run-time size, nothing bounds it,
// gets a 4 KiB buffer, so every call fits. With the 256-byte
// buffer instead (-escape-guard-unbounded=false) 77: the
// 75 sizes over it take the heap path, and the counter is still the plain
// build's.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %exec %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=COUNT-FIXED --match-full-lines
// OUT:      in work(0): total 151 peak 151 calls 3
// OUT-NEXT: in work(25): total 401 peak 401 calls 53
// OUT-NEXT: in work(50): total 651 peak 651 calls 103
// OUT-NEXT: in work(75): total 901 peak 901 calls 153
// OUT-NEXT: sum 544600 total 50 peak 1141 calls 201
// OUT-NEXT: after: total 0
// OUT-NEXT: exit status: 0
// CHECK:      Wrapper_accounting.c:55:15: malloc(...) escapes to heap
// CHECK-NEXT: Wrapper_accounting.c:84:13: malloc(108) does not escape
// CHECK-NEXT: Wrapper_accounting.c:86:13: malloc(...) does not escape
// CHECK-NEXT: Wrapper_accounting.c:99:10: malloc(58) escapes to heap
// COUNT:      plain: 202
// COUNT-NEXT: escape: 2
// COUNT-FIXED:      plain: 202
// COUNT-FIXED-NEXT: escape: 77
// With a profile (-escape-profile-use) the guarded block is sized from the
// 9 to 999 bytes it asked for (with its header): every call fits, the
// counter is still the plain build's.
// RUN: rm -rf %t && mkdir -p %t && cd %S && %src_root/scripts/escape-cc -O2 -profile Wrapper_accounting.c -o %t/prof
// RUN: env ESCAPE_PROFILE=%t/p.json %t/prof > /dev/null
// RUN: %report -m=2 %s -mllvm -escape-profile-use=%t/p.json | FileCheck %s --check-prefix=USE --match-full-lines
// RUN: %exec %s -- -mllvm -escape-profile-use=%t/p.json | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %count %s -gline-tables-only -- -mllvm -escape-profile-use=%t/p.json | FileCheck %s --check-prefix=COUNT-USE --match-full-lines
// USE:       Wrapper_accounting.c:86:13:   guarded: a 1008-byte stack buffer from the profile, the heap when the run-time size is larger
// COUNT-USE:      plain: 202
// COUNT-USE-NEXT: escape: 2
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t mem_total, mem_peak;
long mem_calls;

void *xmalloc(size_t n) {
  size_t *p = malloc(n + 8);
  if (!p)
    return NULL;
  *p = n;
  mem_total += n;
  if (mem_total > mem_peak)
    mem_peak = mem_total;
  mem_calls++;
  return p + 1;
}

void xfree(void *q) {
  if (!q)
    return;
  size_t *p = (size_t *)q - 1;
  mem_total -= *p;
  free(p);
}

char *kept;

__attribute__((noinline)) static long sum(const char *p, size_t n) {
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long work(int i) {
  char *a = xmalloc(100);
  size_t n = (size_t)i * 10 + 1;
  char *b = xmalloc(n);
  memset(a, i, 100);
  memset(b, 1, n);
  long s = sum(a, 100) + sum(b, n);
  if (i % 25 == 0)
    printf("in work(%d): total %zu peak %zu calls %ld\n", i, mem_total, mem_peak, mem_calls);
  xfree(b);
  xfree(a);
  return s;
}

int main(void) {
  long s = 0;
  kept = xmalloc(50);
  for (int i = 0; i < 100; i++)
    s += work(i);
  printf("sum %ld total %zu peak %zu calls %ld\n", s, mem_total, mem_peak, mem_calls);
  xfree(kept);
  printf("after: total %zu\n", mem_total);
  return 0;
}

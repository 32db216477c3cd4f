// Wrapper_recognise: which functions escape-wrappers takes for allocation or
// free wrappers (marked alwaysinline, allocation wrappers listed in
// !escape.wrappers), and which not.  Inlining keeps any body's meaning, so a
// miss only costs a conversion; a wrapper must not be taken when it does
// something with the pointer besides returning it.
// RUN: %clang -O2 -g0 -w -Xclang -disable-llvm-passes -emit-llvm -S %s -o - \
// RUN:   | %opt -passes='function(sroa,early-cse,simplifycfg),escape-wrappers' -S \
// RUN:   | FileCheck %s
// Under -fPIC -fsemantic-interposition another definition may replace xmalloc
// at run time: nothing is marked.
// RUN: %clang -O2 -g0 -w -fPIC -fsemantic-interposition -Xclang -disable-llvm-passes -emit-llvm -S %s -o - \
// RUN:   | %opt -passes='function(sroa,early-cse,simplifycfg),escape-wrappers' -S \
// RUN:   | FileCheck %s --check-prefix=INTERP
// INTERP-NOT: alwaysinline
// INTERP-NOT: !escape.wrappers
// Nor at -Os: every inlined copy would carry the out-of-memory path.
// RUN: %clang -Os -g0 -w -Xclang -disable-llvm-passes -emit-llvm -S %s -o - \
// RUN:   | %opt -passes='function(sroa,early-cse,simplifycfg),escape-wrappers' -S \
// RUN:   | FileCheck %s --check-prefix=INTERP
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// TEST 1 - positive: NULL check, a message and abort.
// CHECK: define {{.*}}ptr @xmalloc(i64 {{.*}}) [[ALWAYS:#[0-9]+]]
void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    abort();
  }
  return p;
}

// TEST 2 - positive: calloc, exit on failure.
// CHECK: define {{.*}}ptr @xcalloc(i64 {{.*}}, i64 {{.*}}) [[ALWAYS]]
void *xcalloc(size_t n, size_t m) {
  void *p = calloc(n, m);
  if (p == NULL)
    exit(70);
  return p;
}

// TEST 3 - positive: zeroing with memset.
// CHECK: define {{.*}}ptr @xzalloc(i64 {{.*}}) [[ALWAYS]]
void *xzalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  memset(p, 0, n);
  return p;
}

// TEST 4 - positive: size rounding and a header word's worth of slack.
// CHECK: define {{.*}}ptr @xrounded(i64 {{.*}}) [[ALWAYS]]
void *xrounded(size_t n) {
  return malloc(((n + 15) & ~(size_t)15) + 16);
}

// TEST 5 - positive: `if (!p) return NULL` returns the result or null.
// CHECK: define {{.*}}ptr @try_alloc(i64 {{.*}}) [[ALWAYS]]
void *try_alloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    return NULL;
  return p;
}

// TEST 6 - positive: a wrapper of a wrapper.
// CHECK: define {{.*}}ptr @xmalloc_twice(i64 {{.*}}) [[ALWAYS]]
void *xmalloc_twice(size_t n) { return xmalloc(2 * n); }

// TEST 7 - positive: a free wrapper.
// CHECK: define {{.*}}void @xfree(ptr {{.*}}) [[ALWAYS]]
void xfree(void *p) {
  if (p)
    free(p);
}

// TEST 8 - negative: the object is recorded in a registry.
// CHECK: define {{.*}}ptr @registered(i64 {{.*}}) [[NOT:#[0-9]+]]
void *registry[8];
void *registered(size_t n) {
  void *p = malloc(n);
  registry[n & 7] = p;
  return p;
}

// TEST 9 - negative: a counter keyed by the object's address.
// CHECK: define {{.*}}ptr @hashed(i64 {{.*}}) [[NOT]]
int hist[16];
void *hashed(size_t n) {
  void *p = malloc(n);
  hist[((uintptr_t)p >> 4) & 15]++;
  return p;
}

// TEST 10 - negative: the object is compared with another pointer.
// CHECK: define {{.*}}ptr @compared(i64 {{.*}}) [[NOT]]
void *last;
int same;
void *compared(size_t n) {
  void *p = malloc(n);
  same = p == last;
  return p;
}

// TEST 11 - negative: an allocation counter (a side effect inlining keeps,
// but not a wrapper's).
// CHECK: define {{.*}}ptr @counted(i64 {{.*}}) [[NOT]]
long nallocs;
void *counted(size_t n) {
  nallocs++;
  return malloc(n);
}

// TEST 12 - negative: two allocations.
// CHECK: define {{.*}}ptr @two(i64 {{.*}}) [[NOT]]
void *two(size_t n) {
  void *a = malloc(n), *b = malloc(n);
  free(b);
  return a;
}

// TEST 13 - negative: weak, so another definition may be the one that runs.
// CHECK: define weak {{.*}}ptr @weak_alloc(i64 {{.*}}) [[NOT]]
__attribute__((weak)) void *weak_alloc(size_t n) { return malloc(n); }

// TEST 14 - negative: noinline is respected.
// CHECK: define {{.*}}ptr @kept_noinline(i64 {{.*}}) [[NOINLINE:#[0-9]+]]
__attribute__((noinline)) void *kept_noinline(size_t n) { return malloc(n); }

// TEST 15 - negative: a free wrapper that also writes a statistic.
// CHECK: define {{.*}}void @free_counted(ptr {{.*}}) [[NOT]]
long nfrees;
void free_counted(void *p) {
  nfrees++;
  free(p);
}

// TEST 16 - negative: frees something other than its parameter.
// CHECK: define {{.*}}void @free_global(ptr {{.*}}) [[NOT]]
void free_global(void *p) {
  (void)p;
  free(last);
}

// TEST 17 - negative: returns a pointer into the object, past a header.
// CHECK: define {{.*}}ptr @offset(i64 {{.*}}) [[NOT]]
void *offset(size_t n) {
  char *p = malloc(n + 16);
  return p + 16;
}

// CHECK-DAG: attributes [[ALWAYS]] = { alwaysinline nounwind uwtable
// CHECK-DAG: attributes [[NOT]] = { nounwind uwtable
// CHECK-DAG: attributes [[NOINLINE]] = { noinline nounwind uwtable
// CHECK: !escape.wrappers = !{![[W1:[0-9]+]], ![[W2:[0-9]+]], ![[W3:[0-9]+]], ![[W4:[0-9]+]], ![[W5:[0-9]+]], ![[W6:[0-9]+]]}
// CHECK-DAG: ![[W1]] = !{!"xmalloc", !""}
// CHECK-DAG: ![[W2]] = !{!"xcalloc", !""}
// CHECK-DAG: ![[W3]] = !{!"xzalloc", !""}
// CHECK-DAG: ![[W4]] = !{!"xrounded", !""}
// CHECK-DAG: ![[W5]] = !{!"try_alloc", !""}
// CHECK-DAG: ![[W6]] = !{!"xmalloc_twice", !""}

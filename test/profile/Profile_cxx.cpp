// C++: new[] and delete[] (invokes: the hook goes on the normal edge); an
// exception leaving work() skips its exit hook and leaks its buffer, which
// then outlived the frame and was never freed.  The new[] is a guarded site:
// 300 bytes are over its stack buffer, so every run takes the heap path and
// nothing is avoided there.  A converted new counts as avoided.
// RUN: cd %S && %src_root/scripts/escape-c++ -O2 -profile -mllvm -escape-guard-unbounded=false Profile_cxx.cpp -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 300 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: sum 118
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

__attribute__((noinline)) long use(const char *p) { return p[0]; }
__attribute__((noinline)) void may_throw(int i) {
  if (i == 3)
    throw std::runtime_error("three");
}

int n = 1;

__attribute__((noinline)) long work(int i) {
  char *b = new char[n]; // 6 allocations of 300 bytes; i = 3 throws and leaks
  b[0] = (char)i;
  may_throw(i);
  long v = use(b);
  delete[] b;
  return v;
}

struct pt { int x, y; };

int main(int argc, char **argv) {
  n = argc > 1 ? atoi(argv[1]) : 1;
  long sum = 0;
  for (int i = 0; i < 6; i++) {
    try {
      sum += work(i);
    } catch (std::exception &) {
      sum += 100;
    }
  }
  for (int i = 0; i < 4; i++) {
    pt *p = new pt{i, i}; // converted: 4 avoided, 8 bytes each
    sum += use((const char *)p);
    delete p;
  }
  printf("sum %ld\n", sum);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:6 1800 5 1 1 Profile_cxx.cpp:23:13: operator new[](n) in work(int)
// CHECK-NEXT:does not escape; on the heap when larger than its 256-byte stack buffer
// CHECK-NEXT:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:4 32 Profile_cxx.cpp:44:13: operator new(8) in main
// CHECK-NEXT:heap allocations: 6
// CHECK-NEXT:heap bytes: 1800
// CHECK-NEXT:avoided allocations: 4
// CHECK-NEXT:avoided bytes: 32
// CHECK-NEXT:frame-local at run time: 5
// CHECK-NEXT:outlived their frame: 1
// CHECK-NEXT:never freed: 1
// CHECK-NEXT:frame-local moved to stack: 44.4% (4 of 9)

// This test is built with -escape-guard-unbounded=false: a run-time size
// keeps the 256-byte default buffer, so the sizes over it take the heap
// path the profile counts.

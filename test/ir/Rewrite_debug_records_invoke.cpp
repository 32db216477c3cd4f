// The guarded rewrite of an `invoke` (new[] of a run-time size inside a
// try block: the landing pad stays on the heap path) joins both paths in a
// block of its own; under -g its phi must carry no debug records.  The C
// forms are in Rewrite_debug_records.c.
// RUN: %clangxx -O2 -g %verify-ir %escape-flags -mllvm -escape-m=2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -O2 -g -S -emit-llvm %escape-flags %s -o - | opt -passes=verify -disable-output
#include <cstddef>

struct guard_t { ~guard_t(); };
__attribute__((noinline)) static void fill(int *p, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; i++)
    p[i] = (int)i;
}
__attribute__((noinline)) static long total(const int *p, std::size_t n) noexcept {
  long s = 0;
  for (std::size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}
void note(long) noexcept(false);

// CHECK: Rewrite_debug_records_invoke.cpp:[[@LINE+5]]:12: operator new[](...) does not escape:
// CHECK: guarded: a 256-byte stack buffer
long scratch(std::size_t n) {
  guard_t g;
  long s = 0;
  int *p = new int[n];
  fill(p, n);
  s = total(p, n);
  note(s);
  delete[] p;
  return s;
}

// Every rewrite that splits a block leaves valid IR under -g: the guarded
// rewrite (a run-time size) and the side-stack rewrite (a recursive
// function) join their two paths with a phi, and the debug records that sat
// at the head of the join block must stay on its first real instruction (a
// phi carries none; the verifier rejects it and lld's link-time verifier
// stops the link with "Broken module found").  The C++ guarded invoke is
// in Rewrite_debug_records_invoke.cpp.
// RUN: %clang -O2 -g %verify-ir %escape-flags -mllvm -escape-m=2 -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 -gline-tables-only %verify-ir %escape-flags -c %s -o /dev/null
// RUN: %clang -O2 -g -S -emit-llvm %escape-flags %s -o - | opt -passes=verify -disable-output
#include <stdlib.h>
#include <string.h>

// CHECK: Rewrite_debug_records.c:[[@LINE+2]]:13: malloc(n) does not escape:
int hash_copy(const char *s, size_t n) {
  char *p = malloc(n);
  memcpy(p, s, n);
  int h = 0;
  for (size_t i = 0; i < n; i++)
    h = h * 31 + p[i];
  free(p);
  return h;
}
// CHECK: guarded: a 4096-byte stack buffer for a size with no bound

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

// CHECK: Rewrite_debug_records.c:[[@LINE+3]]:12: malloc(32) does not escape:
// CHECK: recursive: on the thread's side stack
__attribute__((noinline)) long depth_sum(int d) {
  int *p = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    p[i] = d * i;
  long s = sum(p, 8);
  if (d > 0)
    s += 2 * depth_sum(d - 1);
  s += p[7];
  free(p);
  return s;
}

// Explain_align: the -escape-m=2 reason for each alignment rule an
// allocation breaks, each worded by the rule it broke (solve.c decides
// which, reason.c writes it): an alignment known only at run time, one that
// is not a power of two, one over 4096, and posix_memalign's below
// sizeof(void *); a valid one moves. Never run: the invalid ones fail.
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int sum(const unsigned char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static int runtime(size_t a) {
  unsigned char *p = aligned_alloc(a, 64);
  memset(p, 1, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

__attribute__((noinline)) static int odd(void) {
  unsigned char *p = aligned_alloc(48, 96);
  memset(p, 2, 96);
  int s = sum(p, 96);
  free(p);
  return s;
}

__attribute__((noinline)) static int huge(void) {
  unsigned char *p = aligned_alloc(16384, 16384);
  memset(p, 3, 16384);
  int s = sum(p, 16384);
  free(p);
  return s;
}

__attribute__((noinline)) static int small(void) {
  void *v = 0;
  if (posix_memalign(&v, 4, 64))
    return 0;
  unsigned char *p = v;
  memset(p, 4, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

__attribute__((noinline)) static int fits(void) {
  unsigned char *p = aligned_alloc(64, 64);
  memset(p, 5, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  return runtime((size_t)argc * 16) + odd() + huge() + small() + fits();
}

// CHECK:Explain_align.c:11:63: p does not escape
// CHECK-NEXT:Explain_align.c:19:22: aligned_alloc(a, 64) escapes to heap:
// CHECK-NEXT:Explain_align.c:19:22:   alignment is not a constant power of two
// CHECK-NEXT:Explain_align.c:27:22: aligned_alloc(48, 96) escapes to heap:
// CHECK-NEXT:Explain_align.c:27:22:   alignment 48 is not a power of two
// CHECK-NEXT:Explain_align.c:35:22: aligned_alloc(16384, 16384) escapes to heap:
// CHECK-NEXT:Explain_align.c:35:22:   alignment 16384 is over 4096
// CHECK-NEXT:Explain_align.c:44:7: posix_memalign(&v, 4, 64) escapes to heap:
// CHECK-NEXT:Explain_align.c:44:7:   alignment 4 is below sizeof(void *)
// CHECK-NEXT:Explain_align.c:54:22: aligned_alloc(64, 64) does not escape
// CHECK-NEXT:Explain_align.c:61:27: argv does not escape

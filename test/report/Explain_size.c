// Explain_size: the -escape-m=2 reason for each allocation the call itself
// keeps on the heap: too large, non-constant size, over the function's stack
// budget, an alignment that is not a power of two, an allocator the rewrite
// does not replace; and the guarded verdict of a run-time size (strdup's
// too), whose reason without a buffer (-escape-guard-bytes=0) is the
// non-constant size. The whole report is checked word for word, indentation
// included (--strict-whitespace: no space after the colons below), and no
// other line may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
// RUN: %report -m=2 %s -mllvm -escape-guard-bytes=0 | grep -F -e ':34:22:' -e ':70:13:' | \
// RUN:   FileCheck %s --check-prefix=NOGUARD --match-full-lines --strict-whitespace
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int sum(const unsigned char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static int large(void) {
  unsigned char *p = malloc(100000);
  memset(p, 1, 100000);
  int s = sum(p, 100000);
  free(p);
  return s;
}

__attribute__((noinline)) static int variable(int n) {
  unsigned char *p = malloc(n);
  memset(p, 2, n);
  int s = sum(p, n);
  free(p);
  return s;
}

__attribute__((noinline)) static int budget(void) {
  unsigned char *a = malloc(40000);
  unsigned char *b = malloc(40000);
  memset(a, 3, 40000);
  memset(b, 4, 40000);
  int s = sum(a, 40000) + sum(b, 40000);
  free(b);
  free(a);
  return s;
}

// aligned_alloc(24, ...) is invalid (ASan aborts on it): reported, never run.
__attribute__((noinline)) static int misaligned(void) {
  unsigned char *p = aligned_alloc(24, 48);
  memset(p, 5, 48);
  int s = sum(p, 48);
  free(p);
  return s;
}

__attribute__((noinline)) static int overaligned(void) {
  unsigned char *p = aligned_alloc(8192, 8192);
  memset(p, 6, 8192);
  int s = sum(p, 8192);
  free(p);
  return s;
}

__attribute__((noinline)) static int copied(const char *text) {
  char *p = strdup(text);
  int s = (int)strlen(p);
  free(p);
  return s;
}

__attribute__((noinline)) static int paged(void) {
  unsigned char *p = valloc(64);
  memset(p, 7, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  int odd = argc > 100 ? misaligned() : 0;
  printf("%d %d %d %d %d %d %d\n", large(), variable(argc * 10), budget(), odd, overaligned(),
         copied("six ch"), paged());
  return 0;
}

// OUT:100000 20 280000 0 49152 6 448
// OUT-NEXT:exit status: 0

// CHECK:Explain_size.c:18:63: p does not escape
// CHECK-NEXT:Explain_size.c:26:22: malloc(100000) escapes to heap:
// CHECK-NEXT:Explain_size.c:26:22:   too large for stack (100000 bytes > 65536)
// CHECK-NEXT:Explain_size.c:34:22: malloc(n) does not escape:
// CHECK-NEXT:Explain_size.c:34:22:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// CHECK-NEXT:Explain_size.c:42:22: malloc(40000) does not escape
// CHECK-NEXT:Explain_size.c:43:22: malloc(40000) escapes to heap:
// CHECK-NEXT:Explain_size.c:43:22:   over the function's stack budget (65536 bytes)
// CHECK-NEXT:Explain_size.c:54:22: aligned_alloc(24, 48) escapes to heap:
// CHECK-NEXT:Explain_size.c:54:22:   alignment 24 is not a power of two
// CHECK-NEXT:Explain_size.c:62:22: aligned_alloc(8192, 8192) escapes to heap:
// CHECK-NEXT:Explain_size.c:62:22:   alignment 8192 is over 4096
// CHECK-NEXT:Explain_size.c:70:13: strdup(text) does not escape:
// CHECK-NEXT:Explain_size.c:70:13:   guarded: a 16-byte stack buffer, the heap when the run-time size is larger
// CHECK-NEXT:Explain_size.c:77:22: valloc(64) escapes to heap:
// CHECK-NEXT:Explain_size.c:77:22:   valloc is not moved to the stack
// CHECK-NEXT:Explain_size.c:84:27: argv does not escape

// NOGUARD:Explain_size.c:34:22: malloc(n) escapes to heap:
// NOGUARD-NEXT:Explain_size.c:34:22:   non-constant size
// NOGUARD-NEXT:Explain_size.c:70:13: strdup(text) does not escape:
// NOGUARD-NEXT:Explain_size.c:70:13:   guarded: a 16-byte stack buffer, the heap when the run-time size is larger

// Explain_size: the -escape-m=2 reason for each allocation the call itself
// keeps on the heap: too large, non-constant size, over the function's stack
// budget, an alignment that is not a power of two, an allocator the rewrite
// does not replace. The whole report is checked word for word, indentation
// included (--strict-whitespace: no space after the colons below), and no
// other line may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
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

int main(int argc, char **argv) {
  (void)argv;
  int odd = argc > 100 ? misaligned() : 0;
  printf("%d %d %d %d %d %d\n", large(), variable(argc * 10), budget(), odd, overaligned(),
         copied("six ch"));
  return 0;
}

// OUT:100000 20 280000 0 49152 6
// OUT-NEXT:exit status: 0

// CHECK:Explain_size.c:14:63: p does not escape
// CHECK-NEXT:Explain_size.c:22:22: malloc(100000) escapes to heap:
// CHECK-NEXT:Explain_size.c:22:22:   too large for stack (100000 bytes > 65536)
// CHECK-NEXT:Explain_size.c:30:22: malloc(n) escapes to heap:
// CHECK-NEXT:Explain_size.c:30:22:   non-constant size
// CHECK-NEXT:Explain_size.c:38:22: malloc(40000) does not escape
// CHECK-NEXT:Explain_size.c:39:22: malloc(40000) escapes to heap:
// CHECK-NEXT:Explain_size.c:39:22:   over the function's stack budget (65536 bytes)
// CHECK-NEXT:Explain_size.c:50:22: aligned_alloc(24, 48) escapes to heap:
// CHECK-NEXT:Explain_size.c:50:22:   alignment 24 is not a power of two
// CHECK-NEXT:Explain_size.c:58:22: aligned_alloc(8192, 8192) escapes to heap:
// CHECK-NEXT:Explain_size.c:58:22:   alignment 8192 is over 4096
// CHECK-NEXT:Explain_size.c:66:13: strdup(text) escapes to heap:
// CHECK-NEXT:Explain_size.c:66:13:   strdup is not moved to the stack
// CHECK-NEXT:Explain_size.c:72:27: argv does not escape

// The -m=1 line for each way an allocation is written: constants in decimal,
// variables by their source name, anything else as "...", one line per
// inlined copy, and sites LLVM deleted before the pass.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=M2 --match-full-lines
#include <stdlib.h>
#include <string.h>

char *g_keep;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int constant(void) {
  char *p = malloc(64);
  memset(p, 1, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

void variable(unsigned long n) {
  g_keep = malloc(n);
}

int expression(unsigned long n) {
  char *p = calloc(n * 2, 8);
  int s = sum(p, 8);
  free(p);
  return s;
}

static char *make(unsigned long size) {
  return malloc(size);
}

int twice(void) {
  char *a = make(16), *b = make(32);
  memset(a, 2, 16);
  memset(b, 3, 32);
  int s = sum(a, 16) + sum(b, 32);
  free(a);
  free(b);
  return s;
}

int removed(void) {
  int *p = malloc(sizeof *p);
  *p = 42;
  int v = *p;
  free(p);
  return v;
}

// CHECK: Report_forms.c:11:54: p does not escape
// CHECK-NEXT: Report_forms.c:19:13: malloc(64) does not escape
// CHECK-NEXT: Report_forms.c:27:12: malloc(n) escapes to heap
// CHECK-NEXT: Report_forms.c:31:13: calloc(..., 8) does not escape
// CHECK-NEXT: Report_forms.c:42:13: malloc(16) does not escape
// CHECK-NEXT: Report_forms.c:42:28: malloc(32) does not escape
// CHECK-NEXT: Report_forms.c:52:12: malloc(4) does not escape

// M2: Report_forms.c:11:54: p does not escape
// M2-NEXT: Report_forms.c:19:13: malloc(64) does not escape
// M2-NEXT: Report_forms.c:27:12: malloc(n) escapes to heap:
// M2-NEXT: Report_forms.c:27:12:   flow: {heap} = malloc(...):
// M2-NEXT: Report_forms.c:27:12:     from malloc(...) (stored to global g_keep) at Report_forms.c:27:10
// M2-NEXT: Report_forms.c:31:13: calloc(..., 8) does not escape:
// M2-NEXT: Report_forms.c:31:13:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// M2-NEXT: Report_forms.c:42:13: malloc(16) does not escape:
// M2-NEXT: Report_forms.c:42:13:   inlined from make at Report_forms.c:38:10
// M2-NEXT: Report_forms.c:42:28: malloc(32) does not escape:
// M2-NEXT: Report_forms.c:42:28:   inlined from make at Report_forms.c:38:10
// M2-NEXT: Report_forms.c:52:12: malloc(4) does not escape:
// M2-NEXT: Report_forms.c:52:12:   removed by the optimizer

// Positions without full debug info: line tables give positions but no
// variable names (parameters become arg0.. at the function), no debug info
// at all gives the function name in angle brackets.
// RUN: %report -m=1 %s -g0 | FileCheck %s --check-prefix=NODEBUG --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s -gline-tables-only | FileCheck %s --check-prefix=LINES --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s | FileCheck %s --check-prefix=FULL --match-full-lines --implicit-check-not=escape
#include <stdlib.h>
#include <string.h>

char *g_keep;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int scratch(void) {
  char *p = malloc(64);
  memset(p, 1, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

void keep(unsigned long len) {
  g_keep = malloc(len);
}

// Without positions, lines follow the functions' order in the module.
// NODEBUG: <scratch>: malloc(64) does not escape
// NODEBUG-NEXT: <sum>: arg0 does not escape
// NODEBUG-NEXT: <keep>: malloc(...) escapes to heap
// LINES: Report_debuginfo.c:12:38: arg0 does not escape
// LINES-NEXT: Report_debuginfo.c:20:13: malloc(64) does not escape
// LINES-NEXT: Report_debuginfo.c:28:12: malloc(...) escapes to heap
// FULL: Report_debuginfo.c:12:54: p does not escape
// FULL-NEXT: Report_debuginfo.c:20:13: malloc(64) does not escape
// FULL-NEXT: Report_debuginfo.c:28:12: malloc(len) escapes to heap

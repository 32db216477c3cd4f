// escape-cc's report levels: -m and -m=1, -m=2 and Go's "-m -m", -m=0; line
// tables added when the user gives no -g (positions, but parameters are named
// argN at their function), the user's -g kept (source names), the user's -g0
// kept (no positions); nothing without -m or without an -O level.
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -m -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -m=1 -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -m=2 -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=M2 --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -m -O2 -m -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=M2 --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -g -m -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=G --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -g0 -m -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=G0 --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -m=0 -c Wrapper_report.c -o /dev/null 2>&1 | count 0
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -c Wrapper_report.c -o /dev/null 2>&1 | count 0
// RUN: cd %S && %src_root/scripts/escape-cc -m -c Wrapper_report.c -o /dev/null 2>&1 | count 0
// RUN: cd %S && not %src_root/scripts/escape-cc -O2 -m=x -c Wrapper_report.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD --match-full-lines
#include <stdlib.h>
#include <string.h>

char *g_keep;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int local(int k) {
  char *p = malloc(64);
  memset(p, k, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

void kept(unsigned long n) {
  g_keep = malloc(n);
}

// No -g from the user: -gline-tables-only gives positions; parameters have no
// names in line tables, so they read argN at the function's position.
// CHECK:      Wrapper_report.c:20:38: arg0 does not escape
// CHECK-NEXT: Wrapper_report.c:28:13: malloc(64) does not escape
// CHECK-NEXT: Wrapper_report.c:36:12: malloc(...) escapes to heap
// CHECK-NOT:  {{.}}

// M2:      Wrapper_report.c:20:38: arg0 does not escape
// M2-NEXT: Wrapper_report.c:28:13: malloc(64) does not escape
// M2-NEXT: Wrapper_report.c:36:12: malloc(...) escapes to heap:
// M2-NEXT: Wrapper_report.c:36:12:   flow: {heap} = malloc(...):
// M2-NEXT: Wrapper_report.c:36:12:     from malloc(...) (stored to global g_keep) at Wrapper_report.c:36:10
// M2-NOT:  {{.}}

// The user's -g: full debug info, so source names.
// G:      Wrapper_report.c:20:54: p does not escape
// G-NEXT: Wrapper_report.c:28:13: malloc(64) does not escape
// G-NEXT: Wrapper_report.c:36:12: malloc(n) escapes to heap
// G-NOT:  {{.}}

// The user's -g0: no positions, the function's name instead.
// G0:      <local>: malloc(64) does not escape
// G0-NEXT: <sum>: arg0 does not escape
// G0-NEXT: <kept>: malloc(...) escapes to heap
// G0-NOT:  {{.}}

// BAD: escape-cc: bad report level '-m=x': use -m, -m=0, -m=1 or -m=2

// SimplifyCFG merges the two malloc calls below into one before the escape
// pass runs, dropping their site ids; both written calls must still be
// reported, with the merged call's verdict (never "removed").
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=M2
#include <stdlib.h>
#include <string.h>

char *g;

__attribute__((noinline)) int use(const char *p) { return (int)strlen(p); }

int kept(int c) {
  char *p;
  if (c) { p = malloc(32); strcpy(p, "a"); }
  else { p = malloc(32); strcpy(p, "bb"); }
  g = p;
  return use(p);
}

int local(int c) {
  char *p;
  if (c) { p = malloc(48); strcpy(p, "a"); }
  else { p = malloc(48); strcpy(p, "bb"); }
  int n = use(p);
  free(p);
  return n;
}

// CHECK: Report_merged.c:11:47: p does not escape
// CHECK-NEXT: Report_merged.c:15:16: malloc(32) escapes to heap
// CHECK-NEXT: Report_merged.c:16:14: malloc(32) escapes to heap
// CHECK-NEXT: Report_merged.c:23:16: malloc(48) does not escape
// CHECK-NEXT: Report_merged.c:24:14: malloc(48) does not escape
// M2-NOT: removed by the optimizer

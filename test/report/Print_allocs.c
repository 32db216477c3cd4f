// -escape-print-allocs=REGEXP (TinyGo's -print-allocs): only the
// allocations that stay on the heap, in functions or files the POSIX
// extended expression matches, and each such file closed by a line of
// totals (every allocation line of the file, by verdict) that names no
// line, so editors pass over it.  A file with no allocation site but calls
// through function pointers says so.  A bad expression is an error.
// RUN: %report -m=0 %s -mllvm -escape-print-allocs=. | FileCheck %s --check-prefix=ALL --match-full-lines --implicit-check-not=escape
// RUN: %report -m=0 %s -mllvm -escape-print-allocs='^(leak|keep)$' | FileCheck %s --check-prefix=FN --match-full-lines --implicit-check-not=escape
// RUN: %report -m=0 %s -mllvm -escape-print-allocs=nomatch | count 0
// RUN: %report -m=2 %s -mllvm -escape-print-allocs=keep | FileCheck %s --check-prefix=WHY --match-full-lines
// RUN: %report -m=1 %S/Inputs/print/fnptr.c -mllvm -escape-print-allocs=. | FileCheck %s --check-prefix=FNPTR --match-full-lines
// RUN: not %report -m=1 %s -mllvm -escape-print-allocs='(' | FileCheck %s --check-prefix=BAD --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -print-allocs=Print_allocs -c Print_allocs.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL --match-full-lines --implicit-check-not=escape
// RUN: cd %S && not %src_root/scripts/escape-cc -O2 -print-allocs='[' -c Print_allocs.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADCC
#include <stdlib.h>
char *g_keep;
__attribute__((noinline)) static int first(const char *p) { return p[0]; }

__attribute__((noinline)) int local(int n) { // on the stack: not printed
  char *p = malloc(32);
  p[0] = (char)n;
  int r = first(p);
  free(p);
  return r;
}

__attribute__((noinline)) void keep(int n) { // stays on the heap
  g_keep = malloc(16);
  g_keep[0] = (char)n;
}

__attribute__((noinline)) char *leak(void) { return malloc(24); } // returned

__attribute__((noinline)) char *big(void) { // too large, in a function not matched by FN
  char *p = malloc(1 << 20);
  return p;
}

int removed(void) { // removed by the optimizer
  int *p = malloc(sizeof *p);
  *p = 1;
  int v = *p;
  free(p);
  return v;
}

// ALL: Print_allocs.c:28:12: malloc(16) escapes to heap
// ALL-NEXT: Print_allocs.c:32:53: malloc(24) escapes to heap
// ALL-NEXT: Print_allocs.c:35:13: malloc(1048576) escapes to heap
// ALL-NEXT: Print_allocs.c: 5 allocation sites: 1 moved to the stack, 1 removed by the optimizer, 3 on the heap

// FN: Print_allocs.c:28:12: malloc(16) escapes to heap
// FN-NEXT: Print_allocs.c:32:53: malloc(24) escapes to heap
// FN-NEXT: Print_allocs.c: 5 allocation sites: 1 moved to the stack, 1 removed by the optimizer, 3 on the heap

// WHY: Print_allocs.c:28:12: malloc(16) escapes to heap:
// WHY-NEXT: Print_allocs.c:28:12:   flow: {heap} = malloc(...):
// WHY-NEXT: Print_allocs.c:28:12:     from malloc(...) (stored to global g_keep) at Print_allocs.c:28:10
// WHY-NEXT: Print_allocs.c: 5 allocation sites: 1 moved to the stack, 1 removed by the optimizer, 3 on the heap

// FNPTR: fnptr.c: no allocation sites; 2 calls through function pointers, which the analysis does not follow

// BAD: error: -escape-print-allocs: bad regular expression '(': {{.+}}
// BADCC: error: -escape-print-allocs: bad regular expression '[': {{.+}}

// One call through a function pointer: the singular (at the end, so the
// positions above stay).
// RUN: %report -m=1 %S/Inputs/print/fnptr1.c -mllvm -escape-print-allocs=. | FileCheck %s --check-prefix=FNPTR1 --match-full-lines
// FNPTR1: fnptr1.c: no allocation sites; 1 call through a function pointer, which the analysis does not follow

// Without -escape-print-allocs the report is Go's, plus that note for a
// file with no allocation sites but calls through function pointers (its
// parameter lines alone would not say where its allocations went); a file
// with sites of its own gets no note.
// RUN: %report -m=1 %S/Inputs/print/fnptr.c | FileCheck %s --check-prefix=PLAIN --match-full-lines
// PLAIN:      fnptr.c:12:31: leaking param content: s
// PLAIN-NEXT: fnptr.c:13:31: leaking param content: s
// PLAIN-NEXT: fnptr.c:13:40: leaking param: p
// PLAIN-NEXT: fnptr.c: no allocation sites; 2 calls through function pointers, which the analysis does not follow
// PLAIN-EMPTY:
// RUN: %report -m=1 %S/Inputs/hooks_and_sites.c | FileCheck %s --check-prefix=SITES --match-full-lines --implicit-check-not='function pointer'
// SITES: hooks_and_sites.c:{{[0-9]+}}:{{[0-9]+}}: malloc(16) escapes to heap

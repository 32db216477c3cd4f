// Remarks_clang: every verdict is also an LLVM remark of pass `escape`, printed
// by clang in its own format: -Rpass=escape for allocations moved to the stack
// (MovedToStack), -Rpass-missed=escape for those that stay on the heap, with
// the -m=2 reason or flow after a colon (StaysOnHeap), -Rpass-analysis=escape
// for parameter tags (ParamTag). Each flag alone selects its kind; without
// them clang prints nothing. Compiled from this folder so positions read
// "Remarks_clang.c:L:C".
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fno-caret-diagnostics \
// RUN:   -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape \
// RUN:   -c Remarks_clang.c -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=remark
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fno-caret-diagnostics -Rpass=escape \
// RUN:   -c Remarks_clang.c -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PASSED --match-full-lines --implicit-check-not=remark
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fno-caret-diagnostics -Rpass-missed=escape \
// RUN:   -c Remarks_clang.c -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSED --match-full-lines --implicit-check-not=remark
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fno-caret-diagnostics \
// RUN:   -Rpass-analysis=escape -c Remarks_clang.c -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ANALYSIS --match-full-lines --implicit-check-not=remark
// RUN: %clang -O2 -g -fpass-plugin=%plugin -c %s -o /dev/null 2>&1 | count 0
// RUN: %clang -O2 -g -fpass-plugin=%plugin -Rpass=inline -c %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OTHER --implicit-check-not=escape
#include <stdlib.h>
#include <string.h>

char *g_keep;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) void keep(char *s) { g_keep = s; }

__attribute__((noinline)) char *first(char *s) {
  g_keep = s;
  return s;
}

static int add(const char *p) { return sum(p, 8); }

int local(void) {
  char *p = malloc(64);
  memset(p, 1, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

void global(void) {
  char *q = malloc(32);
  memset(q, 2, 32);
  keep(q);
}

int big(void) {
  char *r = malloc(100000);
  memset(r, 3, 100000);
  int s = sum(r, 100000);
  free(r);
  return s;
}

int removed(void) {
  int *v = malloc(sizeof *v);
  *v = 7;
  int x = *v;
  free(v);
  return x;
}

int inlined(void) {
  char *t = malloc(8);
  memset(t, 4, 8);
  int s = add(t);
  s += first(t) == t;
  free(t);
  return s;
}

// Remarks come in the order the pass emits them: each function's parameter
// tags, then its allocation sites.
// CHECK: Remarks_clang.c:36:43: remark: leaking param: s [-Rpass-analysis=escape]
// CHECK-NEXT: Remarks_clang.c:38:45: remark: leaking param: s [-Rpass-analysis=escape]
// (no "to result ~r0 level=0" line: s reaches the heap at that level, as Go folds it)
// CHECK-NEXT: Remarks_clang.c:29:54: remark: p does not escape [-Rpass-analysis=escape]
// CHECK-NEXT: Remarks_clang.c:46:13: remark: malloc(64) does not escape [-Rpass=escape]
// BAD: the flow's header is sent as the Reason; the message would read
// better as "... escapes to heap: from q (passed to ...) at ...".
// CHECK-NEXT: Remarks_clang.c:54:13: remark: malloc(32) escapes to heap: flow: {heap} = q; from q (passed to parameter 0 of keep, which leaks it) at Remarks_clang.c:56:3 [-Rpass-missed=escape]
// CHECK-NEXT: Remarks_clang.c:60:13: remark: malloc(100000) escapes to heap: too large for stack (100000 bytes > 65536) [-Rpass-missed=escape]
// BAD: `p` is the parameter of the inlined `add`; the caller's variable at
// 79:8 is `t`, so the flow should read "{heap} = t:" / "from t (passed ...)".
// CHECK-NEXT: Remarks_clang.c:76:13: remark: malloc(8) escapes to heap: flow: {heap} = p; from p (passed to parameter 0 of first, which leaks it) at Remarks_clang.c:79:8 [-Rpass-missed=escape]
// The site LLVM deleted before the pass comes last, as RemovedByOptimizer.
// CHECK-NEXT: Remarks_clang.c:68:12: remark: malloc(4) does not escape (removed by the optimizer) [-Rpass=escape]

// PASSED: Remarks_clang.c:46:13: remark: malloc(64) does not escape [-Rpass=escape]
// PASSED-NEXT: Remarks_clang.c:68:12: remark: malloc(4) does not escape (removed by the optimizer) [-Rpass=escape]

// MISSED: Remarks_clang.c:54:13: remark: malloc(32) escapes to heap: flow: {heap} = q; from q (passed to parameter 0 of keep, which leaks it) at Remarks_clang.c:56:3 [-Rpass-missed=escape]
// MISSED-NEXT: Remarks_clang.c:60:13: remark: malloc(100000) escapes to heap: too large for stack (100000 bytes > 65536) [-Rpass-missed=escape]
// MISSED-NEXT: Remarks_clang.c:76:13: remark: malloc(8) escapes to heap: flow: {heap} = p; from p (passed to parameter 0 of first, which leaks it) at Remarks_clang.c:79:8 [-Rpass-missed=escape]

// ANALYSIS: Remarks_clang.c:36:43: remark: leaking param: s [-Rpass-analysis=escape]
// ANALYSIS-NEXT: Remarks_clang.c:38:45: remark: leaking param: s [-Rpass-analysis=escape]
// (folded: no "to result ~r0 level=0" line, as above)
// ANALYSIS-NEXT: Remarks_clang.c:29:54: remark: p does not escape [-Rpass-analysis=escape]

// Another pass's filter shows none of ours.
// OTHER: remark: 'add' inlined into 'inlined' {{.*}}[-Rpass=inline]

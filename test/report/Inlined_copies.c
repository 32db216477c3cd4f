// Inlined copies: each copy of an allocation inlined into another function
// is reported at the call in the function that holds it, named as written
// in the helper, and -m=2 says where the inlined allocation is (Go prints
// an inlined copy at the outermost call).  A copy LLVM deleted after
// inlining keeps its line there too (removed by the optimizer), also when
// the helper itself is gone.  Negatives: a helper that is not inlined keeps
// its one line at its own malloc; an external helper keeps its own line
// beside its copies'.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=M2 --match-full-lines
#include <stdlib.h>

int *g;
__attribute__((noinline)) static int use(const int *p) { return p[0] + p[1]; }

static int *mk(int v) {
  int *p = malloc(2 * sizeof(int));
  p[0] = v;
  p[1] = v + 1;
  return p;
}

int kept(int v) { // TEST 1 - a copy that moves to the stack
  int *p = mk(v);
  int s = use(p);
  free(p);
  return s;
}

void stored(int v) { g = mk(v); } // TEST 2 - negative: a copy that escapes

int dropped(int v) { // TEST 3 - a copy LLVM deletes: still one line, here
  int *p = mk(v);
  int s = p[0] * 2;
  free(p);
  return s;
}

static int through(int v) { // TEST 4 - mk inside a helper inlined in turn
  int *p = mk(v);
  int s = p[1];
  free(p);
  return s;
}
int nested(int v) { return through(v) + through(v + 1); }

__attribute__((noinline)) static int *own(int v) { // TEST 5 - negative: not inlined
  int *p = malloc(sizeof(int));
  *p = v;
  return p;
}
int not_inlined(int v) {
  int *p = own(v);
  int s = *p;
  free(p);
  return s;
}

int *shared(int v) { // TEST 6 - external: its own copy, and the one in both()
  int *p = malloc(4 * sizeof(int));
  p[0] = v;
  return p;
}
int both(int v) {
  int *p = shared(v);
  int s = use(p);
  free(p);
  return s;
}

// CHECK: Inlined_copies.c:14:53: p does not escape
// CHECK-NEXT: Inlined_copies.c:24:12: malloc(8) does not escape
// CHECK-NEXT: Inlined_copies.c:30:26: malloc(8) escapes to heap
// CHECK-NEXT: Inlined_copies.c:33:12: malloc(8) does not escape
// CHECK-NEXT: Inlined_copies.c:45:28: malloc(8) does not escape
// CHECK-NEXT: Inlined_copies.c:45:41: malloc(8) does not escape
// CHECK-NEXT: Inlined_copies.c:48:12: malloc(4) escapes to heap
// CHECK-NEXT: Inlined_copies.c:60:12: malloc(16) escapes to heap
// CHECK-NEXT: Inlined_copies.c:65:12: malloc(16) does not escape

// M2: Inlined_copies.c:24:12: malloc(8) does not escape:
// M2-NEXT: Inlined_copies.c:24:12:   inlined from mk at Inlined_copies.c:17:12
// M2-NEXT: Inlined_copies.c:30:26: malloc(8) escapes to heap:
// M2-NEXT: Inlined_copies.c:30:26:   inlined from mk at Inlined_copies.c:17:12
// M2-NEXT: Inlined_copies.c:30:26:   flow: {heap} = p:
// M2-NEXT: Inlined_copies.c:30:26:     from p (stored to global g) at Inlined_copies.c:30:24
// M2-NEXT: Inlined_copies.c:33:12: malloc(8) does not escape:
// M2-NEXT: Inlined_copies.c:33:12:   inlined from mk at Inlined_copies.c:17:12
// M2-NEXT: Inlined_copies.c:33:12:   removed by the optimizer
// M2-NEXT: Inlined_copies.c:45:28: malloc(8) does not escape:
// M2-NEXT: Inlined_copies.c:45:28:   inlined from mk at Inlined_copies.c:17:12
// M2-NEXT: Inlined_copies.c:45:28:   removed by the optimizer
// M2-NEXT: Inlined_copies.c:45:41: malloc(8) does not escape:
// M2-NEXT: Inlined_copies.c:45:41:   inlined from mk at Inlined_copies.c:17:12
// M2-NEXT: Inlined_copies.c:45:41:   removed by the optimizer
// M2-NEXT: Inlined_copies.c:48:12: malloc(4) escapes to heap:
// M2-NEXT: Inlined_copies.c:48:12:   flow: {heap} = p:
// M2-NEXT: Inlined_copies.c:48:12:     from p (returned) at Inlined_copies.c:50:3
// M2-NEXT: Inlined_copies.c:60:12: malloc(16) escapes to heap:
// M2-NEXT: Inlined_copies.c:60:12:   flow: {heap} = p:
// M2-NEXT: Inlined_copies.c:60:12:     from p (returned) at Inlined_copies.c:62:3
// M2-NEXT: Inlined_copies.c:65:12: malloc(16) does not escape:
// M2-NEXT: Inlined_copies.c:65:12:   inlined from shared at Inlined_copies.c:60:12

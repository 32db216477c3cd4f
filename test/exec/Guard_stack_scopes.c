// Guard_stack_scopes: guarded buffers beside the program's own dynamic stack
// memory (a review's reproducers for a stack area of the run-time size,
// built and dropped in stop 30: a dynamic alloca there was given back by
// the stackrestore of a VLA's scope or of an inlined __builtin_alloca while
// its object lived, and two live malloc(0) objects shared its address).
// The guarded buffer is an entry-block alloca, which no stackrestore
// touches: scope's object made inside a VLA's scope and used after it (and
// after another call's frame), vla's VLA per iteration beside the object,
// inlined()'s loop over an always_inline callee with __builtin_alloca, and
// zero's two live malloc(0) objects, which must differ. Every object is on
// the stack; the one allocation left is stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: scope 32 900 100
// OUT-NEXT: vla 252464
// OUT-NEXT: inlined 252464
// OUT-NEXT: zero 0 0 0
// OUT-NEXT: exit status: 0
// COUNT: plain: 13
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t n = 100, k = 16, z = 0, w = 16;
static volatile int iters = 4;
static volatile size_t sizes[] = {100, 50, 70, 30};
static volatile size_t vsz[] = {16, 16, 400, 800};

__attribute__((noinline)) static long sum(const char *p, size_t m) {
  long s = 0;
  for (size_t i = 0; i < m; i++)
    s += p[i];
  return s;
}
__attribute__((noinline)) static long scribble(size_t m) {
  char buf[512];
  memset(buf, 9, sizeof buf);
  return sum(buf, m);
}
__attribute__((noinline)) static int same(const char *a, const char *b) { return a == b; }

// scope: the object is made inside a VLA's scope and used after it ends
// (clang's stackrestore there, then another call's frame).
__attribute__((noinline)) static void scope(void) {
  char *p;
  {
    char vla[k];
    memset(vla, 2, k);
    p = malloc(n);
    if (!p)
      exit(2);
    memset(p, 1, n);
    printf("scope %ld", sum(vla, k));
  }
  printf(" %ld %ld\n", scribble(n), sum(p, n));
  free(p);
}

// vla: a VLA per iteration beside the object, which grows and shrinks.
__attribute__((noinline)) static void vla(void) {
  long total = 0;
  for (int i = 0; i < iters; i++) {
    size_t m = vsz[i];
    char v[m];
    char *p = malloc(sizes[i]);
    if (!p)
      exit(2);
    memset(p, 1, sizes[i]);
    memset(v, 2, m);
    total += sum(p, sizes[i]) * 1000 + sum(v, m);
    free(p);
  }
  printf("vla %ld\n", total);
}

// step: inlined with its __builtin_alloca, so the inliner wraps it in a
// stacksave and stackrestore inside inlined()'s loop.
static inline __attribute__((always_inline)) long step(size_t m, size_t kk) {
  char *tmp = __builtin_alloca(kk);
  char *p = malloc(m);
  if (!p)
    exit(2);
  memset(p, 1, m);
  memset(tmp, 2, kk);
  long s = sum(p, m) * 1000 + sum(tmp, kk);
  free(p);
  return s;
}
__attribute__((noinline)) static void inlined(void) {
  long t = 0;
  for (int i = 0; i < iters; i++)
    t += step(sizes[i], vsz[i]);
  printf("inlined %ld\n", t);
}

// zero: two live malloc(0) objects and a third are three addresses.
__attribute__((noinline)) static void zero(void) {
  char *p = malloc(z), *q = malloc(z), *r = malloc(w);
  printf("zero %d %d %d\n", same(p, q), same(p, r + 16), same(q, r + 16));
  free(r);
  free(q);
  free(p);
}

int main(void) {
  scope();
  vla();
  inlined();
  zero();
  return 0;
}

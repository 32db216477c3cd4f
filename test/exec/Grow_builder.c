// Grow_builder: positive. A string builder starts in malloc(16) and doubles
// with realloc, all in one function after inlining. The buffer moves to a
// 16-byte stack slot, and its first realloc moves it to the heap (a new
// block holding the buffer's bytes); its free skips the stack slot. So
// 20000 builds that stay small make no heap allocation (the plain build
// makes 20000), and builds that grow past the buffer print the same as the
// plain build, their frees really freeing (ASan reports a bad free or a
// stack use after return otherwise). Also: a buffer grown 16 -> 8192 by
// nine reallocs, realloc(p, 0) of the buffer (whatever the C library says:
// here realloc(malloc(1), 0)), a shrink (moved to the heap too), and a
// guarded malloc(n) that grows (n = 10 and 200 both fit its 256 bytes).
// Heap allocations, plain / plugin: small builds 20000 / 0; two 20-character
// builds 4 / 2 (one growth each); the 5000-character one 10 / 9; realloc to
// 0 2 / 2; the shrink 2 / 1; the guarded ones 4 / 2; stdout's buffer 1 / 1.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: small=218993601
// OUT-NEXT: grown=abcdefghijklmnopqrst/20 abcdefghijklmnopqrst/20
// OUT-NEXT: long=5000 sum=2430000
// OUT-NEXT: zero=null
// OUT-NEXT: shrunk=abcd
// OUT-NEXT: guarded=30 guarded=600
// OUT-NEXT: exit status: 0
// CHECK: Grow_builder.c:60:18: malloc(16) does not escape
// CHECK-NEXT: Grow_builder.c:91:13: malloc(16) does not escape
// CHECK-NEXT: Grow_builder.c:113:13: malloc(16) does not escape
// CHECK-NEXT: Grow_builder.c:122:13: malloc(16) does not escape
// CHECK-NEXT: Grow_builder.c:131:13: malloc(n) does not escape
// COUNT: plain: 20023
// COUNT-NEXT: escape: 17
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int seed = 7, small_len = 10, grown_len = 20, long_len = 5000;
static volatile size_t zero_size = 0;

struct sb {
  char *p;
  size_t len, cap;
};

static inline int sb_put(struct sb *b, char c) {
  if (b->len + 1 >= b->cap) {
    size_t nc = b->cap * 2;
    char *q = realloc(b->p, nc);
    if (!q)
      return -1;
    b->p = q;
    b->cap = nc;
  }
  b->p[b->len++] = c;
  b->p[b->len] = 0;
  return 0;
}

__attribute__((noinline)) static unsigned long build(int n, int k, char *out, size_t outlen) {
  struct sb b = {malloc(16), 0, 16}; // stack: malloc(16), grown
  if (!b.p)
    return 0;
  b.p[0] = 0;
  for (int i = 0; i < n; i++)
    if (sb_put(&b, (char)('a' + (k + i) % 26)))
      break;
  unsigned long h = 0;
  for (size_t i = 0; i < b.len; i++)
    h += (unsigned char)b.p[i];
  if (out)
    snprintf(out, outlen, "%s/%zu", b.p, b.len);
  free(b.p);
  return h;
}

static void small(void) {
  unsigned long t = 0;
  for (int i = 0; i < 20000; i++)
    t += build(small_len, i, NULL, 0) * (unsigned long)(i % 7 + seed);
  printf("small=%lu\n", t);
}

static void grown(void) {
  char a[64], b[64];
  build(grown_len, 0, a, sizeof a);
  build(grown_len, 0, b, sizeof b);
  printf("grown=%s %s\n", a, b);
}

__attribute__((noinline)) static void longer(void) {
  char *p = malloc(16); // stack: malloc(16), grown many times
  size_t cap = 16, n = long_len;
  for (size_t i = 0; i < n; i++) {
    if (i >= cap) {
      cap *= 2;
      p = realloc(p, cap);
    }
    p[i] = (char)('0' + i % 10);
  }
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] - '0';
  printf("long=%zu sum=%ld\n", n, s * 108);
  free(p);
}

__attribute__((noinline)) static void said(const char *q) {
  // glibc frees and returns NULL; another C library may return a block
  printf("zero=%s\n", q ? "block" : "null");
}

__attribute__((noinline)) static void zero(void) {
  char *p = malloc(16); // stack: malloc(16), realloc'd to 0
  memset(p, 'z', 16);
  char *q = realloc(p, zero_size);
  said(q);
  if (q)
    free(q);
}

__attribute__((noinline)) static void shrink(void) {
  char *p = malloc(16); // stack: malloc(16), shrunk
  strcpy(p, "abcdefghijk");
  p = realloc(p, 5);
  p[4] = 0;
  printf("shrunk=%s\n", p);
  free(p);
}

__attribute__((noinline)) static size_t guarded(size_t n) {
  char *p = malloc(n); // stack: malloc(n), guarded, grown
  memset(p, 'g', n);
  p = realloc(p, n * 3 + 1);
  memset(p + n, 'h', n * 2);
  p[n * 3] = 0;
  size_t r = strlen(p);
  free(p);
  return r;
}

int main(void) {
  small();
  grown();
  longer();
  zero();
  shrink();
  printf("guarded=%zu guarded=%zu\n", guarded((size_t)small_len), guarded((size_t)(small_len * 20)));
  return 0;
}

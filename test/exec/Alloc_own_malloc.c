// Alloc_own_malloc: negative. a program that defines malloc and free itself sees every call of them: its calls are not allocation sites.
// (Not under AddressSanitizer, whose own malloc this program's replaces.)
// RUN: %clang -O2 -g -w %s -o %t.plain && %t.plain | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %clang -O2 -g -w %escape-flags %verify-ir %s -o %t.escape && %t.escape | FileCheck %s --check-prefix=OUT --match-full-lines
// OUT: s=14 nalloc=5 nfree=5 used=160
#include <stdio.h>
#include <stddef.h>
#include <string.h>
static char arena[1 << 20]; static size_t used; static int nalloc, nfree;
__attribute__((noinline)) void *malloc(size_t n) { nalloc++; void *p = arena + used; used += (n + 15) & ~(size_t)15; return p; }
__attribute__((noinline)) void free(void *p) { if (p) nfree++; }
void *calloc(size_t a, size_t b) { void *p = malloc(a * b); memset(p, 0, a * b); return p; }
void *realloc(void *p, size_t n) { void *q = malloc(n); if (p) memcpy(q, p, n); return q; }
__attribute__((noinline)) int work(int k) { char *b = malloc(32); b[0] = (char)k; b[1] = 0; int r = (int)strlen(b) + b[0]; free(b); return r; }
int main(void) { int s = 0; for (int i = 0; i < 5; i++) s += work(i); printf("s=%d nalloc=%d nfree=%d used=%zu\n", s, nalloc, nfree, used); return 0; }

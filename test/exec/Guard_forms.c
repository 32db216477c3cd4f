// Guard_forms: positive. Run-time sizes in every form the rewrite guards:
// malloc, calloc (zeroed on both paths), aligned_alloc (alignment kept),
// strdup and strndup (copied with their terminator), and a loop whose
// sizes cross the 256-byte buffer so both paths run and the buffer is
// reused. Each is freed; the heap path's frees really free (ASan would
// report a bad free otherwise). Heap allocations: 20 plain; with the plugin
// 4: the malloc, calloc and aligned_alloc sizes, which nothing bounds, get
// a 4 KiB buffer, so only the two 8000-byte cases, the 300-character
// strdup (a string copy keeps the 256-byte buffer) and stdout's buffer are
// left. With the 256-byte buffer for every size
// (-escape-guard-unbounded=false) 11: the four 2000-element and 2048-byte
// cases, the strdup, six of the nine loop sizes, and stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %exec %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=COUNT-FIXED --match-full-lines
// OUT: sum=1225 zero=0 sum=1999000 zero=0
// OUT-NEXT: align=0 align=0
// OUT-NEXT: short=hello long=300 n=abc n=150
// OUT-NEXT: loop=277635
// OUT-NEXT: exit status: 0
// CHECK: Guard_forms.c:56:12: malloc(...) does not escape
// CHECK-NEXT: Guard_forms.c:65:12: calloc(n, 4) does not escape
// CHECK-NEXT: Guard_forms.c:74:13: aligned_alloc(64, n) does not escape
// CHECK-NEXT: Guard_forms.c:83:13: strdup(s) does not escape
// CHECK-NEXT: Guard_forms.c:90:13: strndup(s, k) does not escape
// COUNT: plain: 20
// COUNT-NEXT: escape: 4
// COUNT-FIXED: plain: 20
// COUNT-FIXED-NEXT: escape: 11
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int small = 50, big = 2000;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static int zeros(const int *p, int n) {
  int z = 0;
  for (int i = 0; i < n; i++)
    z |= p[i];
  return z;
}

__attribute__((noinline)) static size_t length(const char *s) { return strlen(s); }

__attribute__((noinline)) static long counted(int n) {
  int *p = malloc(n * sizeof(int)); // stack: guarded
  for (int i = 0; i < n; i++)
    p[i] = i;
  long s = sum(p, n);
  free(p);
  return s;
}

__attribute__((noinline)) static int zeroed(int n) {
  int *p = calloc(n, sizeof(int)); // stack: guarded
  int z = zeros(p, n);
  for (int i = 0; i < n; i++)
    p[i] = 7;
  free(p);
  return z;
}

__attribute__((noinline)) static int aligned(size_t n) {
  char *p = aligned_alloc(64, n); // stack: guarded
  memset(p, 1, n - 1);
  p[n - 1] = 0;
  int a = (int)((uintptr_t)p % 64) + (length(p) != n - 1);
  free(p);
  return a;
}

__attribute__((noinline)) static size_t dup(const char *s) {
  char *d = strdup(s); // stack: guarded
  size_t n = length(d);
  free(d);
  return n;
}

__attribute__((noinline)) static size_t ndup(const char *s, size_t k, char *out) {
  char *d = strndup(s, k); // stack: guarded
  size_t n = length(d);
  if (n < 8)
    strcpy(out, d);
  free(d);
  return n;
}

int main(void) {
  printf("sum=%ld zero=%d sum=%ld zero=%d\n", counted(small), zeroed(small), counted(big),
         zeroed(big));
  printf("align=%d align=%d\n", aligned(small + 14), aligned(big + 48));
  char longtext[301];
  memset(longtext, 'x', 300);
  longtext[300] = 0;
  char shorttext[8] = "hello", got[8] = "";
  size_t n1 = dup(shorttext), n2 = dup(longtext);
  printf("short=%s long=%zu", n1 == 5 ? shorttext : "?", n2);
  size_t n3 = ndup("abcdef", 3, got), n4 = ndup(longtext, small * 3, got);
  printf(" n=%s n=%zu\n", n3 == 3 ? got : "?", n4);
  long loop = 0;
  for (int k = 1; k <= 9; k++)
    loop += counted(k * small / 3) * k;
  printf("loop=%ld\n", loop);
  return 0;
}

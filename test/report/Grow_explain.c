// Grow_explain: the report of growable buffers. A buffer that realloc grows
// moves to the stack ("does not escape"), and -m=2 says how: it lives in a
// stack buffer until realloc moves it to the heap; the remark's Reason is
// that line. A buffer that may still be the stack buffer when it is returned
// stays on the heap with its flow; one handed to reallocarray (not handled)
// escapes (LLVM 22 knows reallocarray as a realloc: "passed to realloc").
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --check-prefix=M1 --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=M2 --match-full-lines
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fno-caret-diagnostics -Rpass=escape \
// RUN:   -c Grow_explain.c -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK --match-full-lines --implicit-check-not=remark
// M1: Grow_explain.c:32:13: malloc(16) does not escape
// M1-NEXT: Grow_explain.c:42:13: malloc(n) does not escape
// M1-NEXT: Grow_explain.c:52:13: malloc(16) escapes to heap
// M1-NEXT: Grow_explain.c:59:13: malloc(16) escapes to heap
// M2: Grow_explain.c:32:13: malloc(16) does not escape:
// M2-NEXT: Grow_explain.c:32:13:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap
// M2-NEXT: Grow_explain.c:42:13: malloc(n) does not escape:
// M2-NEXT: Grow_explain.c:42:13:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// M2-NEXT: Grow_explain.c:42:13:   reallocated: in a 4096-byte stack buffer until realloc moves it to the heap
// M2-NEXT: Grow_explain.c:52:13: malloc(16) escapes to heap:
// M2-NEXT: Grow_explain.c:52:13:   flow: {heap} = p:
// M2-NEXT: Grow_explain.c:52:13:     from p (returned) at Grow_explain.c:55:3
// M2-NEXT: Grow_explain.c:59:13: malloc(16) escapes to heap:
// M2-NEXT: Grow_explain.c:59:13:   flow: {heap} = p:
// M2-NEXT: Grow_explain.c:59:13:     from p ({{passed to parameter 0 of reallocarray, which may keep it|passed to realloc}}) at Grow_explain.c:60:10
// REMARK: Grow_explain.c:32:13: remark: malloc(16) does not escape: reallocated: in a 16-byte stack buffer until realloc moves it to the heap [-Rpass=escape]
// REMARK-NEXT: Grow_explain.c:42:13: remark: malloc(n) does not escape: guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger; reallocated: in a 4096-byte stack buffer until realloc moves it to the heap [-Rpass=escape]
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) size_t grown(const char *s) {
  char *p = malloc(16);
  strcpy(p, "ab");
  p = realloc(p, strlen(s) + 3);
  strcat(p, s);
  size_t n = strlen(p);
  free(p);
  return n;
}

__attribute__((noinline)) size_t guarded(size_t n) {
  char *p = malloc(n);
  memset(p, 1, n);
  p = realloc(p, n * 2);
  memset(p + n, 2, n);
  size_t r = (size_t)p[n * 2 - 1];
  free(p);
  return r;
}

__attribute__((noinline)) char *maybe(size_t n) {
  char *p = malloc(16);
  if (n > 16)
    p = realloc(p, n);
  return p;
}

__attribute__((noinline)) char *array(size_t n) {
  char *p = malloc(16);
  return reallocarray(p, n, 2);
}

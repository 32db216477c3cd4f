// Wrapper_oom_path: positive. xmalloc's out-of-memory path prints a long
// report before aborting, which makes it too big for LLVM's inliner; the
// pass marks it alwaysinline as an allocation wrapper (and xfree as a free
// wrapper), so after inlining the scratch object and its free are in
// work() and the object moves to the stack.  Same file: the line names the
// malloc inside the wrapper, at the call in the function holding the copy.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s -mllvm -escape-interprocedural=0 | grep -F '(' | FileCheck %s --check-prefix=NOWRAP --match-full-lines --implicit-check-not=escape
// OUT: s=23040
// OUT-NEXT: exit status: 0
// CHECK: Wrapper_oom_path.c:29:13: malloc(n) escapes to heap
// CHECK-NEXT: Wrapper_oom_path.c:47:12: malloc(256) does not escape
// NOWRAP: Wrapper_oom_path.c:29:13: malloc(n) escapes to heap
#include <stdio.h>
#include <stdlib.h>

long oom_count;
const char *oom_where = "?";

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "xmalloc: out of memory allocating %zu bytes\n", n);
    fprintf(stderr, "xmalloc: %ld earlier failures, last at %s\n", oom_count, oom_where);
    fprintf(stderr, "xmalloc: try a smaller input, or raise the memory limit\n");
    fprintf(stderr, "xmalloc: giving up\n");
    fflush(stderr);
    abort();
  }
  return p;
}

void xfree(void *p) {
  if (p)
    free(p);
}

__attribute__((noinline)) long work(int k) {
  int *v = xmalloc(64 * sizeof(int));
  for (int i = 0; i < 64; i++)
    v[i] = k + i;
  long s = sum(v, 64);
  xfree(v);
  return s;
}

int main(void) {
  long s = 0;
  for (int k = 0; k < 10; k++)
    s += work(k);
  printf("s=%ld\n", s);
  return 0;
}

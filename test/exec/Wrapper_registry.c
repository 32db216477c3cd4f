// Wrapper_registry: negative. track_alloc looks like xmalloc but also keeps
// every object in a registry, which main reads after work() returns: not a
// wrapper (escape-wrappers leaves it alone), and whether LLVM inlines it or
// not, the object stays on the heap.  Beside it, a free wrapper that also
// counts frees is not a free wrapper: the object freed through it (by a
// function that is not inlined) stays on the heap too.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: registry 45, freed 10
// OUT-NEXT: exit status: 0
// CHECK: Wrapper_registry.c:22:13: malloc(n) escapes to heap
// CHECK-NEXT: Wrapper_registry.c:35:12: malloc(64) escapes to heap
// CHECK-NEXT: Wrapper_registry.c:41:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static void *registry[16];
static int nregistry;
static long nfreed;

void *track_alloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  registry[nregistry++ & 15] = p;
  return p;
}

__attribute__((noinline)) void counted_free(void *p) {
  nfreed++;
  free(p);
}

__attribute__((noinline)) static void work(int k) {
  int *v = track_alloc(16 * sizeof(int));
  for (int i = 0; i < 16; i++)
    v[i] = k;
}

__attribute__((noinline)) static long scratch(int k) {
  int *w = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    w[i] = k;
  long s = w[k & 7];
  counted_free(w);
  return s;
}

int main(void) {
  long s = 0;
  for (int k = 0; k < 10; k++) {
    work(k);
    s += scratch(k) - k;
  }
  long r = 0;
  for (int i = 0; i < nregistry; i++)
    r += *(int *)registry[i];
  printf("registry %ld, freed %ld\n", r + s, nfreed);
  return 0;
}

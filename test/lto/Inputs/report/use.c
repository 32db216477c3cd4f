/* use.c — one wrapper call of each fate in link-time mode. */
#include <stdio.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void xfree(void *p);

int *g[4];

/* Inlined, and then deleted by LLVM with its store, load and free. */
int removed(int v) {
  int *p = xmalloc(sizeof *p);
  *p = v;
  int r = *p;
  xfree(p);
  return r;
}

/* The call itself is marked noinline: it stays a call of the wrapper. */
__attribute__((noinline)) int not_inlined(int v) {
  int *p;
  [[clang::noinline]] p = xmalloc(8);
  *p = v;
  int r = *p;
  xfree(p);
  return r;
}

/* Kept in a global table. */
__attribute__((noinline)) void kept(int v) {
  int *p = xmalloc(16);
  *p = v;
  g[v % 4] = p;
}

/* Volatile accesses keep the object alive until the pass moves it. */
__attribute__((noinline)) int local(int v) {
  volatile int *p = xmalloc(32);
  p[1] = v;
  int r = p[1];
  xfree((void *)p);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 4; i++)
    kept(argc + i);
  printf("%d %d %d %d\n", removed(1), not_inlined(2), local(4), *g[3]);
  return 0;
}

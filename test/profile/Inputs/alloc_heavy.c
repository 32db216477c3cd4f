/* alloc_heavy.c — an allocation-heavy program for scripts/profile-overhead.
 *   clang-19 -O2 alloc_heavy.c -o a && ./a [ROUNDS]
 * Each round: scratch buffers of constant size (the pass moves them to the
 * stack), scratch buffers of a size known only at run time (WIDTH bytes,
 * default 24: they fit the pass's guarded stack buffer; over 256 they go to
 * the heap, frame-local), a binary tree built by a node-making function and
 * freed at the end of the round (outlives its frames), and a growing array
 * (realloc).  Usage: ./a [ROUNDS [WIDTH]].
 * Prints a checksum, the same with and without the plugin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tree { struct tree *l, *r; long v; };

static int width = 24; /* set from argv: sizes the compiler cannot see */

__attribute__((noinline)) static long digest(const char *p, int n) {
  long h = 5381;
  for (int i = 0; i < n; i++)
    h = h * 33 + p[i];
  return h;
}

__attribute__((noinline)) static long scratch_const(long seed) {
  char *buf = malloc(64); /* moved to the stack */
  for (int i = 0; i < 64; i++)
    buf[i] = (char)(seed + i);
  long h = digest(buf, 64);
  free(buf);
  return h;
}

__attribute__((noinline)) static long scratch_var(long seed) {
  char *buf = malloc(width); /* frame-local, stays on the heap */
  for (int i = 0; i < width; i++)
    buf[i] = (char)(seed ^ i);
  long h = digest(buf, width);
  free(buf);
  return h;
}

__attribute__((noinline)) static struct tree *node(long v) {
  struct tree *t = malloc(sizeof *t); /* returned: outlives node() */
  t->l = t->r = NULL;
  t->v = v;
  return t;
}

static struct tree *build(int depth, long v) {
  struct tree *t = node(v);
  if (depth > 0) {
    t->l = build(depth - 1, 2 * v);
    t->r = build(depth - 1, 2 * v + 1);
  }
  return t;
}

static long sum_free(struct tree *t) {
  if (!t)
    return 0;
  long s = t->v + sum_free(t->l) + sum_free(t->r);
  free(t);
  return s;
}

static long grow(int n) {
  long *v = NULL, s = 0;
  int cap = 0;
  for (int i = 0; i < n; i++) {
    if (i == cap) {
      cap = cap ? 2 * cap : 4;
      v = realloc(v, (size_t)cap * sizeof *v);
    }
    v[i] = i;
  }
  for (int i = 0; i < n; i++)
    s += v[i];
  free(v);
  return s;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 2000;
  if (argc > 2)
    width = atoi(argv[2]);
  long check = 0;
  for (int r = 0; r < rounds; r++) {
    for (int k = 0; k < 50; k++) {
      check += scratch_const(r + k);
      check += scratch_var(r - k);
    }
    check += sum_free(build(6, r)); /* 127 nodes */
    check += grow(100);
  }
  printf("%ld\n", check);
  return 0;
}

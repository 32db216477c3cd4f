// Dtor_keeps_cache: negative beside positive. rec_release frees the values
// and the record but keeps the name in a global cache of recent names (the
// oldest one freed as it drops out): not a destructor (wrapper.c), and
// whether LLVM inlines it or not, the name stays on the heap; main prints
// the cached names after the loop.  The record and its values, freed in
// main's frame once rec_new and rec_release are inlined, may move.  Beside
// it, rec_free_flag frees the name only while a global flag says so and
// otherwise appends it to a global list: not a destructor either, and its
// name stays on the heap too.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=4028000 cache: n995 n996 n997 n998 n999 kept 250: n0 n996
// OUT-NEXT: exit status: 0
// CHECK: Dtor_keeps_cache.c:34:13: malloc(n) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:41:19: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:42:13: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:44:13: malloc(32) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:86:21: malloc(16) does not escape
// CHECK-NEXT: Dtor_keeps_cache.c:86:21: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:86:21: malloc(32) does not escape
// CHECK-NEXT: Dtor_keeps_cache.c:92:21: malloc(16) does not escape
// CHECK-NEXT: Dtor_keeps_cache.c:92:21: malloc(16) escapes to heap
// CHECK-NEXT: Dtor_keeps_cache.c:92:21: malloc(32) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  char *name;
  int *vals;
};

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

struct rec *rec_new(int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(16);
  snprintf(r->name, 16, "n%d", n);
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n + i;
  return r;
}

static char *cache[5];
static int ncache;

void rec_release(struct rec *r) {
  int slot = ncache++ % 5;
  free(cache[slot]);
  cache[slot] = r->name;
  free(r->vals);
  free(r);
}

volatile int keep_names;
static char *kept[1000];
static int nkept;

void rec_free_flag(struct rec *r) {
  if (keep_names)
    kept[nkept++] = r->name;
  else
    free(r->name);
  free(r->vals);
  free(r);
}

__attribute__((noinline)) static long use(const struct rec *r) {
  long s = (long)strlen(r->name);
  for (int i = 0; i < 8; i++)
    s += r->vals[i];
  return s;
}

volatile int count = 1000;

int main(void) {
  long s = 0;
  for (int k = 0; k < count; k++) {
    struct rec *r = rec_new(k);
    s += use(r);
    rec_release(r);
  }
  for (int k = 0; k < count; k++) {
    keep_names = k % 4 == 0;
    struct rec *r = rec_new(k);
    s -= use(r);
    rec_free_flag(r);
  }
  s += 4028000;
  printf("s=%ld cache:", s);
  for (int i = 0; i < 5; i++)
    printf(" %s", cache[(ncache + i) % 5]);
  printf(" kept %d: %s %s\n", nkept, kept[0], kept[nkept - 1]);
  for (int i = 0; i < 5; i++)
    free(cache[i]);
  for (int i = 0; i < nkept; i++)
    free(kept[i]);
  return 0;
}

// Hooks_replaced: negative (every call kept). The program installs its own
// counting allocator in the hooks before it allocates: each call through a
// hook now calls it, so nothing takes the stack path, and the counts it
// keeps (allocations, frees of pointers it returned, frees of anything
// else, frees of NULL) must be the plain build's. Its free checks every
// pointer it is given against those it returned; a stack buffer handed to
// it would show as foreign (and be freed by free(), which ASan reports).
// The sites are still allocation sites (the check is at run time).
// Heap allocations: 14 plain, 14 with the plugin (the counting allocator's
// mallocs, and stdout's buffer).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: table=496 vars=1140 loop=200
// OUT-NEXT: allocs=13 frees=13 foreign=0 nulls=0
// OUT-NEXT: exit status: 0
// COUNT: plain: 14
// COUNT-NEXT: escape: 14
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct hooks {
  void *(*allocate)(size_t);
  void (*deallocate)(void *);
  void *(*reallocate)(void *, size_t);
} hooks;

static hooks global_hooks = {malloc, free, realloc};
static void *(*parson_malloc)(size_t) = malloc;
static void *(*parson_calloc)(size_t, size_t) = calloc;
static void (*parson_free)(void *) = free;

static volatile int small = 20;

#define MAXP 64
static void *given[MAXP];
static int ngiven, allocs, frees, foreign, nulls;

static void *my_malloc(size_t n) {
  void *p = malloc(n);
  if (ngiven < MAXP)
    given[ngiven++] = p;
  allocs++;
  return p;
}

static void *my_calloc(size_t n, size_t m) {
  void *p = calloc(n, m);
  if (ngiven < MAXP)
    given[ngiven++] = p;
  allocs++;
  return p;
}

static void my_free(void *p) {
  if (!p) {
    nulls++;
    return;
  }
  for (int i = 0; i < ngiven; i++)
    if (given[i] == p) {
      given[i] = NULL;
      frees++;
      free(p);
      return;
    }
  foreign++;
  free(p);
}

void set_hooks(void *(*a)(size_t), void *(*c)(size_t, size_t), void (*d)(void *)) {
  global_hooks.allocate = a;
  global_hooks.deallocate = d;
  parson_malloc = a;
  parson_calloc = c;
  parson_free = d;
}

__attribute__((noinline)) static long sum(const char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void fill(char *p, int n) {
  for (int i = 0; i < n; i++)
    p[i] = (char)i;
}

__attribute__((noinline)) static long table(void) {
  char *p = global_hooks.allocate(32); // the program's allocator
  fill(p, 32);
  long s = sum(p, 32);
  global_hooks.deallocate(p);
  return s;
}

__attribute__((noinline)) static long vars(int n) {
  long s = 0;
  char *p = parson_malloc(n); // the program's allocator
  fill(p, n);
  s += sum(p, n);
  int *z = parson_calloc(n, 4); // the program's calloc
  int zero = 0;
  for (int i = 0; i < n; i++)
    zero |= z[i];
  parson_free(z);
  parson_free(p);
  return s * 6 + zero;
}

__attribute__((noinline)) static long sized(int n) {
  long s = 0;
  for (int k = 0; k < 10; k++) {
    char *p = global_hooks.allocate((size_t)n); // the program's allocator
    memset(p, 1, (size_t)n);
    s += sum(p, n);
    global_hooks.deallocate(p);
  }
  return s;
}

int main(void) {
  set_hooks(my_malloc, my_calloc, my_free);
  long t = table();
  long v = vars(small);
  long l = sized(small);
  printf("table=%ld vars=%ld loop=%ld\n", t, v, l);
  printf("allocs=%d frees=%d foreign=%d nulls=%d\n", allocs, frees, foreign, nulls);
  return 0;
}

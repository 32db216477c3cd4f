// Hooks_free_installed: a program that installs its own deallocator in a
// library's hooks while the allocator stays malloc (a cJSON-style init with
// a logging free) must see every free of the plain build.  The allocation
// through the hook tests the free's slot too: while that holds the
// program's function, the object is a heap object and the program's
// deallocator gets it (found by the review of 2026-12-02: the free was
// skipped and "freeing" was never printed).  Positive beside negative:
// before install() the same function's object is on the stack and free()
// is skipped; after it, the logging and counting deallocators see each of
// their calls.  A malloc that is not a hook, freed through the hook, stays
// on the heap: the hook may be the program's own deallocator.  (The slots
// are set in set_hooks too, so LLVM cannot fold the allocator's slot to a
// direct malloc call.)
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: before=96 frees=0
// OUT-NEXT: freeing "hello"
// OUT-NEXT: logged=5 frees=1
// OUT-NEXT: counted=96 frees=2
// OUT-NEXT: plain_malloc=96 frees=3
// OUT-NEXT: exit status: 0
// CHECK: Hooks_free_installed.c:53:49: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_free_installed.c:68:13: H.allocate(32) does not escape
// CHECK-NEXT: Hooks_free_installed.c:78:13: lib_malloc(32) does not escape
// CHECK-NEXT: Hooks_free_installed.c:88:13: malloc(32) escapes to heap
// Heap allocations: plain 4 (and stdout's buffer); with the plugin the
// first object is on the stack.
// COUNT: plain: 5
// COUNT-NEXT: escape: 4
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct hooks {
  void *(*allocate)(size_t);
  void (*deallocate)(void *);
} hooks;
static hooks H = {malloc, free};
static void *(*lib_malloc)(size_t) = malloc;
static void (*lib_free)(void *) = free;
static int nfree;

static void logging_free(void *p) {
  printf("freeing \"%s\"\n", (char *)p);
  nfree++;
  free(p);
}
static void counting_free(void *p) {
  nfree++;
  free(p);
}
static void *counting_malloc(size_t n) { return malloc(n); }

__attribute__((noinline)) static void set_hooks(int mine) {
  H.allocate = mine ? counting_malloc : malloc;
  lib_malloc = mine ? counting_malloc : malloc;
}

__attribute__((noinline)) static long sum(const char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long counted(void) {
  char *p = H.allocate(32);
  if (!p)
    return -1;
  memset(p, 3, 32);
  long s = sum(p, 32);
  H.deallocate(p);
  return s;
}

__attribute__((noinline)) static long logged(const char *s) {
  char *p = lib_malloc(32);
  if (!p)
    return 0;
  strcpy(p, s);
  long n = (long)strlen(p);
  lib_free(p);
  return n;
}

__attribute__((noinline)) static long plain_malloc(void) {
  char *p = malloc(32);
  if (!p)
    return -1;
  memset(p, 3, 32);
  long s = sum(p, 32);
  H.deallocate(p);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  set_hooks(argc > 5);
  printf("before=%ld frees=%d\n", counted(), nfree);
  lib_free = logging_free;
  printf("logged=%ld frees=%d\n", logged("hello"), nfree);
  H.deallocate = counting_free;
  printf("counted=%ld frees=%d\n", counted(), nfree);
  printf("plain_malloc=%ld frees=%d\n", plain_malloc(), nfree);
  return 0;
}

// Hooks_wrapper: positive beside negative. Slots that start as one-line
// wrappers of malloc and free (as cJSON builds them for MSVC): calling one
// is calling malloc, so the call is an allocation site, its stack path
// taken while the slot holds the wrapper. Negatives: a wrapper that also
// counts, and one that adjusts the size (each call kept), a wrapper that
// checks for NULL and aborts (not one line: kept), and the program's own
// allocator installed in the wrapper's slot (every call of it seen).
// Heap allocations: 6 plain; with the plugin 5 (the wrapped malloc's first
// object is on the stack; the second is my_malloc's).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: wrapped=496 counted=496 calls=1 sized=496 checked=496
// OUT-NEXT: mine=496 allocs=1
// OUT-NEXT: exit status: 0
// CHECK: Hooks_wrapper.c:28:49: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_wrapper.c:34:10: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_wrapper.c:36:47: malloc(...) escapes to heap
// CHECK-NEXT: Hooks_wrapper.c:38:13: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_wrapper.c:66:10: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_wrapper.c:82:13: wrapped_hooks.allocate(32) does not escape
// COUNT: plain: 6
// COUNT-NEXT: escape: 5
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *internal_malloc(size_t n) { return malloc(n); }
static void internal_free(void *p) { free(p); }

static int calls;
static void *counting_malloc(size_t n) {
  calls++;
  return malloc(n);
}
static void *padded_malloc(size_t n) { return malloc(n + 16); }
static void *checked_malloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

struct hooks {
  void *(*allocate)(size_t);
  void (*deallocate)(void *);
};
static struct hooks wrapped_hooks = {internal_malloc, internal_free};
static struct hooks counted_hooks = {counting_malloc, internal_free};
static struct hooks padded_hooks = {padded_malloc, internal_free};
static struct hooks checked_hooks = {checked_malloc, internal_free};

// The program may replace any of them.
void set_hooks(struct hooks *h, void *(*a)(size_t), void (*d)(void *)) {
  h->allocate = a;
  h->deallocate = d;
}
struct hooks *hooks_of(int k) {
  return k == 0 ? &wrapped_hooks : k == 1 ? &counted_hooks : k == 2 ? &padded_hooks
                                                                  : &checked_hooks;
}

static int allocs;
static void *my_malloc(size_t n) {
  allocs++;
  return malloc(n);
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

__attribute__((noinline)) static long wrapped(void) {
  char *p = wrapped_hooks.allocate(32); // stack: guarded
  fill(p, 32);
  long s = sum(p, 32);
  wrapped_hooks.deallocate(p);
  return s;
}

__attribute__((noinline)) static long counted(void) {
  char *p = counted_hooks.allocate(32); // not a site: the wrapper counts
  fill(p, 32);
  long s = sum(p, 32);
  counted_hooks.deallocate(p);
  return s;
}

__attribute__((noinline)) static long sized(void) {
  char *p = padded_hooks.allocate(32); // not a site: the size is adjusted
  fill(p, 48);
  long s = sum(p, 32);
  padded_hooks.deallocate(p);
  return s;
}

__attribute__((noinline)) static long checked(void) {
  char *p = checked_hooks.allocate(32); // not a site: not one line
  fill(p, 32);
  long s = sum(p, 32);
  checked_hooks.deallocate(p);
  return s;
}

int main(void) {
  long w = wrapped();
  long c = counted();
  long z = sized();
  long k = checked();
  printf("wrapped=%ld counted=%ld calls=%d sized=%ld checked=%ld\n", w, c, calls, z, k);
  set_hooks(&wrapped_hooks, my_malloc, free);
  long m = wrapped();
  printf("mine=%ld allocs=%d\n", m, allocs);
  return 0;
}

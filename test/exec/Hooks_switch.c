// Hooks_switch: positive beside negative. The hooks change while an object
// is live, both ways, and a slot read once is called later:
//   - allocated while the hook is malloc (the stack buffer), the program's
//     allocator installed, then freed through the hook: the buffer is
//     skipped, the program's free never sees it (its own pointers only);
//   - allocated by the program's allocator, the hooks put back to malloc
//     and free, then freed through the hook: free() gets the program's
//     pointer, as in the plain build (it came from malloc);
//   - the hook read into a variable while it is malloc, the program's
//     allocator installed, then the variable called: malloc is what is
//     called, but the program's deallocator is installed by then, and it
//     must see the free: the heap (the allocation tests the free's slot
//     too);
//   - the reverse: read while it is the program's, called after the
//     hooks are back to malloc: the program's allocator is called.
// The counts the program's allocator keeps must be the plain build's.
// Heap allocations: 5 plain; with the plugin 4 (the first object is on
// the stack; the third was too, until the review of 2026-12-02 found that
// a deallocator installed before the allocation was skipped).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: first=496 allocs=0 frees=0
// OUT-NEXT: second=496 allocs=1 frees=0
// OUT-NEXT: third=496 allocs=1 frees=0
// OUT-NEXT: fourth=496 allocs=2 frees=1 nulls=0
// OUT-NEXT: exit status: 0
// CHECK: Hooks_switch.c:51:13: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_switch.c:104:13: global_hooks.allocate(32) does not escape
// CHECK-NEXT: Hooks_switch.c:113:13: global_hooks.allocate(32) does not escape
// CHECK-NEXT: Hooks_switch.c:125:13: global_hooks.allocate(32) does not escape
// CHECK-NEXT: Hooks_switch.c:137:13: global_hooks.allocate(32) does not escape
// COUNT: plain: 5
// COUNT-NEXT: escape: 4
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct hooks {
  void *(*allocate)(size_t);
  void (*deallocate)(void *);
} hooks;

static hooks global_hooks = {malloc, free};

#define MAXP 64
static void *given[MAXP];
static int ngiven, allocs, frees, nulls;

static void *my_malloc(size_t n) {
  void *p = malloc(n);
  if (ngiven < MAXP)
    given[ngiven++] = p;
  allocs++;
  return p;
}

// Frees what it returned (counted); passes anything else to free(); NULL
// is counted (the plain build never frees NULL here).
static void my_free(void *p) {
  if (!p) {
    nulls++;
    return;
  }
  for (int i = 0; i < ngiven; i++)
    if (p && given[i] == p) {
      given[i] = NULL;
      frees++;
      break;
    }
  free(p);
}

// The program's bookkeeping: a block of its allocator that free() took.
__attribute__((noinline)) static void forget(const void *p) {
  for (int i = 0; i < ngiven; i++)
    if (given[i] == p)
      given[i] = NULL;
}

__attribute__((noinline)) void use_mine(void) {
  global_hooks.allocate = my_malloc;
  global_hooks.deallocate = my_free;
}

__attribute__((noinline)) void use_libc(void) {
  global_hooks.allocate = malloc;
  global_hooks.deallocate = free;
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

__attribute__((noinline)) static long first(void) {
  char *p = global_hooks.allocate(32); // stack: guarded (the hook is malloc)
  use_mine();
  fill(p, 32);
  long s = sum(p, 32);
  global_hooks.deallocate(p); // my_free now: skipped for the buffer
  return s;
}

__attribute__((noinline)) static long second(void) {
  char *p = global_hooks.allocate(32); // heap path: the hook is my_malloc
  use_libc();
  fill(p, 32);
  long s = sum(p, 32);
  global_hooks.deallocate(p); // free() of my_malloc's pointer
  forget(p);
  return s;
}

__attribute__((noinline)) static long third(void) {
  void *(*a)(size_t) = global_hooks.allocate;
  use_mine();
  char *p = a(32); // heap path: malloc is called, but the free is my_free
  fill(p, 32);
  long s = sum(p, 32);
  global_hooks.deallocate(p);
  use_libc();
  return s;
}

__attribute__((noinline)) static long fourth(void) {
  use_mine();
  void *(*a)(size_t) = global_hooks.allocate;
  use_libc();
  char *p = a(32); // heap path: my_malloc is called
  fill(p, 32);
  long s = sum(p, 32);
  use_mine();
  global_hooks.deallocate(p);
  use_libc();
  return s;
}

int main(void) {
  long s = first();
  printf("first=%ld allocs=%d frees=%d\n", s, allocs, frees);
  use_mine();
  s = second();
  printf("second=%ld allocs=%d frees=%d\n", s, allocs, frees);
  s = third();
  printf("third=%ld allocs=%d frees=%d\n", s, allocs, frees);
  s = fourth();
  printf("fourth=%ld allocs=%d frees=%d nulls=%d\n", s, allocs, frees, nulls);
  return 0;
}

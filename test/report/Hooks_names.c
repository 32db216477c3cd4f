// Hooks_names: how a call through an allocator hook is reported: named as
// written, the slot's variable or the table's field (debug info names it);
// jansson's style, the hook called behind a wrapper (jsonp_malloc, marked
// for inlining like any allocation wrapper, wrapper.c), reported at the
// wrapper's call; -m=2 says the stack buffer is used only while the hook
// is the C library's. Negative: a slot that starts as a counting wrapper is
// no allocation site (no line). The whole -m=2 report is checked.
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdlib.h>
#include <string.h>

typedef void *(*json_malloc_t)(size_t);
typedef void (*json_free_t)(void *);

static json_malloc_t do_malloc = malloc;
static json_free_t do_free = free;

void json_set_alloc_funcs(json_malloc_t m, json_free_t f) {
  do_malloc = m;
  do_free = f;
}

static void *jsonp_malloc(size_t size) {
  if (!size)
    return NULL;
  return (*do_malloc)(size);
}

static void jsonp_free(void *ptr) {
  if (!ptr)
    return;
  (*do_free)(ptr);
}

struct internal_hooks {
  void *(*allocate)(size_t);
  void (*deallocate)(void *);
};
static struct internal_hooks global_hooks = {malloc, free};

void init_hooks(void *(*a)(size_t), void (*d)(void *)) {
  global_hooks.allocate = a;
  global_hooks.deallocate = d;
}

static int made;
static void *counting(size_t n) {
  made++;
  return malloc(n);
}
static json_malloc_t counted = counting;
void set_counted(json_malloc_t m) { counted = m; }

__attribute__((noinline)) static int look(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int use(int n) {
  char *a = jsonp_malloc(24);
  memset(a, 1, 24);
  char *b = global_hooks.allocate((size_t)n);
  memset(b, 2, (size_t)n);
  char *c = counted(8);
  memset(c, 3, 8);
  int s = look(a, 24) + look(b, n) + look(c, 8);
  jsonp_free(a);
  global_hooks.deallocate(b);
  free(c);
  return s;
}

// CHECK:Hooks_names.c:19:41: leaking param: m:
// CHECK-NEXT:Hooks_names.c:19:41:   parameter m leaks to {heap} with derefs=0:
// CHECK-NEXT:Hooks_names.c:19:41:     flow: {heap} = m:
// CHECK-NEXT:Hooks_names.c:19:41:       from m (stored to global do_malloc) at Hooks_names.c:20:13
// CHECK-NEXT:Hooks_names.c:19:56: leaking param: f:
// CHECK-NEXT:Hooks_names.c:19:56:   parameter f leaks to {heap} with derefs=0:
// CHECK-NEXT:Hooks_names.c:19:56:     flow: {heap} = f:
// CHECK-NEXT:Hooks_names.c:19:56:       from f (stored to global do_free) at Hooks_names.c:21:11
// CHECK-NEXT:Hooks_names.c:42:25: leaking param: a:
// CHECK-NEXT:Hooks_names.c:42:25:   parameter a leaks to {heap} with derefs=0:
// CHECK-NEXT:Hooks_names.c:42:25:     flow: {heap} = a:
// CHECK-NEXT:Hooks_names.c:42:25:       from a (stored to global global_hooks.0) at Hooks_names.c:43:25
// CHECK-NEXT:Hooks_names.c:42:44: leaking param: d:
// CHECK-NEXT:Hooks_names.c:42:44:   parameter d leaks to {heap} with derefs=0:
// CHECK-NEXT:Hooks_names.c:42:44:     flow: {heap} = d:
// CHECK-NEXT:Hooks_names.c:42:44:       from d (stored to global global_hooks.1) at Hooks_names.c:44:27
// CHECK-NEXT:Hooks_names.c:50:10: malloc(n) escapes to heap:
// CHECK-NEXT:Hooks_names.c:50:10:   flow: {heap} = malloc(...):
// CHECK-NEXT:Hooks_names.c:50:10:     from malloc(...) (returned) at Hooks_names.c:50:3
// CHECK-NEXT:Hooks_names.c:53:32: leaking param: m:
// CHECK-NEXT:Hooks_names.c:53:32:   parameter m leaks to {heap} with derefs=0:
// CHECK-NEXT:Hooks_names.c:53:32:     flow: {heap} = m:
// CHECK-NEXT:Hooks_names.c:53:32:       from m (stored to global counted) at Hooks_names.c:53:45
// CHECK-NEXT:Hooks_names.c:55:55: p does not escape
// CHECK-NEXT:Hooks_names.c:63:13: do_malloc(24) does not escape:
// CHECK-NEXT:Hooks_names.c:63:13:   inlined from jsonp_malloc at Hooks_names.c:27:10
// CHECK-NEXT:Hooks_names.c:63:13:   allocator hook: a 32-byte stack buffer while the hook is malloc and the size fits, else the hook's call
// CHECK-NEXT:Hooks_names.c:65:13: global_hooks.allocate(n) does not escape:
// CHECK-NEXT:Hooks_names.c:65:13:   allocator hook: a 256-byte stack buffer while the hook is malloc and the size fits, else the hook's call

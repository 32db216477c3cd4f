// Hooks_default: positive beside negative. Allocator hooks left as the C
// library's (a cJSON-style table and parson-style variables, which the
// program could replace through set_hooks): a call through a slot that
// starts as malloc or calloc is an allocation site, its object goes to a
// stack buffer while the slot still holds that allocator and the size fits,
// and the free through the free slot skips the buffer. Negatives: the
// pointer handed to an ordinary indirect call (escapes), a slot whose
// initializer is not an allocator (make_block: every call kept), a wrapper
// with a side effect (a counter) as the initializer (kept), a run-time
// size over the buffer (the heap path, really freed through the hook), and
// the realloc slot (escapes). Heap allocations: 20 plain; with the plugin
// 6 (the escaping one, the realloc'd one and its realloc, the 1000-byte
// one, the counting wrapper's, and stdout's buffer).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: table=496 vars=1140 zero=0
// OUT-NEXT: big=1000 loop=200
// OUT-NEXT: kept=32 blocks=1 counted=1 grown=64
// OUT-NEXT: exit status: 0
// CHECK: Hooks_default.c:72:13: global_hooks.allocate(32) does not escape
// CHECK-NEXT: Hooks_default.c:81:13: parson_malloc(n) does not escape
// CHECK-NEXT: Hooks_default.c:84:12: parson_calloc(n, 4) does not escape
// CHECK-NEXT: Hooks_default.c:96:15: global_hooks.allocate(n) does not escape
// CHECK-NEXT: Hooks_default.c:108:13: global_hooks.allocate(32) escapes to heap
// CHECK-NEXT: Hooks_default.c:117:13: global_hooks.allocate(64) escapes to heap
// CHECK-NEXT: Hooks_default.c:140:10: malloc(n) escapes to heap
// CHECK-NEXT: Hooks_default.c:158:12: parson_calloc(4, 4) does not escape
// CHECK-NEXT: Hooks_default.c:161:13: parson_malloc(big) does not escape
// COUNT: plain: 20
// COUNT-NEXT: escape: 6
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

static volatile int small = 20, big = 1000;

// The program may replace them (it does not, here).
void set_hooks(void *(*a)(size_t), void (*d)(void *), void *(*r)(void *, size_t)) {
  global_hooks.allocate = a;
  global_hooks.deallocate = d;
  global_hooks.reallocate = r;
  parson_malloc = a;
  parson_free = d;
}
void set_calloc(void *(*c)(size_t, size_t)) { parson_calloc = c; }

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
  char *p = global_hooks.allocate(32); // stack: guarded
  fill(p, 32);
  long s = sum(p, 32);
  global_hooks.deallocate(p);
  return s;
}

__attribute__((noinline)) static long vars(int n) {
  long s = 0;
  char *p = parson_malloc(n); // stack: guarded
  fill(p, n);
  s += sum(p, n);
  int *z = parson_calloc(n, 4); // stack: guarded, zeroed
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
    char *p = global_hooks.allocate((size_t)n); // stack: guarded (each iteration)
    memset(p, 1, (size_t)n);
    s += sum(p, n);
    global_hooks.deallocate(p);
  }
  return s;
}

static void (*volatile sink)(char *);
static void drop(char *p) { free(p); }

__attribute__((noinline)) static long handed(void) {
  char *p = global_hooks.allocate(32); // heap: handed to an indirect call
  fill(p, 32);
  sink = drop;
  long s = sum(p, 32);
  sink(p);
  return s / 496 * 32;
}

__attribute__((noinline)) static long grown(void) {
  char *p = global_hooks.allocate(64); // heap: realloc'd through the hook
  fill(p, 64);
  p = global_hooks.reallocate(p, 128);
  fill(p, 128);
  long s = sum(p, 64);
  global_hooks.deallocate(p);
  return s / 2016 * 64;
}

// Not an allocator: a slot starting as a block of its own.
static char block_memory[64];
static int blocks_made;
static void *make_block(size_t n) {
  blocks_made++;
  return n <= sizeof block_memory ? block_memory : NULL;
}
static void *(*block_alloc)(size_t) = make_block;
void set_block(void *(*b)(size_t)) { block_alloc = b; }

// A wrapper with a side effect: it counts.
static int counted_calls;
static void *counting_malloc(size_t n) {
  counted_calls++;
  return malloc(n);
}
static void *(*counted_alloc)(size_t) = counting_malloc;
void set_counted(void *(*w)(size_t)) { counted_alloc = w; }

__attribute__((noinline)) static int others(void) {
  char *b = block_alloc(16); // not an allocation site
  fill(b, 16);
  char *c = counted_alloc(16); // not an allocation site
  fill(c, 16);
  int r = (int)sum(b, 16) - 120 + (int)sum(c, 16) - 120;
  free(c);
  return r;
}

int main(void) {
  long t = table();
  long v = vars(small);
  int *z = parson_calloc(4, 4);
  printf("table=%ld vars=%ld zero=%d\n", t, v, z[0] | z[3]);
  free(z);
  char *p = parson_malloc((size_t)big);
  memset(p, 1, (size_t)big);
  long b = sum(p, big);
  parson_free(p);
  printf("big=%ld loop=%ld\n", b, sized(small));
  long kept = handed();
  int r = others();
  printf("kept=%ld blocks=%d counted=%d grown=%ld\n", kept, blocks_made + r, counted_calls,
         grown());
  return 0;
}

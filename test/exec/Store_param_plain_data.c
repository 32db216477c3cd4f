// Store_param_plain_data: positive. Helpers that store plain data through
// a pointer parameter, made from that object's own bytes: n->count++,
// b->len += n after a memcpy into b's buffer, *c->sum += x from a callback
// that a not-inlined higher-order function calls. None of them leaks what
// the caller stored in the object, so the caller's objects stay on the stack
// (the callback's, where LLVM specializes the higher-order function: below).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --check-prefixes=CHECK,%llvm-prefix --match-full-lines \
// RUN:   --implicit-check-not=escape
// OUT: bump: 3 a
// OUT-NEXT: append: 10 abcdefghij
// OUT-NEXT: each: 28
// OUT-NEXT: exit status: 0
// CHECK: Store_param_plain_data.c:53:20: malloc(16) does not escape
// CHECK-NEXT: Store_param_plain_data.c:55:13: calloc(16, 1) does not escape
// b->len += n stores the bytes of parameter n into *b (another caller's n
// may carry an address): a flow of n into b's object, which the call
// resolves against main's b (summary.c's into sinks), where 5 carries none,
// so free(b.data) frees b.data only (it was FIXME: heap).
// CHECK-NEXT: Store_param_plain_data.c:64:12: malloc(64) does not escape
// LLVM 19's function specialization makes main call each.specialized.1, a
// copy of each with add for f, which calls add directly: &c reaches only
// add's *c->sum += x, and c.sum's calloc stays on the stack.  LLVM 16 and 22
// do not specialize each (main calls each(a, 8, add, &c)): each passes c to
// a call through the function pointer f, which the analysis cannot see, so
// c's object may be kept there and what is stored in it, c.sum's calloc,
// escapes (an unknown callee answers "escapes").
// LLVM19-NEXT: Store_param_plain_data.c:75:11: calloc(1, 4) does not escape
// LLVM16-NEXT: Store_param_plain_data.c:75:11: calloc(1, 4) escapes to heap
// LLVM22-NEXT: Store_param_plain_data.c:75:11: calloc(1, 4) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int count; char *name; };
struct buf { char *data; size_t len; };
struct ctx { int *sum; };

__attribute__((noinline)) void bump(struct node *n) { n->count++; }
__attribute__((noinline)) void append(struct buf *b, const char *p, size_t n) {
  memcpy(b->data + b->len, p, n);
  b->len += n;
}
static void add(void *c, int x) { *((struct ctx *)c)->sum += x; }
__attribute__((noinline)) void each(const int *a, int n, void (*f)(void *, int), void *c) {
  for (int i = 0; i < n; i++)
    f(c, a[i]);
}

static volatile int seed = 3;

int main(void) {
  struct node *n = malloc(sizeof *n); // stack: malloc(16)
  n->count = 0;
  n->name = calloc(16, 1); // stack: calloc(16, 1)
  for (int i = 0; i < seed; i++)
    bump(n);
  n->name[0] = 'a';
  printf("bump: %d %s\n", n->count, n->name);
  free(n->name);
  free(n);

  struct buf b = {0, 0};
  b.data = malloc(64); // stack: malloc(64)
  append(&b, "abcde", 5);
  append(&b, "fghij", 5);
  b.data[b.len] = 0;
  printf("append: %zu %s\n", b.len, b.data);
  free(b.data);

  int a[8];
  for (int i = 0; i < 8; i++)
    a[i] = i * seed / 3;
  struct ctx c;
  c.sum = calloc(1, sizeof(int)); // stack on LLVM 19, heap on 16 and 22: calloc(1, 4)
  each(a, 8, add, &c);
  printf("each: %d\n", *c.sum);
  free(c.sum);
  return 0;
}

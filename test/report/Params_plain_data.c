// Parameter lines for helpers that store plain data through a pointer
// parameter.  The object's own bytes moved within it leak nothing (bump,
// the length update in append, the sum a callback adds into); bytes read
// from another object may be an address's (C lets any bytes hold one), so
// copying them into a parameter's object is a flow into the caller's
// object (the into sinks: "leaking param: p to content of b level=1"), as
// is storing the object's own address made an integer; the caller
// resolves it against its own objects (test/exec/Param_into_*.c).
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdint.h>
#include <string.h>

struct node { int count; char *name; long bits; };
struct buf { char *data; size_t len; };
struct frame { long regs[8]; };
struct ctx { int *sum; };

// TEST 1 - positive: n->count++.
// CHECK: Params_plain_data.c:[[@LINE+1]]:50: n does not escape
__attribute__((noinline)) void bump(struct node *n) { n->count++; }

// TEST 2 - positive beside negative: b's length updated in place; the
// bytes copied from p may hold pointers, and go into memory b points to.
// CHECK: Params_plain_data.c:[[@LINE+2]]:51: b does not escape
// CHECK: Params_plain_data.c:[[@LINE+1]]:66: leaking param: p to content of *b level=1
__attribute__((noinline)) void append(struct buf *b, const char *p, size_t n) {
  memcpy(b->data + b->len, p, n);
  b->len += n;
}

// TEST 3 - negative: args[k] is read from the caller's array, which may
// hold addresses (Store_param_int_laundered.c has such a caller).
// CHECK: Params_plain_data.c:[[@LINE+2]]:56: fr does not escape
// CHECK: Params_plain_data.c:[[@LINE+1]]:72: leaking param: args to content of fr level=1
__attribute__((noinline)) void load_regs(struct frame *fr, const long *args, int n) {
  for (int k = 0; k < n; k++)
    fr->regs[k] = args[k] + k;
}

// TEST 4 - positive: a callback adds into the sum its context points to.
// CHECK: Params_plain_data.c:[[@LINE+1]]:42: c does not escape
__attribute__((noinline)) void add(void *c, int x) { *((struct ctx *)c)->sum += x; }

// TEST 5 - negative: the object's own address, as an integer, stored in it.
// CHECK: Params_plain_data.c:[[@LINE+1]]:55: leaking param: n to content of n level=0
__attribute__((noinline)) void self_bits(struct node *n) { n->bits = (long)(uintptr_t)n; }

// TEST 6 - negative: another object's bytes (its name pointer, as an
// integer) copied into the first.
// CHECK: Params_plain_data.c:[[@LINE+2]]:55: n does not escape
// CHECK: Params_plain_data.c:[[@LINE+1]]:77: leaking param: from to content of n level=1
__attribute__((noinline)) void copy_bits(struct node *n, const struct node *from) {
  n->bits = (long)(uintptr_t)from->name;
}

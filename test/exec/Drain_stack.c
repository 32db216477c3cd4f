// Drain_stack: positives beside negatives. eval keeps bc's evaluation stack:
// a list whose head is a global (stack), pushed by a node per operand and
// popped by free, with some nodes pushed by a function it calls (push_const)
// and a node's field handed to another (setnum), and it empties the stack
// before it returns: its nodes come from the side stack (drain.c). The
// negatives each break one rule, each on a stack of its own: early returns
// with nodes left (the next call pops them), kept stores a node into a
// second global, peek returns the top node, outer links a new node into an
// older one, helped hands its nodes to a function that frees them, deep
// recurses, compared hands a node to memcmp, and regioned pushes in a loop
// whose other objects are given back each time round (a loop region: its
// release would take the node too; moved, it prints 241234). Their nodes
// stay on the heap, and the program prints the same with and without the
// plugin. Heap allocations: 380,063 plain, 260,053 with the plugin (eval's
// 120,000 nodes moved, and regioned's lists), 380,053 with
// -escape-drained-stacks=false.
// The proof needs the whole program (another file could call main, on
// another thread), so the builds are link-time ones; per file nothing moves.
// RUN: %exec %s -flto=full | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s -flto=full | grep -F "list, which" | FileCheck %s --match-full-lines
// RUN: %report -m=1 %s -flto=full | grep -F 'malloc(16)' | FileCheck %s --check-prefix=SITES --match-full-lines
// RUN: %count %s -flto=full | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s -flto=full -- -mllvm -escape-drained-stacks=false | FileCheck %s --check-prefix=COUNT-OFF --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=PERFILE
// RUN: %count %s | FileCheck %s --check-prefix=COUNT-OFF --match-full-lines
// OUT: eval 83883680000
// OUT-NEXT: early 90 kept 3 peek 3 outer 9 helped 6 deep 10 compared 7
// OUT-NEXT: regioned 35350
// OUT-NEXT: exit status: 0
// CHECK: Drain_stack.c:117:7:   a node of global stack's list, which eval empties before it returns: on the thread's side stack while it has room, else on the heap
// CHECK-NEXT: Drain_stack.c:124:7:   a node of global stack's list, which eval empties before it returns: on the thread's side stack while it has room, else on the heap
// CHECK-NOT: list, which
// PERFILE-NOT: list, which
// PERFILE: Drain_stack.c:{{[0-9]+}}:{{[0-9]+}}: malloc(16) escapes to heap:
// SITES: Drain_stack.c:84:20: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:117:7: malloc(16) does not escape
// SITES-NEXT: Drain_stack.c:124:7: malloc(16) does not escape
// SITES-NEXT: Drain_stack.c:179:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:191:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:205:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:218:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:220:24: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:238:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:251:3: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:262:5: malloc(16) escapes to heap
// SITES-NEXT: Drain_stack.c:280:24: malloc(16) does not escape
// SITES-NEXT: Drain_stack.c:286:5: malloc(16) escapes to heap
// COUNT: plain: 380063
// COUNT-NEXT: escape: 260053
// COUNT-OFF: plain: 380063
// COUNT-OFF-NEXT: escape: 380053
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cell {
  long *num;
  struct cell *next;
};

static struct cell *stack;

static long *mknum(long v) {
  long *p = malloc(sizeof *p);
  *p = v;
  return p;
}

static void push(long v) {
  struct cell *c = malloc(sizeof *c);
  c->num = mknum(v);
  c->next = stack;
  stack = c;
}

static void pop(void) {
  struct cell *c = stack;
  stack = c->next;
  free(c->num);
  free(c);
}

__attribute__((noinline)) static void push_const(long v) {
  struct cell *c = malloc(sizeof *c);
  c->num = mknum(v * 100);
  c->next = stack;
  stack = c;
}

__attribute__((noinline)) static void setnum(long **slot, long v) {
  free(*slot);
  *slot = mknum(v);
}

/* The interpreter: digits push, k pushes a constant, + and * replace the
 * two top operands, d duplicates, p prints into the result. */
__attribute__((noinline)) static long eval(const char *prog) {
  long result = 0;
  for (const char *p = prog; *p; p++) {
    switch (*p) {
    case 'k':
      push_const(*++p - '0');
      break;
    case '+': {
      long a = *stack->num;
      pop();
      setnum(&stack->num, *stack->num + a);
      break;
    }
    case '*': {
      long a = *stack->num;
      pop();
      setnum(&stack->num, *stack->num * a);
      break;
    }
    case 'd':
      push(*stack->num);
      break;
    case 'p':
      result = result * 31 + *stack->num;
      pop();
      break;
    default:
      push(*p - '0');
    }
  }
  while (stack)
    pop();
  return result;
}

/* Negatives: a stack of their own each, a node of 16 bytes. */
struct node {
  long v;
  struct node *next;
};

#define STACK(name)                                                            \
  static struct node *name;                                                    \
  static void name##_push(long v) {                                            \
    struct node *c = malloc(sizeof *c);                                        \
    c->v = v;                                                                  \
    c->next = name;                                                            \
    name = c;                                                                  \
  }                                                                            \
  static long name##_pop(void) {                                               \
    struct node *c = name;                                                     \
    long v = c->v;                                                             \
    name = c->next;                                                            \
    free(c);                                                                   \
    return v;                                                                  \
  }

STACK(es)
STACK(ks)
STACK(ps)
STACK(os)
STACK(hs)
STACK(ds)
STACK(cs)
STACK(rs)

static struct node *last; /* kept's second global */
static volatile int stop, count = 4;
static volatile long ticks;

/* touch: a call in each loop that reads the heads, so LLVM keeps each
 * push's store of its head (as when the loop calls other code) */
__attribute__((noinline)) static void touch(void) {
  ticks += !es + !ks + !ps + !os + !hs + !ds + !cs + !rs;
}

/* early: returns with its nodes on the stack when stop is set */
__attribute__((noinline)) static long early(int n) {
  long s = 0;
  while (es)
    s += es_pop();
  for (int i = 0; i < n; i++) {
    es_push(i);
    touch();
  }
  if (stop)
    return s;
  while (es)
    s += es_pop();
  return s;
}

__attribute__((noinline)) static long kept(int n) {
  for (int i = 0; i < n; i++) {
    ks_push(i);
    last = ks;
    touch();
  }
  long s = last->v;
  while (ks)
    ks_pop();
  return s;
}

__attribute__((noinline)) static struct node *peek(void) { return ps; }

__attribute__((noinline)) static long peeked(int n) {
  for (int i = 0; i < n; i++) {
    ps_push(i);
    touch();
  }
  long s = peek()->v;
  while (ps)
    ps_pop();
  return s;
}

/* outer: a new node linked below the top one, into a node older than it */
__attribute__((noinline)) static long outer(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    os_push(i);
    if (os->next) {
      struct node *c = malloc(sizeof *c);
      c->v = 1;
      c->next = os->next->next;
      os->next->next = c;
    }
    touch();
  }
  while (os)
    s += os_pop();
  return s;
}

/* helped: its pops hand the node to drop, which frees it */
__attribute__((noinline)) static void drop(struct node *c) { free(c); }

__attribute__((noinline)) static long helped(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    hs_push(i);
    touch();
  }
  while (hs) {
    struct node *c = hs;
    hs = c->next;
    s += c->v;
    drop(c);
  }
  return s;
}

__attribute__((noinline)) static long deep(int n) {
  ds_push(n);
  touch();
  long s = n > 0 ? deep(n - 1) : 0;
  while (ds)
    s += ds_pop();
  return s;
}

/* compared: the top node handed to memcmp */
__attribute__((noinline)) static long compared(int n) {
  for (int i = 0; i < n; i++) {
    cs_push(i);
    touch();
  }
  struct node copy = {cs->v, cs->next};
  long s = memcmp(&copy, cs, sizeof copy) == 0;
  while (cs)
    s += cs_pop();
  return s;
}

/* regioned: each round builds a list of its own, given back when the loop
 * starts again (a loop region), and pushes a node, which that release
 * would take too */
__attribute__((noinline)) static long regioned(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    struct node *list = 0;
    for (int j = 0; j <= i; j++) {
      struct node *c = malloc(sizeof *c);
      c->v = j;
      c->next = list;
      list = c;
      touch();
    }
    rs_push(i * 10);
    touch();
    while (list) {
      struct node *c = list;
      list = c->next;
      s += c->v;
      free(c);
    }
  }
  while (rs)
    s = s * 7 + rs_pop();
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  long sum = 0;
  for (int i = 0; i < 10000 + argc - 1; i++)
    sum += eval("12+d*3k4+p56789++++p1k2*dd**p");
  printf("eval %ld\n", sum);
  long e = early(10);
  stop = 1;
  e += early(10);
  stop = 0;
  e += early(0);
  int n = count;
  printf("early %ld kept %ld peek %ld outer %ld helped %ld deep %ld compared %ld\n", e,
         kept(n), peeked(n), outer(n), helped(n), deep(n), compared(n));
  printf("regioned %ld\n", regioned(n));
  return 0;
}

// Devirt_ops: positive beside negatives. A C table of operations (devirt.c):
// positive() stores a constant table into its own stream, and between that
// store and each call through the table only atomics on the reference count
// touch the stream (LLVM's GVN does not forward a load across an acq_rel
// atomic), so the calls resolve, put and close are inlined, close's free
// with them, and the stream moves to the stack. Negatives, whose output
// shows the table that really ran: a put that switches the table (switched:
// its second put doubles), a table chosen on a branch, a table in a
// variable global that main changes first, a stream whose address is in a
// global when a callee switches its table (also when the stream is made
// after an early return, which a review found resolved wrongly), and a
// stream made by another function.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: positive 112
// OUT-NEXT: switched 152
// OUT-NEXT: branched 101 61
// OUT-NEXT: variable 101
// OUT-NEXT: published 101
// OUT-NEXT: late 101
// OUT-NEXT: made 51
// OUT-NEXT: exit status: 0
// CHECK: Devirt_ops.c:62:22: malloc(24) escapes to heap
// CHECK-NEXT: Devirt_ops.c:85:22: malloc(24) does not escape
// CHECK-NEXT: Devirt_ops.c:98:22: malloc(24) escapes to heap
// CHECK-NEXT: Devirt_ops.c:108:22: malloc(24) escapes to heap
// CHECK-NEXT: Devirt_ops.c:114:22: malloc(24) escapes to heap
// CHECK-NEXT: Devirt_ops.c:120:22: malloc(24) escapes to heap
// CHECK-NEXT: Devirt_ops.c:133:22: malloc(24) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct stream;
struct ops {
  int (*put)(struct stream *, int);
  void (*close)(struct stream *);
};
struct stream {
  const struct ops *ops;
  int refs, n, sum;
};
static void retain(struct stream *s) { __atomic_fetch_add(&s->refs, 1, __ATOMIC_RELAXED); }
static int release(struct stream *s) { return __atomic_sub_fetch(&s->refs, 1, __ATOMIC_ACQ_REL) == 0; }

static int put_plain(struct stream *s, int c) { s->n++; s->sum += c; return c; }
static int put_double(struct stream *s, int c) { s->n++; s->sum += 2 * c; return c; }
static void close_free(struct stream *s) { free(s); }
static const struct ops plain_ops = {put_plain, close_free};
static const struct ops double_ops = {put_double, close_free};
struct ops live_ops = {put_plain, close_free};

static __attribute__((noinline)) int put_switch(struct stream *s, int c) {
  s->ops = &double_ops;
  return put_plain(s, c);
}
static const struct ops switch_ops = {put_switch, close_free};

static struct stream *registered;
static __attribute__((noinline)) void retable(void) { registered->ops = &double_ops; }

static __attribute__((noinline)) struct stream *make(const struct ops *o) {
  struct stream *s = malloc(sizeof *s);
  s->ops = o;
  s->n = s->sum = 0;
  return s;
}

/* open_stream and close_stream are inlined (always_inline), so each test's
 * stream is its own allocation; close_stream's result shows which put ran. */
static inline __attribute__((always_inline)) struct stream *open_stream(const struct ops *o) {
  struct stream *s = malloc(sizeof *s);
  s->ops = o;
  s->refs = 1;
  s->n = s->sum = 0;
  return s;
}

static inline __attribute__((always_inline)) int close_stream(struct stream *s) {
  int r = s->sum * 10 + s->n;
  s->ops->close(s);
  return r;
}

static __attribute__((noinline)) int positive(int k) {
  struct stream *s = open_stream(&plain_ops);
  retain(s);
  s->ops->put(s, k);
  if (release(s))
    s->ops->close(s);
  s->ops->put(s, k + 1);
  int r = s->sum * 10 + s->n;
  if (release(s))
    s->ops->close(s);
  return r;
}

static __attribute__((noinline)) int switched(int k) {
  struct stream *s = open_stream(&switch_ops);
  retain(s);
  s->ops->put(s, k);
  if (release(s))
    s->ops->close(s);
  s->ops->put(s, k);
  return close_stream(s);
}

static __attribute__((noinline)) int branched(int k) {
  struct stream *s = open_stream(k & 1 ? &double_ops : &plain_ops);
  s->ops->put(s, k);
  return close_stream(s);
}

static __attribute__((noinline)) int variable(int k) {
  struct stream *s = open_stream(&live_ops);
  s->ops->put(s, k);
  return close_stream(s);
}

static __attribute__((noinline)) int published(int k) {
  struct stream *s = open_stream(&plain_ops);
  registered = s;
  retable();
  s->ops->put(s, k);
  registered = NULL;
  return close_stream(s);
}

/* The stream is made after an early return and registered before its
 * table is stored; retable switches the table through the global. */
static __attribute__((noinline)) int late(int k) {
  if (k > 100)
    return -1;
  struct stream *s = malloc(sizeof *s);
  s->n = s->sum = 0;
  registered = s;
  if (k > 50)
    puts("big");
  s->ops = &plain_ops;
  retable();
  s->ops->put(s, k);
  registered = NULL;
  return close_stream(s);
}

static __attribute__((noinline)) int made(int k) {
  struct stream *s = make(&plain_ops);
  s->ops->put(s, k);
  return close_stream(s);
}

int main(int argc, char **argv) {
  (void)argv;
  int k = argc + 4;
  live_ops.put = put_double;
  printf("positive %d\n", positive(k));
  printf("switched %d\n", switched(k));
  printf("branched %d %d\n", branched(k), branched(k + 1));
  printf("variable %d\n", variable(k));
  printf("published %d\n", published(k));
  printf("late %d\n", late(k));
  printf("made %d\n", made(k));
  return 0;
}

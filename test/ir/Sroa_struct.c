// Scalar replacement after the rewrite: small objects accessed at known
// offsets leave no memory traffic at all. At -O1, LLVM alone keeps each of
// these malloc'd structs in memory (the plain run: the allocation, its loads and
// stores); with the plugin the object becomes an alloca that the cleanup's
// SROA turns into SSA values: no alloca, load, store, malloc or free is left
// in either function. The negative: an object indexed at a run-time offset
// moves to the stack but keeps its memory (SROA needs known offsets).
// RUN: %clang -O1 -S -emit-llvm %escape-flags %s -o - | FileCheck %s
// RUN: %clang -O1 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=PLAIN
#include <stdlib.h>

struct fib { long a, b; };

// CHECK-LABEL: define{{.*}} i64 @fib(
// CHECK-NOT:     {{alloca|load|store|@malloc|@free}}
// CHECK:         ret i64
// PLAIN-LABEL: define{{.*}} i64 @fib(
// PLAIN:         call {{.*}}@malloc(i64 noundef 16)
// PLAIN:         store i64
// PLAIN:         load i64
// PLAIN:         call void @free(
long fib(int n) {
  struct fib *s = malloc(sizeof *s);
  s->a = 0;
  s->b = 1;
  for (int i = 0; i < n; i++) {
    long t = s->a + s->b;
    s->a = s->b;
    s->b = t;
  }
  long r = s->a;
  free(s);
  return r;
}

struct counts { int digits, letters, spaces, other; };

// CHECK-LABEL: define{{.*}} i32 @classify(
// CHECK-NOT:     {{alloca|store|@calloc|@free}}
// CHECK-NOT:     load i32
// CHECK:         ret i32
// PLAIN-LABEL: define{{.*}} i32 @classify(
// PLAIN:         call {{.*}}@calloc(i64 noundef 1, i64 noundef 16)
// PLAIN:         load i32
// PLAIN:         store i32
int classify(const char *s) {
  struct counts *c = calloc(1, sizeof *c);
  for (; *s; s++) {
    if (*s >= '0' && *s <= '9')
      c->digits++;
    else if ((*s | 32) >= 'a' && (*s | 32) <= 'z')
      c->letters++;
    else if (*s == ' ')
      c->spaces++;
    else
      c->other++;
  }
  int r = c->digits * 1000000 + c->letters * 10000 + c->spaces * 100 + c->other;
  free(c);
  return r;
}

// CHECK-LABEL: define{{.*}} i32 @histogram(
// CHECK:         alloca [32 x i8], align 16
// CHECK-NOT:     @malloc
// CHECK:         ret i32
int histogram(const unsigned char *s) {
  int *h = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    h[i] = 0;
  for (; *s; s++)
    h[*s & 7]++;
  int best = 0;
  for (int i = 1; i < 8; i++)
    if (h[i] > h[best])
      best = i;
  free(h);
  return best;
}

// Guard_unbounded: positives beside negatives. A run-time size that nothing
// bounds (here a width read from a volatile, as from the command line)
// gets the largest buffer a range may, 4 KiB, instead of the 256-byte
// default (solve.c guard_unbounded): rows' 240 rows of 320 bytes and many's
// 200,000 objects of up to 4 KiB all use it, one run after another.
// growing crosses the 4 KiB limit (5000 and 4097 bytes take the heap path)
// and checks each object's bytes after a call; either's free is given the
// object or a heap block. Negatives: a buffer kept in a global, one
// returned, and the previous run's buffer read in the next run (live
// across iterations: with one buffer for both runs it would read the new
// bytes). Heap allocations: 200,331 plain; 56 with the plugin (growing's 2,
// kept's 2, made's 1, previous's 50, stdout's buffer); with the default
// buffer only (-escape-guard-unbounded=false) the sizes over 256 bytes
// take the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -F 'guarded' | FileCheck %s --match-full-lines
// RUN: %report -m=1 %s | grep -F 'escapes' | FileCheck %s --check-prefix=HEAP --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=COUNT-OFF --match-full-lines
// OUT: rows 39141864
// OUT-NEXT: growing 483760
// OUT-NEXT: many 50935124
// OUT-NEXT: either 195 195
// OUT-NEXT: kept k made 319
// OUT-NEXT: previous 1177225
// OUT-NEXT: exit status: 0
// CHECK: Guard_unbounded.c:58:26:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// CHECK-NEXT: Guard_unbounded.c:77:24:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// CHECK-NEXT: Guard_unbounded.c:101:24:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// CHECK-NEXT: Guard_unbounded.c:114:15:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// CHECK-NEXT: Guard_unbounded.c:114:35:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// HEAP: Guard_unbounded.c:129:12: malloc(n) escapes to heap
// HEAP-NEXT: Guard_unbounded.c:134:13: malloc(n) escapes to heap
// HEAP-NEXT: Guard_unbounded.c:144:24: malloc(n) escapes to heap
// COUNT: plain: 200331
// COUNT-NEXT: escape: 56
// COUNT-OFF: plain: 200331
// COUNT-OFF-NEXT: escape: 187711
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int width = 320, most = 4096;
char *g_kept;

__attribute__((noinline)) static long sum(const unsigned char *p, size_t n) {
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * (long)(i % 7 + 1);
  return s;
}

// rows: one row buffer of the image's width per row (bench/image.c's shape).
__attribute__((noinline)) static long rows(size_t w, int h) {
  long acc = 0;
  for (int y = 0; y < h; y++) {
    unsigned char *row = malloc(w);
    if (!row)
      exit(2);
    for (size_t x = 0; x < w; x++)
      row[x] = (unsigned char)(x * 3 + y);
    acc += sum(row, w);
    free(row);
  }
  return acc;
}

// growing: sizes that grow past 256 bytes, past the buffer (heap), and
// back; each object's bytes are checked after a call that may clobber
// stack memory the buffer does not own.
__attribute__((noinline)) static long growing(void) {
  static const size_t sizes[] = {10, 100, 1000, 3000, 4096, 5000, 2000, 4097, 1, 0, 64};
  long acc = 0;
  for (unsigned k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t n = sizes[k] + (size_t)width - 320;
    unsigned char *p = malloc(n);
    if (!p && n)
      exit(2);
    memset(p, (int)(k + 1), n);
    acc += sum(p, n) + rows(16, 2);
    for (size_t i = 0; i < n; i++)
      if (p[i] != (unsigned char)(k + 1)) {
        printf("growing: byte %zu of size %zu changed\n", i, n);
        exit(1);
      }
    free(p);
  }
  return acc;
}

// many: 200,000 runs of sizes up to 4 KiB in one call, one buffer for
// all (each object is dead before the next run; the harness also runs the
// program on a 128 KiB thread stack).
__attribute__((noinline)) static long many(int runs) {
  long acc = 0;
  uint32_t r = 7;
  for (int i = 0; i < runs; i++) {
    r = r * 1103515245u + 12345u;
    size_t n = (r >> 8) % (size_t)most + 1;
    unsigned char *p = malloc(n);
    if (!p)
      exit(2);
    p[0] = (unsigned char)i;
    p[n - 1] = (unsigned char)(i >> 3);
    acc += p[0] + p[n - 1];
    free(p);
  }
  return acc;
}

// either: the free may be given the object or a heap block (a mixed free).
__attribute__((noinline)) static long either(size_t n, int mine) {
  char *own = malloc(n), *given = malloc(n + 1);
  if (!own || !given)
    exit(2);
  memset(own, 'a', n);
  memset(given, 'b', n + 1);
  long s = own[n - 1] + given[n];
  free(mine ? own : given);
  free(mine ? given : own);
  return s;
}

// Negatives: kept in a global, returned, and the previous run's object read
// in the next run (live across iterations): all stay on the heap.
__attribute__((noinline)) static void kept(size_t n) {
  free(g_kept);
  g_kept = malloc(n);
  memset(g_kept, 'k', n);
}

__attribute__((noinline)) static char *made(size_t n) {
  char *p = malloc(n);
  memset(p, 'm', n);
  p[n - 1] = 0;
  return p;
}

__attribute__((noinline)) static long previous(size_t n, int runs) {
  unsigned char *prev = NULL;
  long acc = 0;
  for (int i = 0; i < runs; i++) {
    unsigned char *p = malloc(n);
    if (!p)
      exit(2);
    memset(p, i, n);
    if (prev)
      acc += prev[n / 2] * 1000 + p[0];
    free(prev);
    prev = p;
  }
  free(prev);
  return acc;
}

int main(void) {
  size_t w = (size_t)width;
  printf("rows %ld\n", rows(w, 240));
  printf("growing %ld\n", growing());
  printf("many %ld\n", many(200000));
  printf("either %ld %ld\n", either(w, 1), either(w, 0));
  kept(w);
  kept(w + 5);
  char *m = made(w);
  printf("kept %c made %zu\n", g_kept[w + 4], strlen(m));
  free(m);
  printf("previous %ld\n", previous(w, 50));
  return 0;
}

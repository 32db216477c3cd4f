// Guard_range: a positive beside a negative. A run-time size bounded by
// LLVM's value ranges gets a guarded buffer of its largest value
// (solve.c size_bound): matrices is bench/kernel.c's shape, an order
// n = 4 + r % 9 and an n * (n + 1) matrix of doubles, at most 1248 bytes, so
// every one of its 900 matrices is on the stack (with the default 256-byte
// buffer, all but those of order 4 and 5 went to the heap). Negative: rows'
// width comes from the command line, bounded by nothing, so no range sizes
// it: with -escape-guard-unbounded=false its 300 rows of 319 or more bytes
// stay on the heap, past the default buffer; by default the site gets the
// 4 KiB of a size with no bound instead (test/exec/Guard_unbounded.c).
// (The one more allocation in each count is printf's buffer.)
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s -mllvm -escape-guard-unbounded=false | grep -F 'guarded' | FileCheck %s --match-full-lines
// RUN: %report -m=2 %s | grep -F 'guarded' | FileCheck %s --check-prefix=SIZED --match-full-lines
// RUN: %count %s -- -mllvm -escape-guard-unbounded=false | FileCheck %s --check-prefix=COUNT --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT-SIZED --match-full-lines
// OUT: matrices 33742500.0
// OUT-NEXT: rows 10713934
// OUT-NEXT: exit status: 0
// CHECK: Guard_range.c:37:17:   guarded: a 1248-byte stack buffer, the size's largest value, the heap when the run-time size is larger
// CHECK-NEXT: Guard_range.c:52:26:   guarded: a 256-byte stack buffer, the heap when the run-time size is larger
// SIZED: Guard_range.c:37:17:   guarded: a 1248-byte stack buffer, the size's largest value, the heap when the run-time size is larger
// SIZED-NEXT: Guard_range.c:52:26:   guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// COUNT: plain: 1201
// COUNT-NEXT: escape: 301
// COUNT-SIZED: plain: 1201
// COUNT-SIZED-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static double matrices(long reps) {
  double acc = 0;
  for (long r = 0; r < reps; r++) {
    int n = 4 + (int)(r % 9);
    size_t cells = (size_t)n * (size_t)(n + 1);
    double *m = malloc(cells * sizeof *m);
    if (!m)
      exit(2);
    for (size_t i = 0; i < cells; i++)
      m[i] = (double)i * 0.5 + (double)r;
    for (size_t i = 0; i < cells; i++)
      acc += m[i];
    free(m);
  }
  return acc;
}

__attribute__((noinline)) static long rows(size_t w, int reps) {
  long acc = 0;
  for (int r = 0; r < reps; r++) {
    unsigned char *row = malloc(w);
    if (!row)
      exit(2);
    memset(row, r & 255, w);
    for (size_t i = 0; i < w; i++)
      acc += row[i];
    free(row);
  }
  return acc;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("matrices %.1f\n", matrices(900));
  printf("rows %ld\n", rows((size_t)(318 + argc), 300));
  return 0;
}

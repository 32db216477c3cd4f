/* msort.c — merge sort with a temporary merge buffer.
 *   clang-19 -O2 msort.c -o msort && ./msort [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND msort.c ...   the hand-written variant: a stack buffer
 * Sorts many short arrays of records (a key and a payload) with a stable
 * top-down merge sort. The entry point allocates a merge buffer the size of its
 * input (a run-time size, as every library merge sort does) and hands it to
 * the recursive worker; small runs are finished by insertion sort. Batches of
 * a fixed size are also merged pairwise through a constant-size buffer.
 * Self-check: every output is sorted, stable, and a permutation of its input
 * (same key and payload sums). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 256
#define BATCH 32

struct rec {
  int key;
  int payload;
};

static uint32_t seed = 5;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static void insertion(struct rec *a, size_t n) {
  for (size_t i = 1; i < n; i++) {
    struct rec r = a[i];
    size_t j = i;
    for (; j > 0 && a[j - 1].key > r.key; j--) a[j] = a[j - 1];
    a[j] = r;
  }
}

/* merge merges the sorted runs a[0, mid) and a[mid, n) through tmp. */
static void merge(struct rec *a, size_t mid, size_t n, struct rec *tmp) {
  size_t i = 0, j = mid, k = 0;
  while (i < mid && j < n) tmp[k++] = a[j].key < a[i].key ? a[j++] : a[i++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}

static void sort_rec(struct rec *a, size_t n, struct rec *tmp) {
  if (n <= 12) {
    insertion(a, n);
    return;
  }
  size_t mid = n / 2;
  sort_rec(a, mid, tmp);
  sort_rec(a + mid, n - mid, tmp);
  merge(a, mid, n, tmp);
}

/* merge_sort sorts a[0, n) by key, stably. */
static void merge_sort(struct rec *a, size_t n) {
#ifdef HAND
  struct rec small[MAX_N];
  struct rec *tmp = n <= MAX_N ? small : malloc(n * sizeof *tmp);
#else
  struct rec *tmp = malloc(n * sizeof *tmp);
#endif
  if (!tmp) exit(2);
  sort_rec(a, n, tmp);
#ifdef HAND
  if (tmp != small) free(tmp);
#else
  free(tmp);
#endif
}

/* merge_batches merges two sorted batches of BATCH records into out. */
static void merge_batches(const struct rec *x, const struct rec *y, struct rec *out) {
#ifdef HAND
  struct rec both[2 * BATCH];
#else
  struct rec *both = malloc(2 * BATCH * sizeof *both);
  if (!both) exit(2);
#endif
  memcpy(both, x, BATCH * sizeof *x);
  memcpy(both + BATCH, y, BATCH * sizeof *y);
  merge(both, BATCH, 2 * BATCH, out);
  memcpy(out, both, 2 * BATCH * sizeof *out);
#ifndef HAND
  free(both);
#endif
}

static int check_sorted(const struct rec *a, size_t n, long keys, long payloads) {
  for (size_t i = 1; i < n; i++)
    if (a[i - 1].key > a[i].key ||
        (a[i - 1].key == a[i].key && a[i - 1].payload > a[i].payload))
      return 0;
  for (size_t i = 0; i < n; i++) {
    keys -= a[i].key;
    payloads -= a[i].payload;
  }
  return keys == 0 && payloads == 0;
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 30000;
  struct rec a[MAX_N], b[2 * BATCH];
  uint64_t check = 0;
  for (long r = 0; r < reps; r++) {
    size_t n = 16 + next_random() % (MAX_N - 16);
    long keys = 0, payloads = 0;
    for (size_t i = 0; i < n; i++) {
      a[i].key = (int)(next_random() % 64); /* many equal keys: stability matters */
      a[i].payload = (int)i;
      keys += a[i].key;
      payloads += (long)i;
    }
    merge_sort(a, n);
    if (!check_sorted(a, n, keys, payloads)) {
      printf("msort: FAILED on array %ld\n", r);
      return 1;
    }
    merge_sort(a, BATCH);
    merge_sort(a + BATCH, BATCH);
    merge_batches(a, a + BATCH, b);
    for (size_t i = 1; i < 2 * BATCH; i++)
      if (b[i - 1].key > b[i].key) {
        printf("msort: FAILED merging batches %ld\n", r);
        return 1;
      }
    check = check * 1000003 + (uint64_t)a[n / 2].key * 7 + (uint64_t)b[BATCH].payload;
  }
  printf("msort: ok, %ld arrays, checksum %016llx\n", reps, (unsigned long long)check);
  return 0;
}

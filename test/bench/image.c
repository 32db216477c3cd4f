/* image.c — an image filter with a per-row scratch buffer.
 *   clang-19 -O2 image.c -o image && ./image [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND image.c ...   the hand-written variant: stack buffers
 * Applies a separable blur to a grey image: each row is convolved through a
 * scratch row allocated per row (its width is a run-time value, as an image's
 * is), and every pixel's 3x3 neighbourhood is sorted in a small constant-size
 * scratch array for a median filter. Self-check: a constant image is left
 * unchanged by both filters, and the blurred image's mean stays within 1 of the
 * original's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_W 512
#define TAPS 5

static uint32_t seed = 2024;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static const int taps[TAPS] = {1, 4, 6, 4, 1}; /* sum 16 */

/* blur_rows convolves each row of the w x h image in place. */
static void blur_rows(unsigned char *img, int w, int h) {
  for (int y = 0; y < h; y++) {
    unsigned char *row = img + (size_t)y * (size_t)w;
#ifdef HAND
    unsigned char scratch_small[MAX_W];
    unsigned char *scratch = w <= MAX_W ? scratch_small : malloc((size_t)w);
#else
    unsigned char *scratch = malloc((size_t)w);
#endif
    if (!scratch) exit(2);
    for (int x = 0; x < w; x++) {
      int s = 0;
      for (int t = 0; t < TAPS; t++) {
        int xx = x + t - TAPS / 2;
        xx = xx < 0 ? 0 : xx >= w ? w - 1 : xx;
        s += taps[t] * row[xx];
      }
      scratch[x] = (unsigned char)((s + 8) / 16);
    }
    memcpy(row, scratch, (size_t)w);
#ifdef HAND
    if (scratch != scratch_small) free(scratch);
#else
    free(scratch);
#endif
  }
}

/* median3 returns the median of the 3x3 neighbourhood of (x, y). */
static unsigned char median3(const unsigned char *img, int w, int h, int x, int y) {
#ifdef HAND
  unsigned char v[9];
#else
  unsigned char *v = malloc(9);
  if (!v) exit(2);
#endif
  int n = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++) {
      int xx = x + dx < 0 ? 0 : x + dx >= w ? w - 1 : x + dx;
      int yy = y + dy < 0 ? 0 : y + dy >= h ? h - 1 : y + dy;
      v[n++] = img[(size_t)yy * (size_t)w + (size_t)xx];
    }
  for (int i = 1; i < 9; i++) /* insertion sort */
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
      unsigned char t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  unsigned char m = v[4];
#ifndef HAND
  free(v);
#endif
  return m;
}

static void median_filter(const unsigned char *in, unsigned char *out, int w, int h) {
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) out[(size_t)y * (size_t)w + (size_t)x] = median3(in, w, h, x, y);
}

static long mean_times_n(const unsigned char *img, size_t n) {
  long s = 0;
  for (size_t i = 0; i < n; i++) s += img[i];
  return s;
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 40;
  int w = 320, h = 240;
  if (argc > 2) w = atoi(argv[2]);
  size_t n = (size_t)w * (size_t)h;
  unsigned char *img = malloc(n), *out = malloc(n);
  if (!img || !out) return 2;
  memset(img, 77, n);
  blur_rows(img, w, h);
  median_filter(img, out, w, h);
  for (size_t i = 0; i < n; i++)
    if (img[i] != 77 || out[i] != 77) {
      printf("image: FAILED on a constant image at %zu\n", i);
      return 1;
    }
  uint64_t check = 0;
  for (long r = 0; r < reps; r++) {
    for (size_t i = 0; i < n; i++) img[i] = (unsigned char)(next_random() % 256);
    long before = mean_times_n(img, n);
    blur_rows(img, w, h);
    long after = mean_times_n(img, n);
    if (labs(after - before) > (long)n) {
      printf("image: FAILED, mean moved from %ld to %ld\n", before / (long)n, after / (long)n);
      return 1;
    }
    median_filter(img, out, w, h);
    for (size_t i = 0; i < n; i += 97) check = check * 257 + out[i];
  }
  free(out);
  free(img);
  printf("image: ok, %ld images, checksum %016llx\n", reps, (unsigned long long)check);
  return 0;
}

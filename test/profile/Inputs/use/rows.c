// rows.c: an image filtered row by row; each row (3 bytes a pixel) is a
// run-time-sized scratch buffer, 3 KiB at the default width of 1024.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static unsigned long filter_row(const unsigned char *img, int w,
                                                          int y) {
  size_t n = (size_t)w * 3;
  unsigned char *row = malloc(n);
  memcpy(row, img + (size_t)y * n, n);
  unsigned long s = 0;
  for (size_t x = 1; x + 1 < n; x++)
    s += (row[x - 1] + 2u * row[x] + row[x + 1]) / 4;
  free(row);
  return s;
}

int main(int argc, char **argv) {
  int w = argc > 1 ? atoi(argv[1]) : 1024, h = 64;
  unsigned char *img = malloc((size_t)w * 3 * h);
  for (size_t i = 0; i < (size_t)w * 3 * h; i++)
    img[i] = (unsigned char)(i * 7 + i / 13);
  unsigned long sum = 0;
  for (int y = 0; y < h; y++)
    sum += filter_row(img, w, y);
  free(img);
  printf("rows %d x %d: %lu\n", w, h, sum);
  return 0;
}

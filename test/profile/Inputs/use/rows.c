// rows.c: an image filtered row by row; each row (3 bytes a pixel) is a
// run-time-sized scratch buffer: 3 KiB at width 1024.  With an argument,
// one image of that width; without, widths 1024 and 1500 (4500-byte rows).
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

__attribute__((noinline)) static void image(int w) {
  int h = 64;
  unsigned char *img = malloc((size_t)w * 3 * h);
  for (size_t i = 0; i < (size_t)w * 3 * h; i++)
    img[i] = (unsigned char)(i * 7 + i / 13);
  unsigned long sum = 0;
  for (int y = 0; y < h; y++)
    sum += filter_row(img, w, y);
  free(img);
  printf("rows %d x %d: %lu\n", w, h, sum);
}

int main(int argc, char **argv) {
  if (argc > 1) {
    image(atoi(argv[1]));
    return 0;
  }
  image(1024);
  image(1500);
  return 0;
}

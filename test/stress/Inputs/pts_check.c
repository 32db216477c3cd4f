/* pts_check.c — the points-to sets of pass/pts.c against a plain array of
 * flags, under random adds, unions (with and without a drop mask) and
 * differences, for several bitset widths: every query (has, next, empty)
 * must agree, a union must say whether it grew, a difference (a minus b)
 * must hold just that, and the running byte total must equal the sum of
 * the sets' own sizes.  Prints one line per width; exits 1 on the first
 * disagreement. */
#include "pts.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SETS = 24 };

static unsigned long long rng = 88172645463325252ULL;
static unsigned next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng >> 11);
}

static int fail(const char *what, int words, long op) {
  printf("FAIL: %s (words %d, operation %ld)\n", what, words, op);
  exit(1);
}

static void agree(const esc_pts *s, const unsigned char *ref, int nobjs, int words, long op) {
  int expect = -1, count = 0;
  for (int o = nobjs - 1; o >= 0; o--)
    if (ref[o])
      expect = o, count++;
  if (esc_pts_empty(s, words) != (count == 0))
    fail("empty", words, op);
  for (int o = 0; o < nobjs; o++)
    if (esc_pts_has(s, o) != ref[o])
      fail("has", words, op);
  int seen = 0;
  for (int o = esc_pts_next(s, words, 0); o >= 0; o = esc_pts_next(s, words, o + 1)) {
    if (o != expect)
      fail("next", words, op);
    seen++;
    expect = -1;
    for (int p = o + 1; p < nobjs && expect < 0; p++)
      if (ref[p])
        expect = p;
  }
  if (seen != count || expect != -1)
    fail("next (count)", words, op);
}

static long run(int words, long ops) {
  int nobjs = 64 * words;
  esc_pts sets[SETS];
  unsigned char *ref = calloc((size_t)SETS * nobjs, 1);
  uint64_t *drop = calloc((size_t)words, sizeof *drop);
  memset(sets, 0, sizeof sets);
  size_t bytes = 0;
  for (int o = 0; o < nobjs; o++)
    if (next_rand() % 4 == 0)
      esc_bit_set(drop, o);
  for (long op = 0; op < ops; op++) {
    int a = (int)(next_rand() % SETS), b = (int)(next_rand() % SETS);
    unsigned char *ra = ref + (size_t)a * nobjs, *rb = ref + (size_t)b * nobjs;
    unsigned kind = next_rand() % 11;
    if (kind < 5) { /* add, mostly among a few objects so that sets overlap */
      int o = (int)(next_rand() % (kind < 3 ? (unsigned)nobjs : 8u));
      int grew = esc_pts_add(&sets[a], o, words, &bytes);
      if (grew != !ra[o])
        fail("add's result", words, op);
      ra[o] = 1;
    } else if (kind < 9) { /* union, with the drop mask half the time */
      const uint64_t *d = kind < 7 ? drop : NULL;
      int expect = 0;
      for (int o = 0; o < nobjs; o++)
        if (rb[o] && !(d && esc_bit_get(d, o)) && !ra[o] && a != b)
          expect = 1;
      int grew = esc_pts_union(&sets[a], &sets[b], d, words, &bytes);
      if (grew != expect)
        fail("union's result", words, op);
      if (a != b)
        for (int o = 0; o < nobjs; o++)
          if (rb[o] && !(d && esc_bit_get(d, o)))
            ra[o] = 1;
    } else if (kind == 9) { /* a visit's new part: a minus b, in a set of its own */
      esc_pts out;
      memset(&out, 0, sizeof out);
      size_t out_bytes = 0;
      esc_pts_minus(&out, &sets[a], &sets[b], words, &out_bytes);
      unsigned char *rm = calloc((size_t)nobjs, 1);
      for (int o = 0; o < nobjs; o++)
        rm[o] = ra[o] && !rb[o];
      agree(&out, rm, nobjs, words, op);
      if (out_bytes != esc_pts_bytes(&out, words))
        fail("minus's bytes", words, op);
      esc_pts_free(&out, words, &out_bytes);
      if (out_bytes != 0)
        fail("minus's bytes after free", words, op);
      free(rm);
    } else if (next_rand() % 8 == 0) { /* now and then start a set over */
      esc_pts_free(&sets[a], words, &bytes);
      memset(ra, 0, (size_t)nobjs);
    }
    agree(&sets[a], ra, nobjs, words, op);
    size_t sum = 0;
    for (int k = 0; k < SETS; k++)
      sum += esc_pts_bytes(&sets[k], words);
    if (sum != bytes)
      fail("byte total", words, op);
  }
  for (int k = 0; k < SETS; k++)
    esc_pts_free(&sets[k], words, &bytes);
  if (bytes != 0)
    fail("bytes after free", words, ops);
  free(ref);
  free(drop);
  return ops;
}

int main(void) {
  const int widths[] = {1, 2, 3, 7, 40};
  for (size_t i = 0; i < sizeof widths / sizeof *widths; i++)
    printf("words %d: %ld operations agree\n", widths[i], run(widths[i], 20000));
  return 0;
}

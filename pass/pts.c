/* pts.c — points-to sets: sorted arrays that turn into bitsets (pts.h). */
#include "pts.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* lower: the first position of s's sorted elements not below obj. */
static int lower(const esc_pts *s, int obj) {
  int lo = 0, hi = s->n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (s->elems[mid] < obj)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int dropped(const uint64_t *drop, int obj) { return drop && esc_bit_get(drop, obj); }

/* The sorted form holds fewer than 2 * words elements: at that many it
 * would take the bitset's bytes, and becomes the bitset. */
static int sorted_limit(int words) { return 2 * words; }

static void to_dense(esc_pts *s, int words, size_t *bytes) {
  uint64_t *bits = esc_alloc((size_t)words * sizeof *bits);
  for (int i = 0; i < s->n; i++)
    esc_bit_set(bits, s->elems[i]);
  *bytes += (size_t)words * sizeof *bits;
  *bytes -= (size_t)s->cap * sizeof *s->elems;
  free(s->elems);
  s->elems = NULL;
  s->n = s->cap = 0;
  s->bits = bits;
}

static void reserve(esc_pts *s, int need, int words, size_t *bytes) {
  if (need <= s->cap)
    return;
  int cap = s->cap ? s->cap : 2;
  while (cap < need)
    cap *= 2;
  if (cap > sorted_limit(words))
    cap = sorted_limit(words);
  s->elems = esc_grow(s->elems, (size_t)cap * sizeof *s->elems);
  *bytes += (size_t)(cap - s->cap) * sizeof *s->elems;
  s->cap = cap;
}

/* One word: the set is s->word, whatever else the fields say. */
#define ONE(words) ((words) == 1)

int esc_pts_has(const esc_pts *s, int obj) {
  /* Without `words`: a one-word set has no elements and no bitset, and an
   * empty set of more words has word 0. */
  if (s->n == 0 && !s->bits)
    return obj < 64 && ((s->word >> obj) & 1);
  if (s->bits)
    return esc_bit_get(s->bits, obj);
  int i = lower(s, obj);
  return i < s->n && s->elems[i] == obj;
}

int esc_pts_add(esc_pts *s, int obj, int words, size_t *bytes) {
  if (ONE(words)) {
    uint64_t m = (uint64_t)1 << obj;
    int grew = !(s->word & m);
    s->word |= m;
    return grew;
  }
  if (s->bits)
    return esc_bit_set(s->bits, obj);
  int i = lower(s, obj);
  if (i < s->n && s->elems[i] == obj)
    return 0;
  if (s->n + 1 >= sorted_limit(words)) {
    to_dense(s, words, bytes);
    return esc_bit_set(s->bits, obj);
  }
  reserve(s, s->n + 1, words, bytes);
  memmove(&s->elems[i + 1], &s->elems[i], (size_t)(s->n - i) * sizeof *s->elems);
  s->elems[i] = obj;
  s->n++;
  return 1;
}

int esc_pts_next(const esc_pts *s, int words, int from) {
  if (from < 0)
    from = 0;
  if (ONE(words)) {
    uint64_t x = from < 64 ? s->word & (~(uint64_t)0 << from) : 0;
    return x ? __builtin_ctzll(x) : -1;
  }
  if (s->bits)
    return esc_bits_next(s->bits, words, from);
  int i = lower(s, from);
  return i < s->n ? s->elems[i] : -1;
}

int esc_pts_empty(const esc_pts *s, int words) {
  if (ONE(words))
    return s->word == 0;
  return s->bits ? esc_bits_next(s->bits, words, 0) < 0 : s->n == 0;
}

/* into_dense: dst is a bitset; src either form. */
static int into_dense(esc_pts *dst, const esc_pts *src, const uint64_t *drop, int words) {
  int grew = 0;
  if (src->bits) {
    for (int w = 0; w < words; w++) {
      uint64_t v = dst->bits[w] | (src->bits[w] & (drop ? ~drop[w] : ~(uint64_t)0));
      grew |= v != dst->bits[w];
      dst->bits[w] = v;
    }
    return grew;
  }
  for (int i = 0; i < src->n; i++)
    if (!dropped(drop, src->elems[i]))
      grew |= esc_bit_set(dst->bits, src->elems[i]);
  return grew;
}

/* news: how many of src's objects (but drop's) dst lacks, both sorted;
 * a few against many by binary search, so that the work follows src's
 * size (the solver's step count, esc_pts_cost). */
static int news(const esc_pts *dst, const esc_pts *src, const uint64_t *drop) {
  int count = 0;
  if (8 * src->n < dst->n) {
    for (int j = 0; j < src->n; j++)
      count += !dropped(drop, src->elems[j]) && !esc_pts_has(dst, src->elems[j]);
    return count;
  }
  int i = 0;
  for (int j = 0; j < src->n; j++) {
    int x = src->elems[j];
    if (dropped(drop, x))
      continue;
    while (i < dst->n && dst->elems[i] < x)
      i++;
    count += !(i < dst->n && dst->elems[i] == x);
  }
  return count;
}

int esc_pts_union(esc_pts *dst, const esc_pts *src, const uint64_t *drop, int words,
                  size_t *bytes) {
  if (ONE(words)) {
    uint64_t v = dst->word | (src->word & (drop ? ~drop[0] : ~(uint64_t)0));
    int grew = v != dst->word;
    dst->word = v;
    return grew;
  }
  if (dst == src || (!src->bits && src->n == 0))
    return 0;
  /* Into a bitset, or from one (a bitset holds more than a sorted set:
   * it would not fit), word by word. */
  if (dst->bits)
    return into_dense(dst, src, drop, words);
  if (src->bits) {
    to_dense(dst, words, bytes);
    return into_dense(dst, src, drop, words);
  }
  int add = news(dst, src, drop);
  if (!add)
    return 0;
  int m = dst->n + add;
  if (m >= sorted_limit(words)) {
    to_dense(dst, words, bytes);
    return into_dense(dst, src, drop, words);
  }
  /* Merge from the back, so that dst's elements move at most once. */
  reserve(dst, m, words, bytes);
  int a = dst->n - 1, b = src->n - 1, k = m - 1;
  while (b >= 0) {
    int x = src->elems[b];
    if (dropped(drop, x)) {
      b--;
    } else if (a >= 0 && dst->elems[a] >= x) {
      if (dst->elems[a] == x)
        b--;
      dst->elems[k--] = dst->elems[a--];
    } else {
      dst->elems[k--] = x;
      b--;
    }
  }
  dst->n = m;
  return 1;
}

void esc_pts_minus(esc_pts *out, const esc_pts *a, const esc_pts *b, int words,
                   size_t *bytes) {
  if (ONE(words)) {
    out->word = a->word & ~b->word;
    return;
  }
  if (a->bits) {
    out->bits = esc_alloc((size_t)words * sizeof *out->bits);
    *bytes += (size_t)words * sizeof *out->bits;
    for (int w = 0; w < words; w++)
      out->bits[w] = a->bits[w] & (b->bits ? ~b->bits[w] : ~(uint64_t)0);
    if (!b->bits)
      for (int i = 0; i < b->n; i++)
        out->bits[b->elems[i] >> 6] &= ~((uint64_t)1 << (b->elems[i] & 63));
    return;
  }
  reserve(out, a->n, words, bytes);
  int j = 0;
  for (int i = 0; i < a->n; i++) {
    int x = a->elems[i];
    if (b->bits) {
      if (esc_bit_get(b->bits, x))
        continue;
    } else {
      while (j < b->n && b->elems[j] < x)
        j++;
      if (j < b->n && b->elems[j] == x)
        continue;
    }
    out->elems[out->n++] = x;
  }
}

long esc_pts_cost(const esc_pts *s, int words) {
  if (ONE(words))
    return 1;
  return s->bits ? words : s->n ? s->n : 1;
}

size_t esc_pts_bytes(const esc_pts *s, int words) {
  return s->bits ? (size_t)words * sizeof *s->bits : (size_t)s->cap * sizeof *s->elems;
}

void esc_pts_free(esc_pts *s, int words, size_t *bytes) {
  if (bytes)
    *bytes -= esc_pts_bytes(s, words);
  free(s->elems);
  free(s->bits);
  memset(s, 0, sizeof *s);
}

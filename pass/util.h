/* util.h — small containers for the C core: growable arrays, a pointer map,
 * a 64-bit set, bitsets.  No LLVM here. */
#ifndef ESC_UTIL_H
#define ESC_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *esc_alloc(size_t n);            /* zeroed; out of memory ends the process */
void *esc_grow(void *p, size_t n);    /* realloc that never returns NULL */
char *esc_strdup(const char *s);

/* ESC_PUSH appends x to the growable array (a, n, cap). */
#define ESC_PUSH(a, n, cap, x)                                                 \
  do {                                                                         \
    if ((n) == (cap)) {                                                        \
      (cap) = (cap) ? 2 * (cap) : 8;                                           \
      (a) = esc_grow((a), (size_t)(cap) * sizeof *(a));                        \
    }                                                                          \
    (a)[(n)++] = (x);                                                          \
  } while (0)

/* esc_ptrmap maps pointers (LLVM values) to non-negative ints. */
typedef struct esc_ptrmap {
  const void **keys;
  int *vals;
  size_t cap, len;
} esc_ptrmap;

int esc_ptrmap_get(const esc_ptrmap *m, const void *key); /* -1 if absent */
void esc_ptrmap_put(esc_ptrmap *m, const void *key, int val);
void esc_ptrmap_free(esc_ptrmap *m);

/* esc_u64set is a set of 64-bit keys (0 is a valid key). */
typedef struct esc_u64set {
  uint64_t *keys;
  unsigned char *used;
  size_t cap, len;
} esc_u64set;

int esc_u64set_add(esc_u64set *s, uint64_t key); /* 1 if newly added */
void esc_u64set_free(esc_u64set *s);

/* Bitsets of a fixed number of 64-bit words. */
static inline int esc_bit_get(const uint64_t *b, int i) {
  return (int)((b[i >> 6] >> (i & 63)) & 1);
}
static inline int esc_bit_set(uint64_t *b, int i) { /* 1 if it changed */
  uint64_t m = (uint64_t)1 << (i & 63);
  if (b[i >> 6] & m)
    return 0;
  b[i >> 6] |= m;
  return 1;
}
int esc_bits_union(uint64_t *dst, const uint64_t *src, int words); /* 1 if changed */
int esc_bits_next(const uint64_t *b, int words, int from);         /* -1 at end */

/* esc_buf is a growable string. */
typedef struct esc_buf {
  char *s;
  size_t len, cap;
} esc_buf;

void esc_buf_printf(esc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void esc_buf_free(esc_buf *b);

#endif

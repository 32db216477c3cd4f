/* util.c — containers for the C core (see util.h). */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  /* Not user input: the host compiler would die here too. */
  fputs("escape: out of memory\n", stderr);
  exit(70);
}

void *esc_alloc(size_t n) {
  void *p = calloc(1, n ? n : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *esc_grow(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory();
  return q;
}

char *esc_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = esc_alloc(n);
  memcpy(d, s, n);
  return d;
}

static size_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

int esc_ptrmap_get(const esc_ptrmap *m, const void *key) {
  if (!m->cap)
    return -1;
  for (size_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->keys[i])
      return -1;
    if (m->keys[i] == key)
      return m->vals[i];
  }
}

static void ptrmap_insert(esc_ptrmap *m, const void *key, int val) {
  for (size_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->keys[i]) {
      m->keys[i] = key;
      m->vals[i] = val;
      m->len++;
      return;
    }
    if (m->keys[i] == key) {
      m->vals[i] = val;
      return;
    }
  }
}

void esc_ptrmap_put(esc_ptrmap *m, const void *key, int val) {
  if (2 * (m->len + 1) > m->cap) {
    esc_ptrmap old = *m;
    m->cap = old.cap ? 2 * old.cap : 64;
    m->keys = esc_alloc(m->cap * sizeof *m->keys);
    m->vals = esc_alloc(m->cap * sizeof *m->vals);
    m->len = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.keys[i])
        ptrmap_insert(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
  }
  ptrmap_insert(m, key, val);
}

void esc_ptrmap_free(esc_ptrmap *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

static int u64set_insert(esc_u64set *s, uint64_t key) {
  for (size_t i = hash_ptr((const void *)(uintptr_t)key) & (s->cap - 1);;
       i = (i + 1) & (s->cap - 1)) {
    if (!s->used[i]) {
      s->used[i] = 1;
      s->keys[i] = key;
      s->len++;
      return 1;
    }
    if (s->keys[i] == key)
      return 0;
  }
}

int esc_u64set_add(esc_u64set *s, uint64_t key) {
  if (2 * (s->len + 1) > s->cap) {
    esc_u64set old = *s;
    s->cap = old.cap ? 2 * old.cap : 64;
    s->keys = esc_alloc(s->cap * sizeof *s->keys);
    s->used = esc_alloc(s->cap);
    s->len = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.used[i])
        u64set_insert(s, old.keys[i]);
    free(old.keys);
    free(old.used);
  }
  return u64set_insert(s, key);
}

void esc_u64set_free(esc_u64set *s) {
  free(s->keys);
  free(s->used);
  memset(s, 0, sizeof *s);
}

int esc_bits_union(uint64_t *dst, const uint64_t *src, int words) {
  uint64_t changed = 0;
  for (int i = 0; i < words; i++) {
    uint64_t n = dst[i] | src[i];
    changed |= n ^ dst[i];
    dst[i] = n;
  }
  return changed != 0;
}

int esc_bits_next(const uint64_t *b, int words, int from) {
  if (from < 0)
    from = 0;
  for (int w = from >> 6; w < words; w++) {
    uint64_t x = b[w];
    if (w == from >> 6)
      x &= ~(uint64_t)0 << (from & 63);
    if (x)
      return (w << 6) + __builtin_ctzll(x);
  }
  return -1;
}

void esc_buf_printf(esc_buf *b, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    size_t room = b->cap - b->len;
    va_start(ap, fmt);
    int n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0)
      return;
    if ((size_t)n < room) {
      b->len += (size_t)n;
      return;
    }
    b->cap = b->cap * 2 + (size_t)n + 64;
    b->s = esc_grow(b->s, b->cap);
  }
}

void esc_buf_free(esc_buf *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}

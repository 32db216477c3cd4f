/* pts.h — a location's points-to set: the objects whose address it may
 * hold.  Most locations of a big function hold one or two objects of
 * thousands, so a set starts as a sorted array of object numbers and turns
 * into a bitset of `words` 64-bit words only when the array would take as
 * many bytes (twice as many elements as words); a set of one word is
 * kept in place.  The graph's memory then
 * grows with what the sets hold, not with locations times objects; a small
 * function (one word) still gets its bitset at the second element.  No LLVM
 * here.  Checked against plain flags by test/stress/Pts_sets.test; big
 * functions' sets in test/stress/Huge_function.test and Bad_input.test. */
#ifndef ESC_PTS_H
#define ESC_PTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct esc_pts {
  int n, cap;     /* the sorted form's elements and room */
  int *elems;     /* sorted object numbers; NULL once dense */
  uint64_t *bits; /* the dense form: `words` words; NULL while sorted */
  uint64_t word;  /* the whole set when words is 1 (a function of at most
                     64 objects, most of them): nothing allocated */
} esc_pts;

/* `bytes` is the owner's running total of the memory all its sets hold
 * (the graph's cap, ESC_GRAPH_MAX_BYTES, is checked against it). */
int esc_pts_add(esc_pts *s, int obj, int words, size_t *bytes); /* 1 if new */
int esc_pts_has(const esc_pts *s, int obj);
int esc_pts_next(const esc_pts *s, int words, int from); /* -1 at the end */
int esc_pts_empty(const esc_pts *s, int words);
/* esc_pts_union: dst gets src's objects, leaving out those in `drop` (a
 * bitset of `words` words, or NULL); 1 when dst grew. */
int esc_pts_union(esc_pts *dst, const esc_pts *src, const uint64_t *drop, int words,
                  size_t *bytes);
/* esc_pts_minus: out (empty) gets a's objects that b lacks. */
void esc_pts_minus(esc_pts *out, const esc_pts *a, const esc_pts *b, int words,
                   size_t *bytes);
long esc_pts_cost(const esc_pts *s, int words); /* work of one union from it */
size_t esc_pts_bytes(const esc_pts *s, int words);
void esc_pts_free(esc_pts *s, int words, size_t *bytes);

#endif

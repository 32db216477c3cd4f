/* leaks.c — the leaks value of a parameter summary: for each sink (the
 * heap, the result, the callee's stores, its frees), the deref levels at
 * which what the caller passes reaches it.  summary.c reads it off a
 * solved graph, call.c applies it at calls, report.c prints it.  Exercised
 * by the test/report/Summary_ files.
 *
 * Why a set of levels and not Go's smallest deref count.  Go's leaks type
 * keeps, per sink, only the least number of derefs: in Go's graph a flow at
 * derefs 0 into a location implies the flows at every higher count, since
 * whoever holds p can follow it to *p.  This graph is inclusion-based (a
 * points-to set per location, with load and store constraints), and a
 * result holding a's object (level 0) and a result holding the object *a
 * points to (level 1) are two different flows: a caller that frees or
 * returns the result must see *a's objects too when level 1 holds, and
 * level 0 does not bring them in (the caller adds a copy for level 0 and a
 * load for level 1, call.c).  So each sink keeps the set of its levels.
 *
 * The heap sink is the one where the minimum is all there is: an object
 * that reaches the heap takes what it points to along (graph.c), so heap
 * at level 1 already stands for everything below.  summary.c records heap
 * at level 0 ("leaking param") and at level 1 ("leaking param content")
 * and folds into level 1 what the summary has no finer field for: leaks
 * two or more derefs down, stores two or more derefs down, and frees below
 * level 0.  The report's "derefs=N" explanation walks the graph itself.
 *
 *   sink       levels recorded today
 *   heap       0, 1 (1 = "at 1 or below")
 *   result     0, 1, 2, 3 (3 = "three or more derefs down")
 *   writes     0, 1
 *   freed      0
 *   into k, e  0, 1, 2, 3 (per target parameter k < 8 and level e 0, 1)
 *
 * The "into" sinks: a store through a parameter is a store into the
 * caller's object.  "Parameter i at level d flows into parameter k's
 * object at level e" (connection graphs, Choi et al.; Whaley and Rinard)
 * is bit d of sink ESC_SINK_INTO + 2k + e of parameter i: the callee
 * stores what i points to d derefs down into the object k points to e
 * derefs down.  A fixed number of them, as Go's numEscResults: stores
 * into parameters past the last one, or two or more derefs below one,
 * send the value to the heap (graph.c).  The caller adds the store
 * *deref^e(arg k) = deref^d(arg i) (call.c), so its own stack object
 * receives the pointer, and an escaping one lets it escape.
 */
#include "leaks.h"

static unsigned level_bit(int level) {
  if (level < 0)
    level = 0;
  if (level >= ESC_LEAKS_LEVELS)
    level = ESC_LEAKS_LEVELS - 1;
  return 1u << level;
}

void esc_leaks_add(esc_leaks *l, esc_sink sink, int level) {
  l->levels[sink] |= (uint8_t)level_bit(level);
}

int esc_leaks_has(const esc_leaks *l, esc_sink sink, int level) {
  return (l->levels[sink] & level_bit(level)) != 0;
}

int esc_leaks_reaches(const esc_leaks *l, esc_sink sink) {
  return l->levels[sink] != 0;
}

int esc_leaks_lowest(const esc_leaks *l, esc_sink sink) {
  for (int level = 0; level < ESC_LEAKS_LEVELS; level++)
    if (l->levels[sink] & (1u << level))
      return level;
  return -1;
}

void esc_leaks_clear(esc_leaks *l, esc_sink sink) {
  l->levels[sink] = 0;
}

void esc_leaks_fold_into(esc_leaks *l) {
  for (int s = ESC_SINK_INTO; s < ESC_SINKS; s++) {
    if (l->levels[s] & 1u)
      esc_leaks_add(l, ESC_SINK_HEAP, 0);
    if (l->levels[s] & ~1u)
      esc_leaks_add(l, ESC_SINK_HEAP, 1);
    l->levels[s] = 0;
  }
}

int esc_leaks_join(esc_leaks *into, const esc_leaks *from) {
  int grew = 0;
  for (int s = 0; s < ESC_SINKS; s++) {
    uint8_t v = (uint8_t)(into->levels[s] | from->levels[s]);
    grew |= v != into->levels[s];
    into->levels[s] = v;
  }
  return grew;
}

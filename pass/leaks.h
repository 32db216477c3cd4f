/* leaks.h — a parameter's leaks value: to which sinks, at which deref
 * levels, what the caller passes may flow (see leaks.c).  No LLVM here. */
#ifndef ESC_LEAKS_H
#define ESC_LEAKS_H

#include <stdint.h>

enum { ESC_INTO_PARAMS = 8 }; /* parameters a store can flow into (as Go's
                                 numEscResults); two sinks per one */

/* esc_sink: where a parameter's objects may go in the callee.  A sink's
 * levels say how many derefs down from the argument's own object (level 0)
 * the object is that reaches it; level 3 is "three or more". */
typedef enum esc_sink {
  ESC_SINK_HEAP,   /* escapes: "leaking param: p" at level 0, "leaking
                      param content: p" at level 1 (see leaks.c) */
  ESC_SINK_RESULT, /* the result may hold it: "to result ~r0 level=N" */
  ESC_SINK_RESULT_INT, /* the result may be made of numbers read from it at
                          level N (1 up): scalar-typed loads, which never
                          read what was stored as a pointer (graph.h) */
  ESC_SINK_WRITES, /* the callee stores into it */
  ESC_SINK_FREED,  /* the callee may free or reallocate it */
  ESC_SINK_MIX,    /* the callee moves bytes within it: its pointers may
                      then be where numbers are read (graph.h `other`) */
  /* ESC_SINK_INTO + 2*k + e: the callee stores it into parameter k's
   * object at level e (e 0: into *k, 1: into **k): "leaking param: p to
   * content of k level=N".  Only for k < ESC_INTO_PARAMS and e 0 or 1;
   * stores into any other parameter's memory send it to the heap. */
  ESC_SINK_INTO,
  ESC_SINKS = ESC_SINK_INTO + 2 * ESC_INTO_PARAMS
} esc_sink;

enum { ESC_LEAKS_LEVELS = 4 }; /* levels 0, 1, 2 and 3-or-more */

/* esc_sink_into: the sink "into parameter k's object at level e". */
static inline esc_sink esc_sink_into(int k, int e) {
  return (esc_sink)(ESC_SINK_INTO + 2 * k + e);
}

/* esc_leaks is one parameter's leaks value: per sink, the set of levels at
 * which the parameter reaches it (bit L of levels[sink] = level L).  The
 * least value (all zero) is "does nothing with it". */
typedef struct esc_leaks {
  uint8_t levels[ESC_SINKS];
} esc_leaks;

/* esc_leaks_add: the parameter reaches sink at level (above 3: 3). */
void esc_leaks_add(esc_leaks *l, esc_sink sink, int level);
/* esc_leaks_has: it reaches sink at exactly that level (above 3: 3). */
int esc_leaks_has(const esc_leaks *l, esc_sink sink, int level);
/* esc_leaks_reaches: it reaches sink at some level. */
int esc_leaks_reaches(const esc_leaks *l, esc_sink sink);
/* esc_leaks_lowest: the smallest level at which it reaches sink (Go's
 * derefs, for printing), -1 when it does not. */
int esc_leaks_lowest(const esc_leaks *l, esc_sink sink);
/* esc_leaks_clear: sink forgotten at every level. */
void esc_leaks_clear(esc_leaks *l, esc_sink sink);
/* esc_leaks_fold_into: every "into parameter k" sink becomes the heap at
 * its level (0, or 1 for "1 or below"): for a caller that cannot resolve
 * the parameters against its own objects (a library's callback). */
void esc_leaks_fold_into(esc_leaks *l);
/* esc_leaks_join: into gets everything from; 1 when into grew. */
int esc_leaks_join(esc_leaks *into, const esc_leaks *from);

#endif

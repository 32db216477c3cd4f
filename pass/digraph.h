/* digraph.h — a small directed graph over nodes 0..n-1 and its strongly
 * connected components: the module's call graph (escape.c) and a
 * function's CFG (solve.c's loop rule).  No LLVM here. */
#ifndef ESC_DIGRAPH_H
#define ESC_DIGRAPH_H

/* esc_digraph: successor and predecessor lists, in the order the edges were
 * added (an edge added twice is listed twice). */
typedef struct esc_digraph {
  int n;
  int **succ, *nsucc, *capsucc;
  int **pred, *npred, *cappred;
} esc_digraph;

void esc_digraph_init(esc_digraph *g, int n);
void esc_digraph_edge(esc_digraph *g, int from, int to);
void esc_digraph_free(esc_digraph *g);

/* esc_sccs: the strongly connected components of an esc_digraph, in
 * Tarjan's order: every component after the components it has edges into
 * (callees first, for the call graph). */
typedef struct esc_sccs {
  int n;        /* components */
  int *order;   /* the nodes, component by component */
  int *start;   /* component k is order[start[k] .. start[k+1]) */
  int *of;      /* node -> its component */
  char *cyclic; /* node is on a cycle: a component of two or more, or a
                   self-edge */
} esc_sccs;

void esc_digraph_sccs(const esc_digraph *g, esc_sccs *out);
void esc_sccs_free(esc_sccs *s);

#endif

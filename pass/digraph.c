/* digraph.c — the small directed graph of the call graph and the CFG, and
 * Tarjan's strongly connected components over it (iterative: the call
 * graphs of generated code can be deep).  Exercised by every test through
 * escape.c's SCC order; cycles by test/report/Summary_scc_rounds.c (a call
 * graph ring) and test/ir/Loop_slots.ll (CFG loops).
 */
#include "digraph.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void esc_digraph_init(esc_digraph *g, int n) {
  memset(g, 0, sizeof *g);
  size_t k = (size_t)n + 1;
  g->n = n;
  g->succ = esc_alloc(k * sizeof *g->succ);
  g->nsucc = esc_alloc(k * sizeof(int));
  g->capsucc = esc_alloc(k * sizeof(int));
  g->pred = esc_alloc(k * sizeof *g->pred);
  g->npred = esc_alloc(k * sizeof(int));
  g->cappred = esc_alloc(k * sizeof(int));
}

void esc_digraph_edge(esc_digraph *g, int from, int to) {
  ESC_PUSH(g->succ[from], g->nsucc[from], g->capsucc[from], to);
  ESC_PUSH(g->pred[to], g->npred[to], g->cappred[to], from);
}

void esc_digraph_free(esc_digraph *g) {
  for (int i = 0; i < g->n; i++) {
    free(g->succ[i]);
    free(g->pred[i]);
  }
  free(g->succ);
  free(g->nsucc);
  free(g->capsucc);
  free(g->pred);
  free(g->npred);
  free(g->cappred);
  memset(g, 0, sizeof *g);
}

void esc_digraph_sccs(const esc_digraph *g, esc_sccs *out) {
  int n = g->n, counter = 0, sp = 0, csp = 0, norder = 0;
  size_t k1 = (size_t)n + 1;
  int *index = esc_alloc(k1 * sizeof(int));
  int *low = esc_alloc(k1 * sizeof(int));
  char *onstack = esc_alloc(k1);
  int *stack = esc_alloc(k1 * sizeof(int));
  int *cstack = esc_alloc(k1 * sizeof(int)); /* the DFS path */
  int *cedge = esc_alloc(k1 * sizeof(int));  /* its nodes' next edge */
  memset(out, 0, sizeof *out);
  out->order = esc_alloc(k1 * sizeof(int));
  out->start = esc_alloc((k1 + 1) * sizeof(int));
  out->of = esc_alloc(k1 * sizeof(int));
  out->cyclic = esc_alloc(k1);
  for (int i = 0; i < n; i++)
    index[i] = -1;
  for (int root = 0; root < n; root++) {
    if (index[root] >= 0)
      continue;
    cstack[csp] = root;
    cedge[csp++] = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onstack[root] = 1;
    while (csp > 0) {
      int v = cstack[csp - 1];
      if (cedge[csp - 1] < g->nsucc[v]) {
        int w = g->succ[v][cedge[csp - 1]++];
        if (w == v)
          out->cyclic[v] = 1;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onstack[w] = 1;
          cstack[csp] = w;
          cedge[csp++] = 0;
        } else if (onstack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      csp--;
      if (csp > 0 && low[v] < low[cstack[csp - 1]])
        low[cstack[csp - 1]] = low[v];
      if (low[v] == index[v]) {
        int top = sp;
        do
          onstack[stack[--top]] = 0;
        while (stack[top] != v);
        out->start[out->n] = norder;
        for (int k = top; k < sp; k++) {
          if (sp - top > 1)
            out->cyclic[stack[k]] = 1;
          out->of[stack[k]] = out->n;
          out->order[norder++] = stack[k];
        }
        out->n++;
        sp = top;
      }
    }
  }
  out->start[out->n] = norder;
  free(index);
  free(low);
  free(onstack);
  free(stack);
  free(cstack);
  free(cedge);
}

void esc_sccs_free(esc_sccs *s) {
  free(s->order);
  free(s->start);
  free(s->of);
  free(s->cyclic);
  memset(s, 0, sizeof *s);
}

/* graph.c — graph search with per-call work lists.
 *   clang-19 -O2 graph.c -o graph && ./graph [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND graph.c ...   the hand-written variant: stack arrays
 * A fixed random graph of NV vertices (adjacency lists in a global); each query
 * runs a breadth-first search from one vertex with a fresh queue and visited
 * set (per-call work lists of a compile-time size), and a bounded depth-first
 * search with an explicit stack whose size depends on the run-time limit.
 * Self-check: BFS distances obey the triangle rule along every edge, and both
 * searches reach the same number of vertices within the limit's hop count. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NV 512
#define DEG 4

static int adj[NV][DEG];

static uint32_t seed = 31337;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

/* bfs writes hop distances from src into dist (-1: unreachable) and returns
 * the number of vertices reached. */
static int bfs(int src, int *dist) {
#ifdef HAND
  int queue[NV];
  unsigned char seen[NV];
  memset(seen, 0, sizeof seen);
#else
  int *queue = malloc(NV * sizeof *queue);
  unsigned char *seen = calloc(NV, 1);
  if (!queue || !seen) exit(2);
#endif
  int head = 0, tail = 0;
  for (int v = 0; v < NV; v++) dist[v] = -1;
  queue[tail++] = src;
  seen[src] = 1;
  dist[src] = 0;
  while (head < tail) {
    int v = queue[head++];
    for (int e = 0; e < DEG; e++) {
      int w = adj[v][e];
      if (!seen[w]) {
        seen[w] = 1;
        dist[w] = dist[v] + 1;
        queue[tail++] = w;
      }
    }
  }
#ifndef HAND
  free(seen);
  free(queue);
#endif
  return tail;
}

/* within counts the vertices at most limit hops from src, by an iterative
 * depth-first search that revisits a vertex when it finds a shorter path. */
static int within(int src, int limit) {
  size_t cap = (size_t)NV * DEG * (size_t)(limit + 1);
#ifdef HAND
  int small_stack[2 * NV * DEG * 4]; /* limit < 4: always enough */
  int *stack = cap * 2 <= sizeof small_stack / sizeof *small_stack
                   ? small_stack : malloc(cap * 2 * sizeof *stack);
  int best[NV];
  if (!stack) exit(2);
#else
  int *stack = malloc(cap * 2 * sizeof *stack);
  int *best = malloc(NV * sizeof *best);
  if (!stack || !best) exit(2);
#endif
  for (int v = 0; v < NV; v++) best[v] = limit + 1;
  size_t top = 0;
  stack[top++] = src;
  stack[top++] = 0;
  best[src] = 0;
  int count = 0;
  while (top) {
    int d = stack[--top], v = stack[--top];
    if (d > best[v]) continue;
    for (int e = 0; e < DEG && d < limit; e++) {
      int w = adj[v][e];
      if (d + 1 < best[w] && top + 2 <= cap * 2) {
        best[w] = d + 1;
        stack[top++] = w;
        stack[top++] = d + 1;
      }
    }
  }
  for (int v = 0; v < NV; v++) count += best[v] <= limit;
#ifdef HAND
  if (stack != small_stack) free(stack);
#else
  free(best);
  free(stack);
#endif
  return count;
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 20000;
  for (int v = 0; v < NV; v++)
    for (int e = 0; e < DEG; e++) adj[v][e] = e == 0 ? (v + 1) % NV : (int)(next_random() % NV);
  int dist[NV];
  uint64_t check = 0;
  for (long r = 0; r < reps; r++) {
    int src = (int)(next_random() % NV), limit = 1 + (int)(r % 3);
    int reached = bfs(src, dist);
    int near = 0;
    for (int v = 0; v < NV; v++) {
      near += dist[v] >= 0 && dist[v] <= limit;
      for (int e = 0; e < DEG && dist[v] >= 0; e++)
        if (dist[adj[v][e]] > dist[v] + 1) {
          printf("graph: FAILED, distance rule broken at %d\n", v);
          return 1;
        }
    }
    int by_dfs = within(src, limit);
    if (reached != NV || by_dfs != near) {
      printf("graph: FAILED, reached %d, within %d: bfs %d dfs %d\n", reached, limit, near, by_dfs);
      return 1;
    }
    check = check * 1000003 + (uint64_t)near;
  }
  printf("graph: ok, %ld searches, checksum %016llx\n", reps, (unsigned long long)check);
  return 0;
}

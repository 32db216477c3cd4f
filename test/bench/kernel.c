/* kernel.c — a numeric kernel with per-call temporary arrays.
 *   clang-19 -O2 kernel.c -o kernel && ./kernel [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND kernel.c ...   the hand-written variant: stack arrays
 * Solves many small dense linear systems A x = b by Gaussian elimination with
 * partial pivoting (on a copy of A, so the caller's matrix is kept), and
 * smooths each solution with a 5-point stencil into a temporary vector: the
 * shape of physics and robotics inner loops. The system's order n is a run-time
 * value (up to MAX_N); the stencil's temporary has a constant size.
 * Self-check: the residual |A x - b| of every solve is tiny. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 12
#define STENCIL 64

static uint32_t seed = 99;
static double next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return (double)(seed >> 8) / (double)(1u << 24) - 0.5;
}

/* solve writes the solution of the order-n system a x = b into x; a and b are
 * left unchanged. Returns 0 when the matrix is singular. */
static int solve(int n, const double *a, const double *b, double *x) {
#ifdef HAND
  double m[MAX_N * (MAX_N + 1)];
#else
  double *m = malloc((size_t)n * (size_t)(n + 1) * sizeof *m);
  if (!m) exit(2);
#endif
  int w = n + 1;
  for (int i = 0; i < n; i++) {
    memcpy(m + i * w, a + i * n, (size_t)n * sizeof *m);
    m[i * w + n] = b[i];
  }
  int ok = 1;
  for (int k = 0; k < n && ok; k++) {
    int p = k;
    for (int i = k + 1; i < n; i++)
      if (fabs(m[i * w + k]) > fabs(m[p * w + k])) p = i;
    if (fabs(m[p * w + k]) < 1e-12) {
      ok = 0;
      break;
    }
    if (p != k)
      for (int j = 0; j < w; j++) {
        double t = m[k * w + j];
        m[k * w + j] = m[p * w + j];
        m[p * w + j] = t;
      }
    for (int i = k + 1; i < n; i++) {
      double f = m[i * w + k] / m[k * w + k];
      for (int j = k; j < w; j++) m[i * w + j] -= f * m[k * w + j];
    }
  }
  for (int i = n - 1; i >= 0 && ok; i--) {
    double s = m[i * w + n];
    for (int j = i + 1; j < n; j++) s -= m[i * w + j] * x[j];
    x[i] = s / m[i * w + i];
  }
#ifndef HAND
  free(m);
#endif
  return ok;
}

/* smooth applies a 5-point stencil to the first n values of v, in place. */
static void smooth(double *v, int n) {
#ifdef HAND
  double t[STENCIL];
#else
  double *t = malloc(STENCIL * sizeof *t);
  if (!t) exit(2);
#endif
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int d = -2; d <= 2; d++) {
      int j = i + d < 0 ? 0 : i + d >= n ? n - 1 : i + d;
      s += v[j] * (d == 0 ? 0.4 : d == 1 || d == -1 ? 0.2 : 0.1);
    }
    t[i] = s;
  }
  memcpy(v, t, (size_t)n * sizeof *v);
#ifndef HAND
  free(t);
#endif
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 200000;
  double a[MAX_N * MAX_N], b[MAX_N], x[MAX_N];
  double check = 0, worst = 0;
  long singular = 0;
  for (long r = 0; r < reps; r++) {
    int n = 4 + (int)(r % (MAX_N - 3));
    for (int i = 0; i < n * n; i++) a[i] = next_random() + (i % (n + 1) == 0 ? 2.0 : 0.0);
    for (int i = 0; i < n; i++) b[i] = next_random();
    if (!solve(n, a, b, x)) {
      singular++;
      continue;
    }
    for (int i = 0; i < n; i++) {
      double s = -b[i];
      for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
      if (fabs(s) > worst) worst = fabs(s);
    }
    smooth(x, n);
    for (int i = 0; i < n; i++) check += x[i] * (i + 1);
  }
  if (worst > 1e-9) {
    printf("kernel: FAILED, residual %g\n", worst);
    return 1;
  }
  printf("kernel: ok, %ld systems (%ld singular), checksum %.9e\n", reps, singular, check);
  return 0;
}

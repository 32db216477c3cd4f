// Result tags folded as Go folds a parameter's leaks (leaks.Optimize): one
// "to result ~r0" line with the lowest level that reaches the result, and
// none when the parameter reaches the heap at that level or lower.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=pp --implicit-check-not=q
#include <stdlib.h>

char *g;
volatile int c;

// Returned itself and what it points to: level=0 only (was two lines).
// CHECK: Params_folded.c:[[@LINE+1]]:44: leaking param: pp to result ~r0 level=0
__attribute__((noinline)) char *two(char **pp) { return c ? (char *)pp : *pp; }

// Its contents go to the heap, itself to the result: both lines, as Go.
// CHECK: Params_folded.c:[[@LINE+2]]:45: leaking param content: pp
// CHECK-NEXT: Params_folded.c:[[@LINE+1]]:45: leaking param: pp to result ~r0 level=0
__attribute__((noinline)) char *cont(char **pp) { g = *pp; return (char *)pp; }

// Negative: stored to the heap and returned, at level 0: the heap line only.
// CHECK: Params_folded.c:[[@LINE+1]]:44: leaking param: q
__attribute__((noinline)) char *both(char *q) { g = q; return q; }

// Negative: the heap at level 0, the result only deeper: the heap line only.
// CHECK: Params_folded.c:[[@LINE+1]]:47: leaking param: pp
__attribute__((noinline)) char *deeper(char **pp) { g = (char *)pp; return *pp; }

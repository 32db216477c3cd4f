// Lib_strtoull: negative. strtoull's result is made of its string's bytes (N): an address written as hex digits and parsed back stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept
// OUT-NEXT: exit status: 0
// CHECK: Lib_strtoull.c:14:13: malloc(8) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G;
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) void keep(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  uintptr_t v = (uintptr_t)o;
  char buf[24];
  int k = 0;
  for (int sh = 60; sh >= 0; sh -= 4) { unsigned d = (v >> sh) & 15; buf[k++] = (char)(d < 10 ? '0' + d : 'a' + d - 10); }
  buf[k] = 0;
  G = (char *)(uintptr_t)strtoull(buf, 0, 16);   /* strtoull's result is computed from buf's contents */
}
int main(void) { keep(); clobber(); printf("%s\n", G); free(G); return 0; }

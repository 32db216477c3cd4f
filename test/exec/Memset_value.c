// Memset_value: negative. memset's fill byte goes into the buffer: eight one-byte memsets of an address's bytes rebuild it, so the object stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept
// OUT-NEXT: exit status: 0
// CHECK: Memset_value.c:15:13: malloc(8) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G;
size_t one = 1;   /* a run-time length keeps each memset a memset */
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) void keep(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  uintptr_t v = (uintptr_t)o;
  unsigned char buf[sizeof v];
  for (unsigned i = 0; i < sizeof v; i++)
    memset(buf + i, (int)((v >> (8 * i)) & 0xff), one);  /* the address's bytes, as memset values */
  char *q;
  memcpy(&q, buf, sizeof q);
  G = q;
}
int main(void) { keep(); clobber(); printf("%s\n", G); free(G); return 0; }

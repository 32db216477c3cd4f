// Lib_text_roundtrip: negative. an address printed with snprintf %lx and parsed back with strtoul: snprintf puts the integer into the buffer, strtoul's result is made of it, so the object stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept
// OUT-NEXT: exit status: 0
// CHECK: Lib_text_roundtrip.c:14:13: malloc(8) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G;
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) void keep(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  char buf[32];
  snprintf(buf, sizeof buf, "%lx", (unsigned long)(uintptr_t)o);
  G = (char *)(uintptr_t)strtoul(buf, 0, 16);
}
int main(void) { keep(); clobber(); printf("%s\n", G); free(G); return 0; }

// Lib_sprintf_p: negative beside positive. %p prints the pointer's value into the buffer (sprintf's arguments as its format says: ^), which the program parses back: the object stays on the heap; one printed with %s moves.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept 5
// OUT-NEXT: exit status: 0
// CHECK: Lib_sprintf_p.c:22:13: malloc(8) escapes to heap
// CHECK-NEXT: Lib_sprintf_p.c:30:13: malloc(8) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G;
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
/* the program's own parser of "%p" text: no library call in the way back */
__attribute__((noinline)) static uintptr_t parse_hex(const char *s) {
  uintptr_t v = 0;
  if (s[0] == '0' && s[1] == 'x') s += 2;
  for (; *s; s++) v = v * 16 + (uintptr_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v;
}
__attribute__((noinline)) void keep(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  char buf[32];
  sprintf(buf, "%p", (void *)o);   /* the pointer's value goes into buf as text */
  G = (char *)parse_hex(buf);
}
/* The positive twin: %s copies the string, not its address: it moves. */
__attribute__((noinline)) int copy(void) {
  char *s = malloc(8);
  strcpy(s, "abc");
  char buf[32];
  sprintf(buf, "<%s>", s);
  free(s);
  return (int)strlen(buf);
}
int main(void) { keep(); clobber(); printf("%s %d\n", G, copy()); free(G); return 0; }

// Lib_sprintf_format: negative. the format's bytes are copied into the buffer (<): an address in them goes along.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept
// OUT-NEXT: exit status: 0
// CHECK: Lib_sprintf_format.c:14:13: malloc(8) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G;
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) int keep(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  unsigned char fmt[16] = {0};
  memcpy(fmt, &o, sizeof o);                       /* the address's bytes, as a format string */
  for (int i = 0; i < 6; i++) if (fmt[i] == 0 || fmt[i] == '%') { G = "kept"; return 1; }  /* rare: not usable */
  fmt[6] = 0;
  unsigned char buf[16] = {0};
  sprintf((char *)buf, (const char *)fmt);         /* copies the 6 bytes: the format is 'r' in libmodel */
  char *q;
  memcpy(&q, buf, sizeof q);                       /* bytes 6 and 7 are 0, as in a user-space address */
  G = q;
  return 0;
}
int main(void) { int rare = keep(); clobber(); printf("%s\n", G); if (!rare) free(G); return 0; }

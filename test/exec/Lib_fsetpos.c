// Lib_fsetpos: negative. fsetpos sets a stream's position from *pos and
// ftell gives it back as a number: an address written into an fpos_t, half
// by half, comes back whole, so the object stays on the heap (libmodel.c:
// fsetpos's pos is x; it was r, and the plugin freed a stack address).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: fsetpos
// OUT-NEXT: exit status: 0
// CHECK: Lib_fsetpos.c:21:13: malloc(16) escapes to heap
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *G;
__attribute__((noinline)) void clobber(void) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = 'X';
}
__attribute__((noinline)) void f(FILE *t) {
  char *o = malloc(16);
  strcpy(o, "fsetpos");
  uintptr_t v = (uintptr_t)o, q = 0;
  for (int k = 0; k < 2; k++) {
    fpos_t pos;
    if (fgetpos(t, &pos) != 0)
      return;
    long part = (long)((v >> (32 * k)) & 0xffffffffu);
    memcpy(&pos, &part, sizeof part); /* glibc's fpos_t begins with the offset */
    if (fsetpos(t, &pos) != 0)
      return;
    q |= (uintptr_t)ftell(t) << (32 * k);
  }
  G = (char *)q;
}
int main(void) {
  FILE *t = tmpfile();
  if (!t)
    return 1;
  f(t);
  clobber();
  printf("%s\n", G ? G : "(none)");
  free(G);
  return 0;
}

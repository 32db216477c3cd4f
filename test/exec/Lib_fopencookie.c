// Lib_fopencookie: negative. a stream of the program's own (fopencookie) hands fwrite's buffer to its write function, which keeps it: in such a module the stdio rows are not used.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: seen=kept-by-cookie
// OUT-NEXT: exit status: 0
// CHECK: Lib_fopencookie.c:15:13: malloc(16) escapes to heap
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static const char *seen;
static ssize_t cw(void *c, const char *buf, size_t n) { seen = buf; return (ssize_t)n; }
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) void out(FILE *f) {
  char *o = malloc(16);
  strcpy(o, "kept-by-cookie");
  fwrite(o, 1, 15, f);
}
int main(void) {
  cookie_io_functions_t io = {0, cw, 0, 0};
  FILE *f = fopencookie(0, "w", io);
  setvbuf(f, 0, _IONBF, 0);
  out(f); clobber();
  printf("seen=%s\n", seen);
  return 0;
}

// Lib_ctermid: negative. ctermid(b) returns b (LLVM calls its parameter nocapture): the buffer returned through it stays on the heap (row W).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: /dev/tty
// OUT-NEXT: exit status: 0
// CHECK: Lib_ctermid.c:11:13: malloc(9) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) char *name(void) {
  char *b = malloc(L_ctermid);
  return ctermid(b);            /* returns b */
}
__attribute__((noinline)) void clobber(void) { volatile char junk[256]; for (int i = 0; i < 256; i++) junk[i] = 'X'; }
int main(void) {
  char *s = name();
  clobber();
  printf("%s\n", s);
  return 0;
}

// Lib_sscanf_p: negative. sscanf's %p parses a pointer out of the text into its argument (>): the object printed and parsed back stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: hello
// OUT-NEXT: exit status: 0
// CHECK: Lib_sscanf_p.c:11:13: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) char *make(void) {
  char *o = malloc(32);
  strcpy(o, "hello");
  char buf[64];
  sprintf(buf, "%p", (void *)o);
  void *q = 0;
  sscanf(buf, "%p", &q);
  return q;
}
__attribute__((noinline)) void clobber(void) { volatile char junk[256]; for (int i = 0; i < 256; i++) junk[i] = 'X'; }
int main(void) {
  char *s = make();
  clobber();
  printf("%s\n", s);
  free(s);
  return 0;
}

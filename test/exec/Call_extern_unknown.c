// Call_extern_unknown: negative. The object goes to a function that is only
// declared here (defined in Inputs/extern_sink.c); the pass cannot see what it
// does, and in fact it keeps the pointer.
// RUN: %exec %s %S/Inputs/extern_sink.c | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=168
// OUT-NEXT: exit status: 0
// CHECK: Call_extern_unknown.c:17:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

extern void ext_remember(int *p);
extern long ext_sum_saved(int n);
extern void ext_release(void);

__attribute__((noinline)) static void give(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n * i;
  ext_remember(p);
}

int main(void) {
  give(6);
  printf("s=%ld\n", ext_sum_saved(8));
  ext_release();
  return 0;
}

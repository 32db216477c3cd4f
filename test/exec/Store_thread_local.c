// Store_thread_local: negative. The address goes to a thread-local variable,
// which outlives the function.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=348
// OUT-NEXT: exit status: 0
// CHECK: Store_thread_local.c:14:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

_Thread_local int *t_cache;

__attribute__((noinline)) static void produce(int n) {
  int *p = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    p[i] = n + i;
  t_cache = p;
}

int main(void) {
  produce(40);
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += t_cache[i];
  printf("s=%ld\n", s);
  free(t_cache);
  return 0;
}

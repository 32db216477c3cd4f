// Sidestack_atexit: negative. main ends with pthread_exit; an atexit handler runs after the thread's side stack is unmapped and calls a recursive function: heap memory.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: main: 189
// OUT-NEXT: at exit: 252
// OUT-NEXT: exit status: 0
// CHECK: Sidestack_atexit.c:14:13: malloc(64) does not escape
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static int check(const char *b) { return (int)strlen(b); }
__attribute__((noinline)) static int walk(int n) {   /* recursive: its buffer is on the side stack */
  char *b = malloc(64);
  memset(b, 'a', 63); b[63] = 0;
  int r = n > 0 ? walk(n - 1) : 0;
  r += check(b);
  free(b);
  return r;
}
static void at_end(void) { printf("at exit: %d\n", walk(3)); }
int main(void) {
  atexit(at_end);
  printf("main: %d\n", walk(2));
  fflush(stdout);
  pthread_exit(0);   /* the main thread's key destructors run, then exit(0) runs at_end */
}

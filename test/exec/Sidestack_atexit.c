// Sidestack_atexit: negative. main ends with pthread_exit; an atexit handler runs after the thread's side stack is unmapped and calls a recursive function: heap memory.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: main: 189
// OUT-NEXT: at exit: 252
// OUT-NEXT: exit status: 0
// CHECK: {{.*}}side_walk.h:9:13: malloc(64) does not escape
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "Inputs/side_walk.h"
static void at_end(void) { printf("at exit: %d\n", walk(3)); }
int main(void) {
  atexit(at_end);
  printf("main: %d\n", walk(2));
  fflush(stdout);
  pthread_exit(0);   /* the main thread's key destructors run, then exit(0) runs at_end */
}

// Sidestack_key_dtor: negative. a thread-specific key's destructor that runs after the side stack's own (and unmapped it) calls a recursive function: it gets heap memory, not the unmapped side stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: main: 126
// OUT-NEXT: thread: 189
// OUT-NEXT: dtor: 252
// OUT-NEXT: exit status: 0
// CHECK: {{.*}}side_walk.h:9:13: malloc(64) does not escape
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static pthread_key_t key;
static int result;
#include "Inputs/side_walk.h"
static void dtor(void *v) { result = walk(3); }   /* runs at thread exit, after the side stack's key? */
static void *thread(void *arg) {
  printf("thread: %d\n", walk(2));                 /* maps this thread's side stack */
  pthread_setspecific(key, (void *)1);
  return 0;
}
int main(void) {
  printf("main: %d\n", walk(1));                   /* the side stack's key is created here, first */
  pthread_key_create(&key, dtor);                   /* the program's key: a higher index */
  pthread_t t;
  pthread_create(&t, 0, thread, 0);
  pthread_join(t, 0);
  printf("dtor: %d\n", result);
  return 0;
}

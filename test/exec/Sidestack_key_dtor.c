// Sidestack_key_dtor: negative. a thread-specific key's destructor that runs after the side stack's own (and unmapped it) calls a recursive function: it gets heap memory, not the unmapped side stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: main: 126
// OUT-NEXT: thread: 189
// OUT-NEXT: dtor: 252
// OUT-NEXT: exit status: 0
// CHECK: Sidestack_key_dtor.c:18:13: malloc(64) does not escape
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static pthread_key_t key;
static int result;
__attribute__((noinline)) static int check(const char *b) { return (int)strlen(b); }
/* recursive: its buffer goes to the side stack */
__attribute__((noinline)) static int walk(int n) {
  char *b = malloc(64);
  memset(b, 'a', 63); b[63] = 0;
  int r = n > 0 ? walk(n - 1) : 0;
  r += check(b);
  free(b);
  return r;
}
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

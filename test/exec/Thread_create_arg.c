// Thread_create_arg: negative. The object is handed to a new thread with
// pthread_create; the thread still uses it after start() returns.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: result=360
// OUT-NEXT: exit status: 0
// CHECK: Thread_create_arg.c:26:12: malloc(64) escapes to heap
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long g_result;

static void *worker(void *arg) {
  int *p = arg;
  long s = 0;
  for (int i = 0; i < 16; i++)
    s += p[i];
  g_result = s;
  free(p);
  return NULL;
}

__attribute__((noinline)) static pthread_t start(int k) {
  pthread_t t;
  int *p = malloc(16 * sizeof(int)); // heap: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  pthread_create(&t, NULL, worker, p);
  return t;
}

int main(void) {
  pthread_t t = start(3);
  pthread_join(t, NULL);
  printf("result=%ld\n", g_result);
  return 0;
}

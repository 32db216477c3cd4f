// Thread_main_local: positive. The function starts a thread (given only a
// global) but its own object stays private to it: stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=250
// OUT-NEXT: exit status: 0
// CHECK: Thread_main_local.c:30:12: malloc(64) does not escape
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int g_shared[4] = {1, 2, 3, 4};
static long g_result;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

static void *worker(void *arg) {
  g_result = sum(arg, 4);
  return NULL;
}

__attribute__((noinline)) static long run(int k) {
  pthread_t t;
  pthread_create(&t, NULL, worker, g_shared);
  int *p = malloc(16 * sizeof(int)); // stack: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k * i;
  long s = sum(p, 16);
  free(p);
  pthread_join(t, NULL);
  return s + g_result;
}

int main(void) {
  printf("s=%ld\n", run(2));
  return 0;
}

// Thread_thrd_create: negative. The same hand-off with C11 thrd_create.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: result=200
// OUT-NEXT: exit status: 0
// CHECK: Thread_thrd_create.c:25:12: malloc(64) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static long g_result;

static int worker(void *arg) {
  int *p = arg;
  long s = 0;
  for (int i = 0; i < 16; i++)
    s += p[i];
  g_result = s;
  free(p);
  return 0;
}

__attribute__((noinline)) static thrd_t start(int k) {
  thrd_t t;
  int *p = malloc(16 * sizeof(int)); // heap: malloc(64)
  for (int i = 0; i < 16; i++)
    p[i] = k + i;
  thrd_create(&t, worker, p);
  return t;
}

int main(void) {
  thrd_t t = start(5);
  thrd_join(t, NULL);
  printf("result=%ld\n", g_result);
  return 0;
}

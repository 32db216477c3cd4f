// Threads: four threads allocate and free 1000 objects each (frame-local,
// counted without loss under contention; 300 bytes, over the 256-byte stack
// buffer of the converted site, so each takes its heap path); objects main allocates and a
// thread frees while main's call still runs are frame-local too; objects a
// thread returns to main outlive the thread's frame (and the thread); so do
// objects of a thread that ends in pthread_exit, which skips its exit hooks
// (its record is cleared when the thread ends).
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -profile -mllvm -escape-guard-unbounded=false Profile_threads.c -o %t
// RUN: %src_root/scripts/escape-profile -o %t.table %t 300 | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.table --match-full-lines
// OUT: sum 4000 3 4
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { THREADS = 4, EACH = 1000 };
int n = 9;

__attribute__((noinline)) long use(const char *p) { return p[0] != 0; }

static void *churn(void *arg) {
  long s = 0;
  for (int i = 0; i < EACH; i++) {
    char *p = malloc(n); // 4 x 1000 allocations of 300 bytes, each freed here
    p[0] = 1;
    s += use(p);
    free(p);
  }
  return (void *)s;
}

static void *eat(void *arg) {
  free(arg); // frees main's object while main waits in join
  return NULL;
}

static void *make(void *arg) {
  char *p = malloc(12); // returned through pthread_join: outlives the thread
  p[0] = 1;
  return p;
}

char *parked[2];

__attribute__((noinline)) static void leave(void) { pthread_exit(NULL); }

static void *quit(void *arg) {
  long k = (long)arg;
  parked[k] = malloc(28); // the thread ends in pthread_exit: outlived
  parked[k][0] = 1;
  leave();
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1)
    n = atoi(argv[1]);
  pthread_t t[THREADS];
  long sum = 0, eaten = 0, made = 0;
  for (int k = 0; k < THREADS; k++)
    pthread_create(&t[k], NULL, churn, NULL);
  for (int k = 0; k < THREADS; k++) {
    void *r;
    pthread_join(t[k], &r);
    sum += (long)r;
  }
  for (int k = 0; k < 3; k++) {
    char *p = malloc(20); // freed by thread eat: frame-local (main still runs)
    p[0] = 1;
    pthread_t e;
    pthread_create(&e, NULL, eat, p);
    pthread_join(e, NULL);
    eaten++;
  }
  for (int k = 0; k < 2; k++) {
    pthread_t m;
    void *r;
    pthread_create(&m, NULL, make, NULL);
    pthread_join(m, &r);
    made += use(r);
    free(r);
  }
  for (long k = 0; k < 2; k++) {
    pthread_t q;
    pthread_create(&q, NULL, quit, (void *)k);
    pthread_join(q, NULL);
    made += use(parked[k]);
    free(parked[k]);
  }
  printf("sum %ld %ld %ld\n", sum, eaten, made);
  return 0;
}
// CHECK:heap sites by allocations (! frame-local every time, yet on the heap):
// CHECK-NEXT:allocs bytes frame-local outlived never-freed site
// CHECK-NEXT:! 4000 1200000 4000 0 0 Profile_threads.c:24:15: malloc(n) in churn
// CHECK-NEXT:does not escape; on the heap when larger than its 256-byte stack buffer
// CHECK-NEXT:! 3 60 3 0 0 Profile_threads.c:68:15: malloc(20) in main
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:2 24 0 2 0 Profile_threads.c:38:13: malloc(12) in make
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:2 56 0 2 0 Profile_threads.c:49:15: malloc(28) in quit
// CHECK-NEXT:flow: {heap} = malloc(...):
// CHECK:converted sites by avoided allocations:
// CHECK-NEXT:avoided bytes site
// CHECK-NEXT:(none)
// CHECK-NEXT:heap allocations: 4007
// CHECK-NEXT:heap bytes: 1200140
// CHECK-NEXT:avoided allocations: 0
// CHECK-NEXT:avoided bytes: 0
// CHECK-NEXT:frame-local at run time: 4003
// CHECK-NEXT:outlived their frame: 4
// CHECK-NEXT:never freed: 0
// CHECK-NEXT:frame-local moved to stack: 0.0% (0 of 4003)

// This test is built with -escape-guard-unbounded=false: a run-time size
// keeps the 256-byte default buffer, so the sizes over it take the heap
// path the profile counts.

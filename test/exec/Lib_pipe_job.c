// Lib_pipe_job: negative. a job's address written into a pipe, read and freed by a worker thread: the bytes write sends leave the program (row x), so the job stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: job 0: payload-0
// OUT-NEXT: job 1: payload-1
// OUT-NEXT: job 2: payload-2
// OUT-NEXT: exit status: 0
// CHECK: Lib_pipe_job.c:26:19: malloc(36) escapes to heap
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* A worker thread takes job pointers from a pipe (a common thread-pool / self-pipe pattern). */
struct job { char text[32]; int n; };
static int fds[2];
static void *worker(void *arg) {
  struct job *j;
  while (read(fds[0], &j, sizeof j) == sizeof j && j) {
    printf("job %d: %s\n", j->n, j->text);
    free(j);
  }
  return 0;
}
__attribute__((noinline)) static void submit(int n) {
  struct job *j = malloc(sizeof *j);
  snprintf(j->text, sizeof j->text, "payload-%d", n);
  j->n = n;
  if (write(fds[1], &j, sizeof j) != sizeof j) abort();   /* the pointer goes to the worker */
}
__attribute__((noinline)) static void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
int main(void) {
  if (pipe(fds)) return 2;
  for (int n = 0; n < 3; n++) { submit(n); clobber(); }
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  struct job *end = 0;
  if (write(fds[1], &end, sizeof end) != sizeof end) return 3;
  pthread_join(t, 0);
  return 0;
}

// Lib_posix_nokeep: positive. C library calls that read or fill the
// caller's object and keep nothing after they return (libmodel.c's rows,
// from POSIX): locks, conditions, semaphores and their attributes, the
// clock and time calls, stat, uname, getcwd, the signal sets and
// sigaction, setenv (which copies). Every object moves to the stack.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: locks 3 sem 1
// OUT-NEXT: time ok 1970-01-02
// OUT-NEXT: stat ok uname ok cwd ok
// OUT-NEXT: signals 1 0 env=on
// OUT-NEXT: exit status: 0
// CHECK: Lib_posix_nokeep.c:47:24: malloc(40) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:48:23: malloc(48) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:49:26: malloc(56) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:50:14: malloc(32) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:51:29: malloc(4) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:52:24: malloc(56) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:84:24: malloc(16) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:85:25: malloc(16) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:86:23: malloc(144) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:87:19: malloc(56) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:88:15: malloc(64) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:99:21: malloc(144) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:100:24: malloc(390) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:101:15: malloc(4096) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:110:19: malloc(128) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:111:26: malloc(152) does not escape
// CHECK-NEXT: Lib_posix_nokeep.c:120:15: malloc(8) does not escape
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static volatile int seed = 1;

__attribute__((noinline)) static void locks(void) {
  pthread_mutex_t *m = malloc(sizeof *m);
  pthread_cond_t *c = malloc(sizeof *c);
  pthread_rwlock_t *rw = malloc(sizeof *rw);
  sem_t *s = malloc(sizeof *s);
  pthread_mutexattr_t *ma = malloc(sizeof *ma);
  pthread_attr_t *ta = malloc(sizeof *ta);
  int n = 0;
  pthread_mutexattr_init(ma);
  pthread_mutexattr_settype(ma, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(m, ma);
  pthread_mutexattr_destroy(ma);
  pthread_cond_init(c, NULL);
  pthread_rwlock_init(rw, NULL);
  sem_init(s, 0, (unsigned)seed - 1);
  if (pthread_mutex_lock(m) == 0) n++;
  pthread_cond_signal(c);
  pthread_cond_broadcast(c);
  if (pthread_mutex_unlock(m) == 0) n++;
  if (pthread_mutex_trylock(m) == 0) pthread_mutex_unlock(m);
  if (pthread_rwlock_rdlock(rw) == 0) n++;
  pthread_rwlock_unlock(rw);
  sem_post(s);
  int v = -1;
  sem_getvalue(s, &v);
  sem_wait(s);
  pthread_attr_init(ta);
  pthread_attr_setstacksize(ta, 1 << 20);
  pthread_attr_destroy(ta);
  sem_destroy(s);
  pthread_rwlock_destroy(rw);
  pthread_cond_destroy(c);
  pthread_mutex_destroy(m);
  printf("locks %d sem %d\n", n, v);
  free(m); free(c); free(rw); free(s); free(ma); free(ta);
}

__attribute__((noinline)) static void times_(void) {
  struct timeval *tv = malloc(sizeof *tv);
  struct timespec *ts = malloc(sizeof *ts);
  struct rusage *ru = malloc(sizeof *ru);
  struct tm *tm = malloc(sizeof *tm);
  char *buf = malloc(64);
  time_t day = 86400 * seed;
  int ok = gettimeofday(tv, NULL) == 0 && clock_gettime(CLOCK_MONOTONIC, ts) == 0 &&
           getrusage(RUSAGE_SELF, ru) == 0 && time(NULL) > 0;
  gmtime_r(&day, tm);
  strftime(buf, 64, "%Y-%m-%d", tm);
  printf("time %s %s\n", ok ? "ok" : "bad", buf);
  free(tv); free(ts); free(ru); free(tm); free(buf);
}

__attribute__((noinline)) static void files(void) {
  struct stat *st = malloc(sizeof *st);
  struct utsname *un = malloc(sizeof *un);
  char *cwd = malloc(4096);
  int a = stat("/", st) == 0 && S_ISDIR(st->st_mode) && fstat(0, st) >= -1;
  int b = uname(un) == 0 && un->sysname[0] != 0;
  int c = getcwd(cwd, 4096) != NULL && cwd[0] == '/';
  printf("stat %s uname %s cwd %s\n", a ? "ok" : "bad", b ? "ok" : "bad", c ? "ok" : "bad");
  free(st); free(un); free(cwd);
}

__attribute__((noinline)) static void signals(void) {
  sigset_t *set = malloc(sizeof *set);
  struct sigaction *sa = malloc(sizeof *sa);
  sigemptyset(set);
  sigaddset(set, SIGUSR1);
  memset(sa, 0, sizeof *sa);
  sa->sa_handler = SIG_IGN;
  sigemptyset(&sa->sa_mask);
  sigaction(SIGUSR2, sa, NULL);
  int in = sigismember(set, SIGUSR1), out = sigismember(set, SIGUSR2);
  free(set); free(sa);
  char *val = malloc(8);
  strcpy(val, seed ? "on" : "off");
  setenv("ESCAPE_TEST_VAR", val, 1);
  free(val);
  printf("signals %d %d env=%s\n", in, out, getenv("ESCAPE_TEST_VAR"));
}

int main(void) {
  locks();
  times_();
  files();
  signals();
  return 0;
}

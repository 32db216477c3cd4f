/* dlclose_main.c — loads argv[1], runs its depth_sum in a thread, unloads it
 * while that thread still lives, then lets the thread end (for
 * Sidestack_dlclose.test). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *lib;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int closed;
static void *worker(void *arg) {
  long (*f)(int) = (long (*)(int))dlsym(lib, "depth_sum");
  printf("sum=%ld\n", f(50));
  fflush(stdout);
  pthread_mutex_lock(&m);
  while (!closed) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return arg; /* the thread ends after the library is gone */
}
int main(int argc, char **argv) {
  lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) { printf("dlopen: %s\n", dlerror()); return 1; }
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  usleep(100000);
  dlclose(lib);
  pthread_mutex_lock(&m);
  closed = 1;
  pthread_cond_signal(&c);
  pthread_mutex_unlock(&m);
  pthread_join(t, NULL);
  printf("done\n");
  return 0;
}

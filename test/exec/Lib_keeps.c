// Lib_keeps: negative, the twin of Lib_posix_nokeep. C library calls that
// keep the pointer after they return: pthread_setspecific keeps the value
// for the thread (main reads it back with pthread_getspecific), putenv
// makes the string itself part of the environment (main reads it with
// getenv). Both objects outlive setup(), so they stay on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: specific=kept env=ESCAPE_KEPT=yes
// OUT-NEXT: exit status: 0
// CHECK: Lib_keeps.c:27:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_keeps.c:30:13: malloc(32) escapes to heap
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_key_t key;

__attribute__((noinline)) static int scribble(int k) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (char)(i + k);
  return junk[k];
}

__attribute__((noinline)) static void setup(void) {
  char *v = malloc(16); // heap: malloc(16)
  strcpy(v, "kept");
  pthread_setspecific(key, v);
  char *e = malloc(32); // heap: malloc(32)
  strcpy(e, "ESCAPE_KEPT=yes");
  putenv(e);
}

int main(void) {
  pthread_key_create(&key, NULL);
  setup();
  scribble(7);
  char *v = pthread_getspecific(key);
  printf("specific=%s env=ESCAPE_KEPT=%s\n", v, getenv("ESCAPE_KEPT"));
  free(v);
  return 0;
}

/* small-stack.c — linked into %exec's plain and plugin builds with
 * -Wl,--wrap=main.  With ESCAPE_SMALL_STACK=N in the environment the
 * program's main runs on a thread whose stack is N bytes (musl's default is
 * 131072), so a test shows the converted program still runs where the
 * original did; without it main runs as usual. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __cplusplus /* compiled by clang++ for C++ tests */
extern "C" {
#endif
int __real_main(int argc, char **argv, char **envp);
int __wrap_main(int argc, char **argv, char **envp);

struct args {
  int argc;
  char **argv, **envp;
  int ret;
};

static void *run(void *p) {
  struct args *a = (struct args *)p;
  a->ret = __real_main(a->argc, a->argv, a->envp);
  return NULL;
}

int __wrap_main(int argc, char **argv, char **envp) {
  const char *size = getenv("ESCAPE_SMALL_STACK");
  if (!size || !*size)
    return __real_main(argc, argv, envp);
  struct args a = {argc, argv, envp, 0};
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init(&attr) || pthread_attr_setstacksize(&attr, strtoul(size, NULL, 0)) ||
      pthread_create(&t, &attr, run, &a) || pthread_join(t, NULL)) {
    fprintf(stderr, "small-stack: cannot run main on a %s-byte stack\n", size);
    return 125;
  }
  return a.ret;
}
#ifdef __cplusplus
}
#endif

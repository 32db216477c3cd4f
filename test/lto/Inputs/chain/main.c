/* main.c: scratch objects through zmalloc -> ymalloc -> xmalloc -> malloc,
 * and one kept in a global read by another function (it stays on the
 * heap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *ymalloc(size_t n);
void *zmalloc(size_t n);

char *kept;

static int sum(int n) {
  int *a = zmalloc(16 * sizeof *a);
  int s = 0;
  for (int i = 0; i < 16; i++)
    a[i] = i * n;
  for (int i = 0; i < 16; i++)
    s += a[i];
  free(a);
  return s;
}

static int name(const char *s) {
  char *b = ymalloc(32);
  snprintf(b, 32, "<%s>", s);
  int n = (int)strlen(b);
  puts(b);
  free(b);
  return n;
}

__attribute__((noinline)) static void keep(const char *s) {
  kept = zmalloc(24);
  snprintf(kept, 24, "kept %s", s);
}

__attribute__((noinline)) static void drop(void) {
  puts(kept);
  free(kept);
}

int main(int argc, char **argv) {
  (void)argv;
  int t = name("chain");
  for (int i = 0; i < 3; i++)
    t += sum(argc + i);
  keep("chain");
  printf("total %d\n", t);
  drop();
  return 0;
}

/* a.c and b.c each have their own static wrapper `get`: two wrappers of
 * one name in two files, both listed in the linked module. */
#include <string.h>
#include "get.h"

int b_part(int n);
int bad_scratch(int x);

static void *get(size_t n) {
  void *p = malloc(n);
  if (!p)
    exit(1);
  return p;
}

static int a_part(int n) {
  int *v = get(8 * sizeof *v);
  for (int i = 0; i < 8; i++)
    v[i] = n + i;
  char *s = hget(16);
  snprintf(s, 16, "a%d", v[7]);
  puts(s);
  int r = v[3];
  free(s);
  free(v);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d %d %d\n", a_part(argc), b_part(argc), bad_scratch(argc));
  return 0;
}

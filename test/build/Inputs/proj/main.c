#include <stdio.h>
#include "buf.h"
#include "names.h"

char *g_kept;

static int count(const char *s) {
  char *p = buf_dup(s);
  int n = 0;
  for (char *q = p; *q; q++)
    n += *q == 'a';
  free(p);
  return n;
}

int main(int argc, char **argv) {
  char *big = malloc(100000);
  memset(big, 'a', 99999);
  big[99999] = 0;
  char *tmp = malloc(16);
  snprintf(tmp, 16, "%d", argc);
#ifdef LEAK
  g_kept = tmp;
#endif
  int *v = malloc(sizeof *v);
  *v = argc;
  int x = *v;
  free(v);
  for (int i = 0; i < 3; i++)
    name_keep(argv[0]);
  printf("%d %d %d %d %s\n", count(big), name_len(argv[0]) > 0, x, (int)strlen(tmp), g_last ? "kept" : "none");
#ifndef LEAK
  free(tmp);
#endif
  free(big);
  return 0;
}

/* names.c: compiled from a build directory beside src/ (Path_*.test). */
#include <stdio.h>
#include "buf.h"

char *g_name;
int other(int n);

int main(int argc, char **argv) {
  int unused_in_main;
  char *a = buf_dup(argv[0]);
  puts(a);
  free(a);
  g_name = buf_dup("kept");
  char *t = malloc(16);
  t[0] = (char)argc;
  g_name[1] = t[0];
  free(t);
  return other(argc) + g_name[0] > 0 ? 0 : 1;
}

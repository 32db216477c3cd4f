#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  volatile char *p = malloc(64);
  p[0] = (char)argc;
  printf("%d\n", p[0]);
  free((void *)p);
  return 0;
}

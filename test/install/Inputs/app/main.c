/* main.c — the downstream project's program (test/install/). */
#include <stdio.h>

int scratch(int n);
void keep(int n);
extern char *g_keep;

int main(void) {
  long t = 0;
  for (int i = 0; i < 10; i++)
    t += scratch(i);
  keep(7);
  printf("scratch %ld, kept %d\n", t, g_keep[5]);
  return 0;
}

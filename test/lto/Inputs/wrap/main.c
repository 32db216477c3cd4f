/* main.c — runs the scratch functions and prints what they compute. */
#include <stdio.h>

#include "wrap.h"

int main(void) {
  long t = 0;
  for (int i = 0; i < 50; i++)
    t += scratch(i) + zeroed(i) + rounded(i) + kept(i);
  for (int i = 0; i < 5; i++)
    t += not_wrappers(i);
  printf("total %ld\n", t);
  printf("registry %ld, debug %ld, kept %d\n", registry_sum(), debug_count(), g_kept[3]);
  return 0;
}

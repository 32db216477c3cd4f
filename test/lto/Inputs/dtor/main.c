#include "rec.h"
#include <stdio.h>
#include <string.h>

__attribute__((noinline, used)) static long rec_use(const struct rec *r) {
  long s = (long)strlen(r->name);
  for (int i = 0; i < 8; i++)
    s += r->vals[i];
  return s;
}

volatile int count = 1000;

int main(void) {
  long s = 0;
  for (int k = 0; k < count; k++) {
    struct rec *r = rec_new("r", k);
    s += rec_use(r);
    rec_free(r);
  }
  for (int k = 0; k < 16; k++)
    rec_kept[k] = rec_new("kept", k);
  for (int k = 0; k < 16; k++) {
    s += rec_use(rec_kept[k]);
    rec_free(rec_kept[k]);
  }
  printf("s=%ld\n", s);
  return 0;
}

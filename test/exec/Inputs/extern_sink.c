// Inputs/extern_sink.c: the definitions behind Call_extern_unknown.c's
// declared-only externs, compiled as a separate translation unit so the
// escape pass never sees them while analysing the test.
#include <stdlib.h>

int *ext_saved;

void ext_remember(int *p) { ext_saved = p; }

long ext_sum_saved(int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += ext_saved[i];
  return s;
}

void ext_release(void) {
  free(ext_saved);
  ext_saved = 0;
}

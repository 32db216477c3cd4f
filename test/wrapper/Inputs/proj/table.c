/* table.c — the global table of distinct words. */
#include <stdlib.h>
#include <string.h>
#include "words.h"

static char *table[64];
static int count;

void table_add(char *word) {
  for (int i = 0; i < count; i++)
    if (strcmp(table[i], word) == 0) {
      free(word);
      return;
    }
  if (count < 64)
    table[count++] = word;
  else
    free(word);
}

int table_count(void) { return count; }

const char *table_word(int i) { return table[i]; }

/* counters returns n zeroed counters; table_longest's copy, once inlined, stays local. */
static int *counters(size_t n) {
  return calloc(n, sizeof(int));
}

/* table_longest counts word lengths in a scratch histogram. */
int table_longest(void) {
  int *hist = counters(32);
  for (int i = 0; i < count; i++) {
    size_t n = strlen(table[i]);
    hist[n < 31 ? n : 31]++;
  }
  int best = 0;
  for (int n = 0; n < 32; n++)
    if (hist[n])
      best = n;
  free(hist);
  return best;
}

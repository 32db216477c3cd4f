/* main.c — reads the words of a few fixed lines and prints the distinct ones. */
#include <stdio.h>
#include <stdlib.h>
#include "words.h"

static const char *lines[] = {
    "It was the best of times",
    "it was the worst of times",
    "it was the age of wisdom",
};

int main(void) {
  char **words = malloc(16 * sizeof *words);
  for (int l = 0; l < 3; l++) {
    int n = words_split(lines[l], words, 16);
    for (int i = 0; i < n; i++)
      table_add(words[i]);
  }
  free(words);
  for (int i = 0; i < table_count(); i++)
    printf("%s\n", table_word(i));
  printf("%d distinct, longest %d\n", table_count(), table_longest());
  return table_count() == 9 ? 0 : 1;
}

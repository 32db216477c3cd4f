/* parse.c — splits a line into words; each word is a new heap string. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "words.h"

/* dup returns a copy of s[0..n): the copy leaves through the result. */
static char *dup(const char *s, size_t n) {
  char *w = malloc(n + 1);
  memcpy(w, s, n);
  w[n] = 0;
  return w;
}

int words_split(const char *line, char **out, int max) {
  char *scratch = malloc(128);
  int n = 0;
  size_t len = strlen(line);
  if (len > 127)
    len = 127;
  for (size_t i = 0; i < len; i++)
    scratch[i] = (char)tolower((unsigned char)line[i]);
  scratch[len] = 0;
  for (size_t i = 0; i < len && n < max;) {
    while (scratch[i] == ' ')
      i++;
    size_t start = i;
    while (scratch[i] && scratch[i] != ' ')
      i++;
    if (i > start)
      out[n++] = dup(scratch + start, i - start);
  }
  free(scratch);
  return n;
}

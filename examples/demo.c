/* demo.c — word frequencies of a built-in text, using small heap buffers.
 * Scratch buffers that never leave their function can live on the stack; the
 * interned words are kept in a global table and must stay on the heap.
 *   scripts/demo    (builds this with and without the plugin and compares)
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const text[] = {
    "It was the best of times, it was the worst of times,",
    "it was the age of wisdom, it was the age of foolishness,",
    "it was the epoch of belief, it was the epoch of incredulity,",
    "it was the season of Light, it was the season of Darkness,",
    "it was the spring of hope, it was the winter of despair.",
};

struct entry { char *word; int count; };
static struct entry table[64]; /* every distinct word, in order of first use */
static int nentries;

/* lower copies s[0..n) into dst in lower case and terminates it. */
static void lower(char *dst, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = (char)tolower((unsigned char)s[i]);
  dst[n] = '\0';
}

/* intern returns the table entry for word, adding a heap copy if it is new. */
static struct entry *intern(const char *word, size_t n) {
  for (int i = 0; i < nentries; i++)
    if (strlen(table[i].word) == n && memcmp(table[i].word, word, n) == 0)
      return &table[i];
  char *copy = malloc(32); /* escapes: stored in the global table */
  memcpy(copy, word, n + 1);
  table[nentries].word = copy;
  return &table[nentries++];
}

static void count_line(const char *line) {
  char *word = malloc(32); /* does not escape: scratch for one word */
  for (const char *p = line; *p;) {
    size_t n = 0;
    while (isalpha((unsigned char)p[n])) n++;
    if (n == 0) { p++; continue; }
    lower(word, p, n < 31 ? n : 31);
    intern(word, strlen(word))->count++;
    p += n;
  }
  free(word);
}

static int by_count(const void *a, const void *b) {
  const struct entry *x = a, *y = b;
  return x->count != y->count ? y->count - x->count : strcmp(x->word, y->word);
}

/* heading returns a new heap string; once inlined into its one caller, that
 * caller's use decides whether it can live on the stack. */
static char *heading(int distinct) {
  char *h = malloc(64); /* returned; main only prints and frees it */
  snprintf(h, 64, "%d distinct words; the ten most frequent:\n", distinct);
  return h;
}

static void print_entry(const struct entry *e) {
  char *line = malloc(64); /* does not escape: snprintf target, fputs source */
  int len = snprintf(line, 64, "%-12s %2d ", e->word, e->count);
  memset(line + len, '#', (size_t)e->count);
  memcpy(line + len + e->count, "\n", 2);
  fputs(line, stdout);
  free(line);
}

static void print_lengths(void) {
  int *hist = calloc(12, sizeof *hist); /* does not escape: zeroed counters */
  for (int i = 0; i < nentries; i++) hist[strlen(table[i].word) % 12]++;
  fputs("distinct words by length:", stdout);
  for (int n = 1; n < 12; n++) printf(" %d", hist[n]);
  putchar('\n');
  free(hist);
}

int main(void) {
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) count_line(text[i]);
  print_lengths();
  qsort(table, (size_t)nentries, sizeof table[0], by_count);
  char *h = heading(nentries);
  fputs(h, stdout);
  free(h);
  for (int i = 0; i < 10 && i < nentries; i++) print_entry(&table[i]);
  for (int i = 0; i < nentries; i++) free(table[i].word);
  return 0;
}

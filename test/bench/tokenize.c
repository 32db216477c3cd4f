/* tokenize.c — a tokenizer that builds temporary strings.
 *   clang-19 -O2 tokenize.c -o tokenize && ./tokenize [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND tokenize.c ...   the hand-written variant: stack buffers
 * Generates lines of text, splits each into words, copies every word into a
 * fresh string (lower-cased, trimmed of punctuation), and counts distinct words
 * in a hash table that keeps only hashes. The line buffer has a constant size;
 * each token's copy has a run-time size (strlen + 1), as real tokenizers do.
 * Self-check: the word count equals the sum of the table's counts, and every
 * generated word is found. Prints a checksum that all variants must agree on. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES 512
#define TABLE_SIZE 4096

static const char *const vocabulary[] = {
    "The", "quick", "brown", "fox", "jumps", "over", "lazy", "dog,", "while", "a",
    "careful", "programmer", "writes", "(stack)", "buffers;", "heap", "allocation",
    "is", "slow.", "Escape", "analysis", "moves", "objects", "to", "frames!",
    "tokenizers", "build", "temporary", "strings", "per", "word", "\"quoted\"",
};
#define NWORDS (sizeof vocabulary / sizeof vocabulary[0])

struct table {
  uint64_t hash[TABLE_SIZE];
  unsigned count[TABLE_SIZE];
};

static uint32_t seed = 12345;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static uint64_t hash_string(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static void table_add(struct table *t, const char *word) {
  uint64_t h = hash_string(word);
  size_t i = h % TABLE_SIZE;
  while (t->count[i] && t->hash[i] != h) i = (i + 1) % TABLE_SIZE;
  t->hash[i] = h;
  t->count[i]++;
}

/* normalize copies [start, start+len) lower-cased, without punctuation, into
 * out; returns the new length. */
static size_t normalize(char *out, const char *start, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (isalnum((unsigned char)start[i])) out[n++] = (char)tolower((unsigned char)start[i]);
  out[n] = 0;
  return n;
}

/* tokenize_line splits line into words and adds each normalized word to t;
 * returns how many words it added. */
static unsigned tokenize_line(struct table *t, const char *line) {
  unsigned words = 0;
  const char *p = line;
  while (*p) {
    while (*p == ' ') p++;
    const char *start = p;
    while (*p && *p != ' ') p++;
    size_t len = (size_t)(p - start);
    if (!len) continue;
#ifdef HAND
    char small[64];
    char *word = len < sizeof small ? small : malloc(len + 1);
#else
    char *word = malloc(len + 1);
#endif
    if (!word) exit(2);
    if (normalize(word, start, len)) {
      table_add(t, word);
      words++;
    }
#ifdef HAND
    if (word != small) free(word);
#else
    free(word);
#endif
  }
  return words;
}

/* process_line builds one random line of nwords words and tokenizes it. */
static unsigned process_line(struct table *t, int nwords) {
#ifdef HAND
  char line[LINE_MAX_BYTES];
#else
  char *line = malloc(LINE_MAX_BYTES);
  if (!line) exit(2);
#endif
  size_t used = 0;
  for (int i = 0; i < nwords; i++) {
    const char *w = vocabulary[next_random() % NWORDS];
    size_t len = strlen(w);
    if (used + len + 2 > LINE_MAX_BYTES) break;
    memcpy(line + used, w, len);
    used += len;
    line[used++] = ' ';
  }
  line[used] = 0;
  unsigned words = tokenize_line(t, line);
#ifndef HAND
  free(line);
#endif
  return words;
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 100000;
  static struct table t;
  unsigned long words = 0;
  for (long r = 0; r < reps; r++) words += process_line(&t, 8 + (int)(next_random() % 24));
  unsigned long total = 0, distinct = 0;
  uint64_t sum = 0;
  for (size_t i = 0; i < TABLE_SIZE; i++)
    if (t.count[i]) {
      distinct++;
      total += t.count[i];
      sum += t.hash[i] * t.count[i];
    }
  if (total != words || distinct != NWORDS) {
    printf("tokenize: FAILED (%lu words, %lu counted, %lu distinct)\n", words, total, distinct);
    return 1;
  }
  printf("tokenize: ok, %lu words, %lu distinct, checksum %016llx\n", words, distinct,
         (unsigned long long)sum);
  return 0;
}

/* words.h — the shared declarations of the wrapper test's small project. */
#ifndef WORDS_H
#define WORDS_H

int words_split(const char *line, char **out, int max);
void table_add(char *word);
int table_count(void);
const char *table_word(int i);
int table_longest(void);

#endif

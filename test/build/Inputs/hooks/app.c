/* The program: the library's hooks, and one allocation of its own (passed
 * to the library: on the heap), beside the library's calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *dup_text(const char *s);
void drop_text(char *p);
void set_hooks(void *(*a)(size_t), void (*r)(void *));

int main(void) {
  set_hooks(malloc, free);
  char *scratch = malloc(32);
  strcpy(scratch, "scratch");
  char *t = dup_text(scratch);
  printf("%s %s\n", scratch, t);
  drop_text(t);
  free(scratch);
  return 0;
}

/* use.c: allocations through a table of function pointers (they stay on
 * the heap: the callee is not known at the call) and direct calls of the
 * same wrappers (their objects move to the stack). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *w0(size_t n);
void *w1(size_t n);

typedef void *(*allocator)(size_t);
allocator table[2] = {w0, w1};

static int through_table(int which, int n) {
  int *a = table[which & 1](16 * sizeof *a);
  for (int i = 0; i < 16; i++)
    a[i] = i + n;
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += a[i];
  free(a);
  return s;
}

static int direct(const char *s) {
  char *b = w0(32);
  snprintf(b, 32, "[%s]", s);
  puts(b);
  int n = (int)strlen(b);
  free(b);
  int *z = w1(8 * sizeof *z);
  for (int i = 0; i < 8; i++)
    n += z[i];
  free(z);
  return n;
}

int main(int argc, char **argv) {
  (void)argv;
  int t = direct("table");
  for (int i = 0; i < 4; i++)
    t += through_table(argc + i, i);
  printf("total %d\n", t);
  return 0;
}

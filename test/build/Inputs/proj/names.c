#include "buf.h"
#include "names.h"

char *g_last;

int name_len(const char *s) {
  char *p = buf_dup(s);
  int n = (int)strlen(p);
  free(p);
  return n;
}

void name_keep(const char *s) {
  free(g_last);
  g_last = buf_dup(s);
}

// Lib_strtol_endptr: strtol and strtod store through endptr only when it
// is not a null pointer, so a scratch copy parsed with a null endptr stays
// frame-local (call.c, model_call). Positive: parse_null's buffer, with
// strtol and strtod. Negative twin: parse_kept's endptr is a global, which
// points into the buffer after the call; main reads through it after
// parse_kept returned, so the buffer must stay on the heap (it is leaked on
// purpose). Heap allocations, plain / plugin: 6 / 2 (the kept buffer and
// stdout's).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: 1234 2.5 77 [ rest]
// OUT-NEXT: exit status: 0
// COUNT: plain: 6
// COUNT-NEXT: escape: 2
// CHECK: Lib_strtol_endptr.c:29:15: malloc(64) does not escape
// CHECK-NEXT: Lib_strtol_endptr.c:39:15: malloc(64) escapes to heap
// CHECK-NEXT: Lib_strtol_endptr.c:48:15: malloc(16) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g_end;

static const char *texts[] = {"1234", "2.5", "77 rest"};

__attribute__((noinline)) long parse_null(const char *src) {
  size_t n = strlen(src);
  char *buf = malloc(64);
  memcpy(buf, src, n + 1);
  long v = strtol(buf, NULL, 10);
  v += (long)(strtod(buf, NULL) * 0); /* strtod with a null endptr too */
  free(buf);
  return v;
}

__attribute__((noinline)) long parse_kept(const char *src) {
  size_t n = strlen(src);
  char *buf = malloc(64);
  memcpy(buf, src, n + 1);
  return strtol(buf, &g_end, 10); /* g_end now points into buf */
}

int main(void) {
  long a = parse_null(texts[0]);
  double b = 0;
  for (int i = 0; i < 3; i++) { /* three more frame-local parses */
    char *t = malloc(16);
    strcpy(t, texts[1]);
    b = strtod(t, NULL);
    free(t);
  }
  long c = parse_kept(texts[2]);
  printf("%ld %g %ld [%s]\n", a, b, c, g_end);
  return 0;
}

// Summaries are trusted only for definitions that are the ones that run.
// A weak definition may be replaced at link time, and with
// -fPIC -fsemantic-interposition any exported one may be: calls to them
// fall back to LLVM's attributes (none here, as the bodies are not
// analysed by function-attrs either), so the objects stay on the heap.
// Variadic parameters are not followed: an object passed through "..." to
// a function of ours escapes.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --check-prefix=EXACT --match-full-lines --implicit-check-not=escape
// RUN: %report -m=1 %s -fPIC -fsemantic-interposition | FileCheck %s --check-prefix=PIC --match-full-lines --implicit-check-not=escape
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline, weak)) int weak_reader(const char *s) { return (int)strlen(s); }
__attribute__((noinline)) int reader(const char *s) { return (int)strlen(s); }

__attribute__((noinline)) int sum_lengths(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int total = 0;
  for (int i = 0; i < n; i++)
    total += (int)strlen(va_arg(ap, const char *));
  va_end(ap);
  return total;
}

int main(void) {
  // TEST 1 - negative: a weak definition's summary is not trusted.
  char *a = malloc(16);
  strcpy(a, "weak");
  int n = weak_reader(a);
  free(a);
  // TEST 2 - positive (negative under -fPIC -fsemantic-interposition).
  char *b = malloc(16);
  strcpy(b, "exact");
  n += reader(b);
  free(b);
  // TEST 3 - negative: passed through "...".
  char *c = malloc(16);
  strcpy(c, "variadic");
  n += sum_lengths(1, c);
  free(c);
  printf("n=%d\n", n);
  return 0;
}

// OUT: n=17
// EXACT: Summary_interposable.c:16:61: s does not escape
// EXACT-NEXT: Summary_interposable.c:17:50: s does not escape
// EXACT-NEXT: Summary_interposable.c:31:13: malloc(16) escapes to heap
// EXACT-NEXT: Summary_interposable.c:36:13: malloc(16) does not escape
// EXACT-NEXT: Summary_interposable.c:41:13: malloc(16) escapes to heap
// PIC: Summary_interposable.c:16:61: s does not escape
// PIC-NEXT: Summary_interposable.c:17:50: s does not escape
// PIC-NEXT: Summary_interposable.c:31:13: malloc(16) escapes to heap
// PIC-NEXT: Summary_interposable.c:36:13: malloc(16) escapes to heap
// PIC-NEXT: Summary_interposable.c:41:13: malloc(16) escapes to heap

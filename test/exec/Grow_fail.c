// Grow_fail: positive. A realloc of the stack buffer that fails returns NULL
// and leaves the buffer as it was, as realloc leaves the old block: the
// program goes on with the old contents, retries with a smaller size, and
// frees what it has (the free skips the stack buffer). A huge request fails
// in the plain build too. Not run by %exec: under ASan a failed allocation
// prints a warning (allocator_may_return_null=1), so the ASan run here is
// checked for errors only.
// RUN: %clang -O2 -g -w %s -o %t.plain
// RUN: %clang -O2 -g -w %escape-flags %verify-ir %s -o %t.escape
// RUN: %clang -O2 -g -w %escape-flags %verify-ir -fsanitize=address -fno-omit-frame-pointer %s -o %t.asan
// RUN: %t.plain > %t.plain.out
// RUN: %t.escape > %t.escape.out
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:allocator_may_return_null=1:detect_leaks=0 %t.asan > %t.asan.out 2> %t.asan.err
// RUN: diff %t.plain.out %t.escape.out
// RUN: diff %t.plain.out %t.asan.out
// RUN: not grep -F 'ERROR: AddressSanitizer' %t.asan.err
// RUN: FileCheck %s --check-prefix=OUT --match-full-lines --input-file=%t.escape.out
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept=abcdefgh/8
// OUT-NEXT: retried=abcdefgh+/9
// OUT-NEXT: builder=xxxxxxxxxxxxxxx/15
// CHECK: Grow_fail.c:33:13: malloc(16) does not escape
// CHECK-NEXT: Grow_fail.c:43:13: malloc(16) does not escape
// CHECK-NEXT: Grow_fail.c:59:13: malloc(16) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile size_t huge = (size_t)1 << 62, more = 64;
static volatile int count = 40;

__attribute__((noinline)) static void kept(void) {
  char *p = malloc(16); // stack: the realloc fails, the buffer stays
  strcpy(p, "abcdefgh");
  char *q = realloc(p, huge);
  if (q)
    p = q;
  printf("kept=%s/%zu\n", p, strlen(p));
  free(p);
}

__attribute__((noinline)) static void retried(void) {
  char *p = malloc(16); // stack: fails, then grows
  strcpy(p, "abcdefgh");
  char *q = realloc(p, huge);
  if (!q)
    q = realloc(p, more);
  if (!q) {
    free(p);
    return;
  }
  strcat(q, "+");
  printf("retried=%s/%zu\n", q, strlen(q));
  free(q);
}

// A builder whose growth fails stops appending and keeps what it has.
__attribute__((noinline)) static void builder(int n) {
  char *p = malloc(16); // stack: its growth fails
  size_t len = 0, cap = 16;
  for (int i = 0; i < n; i++) {
    if (len + 1 >= cap) {
      char *q = realloc(p, huge);
      if (!q)
        break;
      p = q;
      cap = huge;
    }
    p[len++] = 'x';
    p[len] = 0;
  }
  printf("builder=%s/%zu\n", p, len);
  free(p);
}

int main(void) {
  kept();
  retried();
  builder(count);
  return 0;
}

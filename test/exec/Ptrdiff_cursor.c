// Ptrdiff_cursor: positive. The difference of two pointers into one object
// is an offset: the object's address cancels (build.c, offset_difference).
// A scratch buffer written through a cursor advanced in a loop, its length
// the cursor minus the buffer (parson's process_string), stored through an
// out-parameter in unescape and into a global in count_to: both buffers
// stay on the stack. Heap allocations, plain / plugin: 3 / 1 (stdout's
// buffer). Ptrdiff_address.c is the negative twin.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: 394 4 105 5
// OUT-NEXT: exit status: 0
// COUNT: plain: 3
// COUNT-NEXT: escape: 1
// CHECK: Ptrdiff_cursor.c:28:15: malloc(64) does not escape
// CHECK-NEXT: Ptrdiff_cursor.c:44:15: malloc(48) does not escape
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long g_len;          /* a length kept in a global: an offset, no address */
volatile int g_count = 9;

/* unescape copies s into a scratch buffer, dropping backslashes, advancing
 * a cursor; the length is the cursor minus the buffer (parson's shape). */
__attribute__((noinline)) long unescape(const char *s, long *out_len) {
  char *buf = malloc(64);   // stack: pointer difference stored through out_len
  char *cur = buf;
  for (int k = 0; s[k] && k < 63; k++)
    if (s[k] != '\\')
      *cur++ = s[k];
  *cur = 0;
  *out_len = cur - buf;
  long sum = 0;
  for (char *q = buf; q < cur; q++)
    sum += *q;
  free(buf);
  return sum;
}

/* count_to: the cursor's offset kept in a global, past the call. */
__attribute__((noinline)) long count_to(const char *s, char stop) {
  char *buf = malloc(48);   // stack: a cursor's offset stored to a global
  char *cur = buf;
  for (int k = 0; s[k] && s[k] != stop && k < 47; k++)
    *cur++ = (char)(s[k] + 1);
  g_len = cur - buf;
  long v = buf[0];
  free(buf);
  return v;
}

int main(void) {
  long len = 0;
  long s = unescape("a\\b\\c\\\\d", &len);
  long t = count_to("hello, world", g_count == 9 ? ',' : 'o');
  printf("%ld %ld %ld %ld\n", s, len, t, g_len);
  return 0;
}

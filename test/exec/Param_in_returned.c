// Param_in_returned: negative beside positive. A parameter stored into an
// object the function allocates and returns leaks: the caller gets the
// object and may keep it (Go: the returned object escapes, and what it
// holds with it).  wrap's buffer reaches a global through the node wrap
// returns, so it stays on the heap (it moved to the stack once: the summary
// was read before returns were joined to the heap and missed the returned
// object's contents, and ASan saw a stack-use-after-return).  The positive
// twin: measure only reads its parameter and returns a fresh integer, so
// the caller's buffer still moves.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: kept: ab 2
// OUT-NEXT: exit status: 0
// CHECK: Param_in_returned.c:38:58: leaking param: p:
// CHECK-NEXT: Param_in_returned.c:38:58:   parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: Param_in_returned.c:38:58:     flow: {heap} = *n:
// CHECK-NEXT: Param_in_returned.c:38:58:       from p (stored into *n) at Param_in_returned.c:41:11
// CHECK-NEXT: Param_in_returned.c:38:58:       from *n (held by n, which escapes)
// CHECK-NEXT: Param_in_returned.c:38:58:       flow: {heap} = n:
// CHECK-NEXT: Param_in_returned.c:38:58:         from n (returned) at Param_in_returned.c:43:3
// CHECK-NEXT: Param_in_returned.c:39:20: malloc(16) escapes to heap:
// CHECK-NEXT: Param_in_returned.c:39:20:   flow: {heap} = n:
// CHECK-NEXT: Param_in_returned.c:39:20:     from n (returned) at Param_in_returned.c:43:3
// CHECK-NEXT: Param_in_returned.c:46:59: p does not escape
// CHECK-NEXT: Param_in_returned.c:51:15: malloc(8) escapes to heap:
// CHECK-NEXT: Param_in_returned.c:51:15:   flow: {heap} = buf:
// CHECK-NEXT: Param_in_returned.c:51:15:     from buf (passed to parameter 0 of wrap, which leaks it) at Param_in_returned.c:54:10
// CHECK-NEXT: Param_in_returned.c:58:15: malloc(8) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  char *text;
  struct node *next;
};

__attribute__((noinline)) static struct node *wrap(char *p) {
  struct node *n = malloc(sizeof *n);
  if (!n) exit(2);
  n->text = p;
  n->next = NULL;
  return n;
}

__attribute__((noinline)) static long measure(const char *p) { return (long)strlen(p); }

static struct node *kept;

__attribute__((noinline)) static void keep(void) {
  char *buf = malloc(8);
  if (!buf) exit(2);
  strcpy(buf, "ab");
  kept = wrap(buf);
}

__attribute__((noinline)) static long count(void) {
  char *buf = malloc(8);
  if (!buf) exit(2);
  strcpy(buf, "xy");
  long n = measure(buf);
  free(buf);
  return n;
}

int main(void) {
  keep();
  long n = count();
  printf("kept: %s %ld\n", kept->text, n);
  return 0;
}

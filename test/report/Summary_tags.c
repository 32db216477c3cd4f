// Parameter summaries, one per Go tag, and what each means for a caller's
// object: a helper that only reads keeps it on the stack; one that leaks it,
// leaks its contents, or frees it keeps it on the heap; one that returns it
// hands it back to a caller who may still free it locally.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct box { char *text; int n; };
char *g_text;
struct box *g_box;

__attribute__((noinline)) int reads(const char *s) { return (int)strlen(s); }
__attribute__((noinline)) void keeps(char *s) { g_text = s; }
__attribute__((noinline)) void keeps_content(struct box *b) { g_text = b->text; }
__attribute__((noinline)) char *same(char *s) { s[0] = 'S'; return s; }
__attribute__((noinline)) char *inner(struct box *b) { return b->text; }
__attribute__((noinline)) void drops(char *s) { free(s); }

int main(void) {
  // TEST 1 - positive: read by a same-file helper.
  char *a = malloc(16);
  strcpy(a, "read");
  int n = reads(a);
  free(a);
  // TEST 2 - negative: the helper keeps it in a global.
  char *b = malloc(16);
  strcpy(b, "kept");
  keeps(b);
  // TEST 3 - negative: the helper keeps what the box points to; the box
  // itself stays local.
  char *c = malloc(16);
  strcpy(c, "content");
  struct box *bx = malloc(sizeof *bx);
  bx->text = c;
  bx->n = 1;
  keeps_content(bx);
  free(bx);
  // TEST 4 - positive: returned back by an identity-like helper, freed here.
  char *d = malloc(16);
  strcpy(d, "same");
  char *d2 = same(d);
  n += reads(d2);
  free(d2);
  // TEST 5 - positive: the helper returns the box's contents; both local.
  char *e = malloc(16);
  strcpy(e, "inner");
  struct box *be = malloc(sizeof *be);
  be->text = e;
  n += reads(inner(be));
  free(be);
  free(e);
  // TEST 6 - negative: freed by the callee.
  char *f = malloc(16);
  strcpy(f, "dropped");
  n += reads(f);
  drops(f);
  printf("n=%d %s %s\n", n, g_text, b);
  return 0;
}

// OUT: n=20 content kept
// CHECK: Summary_tags.c:15:49: s does not escape
// CHECK-NEXT: Summary_tags.c:16:44: leaking param: s
// CHECK-NEXT: Summary_tags.c:17:58: leaking param content: b
// CHECK-NEXT: Summary_tags.c:18:44: leaking param: s to result ~r0 level=0
// CHECK-NEXT: Summary_tags.c:19:51: leaking param: b to result ~r0 level=1
// CHECK-NEXT: Summary_tags.c:20:44: leaking param: s
// CHECK-NEXT: Summary_tags.c:24:13: malloc(16) does not escape
// CHECK-NEXT: Summary_tags.c:29:13: malloc(16) escapes to heap
// CHECK-NEXT: Summary_tags.c:34:13: malloc(16) escapes to heap
// CHECK-NEXT: Summary_tags.c:36:20: malloc(16) does not escape
// CHECK-NEXT: Summary_tags.c:42:13: malloc(16) does not escape
// CHECK-NEXT: Summary_tags.c:48:13: malloc(16) does not escape
// CHECK-NEXT: Summary_tags.c:50:20: malloc(16) does not escape
// CHECK-NEXT: Summary_tags.c:56:13: malloc(16) escapes to heap

// Setjmp_builtin: negative. __builtin_setjmp (llvm.eh.sjlj.setjmp) returns twice as setjmp does: a site it reaches stays on the heap.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: prev=run0 now=run1
// OUT-NEXT: prev=run1 now=run2
// OUT-NEXT: r=4
// OUT-NEXT: exit status: 0
// CHECK: Setjmp_builtin.c:19:22: malloc(8) does not escape
// CHECK-NEXT: Setjmp_builtin.c:22:13: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct holder { char *prev; };
static void *jb[5];
static int count;
__attribute__((noinline)) static void jump(void) { __builtin_longjmp(jb, 1); }
__attribute__((noinline)) static void show(const char *a, const char *b) { printf("prev=%s now=%s\n", a, b); }
__attribute__((noinline)) static int work(void) {
  struct holder *h = malloc(sizeof *h);   /* before the setjmp */
  h->prev = NULL;
  __builtin_setjmp(jb);                   /* returns a second time from jump() */
  char *o = malloc(16);                   /* runs once per return: a new object each time */
  snprintf(o, 16, "run%d", count);
  char *prev = *(char *volatile *)&h->prev;  /* read from memory after each return */
  if (prev) show(prev, o);                /* the previous run's object is still live */
  h->prev = o;
  if (++count < 3) jump();
  int r = (int)strlen(h->prev);
  free(h);
  return r;
}
int main(void) { printf("r=%d\n", work()); return 0; }

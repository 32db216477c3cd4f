// Sidestack_swapcontext: negative. a program that switches stacks with swapcontext ends frames out of their order on one thread: no side stack (the recursive sites stay on the heap).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=WHY --match-full-lines
// OUT: co first: 189
// OUT-NEXT: co second: 1323
// OUT-NEXT: main: 252
// OUT-NEXT: exit status: 0
// CHECK: Sidestack_swapcontext.c:25:13: malloc(64) escapes to heap
// WHY:      Sidestack_swapcontext.c:{{[0-9]+}}:13:   recursive: no side stack in a program that switches stacks (swapcontext)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
static ucontext_t main_ctx, co_ctx;
static char co_stack[65536];
static int phase;
__attribute__((noinline)) static void bottom(char tag) {
  if (tag == 'C') swapcontext(&co_ctx, &main_ctx);      /* coroutine suspends, its b's live */
  else if (tag == 'M') swapcontext(&main_ctx, &co_ctx); /* main resumes the coroutine, its b's live */
}
__attribute__((noinline)) static int check(const char *b, char tag) { int k = 0; for (int i = 0; i < 63; i++) k += b[i] == tag; return k; }
/* recursive: its buffer goes to the side stack */
__attribute__((noinline)) static int walk(int n, char tag) {
  char *b = malloc(64);
  memset(b, tag, 63); b[63] = 0;
  int r = 0;
  if (n > 0) r = walk(n - 1, tag);
  else bottom(tag);
  r += check(b, tag);
  free(b);
  return r;
}
static void co_main(void) {
  printf("co first: %d\n", walk(2, 'C'));   /* suspended at the bottom, resumed by main's walk */
  printf("co second: %d\n", walk(20, 'D')); /* deeper: reuses the side stack above its old mark */
}
int main(void) {
  getcontext(&co_ctx);
  co_ctx.uc_stack.ss_sp = co_stack; co_ctx.uc_stack.ss_size = sizeof co_stack; co_ctx.uc_link = &main_ctx;
  makecontext(&co_ctx, co_main, 0);
  swapcontext(&main_ctx, &co_ctx);          /* coroutine runs walk('C') down to its bottom */
  printf("main: %d\n", walk(3, 'M'));        /* main's bottom resumes the coroutine, which finishes */
  return 0;
}

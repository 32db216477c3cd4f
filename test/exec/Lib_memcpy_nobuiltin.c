// Lib_memcpy_nobuiltin: with -fno-builtin-memcpy, memcpy stays a libc call
// judged by the library model.  Its source's contents (pointer bytes
// included) go into the destination: copied into a global, the object
// escapes (negative; found in review, the model once only read the source);
// copied into a local struct, it stays (positive).
// RUN: %exec %s -fno-builtin-memcpy | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s -fno-builtin-memcpy | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holder { char *p; };
struct holder g_h;

__attribute__((noinline)) void scribble(void) {
  char buf[256];
  memset(buf, 'Z', sizeof buf);
  __asm__ volatile("" ::"r"(buf) : "memory");
}

__attribute__((noinline)) void to_global(void) {
  char *c = malloc(16);
  strcpy(c, "copied");
  struct holder local = {c};
  memcpy(&g_h, &local, sizeof local);
}

__attribute__((noinline)) size_t to_local(void) {
  char *c = malloc(16);
  strcpy(c, "local");
  struct holder a = {c}, b;
  memcpy(&b, &a, sizeof a);
  size_t n = strlen(b.p);
  free(c);
  return n;
}

int main(void) {
  to_global();
  size_t n = to_local();
  scribble();
  printf("%s %zu\n", g_h.p, n);
  return 0;
}

// OUT: copied 5
// OUT-NEXT: exit status: 0
// CHECK: Lib_memcpy_nobuiltin.c:22:13: malloc(16) escapes to heap
// CHECK-NEXT: Lib_memcpy_nobuiltin.c:29:13: malloc(16) does not escape

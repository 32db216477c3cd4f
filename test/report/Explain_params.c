// Explain_params: the -escape-m=2 explanation under each leaking parameter:
// "parameter p leaks to {heap} with derefs=0:" (the pointer itself: stored to
// a global, passed on to a leaking same-file function, to an extern) or
// derefs=1 (what it points to), and "may be freed at" for a parameter passed
// to free. Arguments are not constants, so LLVM keeps every parameter. The
// whole report is checked word for word, indentation included
// (--strict-whitespace: no space after the colons below), and no other line
// may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair { char *first; char *second; };
char *g_saved;
struct pair g_pair;

__attribute__((noinline)) static long total(const char *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void save(char *s) { g_saved = s; }

__attribute__((noinline)) static void save_second(struct pair *pr) {
  g_pair.second = pr->second;
}

__attribute__((noinline)) static void forward(char *fwd) { save(fwd); }

__attribute__((noinline)) static void release(char *victim) {
  printf("release %s\n", victim);
  free(victim);
}

static void at_exit(int status, void *arg) { printf("exit %d %s\n", status, (char *)arg); }

__attribute__((noinline)) static void later(char *msg) { on_exit(at_exit, msg); }

__attribute__((noinline)) static char *both(char *twice) {
  g_pair.first = twice;
  return twice;
}

static char names[5][2] = {"a", "b", "c", "d", "e"};
static volatile int base;

int main(void) {
  char *n = names[base];
  struct pair pr = {n, n + 2};
  save(n);
  save_second(&pr);
  forward(n + 4);
  release(strdup("heap"));
  later(n + 6);
  printf("%ld\n", total(n, 10));
  printf("%s %s %s %s\n", g_saved, g_pair.second, both(n + 8), g_pair.first);
  return 0;
}

// OUT:release heap
// OUT-NEXT:495
// OUT-NEXT:c b e e
// OUT-NEXT:exit 0 d
// OUT-NEXT:exit status: 0

// CHECK:Explain_params.c:20:57: p does not escape
// CHECK-NEXT:Explain_params.c:27:50: leaking param: s:
// CHECK-NEXT:Explain_params.c:27:50:   parameter s leaks to {heap} with derefs=0:
// CHECK-NEXT:Explain_params.c:27:50:     flow: {heap} = s:
// CHECK-NEXT:Explain_params.c:27:50:       from s (stored to global g_saved) at Explain_params.c:27:63
// CHECK-NEXT:Explain_params.c:29:64: leaking param content: pr:
// CHECK-NEXT:Explain_params.c:29:64:   parameter pr leaks to {heap} with derefs=1:
// CHECK-NEXT:Explain_params.c:29:64:     flow: {heap} = *pr:
// CHECK-NEXT:Explain_params.c:29:64:       from *pr (stored to global g_pair) at Explain_params.c:30:17
// CHECK-NEXT:Explain_params.c:33:53: leaking param: fwd:
// CHECK-NEXT:Explain_params.c:33:53:   parameter fwd leaks to {heap} with derefs=0:
// CHECK-NEXT:Explain_params.c:33:53:     flow: {heap} = fwd:
// CHECK-NEXT:Explain_params.c:33:53:       from fwd (passed to parameter 0 of save, which leaks it) at Explain_params.c:33:60
// CHECK-NEXT:Explain_params.c:35:53: leaking param: victim:
// CHECK-NEXT:Explain_params.c:35:53:   parameter victim may be freed at Explain_params.c:37:3
// CHECK-NEXT:Explain_params.c:40:39: leaking param content: arg:
// CHECK-NEXT:Explain_params.c:40:39:   parameter arg leaks to {heap} with derefs=1:
// CHECK-NEXT:Explain_params.c:40:39:     flow: {heap} = *arg:
// CHECK-NEXT:Explain_params.c:40:39:       from *arg (pointed to by parameter 2 of printf, which writes it out) at Explain_params.c:40:46
// CHECK-NEXT:Explain_params.c:42:51: leaking param: msg:
// CHECK-NEXT:Explain_params.c:42:51:   parameter msg leaks to {heap} with derefs=0:
// CHECK-NEXT:Explain_params.c:42:51:     flow: {heap} = msg:
// CHECK-NEXT:Explain_params.c:42:51:       from msg (passed to parameter 1 of on_exit, which may keep it) at Explain_params.c:42:58
// CHECK-NEXT:Explain_params.c:44:51: leaking param: twice:
// CHECK-NEXT:Explain_params.c:44:51:   parameter twice leaks to {heap} with derefs=0:
// CHECK-NEXT:Explain_params.c:44:51:     flow: {heap} = twice:
// CHECK-NEXT:Explain_params.c:44:51:       from twice (stored to global g_pair) at Explain_params.c:45:16
// (no "to result ~r0 level=0": it reaches the heap at that level, Go's fold)
// CHECK-NEXT:Explain_params.c:58:11: strdup("heap") escapes to heap:
// CHECK-NEXT:Explain_params.c:58:11:   passed to release, which may free it, at Explain_params.c:58:3

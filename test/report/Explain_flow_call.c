// Explain_flow_call: -escape-m=2 flows that end in a return or a call:
// returned; passed to a same-file function that leaks it; to an extern
// function (on_exit, which the pass does not model); to pthread_create; held
// by a local array passed to an extern (writev: the nested flow); pointed to
// by a same-file function's parameter whose content leaks; an indirect call;
// inline assembly; realloc. The whole report is checked word for word,
// indentation included (--strict-whitespace: no space after the colons
// below), and no other line may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

struct box { char *text; int n; };
char *g_kept;
static void (*volatile g_show)(const char *) = 0;

__attribute__((noinline)) static void show(const char *s) { printf("%s\n", s); }
__attribute__((noinline)) static void keep(char *s) { g_kept = s; }
__attribute__((noinline)) static void keep_text(struct box *b) { g_kept = b->text; }

__attribute__((noinline)) static char *make(void) {
  char *made = malloc(16);
  strcpy(made, "made");
  return made;
}

__attribute__((noinline)) static void to_keep(void) {
  char *p = malloc(16);
  strcpy(p, "kept");
  keep(p);
}

static void at_exit(int status, void *arg) {
  printf("exit %d %s\n", status, (char *)arg);
  free(arg);
}

__attribute__((noinline)) static void to_extern(void) {
  char *p = malloc(16);
  strcpy(p, "registered");
  on_exit(at_exit, p);
}

static void *worker(void *arg) {
  show(arg);
  free(arg);
  return NULL;
}

__attribute__((noinline)) static void to_thread(void) {
  pthread_t t;
  char *p = malloc(16);
  strcpy(p, "thread");
  pthread_create(&t, NULL, worker, p);
  pthread_join(t, NULL);
}

__attribute__((noinline)) static void to_array(void) {
  char *p = malloc(16);
  strcpy(p, "gathered\n");
  struct iovec parts[1] = {{p, strlen(p)}};
  fflush(stdout);
  writev(1, parts, 1);
  free(p);
}

__attribute__((noinline)) static void to_box(void) {
  char *p = malloc(16);
  strcpy(p, "boxed");
  struct box *b = malloc(sizeof *b);
  b->text = p;
  b->n = 5;
  keep_text(b);
  free(b);
}

__attribute__((noinline)) static void to_indirect(void) {
  char *p = malloc(16);
  strcpy(p, "indirect");
  g_show(p);
  free(p);
}

__attribute__((noinline)) static void to_asm(void) {
  char *p = malloc(16);
  strcpy(p, "asm");
  __asm__ volatile("" : : "r"(p) : "memory");
  show(p);
  free(p);
}

__attribute__((noinline)) static void to_realloc(void) {
  char *p = malloc(16);
  strcpy(p, "realloc");
  p = realloc(p, 64);
  show(p);
  free(p);
}

int main(void) {
  g_show = show;
  char *m = make();
  show(m);
  free(m);
  to_keep();
  show(g_kept);
  to_extern();
  to_thread();
  to_array();
  to_box();
  show(g_kept);
  to_indirect();
  to_asm();
  to_realloc();
  return 0;
}

// OUT:made
// OUT-NEXT:kept
// OUT-NEXT:thread
// OUT-NEXT:gathered
// OUT-NEXT:boxed
// OUT-NEXT:indirect
// OUT-NEXT:asm
// OUT-NEXT:realloc
// OUT-NEXT:exit 0 registered
// OUT-NEXT:exit status: 0

// CHECK:Explain_flow_call.c:22:56: leaking param content: s:
// CHECK-NEXT:Explain_flow_call.c:22:56:   parameter s leaks to {heap} with derefs=1:
// CHECK-NEXT:Explain_flow_call.c:22:56:     flow: {heap} = *s:
// CHECK-NEXT:Explain_flow_call.c:22:56:       from *s (pointed to by parameter 0 of puts, which writes it out) at Explain_flow_call.c:22:61
// CHECK-NEXT:Explain_flow_call.c:23:50: leaking param: s:
// CHECK-NEXT:Explain_flow_call.c:23:50:   parameter s leaks to {heap} with derefs=0:
// CHECK-NEXT:Explain_flow_call.c:23:50:     flow: {heap} = s:
// CHECK-NEXT:Explain_flow_call.c:23:50:       from s (stored to global g_kept) at Explain_flow_call.c:23:62
// CHECK-NEXT:Explain_flow_call.c:24:61: leaking param content: b:
// CHECK-NEXT:Explain_flow_call.c:24:61:   parameter b leaks to {heap} with derefs=1:
// CHECK-NEXT:Explain_flow_call.c:24:61:     flow: {heap} = *b:
// CHECK-NEXT:Explain_flow_call.c:24:61:       from *b (stored to global g_kept) at Explain_flow_call.c:24:73
// CHECK-NEXT:Explain_flow_call.c:27:16: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:27:16:   flow: {heap} = made:
// CHECK-NEXT:Explain_flow_call.c:27:16:     from made (returned) at Explain_flow_call.c:29:3
// CHECK-NEXT:Explain_flow_call.c:33:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:33:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_call.c:33:13:     from p (passed to parameter 0 of keep, which leaks it) at Explain_flow_call.c:35:3
// CHECK-NEXT:Explain_flow_call.c:38:39: leaking param: arg:
// CHECK-NEXT:Explain_flow_call.c:38:39:   parameter arg may be freed at Explain_flow_call.c:40:3
// CHECK-NEXT:Explain_flow_call.c:44:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:44:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_call.c:44:13:     from p (passed to parameter 1 of on_exit, which may keep it) at Explain_flow_call.c:46:3
// CHECK-NEXT:Explain_flow_call.c:49:27: leaking param: arg:
// CHECK-NEXT:Explain_flow_call.c:49:27:   parameter arg may be freed at Explain_flow_call.c:51:3
// CHECK-NEXT:Explain_flow_call.c:57:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:57:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_call.c:57:13:     from p (passed to parameter 3 of pthread_create, which keeps it) at Explain_flow_call.c:59:3
// CHECK-NEXT:Explain_flow_call.c:64:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:64:13:   flow: {heap} = parts:
// CHECK-NEXT:Explain_flow_call.c:64:13:     from p (stored into parts) at Explain_flow_call.c:66:28
// BAD: the outer flow says `parts` where the nested one says `&parts`; the
// step could name the element, parts[0].
// CHECK-NEXT:Explain_flow_call.c:64:13:     from parts (the variable itself escapes)
// CHECK-NEXT:Explain_flow_call.c:64:13:     flow: {heap} = &parts:
// CHECK-NEXT:Explain_flow_call.c:64:13:       from &parts (passed to parameter 1 of writev, which may keep it) at Explain_flow_call.c:68:3
// CHECK-NEXT:Explain_flow_call.c:73:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:73:13:   flow: {heap} = *b:
// CHECK-NEXT:Explain_flow_call.c:73:13:     from p (stored into *b) at Explain_flow_call.c:76:11
// CHECK-NEXT:Explain_flow_call.c:73:13:     from *b (pointed to by parameter 0 of keep_text, which leaks it) at Explain_flow_call.c:78:3
// CHECK-NEXT:Explain_flow_call.c:75:19: malloc(16) does not escape
// CHECK-NEXT:Explain_flow_call.c:83:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:83:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_call.c:83:13:     from p (passed to an indirect call) at Explain_flow_call.c:85:3
// CHECK-NEXT:Explain_flow_call.c:90:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_call.c:90:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_call.c:90:13:     from p (passed to inline assembly) at Explain_flow_call.c:92:3
// Since growable buffers, a realloc'd buffer of the function's own starts on
// the stack (test/report/Grow_explain.c has realloc's escapes).
// CHECK-NEXT:Explain_flow_call.c:98:13: malloc(16) does not escape:
// CHECK-NEXT:Explain_flow_call.c:98:13:   reallocated: in a 16-byte stack buffer until realloc moves it to the heap

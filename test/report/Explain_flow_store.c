// Explain_flow_store: -escape-m=2 flows that end in a store or a frame the
// object cannot outlive: a global, memory behind a parameter, an object that
// escapes itself (the nested flow), a volatile store, a musttail call. The
// whole report is checked word for word, indentation included
// (--strict-whitespace: no space after the colons below), and no other line
// may appear (--implicit-check-not).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | FileCheck %s --check-prefixes=CHECK,%llvm-prefix --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; char *text; };
char *g_last;
struct node *g_list;

__attribute__((noinline)) static void show(const char *s) { printf("%s\n", s); }

__attribute__((noinline)) static void to_global(void) {
  char *p = malloc(16);
  strcpy(p, "global");
  g_last = p;
}

__attribute__((noinline)) static void to_param(char **out) {
  char *p = malloc(16);
  strcpy(p, "param");
  *out = p;
}

__attribute__((noinline)) static void to_list(void) {
  struct node *nd = malloc(sizeof *nd);
  char *text = malloc(16);
  strcpy(text, "listed");
  nd->text = text;
  nd->next = g_list;
  g_list = nd;
}

__attribute__((noinline)) static void to_volatile(void) {
  char *p = malloc(16);
  strcpy(p, "volatile");
  char *volatile slot = p;
  show(slot);
  free(p);
}

__attribute__((noinline)) static void sink(char *s) { show(s); free(s); }

__attribute__((noinline)) static void to_musttail(char *unused) {
  (void)unused;
  char *p = malloc(16);
  strcpy(p, "musttail");
  __attribute__((musttail)) return sink(p);
}

int main(void) {
  char *mine;
  to_global();
  show(g_last);
  to_param(&mine);
  show(mine);
  free(mine);
  to_list();
  show(g_list->text);
  to_volatile();
  to_musttail(NULL);
  return 0;
}

// OUT:global
// OUT-NEXT:param
// OUT-NEXT:listed
// OUT-NEXT:volatile
// OUT-NEXT:musttail
// OUT-NEXT:exit status: 0

// CHECK:Explain_flow_store.c:18:56: leaking param content: s:
// CHECK-NEXT:Explain_flow_store.c:18:56:   parameter s leaks to {heap} with derefs=1:
// CHECK-NEXT:Explain_flow_store.c:18:56:     flow: {heap} = *s:
// CHECK-NEXT:Explain_flow_store.c:18:56:       from *s (pointed to by parameter 0 of puts, which writes it out) at Explain_flow_store.c:18:61
// CHECK-NEXT:Explain_flow_store.c:21:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_store.c:21:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_store.c:21:13:     from p (stored to global g_last) at Explain_flow_store.c:23:10
// CHECK-NEXT:Explain_flow_store.c:26:55: out does not escape
// CHECK-NEXT:Explain_flow_store.c:27:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_store.c:27:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_store.c:27:13:     from p (stored to *out) at Explain_flow_store.c:29:8
// CHECK-NEXT:Explain_flow_store.c:33:21: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_store.c:33:21:   flow: {heap} = nd:
// CHECK-NEXT:Explain_flow_store.c:33:21:     from nd (stored to global g_list) at Explain_flow_store.c:38:10
// CHECK-NEXT:Explain_flow_store.c:34:16: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_store.c:34:16:   flow: {heap} = *nd:
// CHECK-NEXT:Explain_flow_store.c:34:16:     from text (stored into *nd) at Explain_flow_store.c:36:12
// CHECK-NEXT:Explain_flow_store.c:34:16:     from *nd (held by nd, which escapes)
// CHECK-NEXT:Explain_flow_store.c:34:16:     flow: {heap} = nd:
// CHECK-NEXT:Explain_flow_store.c:34:16:       from nd (stored to global g_list) at Explain_flow_store.c:38:10
// CHECK-NEXT:Explain_flow_store.c:42:13: malloc(16) escapes to heap:
// BAD: the value stored is p and the volatile variable is slot; it should
// read "flow: {heap} = p:" / "from p (stored to slot by a volatile store)".
// clang-16's debug values name it p, 19's and 22's slot.
// LLVM16-NEXT:Explain_flow_store.c:42:13:   flow: {heap} = p:
// LLVM16-NEXT:Explain_flow_store.c:42:13:     from p (stored by a volatile store) at Explain_flow_store.c:44:18
// LLVM19-NEXT:Explain_flow_store.c:42:13:   flow: {heap} = slot:
// LLVM19-NEXT:Explain_flow_store.c:42:13:     from slot (stored by a volatile store) at Explain_flow_store.c:44:18
// LLVM22-NEXT:Explain_flow_store.c:42:13:   flow: {heap} = slot:
// LLVM22-NEXT:Explain_flow_store.c:42:13:     from slot (stored by a volatile store) at Explain_flow_store.c:44:18
// CHECK-NEXT:Explain_flow_store.c:49:50: leaking param: s:
// CHECK-NEXT:Explain_flow_store.c:49:50:   parameter s may be freed at Explain_flow_store.c:49:64
// CHECK-NEXT:Explain_flow_store.c:51:57: unused does not escape
// CHECK-NEXT:Explain_flow_store.c:53:13: malloc(16) escapes to heap:
// CHECK-NEXT:Explain_flow_store.c:53:13:   flow: {heap} = p:
// CHECK-NEXT:Explain_flow_store.c:53:13:     from p (passed to a musttail call) at Explain_flow_store.c:55:36

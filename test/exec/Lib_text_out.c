// Lib_text_out: negative beside positive. An address printed as text leaves
// the program: fprintf's %p to a file that fscanf reads back, sprintf's %p
// into a buffer that fputs writes out, a string strdup copies (its bytes,
// the printed address among them) and sscanf parses, an address printed as
// a number (ptrtoint) and parsed with %lx: each object stays on the heap.
// Printing plain data makes nothing escape: a buffer printed with %s,
// written with fputs and duplicated with strdup moves, and so do a struct
// and the string it points to when only its counter is printed (a number
// loaded from memory: call.c's printed_number_plain).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: file
// OUT-NEXT: fputs
// OUT-NEXT: strdup
// OUT-NEXT: number
// OUT-NEXT: plain 5
// OUT-NEXT: 5
// OUT-NEXT: 7 8
// OUT-NEXT: 7
// OUT-NEXT: exit status: 0
// CHECK: Lib_text_out.c:45:13: malloc(8) escapes to heap
// CHECK-NEXT: Lib_text_out.c:54:13: malloc(8) escapes to heap
// CHECK-NEXT: Lib_text_out.c:65:13: malloc(8) escapes to heap
// CHECK-NEXT: Lib_text_out.c:69:16: strdup(...) does not escape
// CHECK-NEXT: Lib_text_out.c:76:13: malloc(8) escapes to heap
// CHECK-NEXT: Lib_text_out.c:85:23: malloc(16) does not escape
// CHECK-NEXT: Lib_text_out.c:86:13: malloc(16) does not escape
// CHECK-NEXT: Lib_text_out.c:96:13: malloc(16) does not escape
// CHECK-NEXT: Lib_text_out.c:100:16: strdup(o) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
char *G[4];
struct counted {
  char *text;
  size_t len;
};
__attribute__((noinline)) void clobber(void) {
  volatile char junk[1024];
  for (int i = 0; i < 1024; i++)
    junk[i] = 'X';
}
__attribute__((noinline)) void by_fprintf(FILE *t) {
  char *o = malloc(8);
  strcpy(o, "file");
  fprintf(t, "%p\n", (void *)o);
  rewind(t);
  void *q = 0;
  if (fscanf(t, "%p", &q) == 1)
    G[0] = q;
}
__attribute__((noinline)) void by_fputs(FILE *t) {
  char *o = malloc(8);
  strcpy(o, "fputs");
  char buf[32];
  sprintf(buf, "%p\n", (void *)o);
  fputs(buf, t);
  rewind(t);
  void *q = 0;
  if (fscanf(t, "%p", &q) == 1)
    G[1] = q;
}
__attribute__((noinline)) void by_strdup(void) {
  char *o = malloc(8);
  strcpy(o, "strdup");
  char buf[32];
  sprintf(buf, "%p", (void *)o);
  char *copy = strdup(buf);
  void *q = 0;
  if (sscanf(copy, "%p", &q) == 1)
    G[2] = q;
  free(copy);
}
__attribute__((noinline)) void by_number(FILE *t) {
  char *o = malloc(8);
  strcpy(o, "number");
  fprintf(t, "%lx\n", (unsigned long)(uintptr_t)o);
  rewind(t);
  unsigned long v = 0;
  if (fscanf(t, "%lx", &v) == 1)
    G[3] = (char *)(uintptr_t)v;
}
__attribute__((noinline)) size_t counted(void) {
  struct counted *c = malloc(sizeof *c);
  c->text = malloc(16);
  strcpy(c->text, "counted");
  c->len = strlen(c->text);
  printf("%zu %d\n", c->len, (int)c->len + 1);
  size_t n = c->len;
  free(c->text);
  free(c);
  return n;
}
__attribute__((noinline)) int plain(FILE *t) {
  char *o = malloc(16);
  strcpy(o, "plain");
  printf("%s %d\n", o, (int)strlen(o));
  fputs(o, t);
  char *copy = strdup(o);
  int n = (int)strlen(copy);
  free(copy);
  free(o);
  return n;
}
int main(void) {
  FILE *t = tmpfile();
  if (!t)
    return 1;
  by_fprintf(t);
  rewind(t);
  by_fputs(t);
  by_strdup();
  rewind(t);
  by_number(t);
  clobber();
  for (int i = 0; i < 4; i++)
    printf("%s\n", G[i] ? G[i] : "(none)");
  printf("%d\n", plain(t));
  printf("%zu\n", counted());
  for (int i = 0; i < 4; i++)
    free(G[i]);
  fclose(t);
  return 0;
}

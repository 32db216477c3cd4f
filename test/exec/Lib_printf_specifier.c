// Lib_printf_specifier: negative. a printf conversion of the program's own (register_printf_specifier) hands the argument to a handler that keeps it: in such a module printf's rows are not used, every argument escapes.
// (Not under AddressSanitizer, whose printf interceptor rejects %Y.)
// RUN: %clang -O2 -g -w %s -o %t.plain && %t.plain | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %clang -O2 -g -w %escape-flags %verify-ir %s -o %t.escape && %t.escape | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: <kept>
// OUT-NEXT: last=kept
// CHECK: Lib_printf_specifier.c:25:13: malloc(8) escapes to heap
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <printf.h>
static const char *last;   /* the handler keeps the last string it printed */
static int handler(FILE *f, const struct printf_info *info, const void *const *args) {
  last = *(const char *const *)args[0];
  return fprintf(f, "<%s>", last);
}
static int arginfo(const struct printf_info *info, size_t n, int *types, int *size) {
  if (n > 0) types[0] = PA_POINTER;
  return 1;
}
__attribute__((noinline)) void clobber(void) { volatile char junk[512]; for (int i = 0; i < 512; i++) junk[i] = 'X'; }
__attribute__((noinline)) void show(void) {
  char *o = malloc(8);
  strcpy(o, "kept");
  printf("%Y\n", o);
}
int main(void) {
  register_printf_specifier('Y', handler, arginfo);
  show(); clobber();
  printf("last=%s\n", last);
  return 0;
}

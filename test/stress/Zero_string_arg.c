// An allocation call whose argument is a constant global that is not a
// string of data (a zero-initialized array): the report's argument text
// must not read it as one. Found compiling the plugin's own sources with the
// plugin (it crashed clang in escape-record).
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines
// CHECK: Zero_string_arg.c:12:10: strdup(empty) escapes to heap
#include <string.h>

static const char empty[16];

char *copy_empty(void) {
  return strdup(empty);
}

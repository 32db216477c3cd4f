// Store_struct_content_leaks: negative. The object is stored into a local
// struct passed to a helper that copies the struct's content (the object's
// address) to a global: the content of an object passed to a call escapes.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=285
// OUT-NEXT: exit status: 0
// CHECK: Store_struct_content_leaks.c:25:12: malloc(24) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct view {
  int *data;
  int len;
};

int *g_saved;

__attribute__((noinline)) static void remember(const struct view *v) {
  g_saved = v->data;
}

__attribute__((noinline)) static void setup(int k) {
  struct view v;
  v.data = malloc(6 * sizeof(int)); // heap: malloc(24)
  v.len = 6;
  for (int i = 0; i < 6; i++)
    v.data[i] = k - i;
  remember(&v);
}

int main(void) {
  setup(50);
  long s = 0;
  for (int i = 0; i < 6; i++)
    s += g_saved[i];
  printf("s=%ld\n", s);
  free(g_saved);
  return 0;
}

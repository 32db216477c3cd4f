// Store_escaping_struct: negative. The object is stored into a local struct
// whose own address is published in a global, so the object escapes with it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: total=285
// OUT-NEXT: exit status: 0
// CHECK: Store_escaping_struct.c:27:12: malloc(40) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct view {
  int *data;
  int len;
};

struct view *g_view;

__attribute__((noinline)) static long total(void) {
  long s = 0;
  for (int i = 0; i < g_view->len; i++)
    s += g_view->data[i];
  return s;
}

int main(void) {
  struct view v;
  int *p = malloc(10 * sizeof(int)); // heap: malloc(40)
  for (int i = 0; i < 10; i++)
    p[i] = i * i;
  v.data = p;
  v.len = 10;
  g_view = &v;
  printf("total=%ld\n", total());
  g_view = 0;
  free(p);
  return 0;
}

// Return_in_struct: negative. The object's address leaves make() inside a
// struct returned by value.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=10988
// OUT-NEXT: exit status: 0
// CHECK: Return_in_struct.c:19:12: malloc(32) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct buf {
  int *data;
  int len;
};

__attribute__((noinline)) static struct buf make(int n) {
  struct buf b;
  b.len = 8;
  b.data = malloc(8 * sizeof(int)); // heap: malloc(32)
  for (int i = 0; i < 8; i++)
    b.data[i] = n + i;
  return b;
}

int main(void) {
  struct buf x = make(10);
  struct buf y = make(20);
  long s = 0;
  for (int i = 0; i < x.len; i++)
    s += x.data[i] * 100 + y.data[i];
  printf("s=%ld\n", s);
  free(x.data);
  free(y.data);
  return 0;
}

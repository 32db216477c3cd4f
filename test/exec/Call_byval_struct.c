// Call_byval_struct: negative. The object's address travels inside a large
// struct passed by value (in memory, byval); the callee keeps it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: t=10 data=12
// OUT-NEXT: exit status: 0
// CHECK: Call_byval_struct.c:26:12: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

struct big {
  long a, b, c;
  int *data;
  long d;
};

int *g_data;

__attribute__((noinline)) static long take(struct big s) {
  g_data = s.data;
  return s.a + s.b + s.c + s.d;
}

__attribute__((noinline)) static long work(int k) {
  struct big s = {1, 2, 3, 0, 4};
  s.data = malloc(4 * sizeof(int)); // heap: malloc(16)
  for (int i = 0; i < 4; i++)
    s.data[i] = k * i;
  return take(s);
}

int main(void) {
  long t = work(6);
  printf("t=%ld data=%d\n", t, g_data[2]);
  free(g_data);
  return 0;
}

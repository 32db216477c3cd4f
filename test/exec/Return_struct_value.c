// Return_struct_value: positive. A struct of plain values computed from the
// object is returned; the object's address is not part of it.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: a=37/6 b=36/6
// OUT-NEXT: exit status: 0
// CHECK: Return_struct_value.c:27:12: malloc(48) does not escape
#include <stdio.h>
#include <stdlib.h>

struct stats {
  long total;
  int max;
};

__attribute__((noinline)) static struct stats measure(const int *p, int n) {
  struct stats st = {0, p[0]};
  for (int i = 0; i < n; i++) {
    st.total += p[i];
    if (p[i] > st.max)
      st.max = p[i];
  }
  return st;
}

__attribute__((noinline)) static struct stats run(int k) {
  int *p = malloc(12 * sizeof(int)); // stack: malloc(48)
  for (int i = 0; i < 12; i++)
    p[i] = (i * k) % 7;
  struct stats st = measure(p, 12);
  free(p);
  return st;
}

int main(void) {
  struct stats a = run(3);
  struct stats b = run(5);
  printf("a=%ld/%d b=%ld/%d\n", a.total, a.max, b.total, b.max);
  return 0;
}

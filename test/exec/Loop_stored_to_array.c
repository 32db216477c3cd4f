// Loop_stored_to_array: negative. Each iteration stores its object's address
// into an array that is read after the loop: objects from every iteration are
// live at once, so one reused stack slot would alias them all.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=646872766
// OUT-NEXT: exit status: 0
// CHECK: Loop_stored_to_array.c:24:14: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 5;

__attribute__((noinline)) static long sum(const int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long gather(int n) {
  int *slots[8];
  for (int r = 0; r < n; r++) {
    int *p = malloc(4 * sizeof(int)); // heap: malloc(16)
    for (int i = 0; i < 4; i++)
      p[i] = r * 10 + i;
    slots[r] = p;
  }
  long s = 0;
  for (int r = 0; r < n; r++) {
    s = s * 100 + sum(slots[r], 4);
    free(slots[r]);
  }
  return s;
}

int main(void) {
  printf("s=%ld\n", gather(count));
  return 0;
}

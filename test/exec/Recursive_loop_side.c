// Recursive_loop_side: positive. A recursive descent over a tree allocates a
// scratch key in its loop, once per child, and frees it in the same
// iteration, around the recursive call. It is the function's only moved
// object: each iteration takes the side stack's top and the free puts it
// back, so 4^6 iterations need one key's memory per level, not per
// iteration. Counts: 5460 keys (side stack) plus stdout's buffer.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: sum=371551 calls=5461
// OUT-NEXT: exit status: 0
// CHECK: Recursive_loop_side.c:28:17: malloc(48) does not escape
// COUNT: plain: 5461
// COUNT-NEXT: escape: 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int fanout = 4, depth = 6;
static long calls;

__attribute__((noinline)) static long walk(int level, long id) {
  long sum = id % 97;
  calls++;
  if (level == depth)
    return sum;
  for (int k = 0; k < fanout; k++) {
    char *key = malloc(48); // side stack: checked, released by its free
    snprintf(key, 48, "node-%d-%ld-%d", level, id, k);
    sum += (long)strlen(key) * k;
    sum += walk(level + 1, id * fanout + k);
    sum += key[5] == '0' + level;
    free(key);
  }
  return sum;
}

int main(void) {
  long s = walk(0, 1);
  printf("sum=%ld calls=%ld\n", s, calls);
  return 0;
}

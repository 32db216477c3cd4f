// Call_setvbuf_buffer: negative. setvbuf keeps the buffer for stdout, which
// uses it long after setup() returns (until exit flushes it).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: line 0
// OUT-NEXT: line 1
// OUT-NEXT: line 4
// OUT-NEXT: line 9
// OUT-NEXT: line 16
// OUT-NEXT: done
// OUT-NEXT: exit status: 0
// CHECK: Call_setvbuf_buffer.c:17:15: malloc(4096) escapes to heap
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void setup(void) {
  char *buf = malloc(4096); // heap: malloc(4096)
  setvbuf(stdout, buf, _IOFBF, 4096);
}

__attribute__((noinline)) static void scribble(void) {
  volatile char junk[8192];
  for (int i = 0; i < 8192; i++)
    junk[i] = 'X';
}

int main(void) {
  setup();
  for (int i = 0; i < 5; i++)
    printf("line %d\n", i * i);
  scribble();
  printf("done\n");
  return 0;
}

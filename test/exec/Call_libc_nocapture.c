// Call_libc_nocapture: positive. The objects only go to libc functions LLVM
// knows to be nocapture and nofree (strcpy's source, strlen, memcmp,
// snprintf's buffer, puts, fputs, fwrite).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: len=3 same=1
// OUT-NEXT: w42
// OUT-NEXT: len=3
// OUT-NEXT: len=5 same=0
// OUT-NEXT: w1042
// OUT-NEXT: len=5
// OUT-NEXT: exit status: 0
// CHECK: Call_libc_nocapture.c:22:16: malloc(32) does not escape
// CHECK-NEXT: Call_libc_nocapture.c:23:16: malloc(64) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int seed = 42;

__attribute__((noinline)) static void talk(int k) {
  char *word = malloc(32); // stack: malloc(32)
  char *line = malloc(64); // stack: malloc(64)
  snprintf(word, 32, "w%d", k);
  size_t n = strlen(word);
  snprintf(line, 64, "len=%zu same=%d", n, memcmp(word, "w42", 3) == 0);
  puts(line);
  fputs(word, stdout);
  fputs("\n", stdout);
  fwrite(line, 1, 5, stdout);
  fputs("\n", stdout);
  free(word);
  free(line);
}

int main(void) {
  talk(seed);
  talk(seed + 1000);
  return 0;
}

// Lib_file_pipe: negative beside positive. a pointer written with fwrite and write, read back with fread and read: both objects stay on the heap (x); a buffer of plain data written there moves.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: hello world
// OUT-NEXT: data 1
// OUT-NEXT: exit status: 0
// CHECK: Lib_file_pipe.c:15:13: malloc(32) escapes to heap
// CHECK-NEXT: Lib_file_pipe.c:24:13: malloc(32) escapes to heap
// CHECK-NEXT: Lib_file_pipe.c:34:13: malloc(16) does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
__attribute__((noinline)) char *make(FILE *t) {
  char *o = malloc(32);
  strcpy(o, "hello");
  fwrite(&o, sizeof o, 1, t);
  rewind(t);
  char *q = 0;
  if (fread(&q, sizeof q, 1, t) != 1) return 0;
  return q;
}
__attribute__((noinline)) char *make2(int fd[2]) {
  char *o = malloc(32);
  strcpy(o, "world");
  if (write(fd[1], &o, sizeof o) != sizeof o) return 0;
  char *q = 0;
  if (read(fd[0], &q, sizeof q) != sizeof q) return 0;
  return q;
}
__attribute__((noinline)) void clobber(void) { volatile char junk[256]; for (int i = 0; i < 256; i++) junk[i] = 'X'; }
/* The positive twin: a buffer of plain data written to the pipe moves. */
__attribute__((noinline)) int data(int fd[2]) {
  char *d = malloc(16);
  strcpy(d, "data");
  int ok = write(fd[1], d, 5) == 5;
  free(d);
  char in[5];
  return ok && read(fd[0], in, 5) == 5 && in[0] == 'd';
}
int main(void) {
  FILE *t = tmpfile();
  char *s = make(t);
  int fd[2]; pipe(fd);
  char *s2 = make2(fd);
  clobber();
  printf("%s %s\n", s, s2);
  printf("data %d\n", data(fd));
  free(s); free(s2);
  return 0;
}

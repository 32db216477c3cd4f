// Sidestack_target: the side stack's runtime (built for the host) serves a
// module whose triple names the same architecture, OS and environment
// however it is spelled (--target=x86_64-linux-gnu against the host's
// x86_64-pc-linux-gnu); for another target (aarch64, i386) the recursive
// function's object stays on the heap, and -m=2 says the side stack is not
// available there (not "budget 0 bytes").  No #include, so the other
// targets compile without their C library's headers.
// RUN: %report -m=2 %s --target=x86_64-linux-gnu | FileCheck %s --check-prefix=HOST --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s --target=x86_64-unknown-linux-gnu | FileCheck %s --check-prefix=HOST --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s --target=aarch64-linux-gnu | FileCheck %s --check-prefix=ARM --match-full-lines --implicit-check-not=escape
// RUN: %report -m=2 %s --target=i386-linux-gnu | FileCheck %s --check-prefix=I386 --match-full-lines --implicit-check-not=escape
// The x86_64-linux-gnu build links the runtime without a word and runs.
// RUN: %clang -O2 --target=x86_64-linux-gnu %escape-flags %s -o %t 2> %t.err
// RUN: count 0 < %t.err
// RUN: %t | FileCheck %s --check-prefix=OUT
// OUT: 1024
//
// HOST:      Sidestack_target.c:34:55: p does not escape
// HOST-NEXT: Sidestack_target.c:42:13: malloc(32) does not escape:
// HOST-NEXT: Sidestack_target.c:42:13:   recursive: on the thread's side stack while it has room, else on the heap
// ARM:       Sidestack_target.c:34:55: p does not escape
// ARM-NEXT:  Sidestack_target.c:42:13: malloc(32) escapes to heap:
// ARM-NEXT:  Sidestack_target.c:42:13:   recursive: the side stack is not available for target aarch64-unknown-linux-gnu
// I386:      Sidestack_target.c:34:55: p does not escape
// I386-NEXT: Sidestack_target.c:42:13: malloc(32) escapes to heap:
// I386-NEXT: Sidestack_target.c:42:13:   recursive: the side stack is not available for target i386-unknown-linux-gnu
typedef __SIZE_TYPE__ size_t;
void *malloc(size_t);
void free(void *);
int printf(const char *, ...);

static volatile int seed = 1;

__attribute__((noinline)) static long sum(const char *p) {
  long s = 0;
  for (int i = 0; i < 32; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static long walk(int depth) {
  char *p = malloc(32);
  for (int i = 0; i < 32; i++)
    p[i] = (char)(depth + i);
  long s = sum(p);
  if (depth > 0)
    s += walk(depth - 1);
  free(p);
  return s;
}

int main(void) {
  printf("%ld\n", walk(seed));
  return 0;
}

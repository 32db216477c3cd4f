#include <stdio.h>

long chain(int k);
long big(int k);
long frame(int k);
long guarded(const char *s, unsigned long n);
long walk(int depth);

static volatile int seed = 1;

int main(void) {
  char text[300];
  for (int i = 0; i < 300; i++)
    text[i] = (char)('a' + i % 26);
  long s = chain(seed) + big(seed) + frame(seed) + guarded(text, 100 + seed) +
           guarded(text, 299) + walk(10 + seed);
  printf("s=%ld\n", s);
  return 0;
}

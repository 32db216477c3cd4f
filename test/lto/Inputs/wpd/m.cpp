// m.cpp — calls a.cpp's virtual call (test/lto/LTO_distributed.test).
#include <cstdio>
#include <cstdlib>
struct B {
  virtual int f(int);
};
int call(B *b, int x);
int main() {
  B b;
  int *p = (int *)malloc(16);
  p[1] = call(&b, 3);
  std::printf("%d\n", p[1]);
  free(p);
  return 0;
}

// a.cpp — a virtual call whole-program devirtualization resolves from the
// ThinLTO index's type ids (test/lto/LTO_distributed.test).
struct B {
  virtual int f(int);
};
struct D : B {
  int f(int x) override { return x * 2; }
};
int call(B *b, int x) { return b->f(x); }
int B::f(int x) { return x; }

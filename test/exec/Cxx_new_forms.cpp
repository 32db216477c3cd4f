// Cxx_new_forms: positive beside negative. C++ allocations: plain, nothrow and
// aligned operator new with their (sized, aligned) deletes, new[] with a
// run-time size (guarded), std::make_unique and std::unique_ptr<int[]> once
// inlined, and a constructor that throws, whose delete runs on the unwind
// path. Negatives: a unique_ptr released into a global, and one returned.
// Heap allocations: plain 15 (the exception object counts too), with the
// plugin 7 (the exception, the two kept objects, the two 1000-element arrays,
// stdout's buffer and libstdc++'s emergency exception pool).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | sort -u -t: -k1,1 -k2,2n -k3,3n | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: 10 13 1 45 13 90 3 999
// OUT-NEXT: 499500 999000 7 8
// OUT-NEXT: exit status: 0
// make_unique's new is reported at the make_unique call (79:12): a site
// inlined from a library header takes the user's position.
// CHECK: Cxx_new_forms.cpp:48:14: operator new(24) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:55:14: operator new(24, std::nothrow) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:63:13: operator new(64, 64) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:71:12: operator new[](...) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:79:12: operator new(24) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:85:28: operator new[](...) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:92:18: operator new(4) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:104:28: operator new(24) escapes to heap
// CHECK-NEXT: Cxx_new_forms.cpp:109:33: operator new(24) escapes to heap
// COUNT: plain: 15
// COUNT-NEXT: escape: 7
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

struct Point { int x, y; char name[16]; };
struct alignas(64) Wide { double v[8]; };
struct Thrower {
  int v;
  explicit Thrower(int k) : v(k) { if (k < 0) throw k; }
};

static volatile int seed = 3, count = 10, bad = -1;

__attribute__((noinline)) static int use(const Point *p) { return p->x + p->y + (int)strlen(p->name); }
__attribute__((noinline)) static int look(const int *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
__attribute__((noinline)) static int wide(const Wide *w) { return (int)w->v[7] * (((unsigned long)w & 63) == 0) - 2; }
__attribute__((noinline)) static int thr(const Thrower *t) { return t->v; }

int plain_new(int k) {
  Point *p = new Point{k, k + 1, "abc"};
  int r = use(p);
  delete p;
  return r;
}

int nothrow_new(int k) {
  Point *p = new (std::nothrow) Point{k, k, "nothrow"};
  if (!p) return -1;
  int r = use(p);
  delete p;
  return r;
}

int aligned_new(int k) {
  Wide *w = new Wide();
  w->v[7] = k;
  int r = wide(w);
  delete w;
  return r;
}

int array_dyn(int n) {
  int *a = new int[n];
  for (int i = 0; i < n; i++) a[i] = i;
  int r = look(a, n);
  delete[] a;
  return r;
}

int unique(int k) {
  auto p = std::make_unique<Point>();
  p->x = k; p->y = 2 * k; strcpy(p->name, "uniq");
  return use(p.get());
}

int unique_array(int n) {
  std::unique_ptr<int[]> a(new int[n]);
  for (int i = 0; i < n; i++) a[i] = 2 * i;
  return look(a.get(), n);
}

int throwing(int k) {
  try {
    Thrower *t = new Thrower(k);
    int r = thr(t);
    delete t;
    return r;
  } catch (int e) {
    return 1000 + e;
  }
}

std::unique_ptr<Point> g_kept;

void kept(int k) {
  std::unique_ptr<Point> p(new Point{k, k, "kept"}); // heap: released to a global
  g_kept.reset(p.release());
}

__attribute__((noinline)) std::unique_ptr<Point> made(int k) {
  return std::unique_ptr<Point>(new Point{k, k + 1, "made"}); // heap: returned
}

int main() {
  printf("%d %d %d %d %d %d %d %d\n", plain_new(seed), nothrow_new(seed), aligned_new(seed),
         array_dyn(count), unique(seed), unique_array(count), throwing(seed), throwing(bad));
  kept(seed);
  auto m = made(seed);
  printf("%d %d %d %d\n", array_dyn(count * 100), unique_array(count * 100), g_kept->x + 4,
         m->y + 4);
}

// The copies inlined into main, at its calls (the functions keep their own).
// CHECK-NEXT: Cxx_new_forms.cpp:113:39: operator new(24) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:113:56: operator new(24, std::nothrow) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:113:75: operator new(64, 64) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:114:10: operator new[](...) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:114:28: operator new(24) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:114:42: operator new[](...) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:115:3: operator new(24) escapes to heap
// CHECK-NEXT: Cxx_new_forms.cpp:117:27: operator new[](...) does not escape
// CHECK-NEXT: Cxx_new_forms.cpp:117:51: operator new[](...) does not escape

// C++ allocations print as written: operator new / new[], with sizes.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=escape
#include <cstring>

struct Point { int x, y; char name[16]; };
Point *g_point;

__attribute__((noinline)) int use(const Point *p) {
  return p->x + p->y + (int)strlen(p->name);
}

int local(int k) {
  Point *p = new Point{k, k + 1, "abc"};
  int r = use(p);
  delete p;
  return r;
}

int array(int n) {
  int *a = new int[16];
  for (int i = 0; i < 16; i++)
    a[i] = i * n;
  int s = use(reinterpret_cast<Point *>(a));
  delete[] a;
  return s;
}

void keep(int k) { g_point = new Point{k, k, "kept"}; }

// CHECK: Report_cxx.cpp:8:48: p does not escape
// CHECK-NEXT: Report_cxx.cpp:13:14: operator new(24) does not escape
// CHECK-NEXT: Report_cxx.cpp:20:12: operator new[](64) does not escape
// CHECK-NEXT: Report_cxx.cpp:28:30: operator new(24) escapes to heap

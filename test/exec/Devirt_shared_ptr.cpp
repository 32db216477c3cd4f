// Devirt_shared_ptr: positive beside negatives. std::make_shared's control
// block holds its vtable, which the inlined constructor stores; the release
// path calls _M_dispose and _M_destroy through it, in line (when both counts
// are 1) and in the out-of-line _M_release_last_use_cold. devirt.c resolves
// the calls (the atomics on the counts touch other bytes), inlines them and
// the cold function, and the block, whose only delete is then plain to see,
// moves to the stack: in local_int and in local_point, where a second owner
// in the same frame raises and drops the count. Negatives: a copy kept in a
// global, a weak_ptr kept in a global, and a std::string payload whose
// constructor is a call that is given the block.
// Heap allocations: plain 2006 (2000 blocks, stdout's buffer, two kept
// blocks, the string's block and its characters, libstdc++'s emergency
// exception pool), with the plugin 6.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// COUNT: plain: 2006
// COUNT-NEXT: escape: 6
// OUT: 1519500 10 15
// OUT-NEXT: kept 5 10 use 1 expired 1
// OUT-NEXT: 45
// OUT-NEXT: exit status: 0
// CHECK: Devirt_shared_ptr.cpp:45:12: operator new(24) does not escape
// CHECK-NEXT: Devirt_shared_ptr.cpp:51:12: operator new(24) does not escape
// CHECK-NEXT: Devirt_shared_ptr.cpp:51:12: operator new(...) does not escape
// CHECK-NEXT: Devirt_shared_ptr.cpp:58:12: operator new(24) escapes to heap
// CHECK-NEXT: Devirt_shared_ptr.cpp:58:12: operator new(...) does not escape
// CHECK-NEXT: Devirt_shared_ptr.cpp:64:12: operator new(24) escapes to heap
// CHECK-NEXT: Devirt_shared_ptr.cpp:64:12: operator new(...) does not escape
// CHECK-NEXT: Devirt_shared_ptr.cpp:70:12: operator new(48) escapes to heap
// CHECK-NEXT: Devirt_shared_ptr.cpp:70:12: operator new(...) does not escape
#include <cstdio>
#include <memory>
#include <string>

struct Point {
  int x, y;
  Point(int a, int b) : x(a), y(b) {}
};

std::shared_ptr<Point> kept;
std::weak_ptr<Point> watcher;

__attribute__((noinline)) static int local_int(int k) {
  auto p = std::make_shared<int>(k); // stack
  *p += 3;
  return *p;
}

__attribute__((noinline)) static int local_point(int k) {
  auto p = std::make_shared<Point>(k, k + 1); // stack
  auto q = p;                                 // a second owner, same frame
  q->x += 10;
  return p->x + p->y + (int)p.use_count();
}

__attribute__((noinline)) static int kept_global(int k) {
  auto p = std::make_shared<Point>(k, 2 * k); // heap: a copy outlives the frame
  kept = p;
  return p->y;
}

__attribute__((noinline)) static int weak_global(int k) {
  auto p = std::make_shared<Point>(k, 3); // heap: a weak_ptr in a global
  watcher = p;
  return p->x * p->y;
}

__attribute__((noinline)) static size_t local_string(int k) {
  auto s = std::make_shared<std::string>(40 + k, 'x');
  return s->size();
}

int main(int argc, char **argv) {
  (void)argv;
  int k = argc + 4;
  long sum = 0;
  for (int i = 0; i < 1000; i++)
    sum += local_int(k + i) + local_point(i);
  printf("%ld %d %d\n", sum, kept_global(k), weak_global(k));
  printf("kept %d %d use %ld expired %d\n", kept->x, kept->y, kept.use_count(), (int)watcher.expired());
  printf("%zu\n", local_string(k));
  return 0;
}

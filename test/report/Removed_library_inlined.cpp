// A site inside a library header (the new in std::make_unique) that LLVM
// deletes after inlining it into the user's function is reported at the
// user's call, as a copy that survives is; a user call the inliner left
// alone keeps the library function's own copy, reported where it is.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines --implicit-check-not=Removed_library_inlined.cpp --implicit-check-not=unique_ptr.h --implicit-check-not=new_allocator.h
// RUN: %report -m=2 %s | FileCheck %s --check-prefix=WHY
#include <memory>
#include <vector>

struct Acc { long a, b; };
std::unique_ptr<Acc> g_keep;
__attribute__((noinline)) long peek(const Acc *p) { return p->a; }

long removed(int n) { // TEST 1 - inlined, then deleted: the user's line
  auto acc = std::make_unique<Acc>();
  acc->a = n;
  return acc->a;
}

long removed_too(int n) { // TEST 2 - a second copy of the same site
  auto acc = std::make_unique<Acc>();
  acc->b = n;
  return acc->b * 2;
}

long moved(int n) { // TEST 3 - a copy that survives, moved to the stack
  auto acc = std::make_unique<Acc>();
  acc->a = n;
  return peek(acc.get());
}

void kept(int n) { // TEST 4 - negative: a copy that survives and escapes
  auto acc = std::make_unique<Acc>();
  acc->a = n;
  g_keep = std::move(acc);
}

long vec(int n) { // TEST 5 - through the allocator's chain of calls
  std::vector<int> v(4);
  v[0] = n;
  return v[0];
}

// TEST 6 - negative: not inlined, the call still allocates in make_unique's
// own body, which is reported at the header; no removed line at 55:14.
__attribute__((optnone, noinline)) long called(int n) {
  auto acc = std::make_unique<Acc>();
  acc->a = n;
  return acc->a;
}

// TEST 7 - the user's own helper, inlined and deleted: at the call of it
static Acc *mine() { return new Acc(); }
long own(int n) {
  Acc *p = mine();
  p->a = n;
  long r = p->a;
  delete p;
  return r;
}

// CHECK: {{.*}}/unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}: operator new(16) escapes to heap
// CHECK: Removed_library_inlined.cpp:12:48: p does not escape
// CHECK-NEXT: Removed_library_inlined.cpp:15:14: operator new(16) does not escape
// CHECK-NEXT: Removed_library_inlined.cpp:21:14: operator new(16) does not escape
// CHECK-NEXT: Removed_library_inlined.cpp:27:14: operator new(16) does not escape
// CHECK-NEXT: Removed_library_inlined.cpp:33:14: operator new(16) escapes to heap
// CHECK-NEXT: Removed_library_inlined.cpp:39:20: operator new(...) does not escape
// CHECK-NEXT: Removed_library_inlined.cpp:55:12: operator new(16) does not escape

// WHY: Removed_library_inlined.cpp:15:14: operator new(16) does not escape:
// WHY-NEXT: Removed_library_inlined.cpp:15:14:   inlined from make_unique<Acc> at {{.*}}/unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}
// WHY-NEXT: Removed_library_inlined.cpp:15:14:   removed by the optimizer
// WHY-NEXT: Removed_library_inlined.cpp:21:14: operator new(16) does not escape:
// WHY-NEXT: Removed_library_inlined.cpp:21:14:   inlined from make_unique<Acc> at {{.*}}/unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}
// WHY-NEXT: Removed_library_inlined.cpp:21:14:   removed by the optimizer
// WHY-NEXT: Removed_library_inlined.cpp:27:14: operator new(16) does not escape:
// WHY-NEXT: Removed_library_inlined.cpp:27:14:   inlined from make_unique<Acc> at {{.*}}/unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}
// WHY-NEXT: Removed_library_inlined.cpp:33:14: operator new(16) escapes to heap:
// WHY-NEXT: Removed_library_inlined.cpp:33:14:   inlined from make_unique<Acc> at {{.*}}/unique_ptr.h:{{[0-9]+}}:{{[0-9]+}}
// WHY: Removed_library_inlined.cpp:39:20: operator new(...) does not escape:
// WHY-NEXT: Removed_library_inlined.cpp:39:20:   inlined from allocate at {{.*}}/new_allocator.h:{{[0-9]+}}:{{[0-9]+}}
// WHY-NEXT: Removed_library_inlined.cpp:39:20:   removed by the optimizer
// WHY-NEXT: Removed_library_inlined.cpp:55:12: operator new(16) does not escape:
// WHY-NEXT: Removed_library_inlined.cpp:55:12:   inlined from mine at Removed_library_inlined.cpp:53:29
// WHY-NEXT: Removed_library_inlined.cpp:55:12:   removed by the optimizer

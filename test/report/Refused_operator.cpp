// Refused_operator: a call of ::operator new or ::operator delete by name
// is not a new or delete expression, so LLVM does not take it for the
// replaceable allocator (clang marks only the expressions builtin), and the
// line says so rather than blaming -fno-builtin alone.
// RUN: %report -m=1 %s | FileCheck %s --match-full-lines
// CHECK: Refused_operator.cpp:12:15: operator new(16) is not the C library's operator new here (a call by name, not a new or delete expression; or -fno-builtin)
// CHECK-NEXT: Refused_operator.cpp:15:3: operator delete(raw) is not the C library's operator delete here (a call by name, not a new or delete expression; or -fno-builtin)
#include <cstdio>
#include <new>

int main() {
  void *raw = ::operator new(16);
  static_cast<char *>(raw)[0] = 1;
  int r = static_cast<char *>(raw)[0];
  ::operator delete(raw);
  std::printf("%d\n", r);
  return 0;
}

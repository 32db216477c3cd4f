// C++ through the wrapper: a .cpp input selects clang++-19 even as escape-cc,
// and escape-c++ (a symlink to escape-cc) is clang++-19 for every input, so
// it links C++ objects (libstdc++) where escape-cc would call clang-19.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %src_root/scripts/escape-cc -O2 -m -c Wrapper_cxx.cpp -o %t/w.o 2>&1 | FileCheck %s --match-full-lines
// RUN: cd %S && %src_root/scripts/escape-c++ -O2 -m Wrapper_cxx.cpp -o %t/direct 2>&1 | FileCheck %s --match-full-lines
// RUN: %src_root/scripts/escape-c++ -O2 -m %t/w.o -o %t/linked 2>&1 | count 0
// RUN: %t/linked | FileCheck %s --check-prefix=OUT
// RUN: not %src_root/scripts/escape-cc -O2 %t/w.o -o %t/as-c 2>&1 | FileCheck %s --check-prefix=AS-C
// AS-C: {{.*}}undefined reference to `operator new(unsigned long)'
// RUN: %t/direct | FileCheck %s --check-prefix=OUT
#include <iostream>

struct Node {
  int v;
  Node *next;
};

Node *g_list;

__attribute__((noinline)) static int sum(const Node *n) {
  int s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}

int main() {
  Node *tmp = new Node{41, nullptr};
  g_list = new Node{6, nullptr};
  std::cout << tmp->v + 1 << ' ' << sum(g_list) << '\n';
  delete tmp;
  return 0;
}

// CHECK:      Wrapper_cxx.cpp:21:0: arg0 does not escape
// CHECK-NEXT: Wrapper_cxx.cpp:29:15: operator new(16) does not escape
// CHECK-NEXT: Wrapper_cxx.cpp:30:12: operator new(16) escapes to heap
// CHECK-NOT:  {{.}}
// OUT: 42 6

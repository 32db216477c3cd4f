// Loop_linked_list: negative. Each iteration links the new node to the
// previous one; nodes from earlier iterations stay live.
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=1 %s | grep -F '(' | FileCheck %s --match-full-lines --implicit-check-not=escape
// OUT: s=597983524770
// OUT-NEXT: exit status: 0
// CHECK: Loop_linked_list.c:21:23: malloc(16) escapes to heap
#include <stdio.h>
#include <stdlib.h>

static volatile int count = 20;

struct node {
  int val;
  struct node *next;
};

__attribute__((noinline)) static long build(int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct node *nd = malloc(sizeof *nd); // heap: malloc(16)
    nd->val = i * i;
    nd->next = head;
    head = nd;
  }
  long s = 0;
  while (head) {
    s = s * 3 + head->val;
    struct node *next = head->next;
    free(head);
    head = next;
  }
  return s;
}

int main(void) {
  printf("s=%ld\n", build(count));
  return 0;
}

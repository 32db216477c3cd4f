// Recursive_callback_extern: recursion the module cannot see whole. visit
// calls walk (in Inputs/extern_walk.c), which calls the visitor stored in the
// next node: visit again, 2500 levels deep. A fixed 4000-byte slot per level
// would need 10 MB of stack and overflow the 8 MiB main stack; since visit's
// address is handed out and it calls code in another file, it counts as
// recursive and its object comes from the side stack (the heap once full).
// RUN: %exec %s %S/Inputs/extern_walk.c | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -F ':26:15:' | FileCheck %s --match-full-lines
// OUT: 11561
// OUT-NEXT: exit status: 0
// CHECK: Recursive_callback_extern.c:26:15: malloc(4000) does not escape:
// CHECK-NEXT: Recursive_callback_extern.c:26:15:   recursive: on the thread's side stack while it has room, else on the heap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  struct node *child;
  void (*visit)(struct node *);
  long val;
};
void walk(struct node *n);
static long total;

static void visit(struct node *n) {
  char *buf = malloc(4000); // side stack: checked
  snprintf(buf, 4000, "%ld", n->val * 12345);
  total += (long)strlen(buf);
  walk(n->child);
  total += buf[0] == '1';
  free(buf);
}

static volatile long depth = 2500;

int main(void) {
  struct node *nodes = calloc(depth, sizeof *nodes);
  for (long i = 0; i < depth; i++) {
    nodes[i].child = i + 1 < depth ? &nodes[i + 1] : NULL;
    nodes[i].visit = visit;
    nodes[i].val = i & 7;
  }
  walk(&nodes[0]);
  printf("%ld\n", total);
  free(nodes);
  return 0;
}

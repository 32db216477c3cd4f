// Loop_region: positives beside negatives. Objects of a loop that no stack
// slot can serve (a list built node by node) come from the side stack when
// every one of them is dead each time the loop starts again: the side
// stack's top, taken before the loop, is restored at its header (solve.c
// loop_regions). Positives: lists (each run builds, sums and frees a list),
// early (the last run's list is used after a break: its memory lives until
// the function returns) and big (lists again, with 100,000 nodes: past the
// 1 MiB side stack, the rest on the heap). Negatives, each printing what a stale node would
// change: kept (the previous run's list is read in the next: an SSA value
// live at the header), stored (the list head kept in a local array across
// runs) and recorded (a record made before the loop holds the run's head,
// read in the next run: memory outside the loop's objects).
// RUN: %exec %s | FileCheck %s --check-prefix=OUT --match-full-lines
// RUN: %report -m=2 %s | grep -E 'alloc\(|in a loop|across' | FileCheck %s --match-full-lines
// RUN: %count %s | FileCheck %s --check-prefix=COUNT --match-full-lines
// OUT: lists 2475000
// OUT-NEXT: early 4950 99
// OUT-NEXT: big 9999900000
// OUT-NEXT: kept 1200475500
// OUT-NEXT: stored 1200475500
// OUT-NEXT: recorded 14950000 173652
// OUT-NEXT: exit status: 0
// CHECK: Loop_region.c:71:14: malloc(16) does not escape:
// CHECK-NEXT: Loop_region.c:71:14:   in a loop: on the thread's side stack while it has room, else on the heap; given back each time the loop starts again
// CHECK-NEXT: Loop_region.c:83:14: malloc(16) does not escape:
// CHECK-NEXT: Loop_region.c:83:14:   in a loop: on the thread's side stack while it has room, else on the heap; given back each time the loop starts again
// CHECK-NEXT: Loop_region.c:98:14: malloc(16) escapes to heap:
// CHECK-NEXT: Loop_region.c:98:14:   live across loop iterations
// CHECK-NEXT: Loop_region.c:115:14: malloc(16) escapes to heap:
// CHECK-NEXT: Loop_region.c:115:14:   live across loop iterations
// CHECK-NEXT: Loop_region.c:135:24: malloc(8) does not escape
// CHECK-NEXT: Loop_region.c:145:14: malloc(16) escapes to heap:
// CHECK-NEXT: Loop_region.c:145:14:   live across loop iterations
// COUNT: plain: 398902
// COUNT-NEXT: escape: 217129
#include <stdio.h>
#include <stdlib.h>

struct node {
  long v;
  struct node *next;
};

static struct node *push(struct node *list, long v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    exit(2);
  n->v = v;
  n->next = list;
  return n;
}
static long sum(const struct node *n) {
  long s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}
static void drop(struct node *n) {
  while (n) {
    struct node *next = n->next;
    free(n);
    n = next;
  }
}

__attribute__((noinline)) static long lists(int runs, int len) {
  long s = 0;
  for (int r = 0; r < runs; r++) {
    struct node *list = NULL;
    for (int i = 0; i < len; i++)
      list = push(list, i);
    s += sum(list);
    drop(list);
  }
  return s;
}

__attribute__((noinline)) static void early(int runs, int len) {
  struct node *list = NULL;
  for (int r = 0;; r++) {
    list = NULL;
    for (int i = 0; i < len; i++)
      list = push(list, i);
    if (r == runs - 1)
      break;
    drop(list);
  }
  printf("early %ld %ld\n", sum(list), list->v);
  drop(list);
}

__attribute__((noinline)) static long kept(int runs, int len) {
  long s = 0;
  struct node *prev = NULL;
  for (int r = 0; r < runs; r++) {
    struct node *list = NULL;
    for (int i = 0; i < len; i++)
      list = push(list, i + (long)r * len);
    if (prev) {
      s += sum(prev);
      drop(prev);
    }
    prev = list;
  }
  drop(prev);
  return s;
}

__attribute__((noinline)) static long stored(int runs, int len) {
  long s = 0;
  struct node *slot[2] = {NULL, NULL};
  for (int r = 0; r < runs; r++) {
    struct node *list = NULL;
    for (int i = 0; i < len; i++)
      list = push(list, i + (long)r * len);
    if (slot[r & 1 ^ 1]) {
      s += sum(slot[r & 1 ^ 1]);
      drop(slot[r & 1 ^ 1]);
      slot[r & 1 ^ 1] = NULL;
    }
    slot[r & 1] = list;
  }
  drop(slot[0]);
  drop(slot[1]);
  return s;
}

struct record {
  struct node *last;
};
__attribute__((noinline)) static void remember(struct record *rec, struct node *n) {
  rec->last = n;
}
__attribute__((noinline)) static void recorded(int runs, int len) {
  struct record *rec = malloc(sizeof *rec);
  if (!rec)
    exit(2);
  rec->last = NULL;
  long s = 0, seen = 0;
  for (int r = 0; r < runs; r++) {
    if (rec->last)
      seen += rec->last->v; /* the previous run's head */
    struct node *list = NULL;
    for (int i = 0; i < len; i++)
      list = push(list, i + r);
    s += sum(list);
    drop(list->next);
    list->next = NULL;
    if (rec->last)
      free(rec->last);
    remember(rec, list);
  }
  printf("recorded %ld %ld\n", s, seen);
  free(rec->last);
  free(rec);
}

int main(int argc, char **argv) {
  (void)argv;
  int len = 99 + argc; /* 100 */
  printf("lists %ld\n", lists(500, len));
  early(7, len);
  printf("big %ld\n", lists(argc + 1, 1000 * len));
  printf("kept %ld\n", kept(491, len));
  printf("stored %ld\n", stored(491, len));
  recorded(500, len);
  return 0;
}

// Remarks_yaml: -fsave-optimization-record writes the pass's remarks as YAML
// that LLVM's own tools read: llvm-remarkutil counts them (also after a round
// trip through the bitstream format), opt-viewer's loader (optrecord.py)
// gives each record's kind, name, position and arguments, and opt-viewer.py
// renders them to HTML without errors. Inputs/optrecord_check.py needs
// /usr/bin/python3 with PyYAML and Pygments; without them it prints SKIP.
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %clang -O2 -g -fpass-plugin=%plugin -fsave-optimization-record \
// RUN:   -foptimization-record-file=%t/Remarks_yaml.opt.yaml -c Remarks_yaml.c -o /dev/null 2>&1 \
// RUN:   | count 0
// RUN: llvm-remarkutil count --parser=yaml --pass-name=escape --group-by=function \
// RUN:   %t/Remarks_yaml.opt.yaml | FileCheck %s --check-prefix=BYFUNC --match-full-lines
// RUN: llvm-remarkutil count --parser=yaml --pass-name=escape --remark-name=StaysOnHeap \
// RUN:   --remark-type=missed --group-by=total %t/Remarks_yaml.opt.yaml \
// RUN:   | FileCheck %s --check-prefix=MISSED --match-full-lines
// RUN: llvm-remarkutil yaml2bitstream %t/Remarks_yaml.opt.yaml -o %t/Remarks_yaml.opt.bitstream
// RUN: llvm-remarkutil count --parser=bitstream --pass-name=escape --group-by=total \
// RUN:   %t/Remarks_yaml.opt.bitstream | FileCheck %s --check-prefix=TOTAL --match-full-lines
// RUN: /usr/bin/python3 %S/Inputs/optrecord_check.py %t/Remarks_yaml.opt.yaml %S %t/html \
// RUN:   -- FileCheck %s --check-prefix=RECORDS --match-full-lines \
// RUN:   --implicit-check-not='opt-viewer said'
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; char *text; };
struct node *g_list;

__attribute__((noinline)) static int sum(const char *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) void push(struct node *nd) {
  nd->next = g_list;
  g_list = nd;
}

int local(void) {
  char *p = malloc(64);
  memset(p, 1, 64);
  int s = sum(p, 64);
  free(p);
  return s;
}

void listed(void) {
  struct node *nd = malloc(sizeof *nd);
  char *text = malloc(16);
  memset(text, 2, 16);
  nd->text = text;
  push(nd);
}

int sized(unsigned long n) {
  char *r = malloc(n);
  memset(r, 3, n);
  int s = sum(r, (int)n);
  free(r);
  return s;
}

// BYFUNC: Function,Count
// BYFUNC-NEXT: listed,2
// BYFUNC-NEXT: local,1
// BYFUNC-NEXT: push,1
// BYFUNC-NEXT: sized,1
// BYFUNC-NEXT: sum,1

// MISSED: Total,Count
// MISSED-NEXT: Total,2

// TOTAL: Total,Count
// TOTAL-NEXT: Total,6

// One count line per kind and name (the names in README.md), then each record.
// RECORDS: count Analysis ParamTag: 2
// RECORDS-NEXT: count Missed StaysOnHeap: 2
// RECORDS-NEXT: count Passed MovedToStack: 2
// RECORDS-NEXT: total escape: 6 of {{[0-9]+}}
// RECORDS-NEXT: Analysis ParamTag Remarks_yaml.c:28:54 sum: p does not escape
// RECORDS-NEXT:   args: Param=p
// RECORDS-NEXT: Analysis ParamTag Remarks_yaml.c:35:50 push: leaking param: nd
// RECORDS-NEXT:   args: Param=nd
// RECORDS-NEXT: Passed MovedToStack Remarks_yaml.c:41:13 local: malloc(64) does not escape
// RECORDS-NEXT:   args: Allocation=malloc(64)
// BAD: for a flow the Reason argument holds the flow's header ("flow: {heap}
// = nd") rather than a reason, and a nested flow's header arrives as one
// more Flow argument.
// RECORDS-NEXT: Missed StaysOnHeap Remarks_yaml.c:49:21 listed: malloc(16) escapes to heap: flow: {heap} = nd; from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// RECORDS-NEXT:   args: Allocation=malloc(16) | Reason=flow: {heap} = nd | Flow=from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// RECORDS-NEXT: Missed StaysOnHeap Remarks_yaml.c:50:16 listed: malloc(16) escapes to heap: flow: {heap} = *nd; from text (stored into *nd) at Remarks_yaml.c:52:12; from *nd (held by nd, which escapes); flow: {heap} = nd; from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// RECORDS-NEXT:   args: Allocation=malloc(16) | Reason=flow: {heap} = *nd | Flow=from text (stored into *nd) at Remarks_yaml.c:52:12 | Flow=from *nd (held by nd, which escapes) | Flow=flow: {heap} = nd | Flow=from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// A run-time size moves to a guarded stack buffer (the heap above 4 KiB):
// how it moved is the Reason.
// RECORDS-NEXT: Passed MovedToStack Remarks_yaml.c:57:13 sized: malloc(n) does not escape: guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// RECORDS-NEXT:   args: Allocation=malloc(n) | Reason=guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// opt-viewer.py exits 0, says nothing, and shows every remark on the page
// (green: passed, red: missed, white: analysis).
// RECORDS-NEXT: opt-viewer: exit 0
// RECORDS-NEXT: page Remarks_yaml.c.html
// RECORDS-NEXT:   white: p does not escape
// RECORDS-NEXT:   white: leaking param: nd
// RECORDS-NEXT:   green: malloc(64) does not escape
// RECORDS-NEXT:   red: malloc(16) escapes to heap: flow: {heap} = nd; from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// RECORDS-NEXT:   red: malloc(16) escapes to heap: flow: {heap} = *nd; from text (stored into *nd) at Remarks_yaml.c:52:12; from *nd (held by nd, which escapes); flow: {heap} = nd; from nd (passed to parameter 0 of push, which leaks it) at Remarks_yaml.c:53:3
// RECORDS-NEXT:   green: malloc(n) does not escape: guarded: a 4096-byte stack buffer for a size with no bound, the heap when the run-time size is larger
// RECORDS-NEXT: page index.html

// Not on LLVM 16: its llvm-remarkutil has no `count` command (LLVM 17 added it).
// (Here at the end: the checks above hold this file's own line numbers.)
// UNSUPPORTED: llvm-16

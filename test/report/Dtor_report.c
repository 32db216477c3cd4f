// Dtor_report: the -escape-m=2 report of a constructor/destructor pair
// inlined into one frame (wrapper.c): one line per object at the
// constructor's call, naming the allocation inside, with where the inlined
// allocation is; a release function that keeps the name in a global is no
// destructor, and the name's line says where it went.  The out-of-line
// copies of the constructor return their objects.
// RUN: %report -m=2 %s | FileCheck %s --match-full-lines --strict-whitespace \
// RUN:   --implicit-check-not='{{.}}'
// CHECK:Dtor_report.c:52:19: malloc(16) escapes to heap:
// CHECK-NEXT:Dtor_report.c:52:19:   flow: {heap} = r:
// CHECK-NEXT:Dtor_report.c:52:19:     from r (returned) at Dtor_report.c:59:1
// CHECK-NEXT:Dtor_report.c:55:13: malloc(24) escapes to heap:
// CHECK-NEXT:Dtor_report.c:55:13:   flow: {heap} = *r:
// CHECK-NEXT:Dtor_report.c:55:13:     from malloc(...) (stored into *r) at Dtor_report.c:55:11
// CHECK-NEXT:Dtor_report.c:55:13:     from *r (held by r, which escapes)
// CHECK-NEXT:Dtor_report.c:55:13:     flow: {heap} = r:
// CHECK-NEXT:Dtor_report.c:55:13:       from r (returned) at Dtor_report.c:59:1
// CHECK-NEXT:Dtor_report.c:56:13: calloc(8, 4) escapes to heap:
// CHECK-NEXT:Dtor_report.c:56:13:   flow: {heap} = *r:
// CHECK-NEXT:Dtor_report.c:56:13:     from calloc(...) (stored into *r) at Dtor_report.c:56:11
// CHECK-NEXT:Dtor_report.c:56:13:     from *r (held by r, which escapes)
// CHECK-NEXT:Dtor_report.c:56:13:     flow: {heap} = r:
// CHECK-NEXT:Dtor_report.c:56:13:       from r (returned) at Dtor_report.c:59:1
// CHECK-NEXT:Dtor_report.c:61:27: leaking param: r:
// CHECK-NEXT:Dtor_report.c:61:27:   parameter r may be freed at Dtor_report.c:66:3
// CHECK-NEXT:Dtor_report.c:71:30: leaking param: r:
// CHECK-NEXT:Dtor_report.c:71:30:   parameter r may be freed at Dtor_report.c:75:3
// CHECK-NEXT:Dtor_report.c:78:60: r does not escape
// CHECK-NEXT:Dtor_report.c:83:19: malloc(16) does not escape:
// CHECK-NEXT:Dtor_report.c:83:19:   inlined from rec_new at Dtor_report.c:52:19
// CHECK-NEXT:Dtor_report.c:83:19: malloc(24) does not escape:
// CHECK-NEXT:Dtor_report.c:83:19:   inlined from rec_new at Dtor_report.c:55:13
// CHECK-NEXT:Dtor_report.c:83:19: calloc(8, 4) does not escape:
// CHECK-NEXT:Dtor_report.c:83:19:   inlined from rec_new at Dtor_report.c:56:13
// CHECK-NEXT:Dtor_report.c:91:19: malloc(16) does not escape:
// CHECK-NEXT:Dtor_report.c:91:19:   inlined from rec_new at Dtor_report.c:52:19
// CHECK-NEXT:Dtor_report.c:91:19: malloc(24) escapes to heap:
// CHECK-NEXT:Dtor_report.c:91:19:   inlined from rec_new at Dtor_report.c:55:13
// CHECK-NEXT:Dtor_report.c:91:19:   flow: {heap} = malloc(...):
// CHECK-NEXT:Dtor_report.c:91:19:     from malloc(...) (stored to global last_name) at Dtor_report.c:73:13
// CHECK-NEXT:Dtor_report.c:91:19: calloc(8, 4) does not escape:
// CHECK-NEXT:Dtor_report.c:91:19:   inlined from rec_new at Dtor_report.c:56:13
#include <stdlib.h>
#include <string.h>

struct rec {
  char *name;
  int *vals;
};

struct rec *rec_new(int n) {
  struct rec *r = malloc(sizeof *r);
  if (!r)
    return NULL;
  r->name = malloc(24);
  r->vals = calloc(8, sizeof(int));
  r->vals[n & 7] = n;
  return r;
}

void rec_free(struct rec *r) {
  if (!r)
    return;
  free(r->name);
  free(r->vals);
  free(r);
}

char *last_name;

void rec_release(struct rec *r) {
  free(last_name);
  last_name = r->name;
  free(r->vals);
  free(r);
}

__attribute__((noinline)) static int use(const struct rec *r) {
  return r->vals[1] + (int)strlen(r->name);
}

int paired(int n) {
  struct rec *r = rec_new(n);
  r->name[0] = 0;
  int s = use(r);
  rec_free(r);
  return s;
}

int released(int n) {
  struct rec *r = rec_new(n);
  r->name[0] = 0;
  int s = use(r);
  rec_release(r);
  return s;
}

// Dtor_recognise: which functions escape-wrappers takes for destructors (free
// a parameter's fields at fixed offsets and the parameter, maybe behind null
// checks, maybe through other destructors) or constructors (allocate a record
// and its fields, fill them, return the record; marked only when some
// function of the module calls the constructor and also frees: the pair is in
// one frame there).  Both are marked alwaysinline; neither is listed in
// !escape.wrappers (the report names their allocations as xmalloc's callers
// are named).  Inlining keeps any body's meaning, so a miss only costs a
// conversion; a destructor must not be taken when it keeps a field.
// RUN: %clang -O2 -g0 -w -Xclang -disable-llvm-passes -emit-llvm -S %s -o - \
// RUN:   | %opt -passes='function(sroa,early-cse,simplifycfg),escape-wrappers' -S \
// RUN:   | FileCheck %s
#include <stdlib.h>
#include <string.h>

struct vec {
  int *data;
  int n;
};
struct rec {
  char *name;
  int *vals;
  struct vec *v;
  int n;
};

static char *cache[8];
static int ncache;
int free_names = 1;

// CHECK: define {{.*}}ptr @xmalloc(i64 {{.*}}) [[ALWAYS:#[0-9]+]]
void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

// TEST 1 - positive: frees two fields and the record, after a null check.
// CHECK: define {{.*}}void @rec_free(ptr {{.*}}) [[ALWAYS]]
void rec_free(struct rec *r) {
  if (!r)
    return;
  free(r->name);
  free(r->vals);
  free(r);
}

// TEST 2 - positive: a destructor of a field's object, then one that calls
// it on its field (found in a later round).
// CHECK: define {{.*}}void @vec_free(ptr {{.*}}) [[ALWAYS]]
void vec_free(struct vec *v) {
  free(v->data);
  free(v);
}
// CHECK: define {{.*}}void @rec_free_deep(ptr {{.*}}) [[ALWAYS]]
void rec_free_deep(struct rec *r) {
  if (r->v)
    vec_free(r->v);
  if (r->name)
    free(r->name);
  free(r);
}

// TEST 3 - negative: keeps the name in a cache.
// CHECK: define {{.*}}void @rec_free_cached(ptr {{.*}}) [[NOT:#[0-9]+]]
void rec_free_cached(struct rec *r) {
  cache[ncache++ & 7] = r->name;
  free(r->vals);
  free(r);
}

// TEST 4 - negative: frees the name only under a global flag.
// CHECK: define {{.*}}void @rec_free_flag(ptr {{.*}}) [[NOT]]
void rec_free_flag(struct rec *r) {
  if (free_names)
    free(r->name);
  free(r->vals);
  free(r);
}

// TEST 5 - negative: recursive (a tree): cannot be inlined anyway.
// CHECK: define {{.*}}void @tree_free(ptr {{.*}}) [[NOT]]
struct tree {
  struct tree *l, *r;
};
void tree_free(struct tree *t) {
  if (!t)
    return;
  tree_free(t->l);
  tree_free(t->r);
  free(t);
}

// TEST 6 - negative: frees the elements of an array field (a loop, a variable
// index).
// CHECK: define {{.*}}void @names_free(ptr {{.*}}) [[NOT]]
struct names {
  char **v;
  int n;
};
void names_free(struct names *s) {
  for (int i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
  free(s);
}

// TEST 7 - negative: frees two levels down without a destructor for the
// middle (r->v->data loaded from a loaded field).
// CHECK: define {{.*}}void @rec_free_two_levels(ptr {{.*}}) [[NOT]]
void rec_free_two_levels(struct rec *r) {
  free(r->v->data);
  free(r);
}

// TEST 8 - positive: a constructor: the record, two fields, filled in a loop
// and with strncpy, returned.
// CHECK: define {{.*}}ptr @rec_new(ptr {{.*}}, i32 {{.*}}) [[ALWAYS]]
struct rec *rec_new(const char *s, int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(16);
  strncpy(r->name, s, 15);
  r->name[15] = 0;
  r->vals = xmalloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++)
    r->vals[i] = n + i;
  r->v = NULL;
  r->n = n;
  return r;
}

// TEST 9 - positive: a constructor of a constructor's object, with a NULL
// check (returns NULL beside the object).
// CHECK: define {{.*}}ptr @vec_new(i32 {{.*}}) [[ALWAYS]]
struct vec *vec_new(int n) {
  struct vec *v = malloc(sizeof *v);
  if (!v)
    return NULL;
  v->data = calloc(8, sizeof(int));
  v->n = n;
  return v;
}
// CHECK: define {{.*}}ptr @rec_new_deep(i32 {{.*}}) [[ALWAYS]]
struct rec *rec_new_deep(int n) {
  struct rec *r = xmalloc(sizeof *r);
  memset(r, 0, sizeof *r);
  r->v = vec_new(n);
  r->name = xmalloc(8);
  strcpy(r->name, "deep");
  return r;
}

// TEST 10 - negative: the constructor also keeps its record in a global.
// CHECK: define {{.*}}ptr @rec_new_registered(i32 {{.*}}) [[NOT]]
struct rec *last_made;
struct rec *rec_new_registered(int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->n = n;
  last_made = r;
  return r;
}

// TEST 11 - negative: stores through its parameter (the caller's memory).
// CHECK: define {{.*}}ptr @rec_new_out(ptr {{.*}}) [[NOT]]
struct rec *rec_new_out(struct rec **out) {
  struct rec *r = xmalloc(sizeof *r);
  *out = r;
  return r;
}

// TEST 12 - negative: a constructor no function of this file pairs with a
// free: its callers keep what it makes, inlining it would only grow them.
// CHECK: define {{.*}}ptr @rec_new_unpaired(i32 {{.*}}) [[NOT]]
struct rec *rec_new_unpaired(int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->name = xmalloc(4);
  r->n = n;
  return r;
}
struct rec *keeper(void) { return rec_new_unpaired(1); }

// TEST 13 - negative: returns a parameter, not an object it made.
// CHECK: define {{.*}}ptr @rec_init(ptr {{.*}}) [[NOT]]
struct rec *rec_init(struct rec *r) {
  r->name = xmalloc(4);
  return r;
}

// TEST 14 - negative: calls an unknown function on the record.
// CHECK: define {{.*}}ptr @rec_new_hook(i32 {{.*}}) [[NOT]]
void hook(struct rec *);
struct rec *rec_new_hook(int n) {
  struct rec *r = xmalloc(sizeof *r);
  r->n = n;
  hook(r);
  return r;
}

void user(void) {
  struct rec *a = rec_new("a", 1), *b = rec_new_deep(2), *c = rec_new_registered(3);
  struct rec *d = rec_new_out(&c), *e = rec_new_hook(5), *f = rec_init(a);
  rec_free(a);
  rec_free_deep(b);
  rec_free_cached(c);
  rec_free_flag(d);
  rec_free(e);
  (void)f;
}

// CHECK-DAG: attributes [[ALWAYS]] = { alwaysinline nounwind uwtable
// CHECK-DAG: attributes [[NOT]] = { nounwind uwtable
// CHECK: !escape.wrappers = !{![[W1:[0-9]+]]}
// CHECK-DAG: ![[W1]] = !{!"xmalloc", !""}

/* json.c — a JSON-like parser with small node structs, freed per document.
 *   clang-19 -O2 json.c -o json && ./json [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND json.c ...   the hand-written variant: a stack arena of
 *                                    nodes per document, stack scratch for keys
 * Generates 256 documents of nested objects and arrays of numbers, then parses
 * them round-robin, each into a tree of nodes (one malloc per node, through an
 * xmalloc wrapper, as parsers usually do), sums the tree, and frees it before
 * the next document. Keys are copied into a fixed-size scratch buffer while
 * being hashed. Self-check: the parser's sum equals the generator's sum for
 * every document. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC_MAX 4096
#define KEY_MAX 64
#define ARENA_NODES 512

enum kind { NUMBER, ARRAY, OBJECT };

struct node {
  enum kind kind;
  long value;          /* NUMBER */
  uint32_t key_hash;   /* the member's key, inside an OBJECT */
  struct node *child;  /* ARRAY, OBJECT: first element */
  struct node *next;   /* next sibling */
};

static uint32_t seed = 777;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "json: out of memory\n");
    exit(2);
  }
  return p;
}

/* parser: the input and, in the hand variant, the document's node arena. */
struct parser {
  const char *p;
#ifdef HAND
  struct node *arena;
  int used;
#endif
};

static struct node *new_node(struct parser *ps, enum kind kind) {
#ifdef HAND
  struct node *n = ps->used < ARENA_NODES ? &ps->arena[ps->used++] : xmalloc(sizeof *n);
#else
  (void)ps;
  struct node *n = xmalloc(sizeof *n);
#endif
  n->kind = kind;
  n->value = 0;
  n->key_hash = 0;
  n->child = n->next = NULL;
  return n;
}

static void free_tree(struct parser *ps, struct node *n) {
  while (n) {
    struct node *next = n->next;
    free_tree(ps, n->child);
#ifdef HAND
    if (n < ps->arena || n >= ps->arena + ARENA_NODES) free(n);
#else
    free(n);
#endif
    n = next;
  }
}

/* gen_value appends a random value to out and returns the sum of its numbers. */
static long gen_value(char *out, size_t *len, int depth) {
  uint32_t r = next_random() % 8;
  if (depth > 3 || r < 4) {
    long v = (long)(next_random() % 100000) - 50000;
    *len += (size_t)sprintf(out + *len, "%ld", v);
    return v;
  }
  int object = r >= 6, n = 1 + (int)(next_random() % 5);
  long sum = 0;
  out[(*len)++] = object ? '{' : '[';
  for (int i = 0; i < n; i++) {
    if (i) out[(*len)++] = ',';
    if (object) *len += (size_t)sprintf(out + *len, "\"key%u\":", next_random() % 50);
    sum += gen_value(out, len, depth + 1);
  }
  out[(*len)++] = object ? '}' : ']';
  out[*len] = 0;
  return sum;
}

/* parse_key reads a quoted key into a scratch copy and returns its hash. */
static uint32_t parse_key(struct parser *ps) {
#ifdef HAND
  char key[KEY_MAX];
#else
  char *key = xmalloc(KEY_MAX);
#endif
  size_t n = 0;
  ps->p++; /* the opening quote */
  while (*ps->p != '"' && n + 1 < KEY_MAX) key[n++] = *ps->p++;
  key[n] = 0;
  ps->p++; /* the closing quote */
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * 16777619u;
#ifndef HAND
  free(key);
#endif
  return h;
}

static struct node *parse_value(struct parser *ps) {
  if (*ps->p == '[' || *ps->p == '{') {
    int object = *ps->p == '{';
    char close = object ? '}' : ']';
    struct node *n = new_node(ps, object ? OBJECT : ARRAY), **tail = &n->child;
    ps->p++;
    while (*ps->p != close) {
      uint32_t key = 0;
      if (object) {
        key = parse_key(ps);
        ps->p++; /* ':' */
      }
      struct node *child = parse_value(ps);
      child->key_hash = key;
      *tail = child;
      tail = &child->next;
      if (*ps->p == ',') ps->p++;
    }
    ps->p++;
    return n;
  }
  struct node *n = new_node(ps, NUMBER);
  char *end;
  n->value = strtol(ps->p, &end, 10);
  ps->p = end;
  return n;
}

static long sum_tree(const struct node *n) {
  long s = 0;
  for (; n; n = n->next) s += n->kind == NUMBER ? n->value : sum_tree(n->child);
  return s;
}

static uint32_t hash_keys(const struct node *n) {
  uint32_t h = 0;
  for (; n; n = n->next) h = h * 31 + n->key_hash + hash_keys(n->child);
  return h;
}

/* parse_document parses text, checks its sum and returns a checksum of it. */
static uint32_t parse_document(const char *text, long expected) {
  struct parser ps = {text};
#ifdef HAND
  struct node arena[ARENA_NODES];
  ps.arena = arena;
  ps.used = 0;
#endif
  struct node *root = parse_value(&ps);
  long sum = sum_tree(root);
  if (sum != expected) {
    printf("json: FAILED, sum %ld, expected %ld\n", sum, expected);
    exit(1);
  }
  uint32_t h = hash_keys(root) ^ (uint32_t)sum;
  free_tree(&ps, root);
  return h;
}

#define NDOCS 256

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 150000;
  static char docs[NDOCS][DOC_MAX];
  static long sums[NDOCS];
  for (int d = 0; d < NDOCS; d++) {
    size_t len = 0;
    docs[d][0] = 0;
    sums[d] = gen_value(docs[d], &len, 0);
  }
  uint32_t check = 0;
  for (long r = 0; r < reps; r++) check = check * 33 + parse_document(docs[r % NDOCS], sums[r % NDOCS]);
  printf("json: ok, %ld documents, checksum %08x\n", reps, check);
  return 0;
}

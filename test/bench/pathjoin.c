/* pathjoin.c — path joining and normalisation with scratch buffers.
 *   clang-19 -O2 pathjoin.c -o pathjoin && ./pathjoin [REPS]       (scripts/bench)
 *   clang-19 -O2 -DHAND pathjoin.c ...   the hand-written variant: stack buffers
 * Joins a directory and a relative name into a PATH_BYTES scratch buffer,
 * splits it into components (a scratch array of pointers), resolves "." and
 * "..", and writes the normalised path into a caller's buffer, the way build
 * tools and shells do. Scratch memory comes from an xmalloc wrapper.
 * Self-check: each result is normalised (no "//", "/./", "/../") and a second
 * normalisation leaves it unchanged. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_BYTES 1024
#define MAX_PARTS 128

static uint32_t seed = 4242;
static uint32_t next_random(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "pathjoin: out of memory\n");
    exit(2);
  }
  return p;
}

/* normalize writes the normal form of the absolute path "dir/name" into out
 * (PATH_BYTES bytes) and returns its length. */
static size_t normalize(char *out, const char *dir, const char *name) {
#ifdef HAND
  char joined[PATH_BYTES];
  const char *parts[MAX_PARTS];
  size_t lens[MAX_PARTS];
#else
  char *joined = xmalloc(PATH_BYTES);
  const char **parts = xmalloc(MAX_PARTS * sizeof *parts);
  size_t *lens = xmalloc(MAX_PARTS * sizeof *lens);
#endif
  snprintf(joined, PATH_BYTES, "%s/%s", dir, name);
  int n = 0;
  for (const char *p = joined; *p;) {
    while (*p == '/') p++;
    const char *start = p;
    while (*p && *p != '/') p++;
    size_t len = (size_t)(p - start);
    if (len == 0 || (len == 1 && start[0] == '.')) continue;
    if (len == 2 && start[0] == '.' && start[1] == '.') {
      if (n) n--;
      continue;
    }
    if (n < MAX_PARTS) {
      parts[n] = start;
      lens[n++] = len;
    }
  }
  size_t used = 0;
  for (int i = 0; i < n && used + lens[i] + 2 < PATH_BYTES; i++) {
    out[used++] = '/';
    memcpy(out + used, parts[i], lens[i]);
    used += lens[i];
  }
  if (!used) out[used++] = '/';
  out[used] = 0;
#ifndef HAND
  free(lens);
  free(parts);
  free(joined);
#endif
  return used;
}

static const char *const names[] = {"usr", "lib", "..", ".", "src", "include", "llvm-19",
                                    "", "pass", "..", "build", "test", "bench", "."};
#define NNAMES (sizeof names / sizeof names[0])

/* random_path writes a random relative path of a few components into buf. */
static void random_path(char *buf, size_t size) {
  size_t used = 0;
  int n = 1 + (int)(next_random() % 8);
  buf[0] = 0;
  for (int i = 0; i < n; i++)
    used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "/" : "",
                             names[next_random() % NNAMES]);
}

static int is_normal(const char *p) {
  return p[0] == '/' && !strstr(p, "//") && !strstr(p, "/./") && !strstr(p, "/../") &&
         (strlen(p) == 1 || p[strlen(p) - 1] != '/');
}

int main(int argc, char **argv) {
  long reps = argc > 1 ? atol(argv[1]) : 100000;
  char dir[256], name[256], out[PATH_BYTES], again[PATH_BYTES];
  uint64_t check = 0;
  for (long r = 0; r < reps; r++) {
    random_path(dir, sizeof dir);
    random_path(name, sizeof name);
    size_t len = normalize(out, dir, name);
    normalize(again, out, "");
    if (!is_normal(out) || strcmp(out, again)) {
      printf("pathjoin: FAILED on %s + %s: %s, again %s\n", dir, name, out, again);
      return 1;
    }
    for (size_t i = 0; i < len; i++) check = check * 131 + (unsigned char)out[i];
  }
  printf("pathjoin: ok, %ld paths, checksum %016llx\n", reps, (unsigned long long)check);
  return 0;
}

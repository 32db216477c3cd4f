/* profile_write.c — the profile as JSON, written at exit to the file named
 * by $ESCAPE_PROFILE (default escape-profile.json).
 *
 *   {"abi": 1, "sites": [{"file": "f.c", "line": 12, "col": 9,
 *     "function": "main", "source_function": "make", "call": "malloc(64)",
 *     "stack": false, "removed": false, "guarded": false, "reason": "...", "allocs": 3, "bytes": 192,
 *     "frame_local": 3, "outlived": 0, "never_freed": 0,
 *     "avoided": 0, "avoided_bytes": 0, "function_line": 10,
 *     "max_bytes": 3072, "sizes": [[3072, 40], ...]}, ...]}
 *
 * max_bytes and sizes only for a site with a run-time size (flag SIZES):
 * each bucket that counted a size, as [its upper bound, count] (the last
 * bucket's bound is max_bytes).  Readers of the first format ignore the
 * keys, and the pass's -escape-profile-use finds no sizes in a profile
 * without them (pass/profuse.c).
 * One entry per site copy per module; scripts/escape-profile merges copies
 * with the same position, function and call.  Format: runtime/README.md.
 */
#include "profile_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", f);
    else if (*p < 0x20)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

static uint64_t get(const uint64_t *c) {
  return __atomic_load_n(c, __ATOMIC_RELAXED);
}

static void site(FILE *f, const escape_profile_site *s) {
  fputs("    {\"file\": ", f);
  str(f, s->file);
  fprintf(f, ", \"line\": %u, \"col\": %u, \"function\": ", s->line, s->col);
  str(f, s->function);
  fputs(", \"source_function\": ", f);
  str(f, s->source_function);
  fputs(", \"call\": ", f);
  str(f, s->call);
  fprintf(f, ", \"stack\": %s, \"removed\": %s, \"guarded\": %s, \"reason\": ",
          (s->flags & ESCAPE_PROFILE_STACK) ? "true" : "false",
          (s->flags & ESCAPE_PROFILE_REMOVED) ? "true" : "false",
          (s->flags & ESCAPE_PROFILE_GUARDED) ? "true" : "false");
  str(f, s->reason);
  fprintf(f,
          ",\n     \"allocs\": %llu, \"bytes\": %llu, \"frame_local\": %llu, "
          "\"outlived\": %llu, \"never_freed\": %llu, \"avoided\": %llu, "
          "\"avoided_bytes\": %llu",
          (unsigned long long)get(&s->allocs), (unsigned long long)get(&s->bytes),
          (unsigned long long)get(&s->frame_local), (unsigned long long)get(&s->outlived),
          (unsigned long long)get(&s->never_freed), (unsigned long long)get(&s->avoided),
          (unsigned long long)get(&s->avoided_bytes));
  fprintf(f, ", \"function_line\": %u", s->function_line);
  if ((s->flags & ESCAPE_PROFILE_SIZES) && s->sizes) {
    uint64_t max = get(&s->max_bytes);
    fprintf(f, ", \"max_bytes\": %llu, \"sizes\": [", (unsigned long long)max);
    const char *sep = "";
    for (uint32_t b = 0; b < ESCAPE_PROFILE_SIZE_BUCKETS; b++) {
      uint64_t n = get(&s->sizes[b]);
      if (!n)
        continue;
      uint64_t upper = escape_profile_bucket_upper(b);
      fprintf(f, "%s[%llu, %llu]", sep, (unsigned long long)(upper < max ? upper : max),
              (unsigned long long)n);
      sep = ", ";
    }
    fputc(']', f);
  }
  fputc('}', f);
}

void prof_write(void) {
  const char *path = getenv("ESCAPE_PROFILE");
  if (!path || !*path)
    path = "escape-profile.json";
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "escape-profile: cannot write %s: %s\n", path, strerror(errno));
    return;
  }
  fprintf(f, "{\"abi\": %d, \"sites\": [\n", ESCAPE_PROFILE_ABI);
  int first = 1;
  for (escape_profile_module *m = prof_modules(); m; m = m->next)
    for (uint32_t i = 0; i < m->nsites; i++) {
      if (!first)
        fputs(",\n", f);
      first = 0;
      site(f, m->sites[i]);
    }
  fputs("\n]}\n", f);
  if (fclose(f) != 0)
    fprintf(stderr, "escape-profile: cannot write %s: %s\n", path, strerror(errno));
}

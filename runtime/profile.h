/* profile.h — the interface between code built with -escape-profile and the
 * allocation profiler (runtime/profile*.c, library escape-profile).
 *
 * The pass (pass/instrument.c) builds these structs in LLVM IR by hand: keep
 * the two in step, and bump ESCAPE_PROFILE_ABI when a field moves.  What the
 * counters mean is in runtime/README.md. */
#ifndef ESCAPE_PROFILE_H
#define ESCAPE_PROFILE_H

#include <stdint.h>

#define ESCAPE_PROFILE_ABI 1

/* escape_profile_site is one allocation site of one function (after
 * inlining), as the pass saw it.  One per site copy, in the module that
 * holds it; the counters are updated atomically. */
typedef struct escape_profile_site {
  uint64_t allocs;        /* heap site: allocations made (non-NULL results) */
  uint64_t bytes;         /* ...and their requested bytes */
  uint64_t frame_local;   /* freed while the allocating call was running */
  uint64_t outlived;      /* still allocated when that call ended */
  uint64_t never_freed;   /* still allocated when the profile was written */
  uint64_t avoided;       /* converted site: times it ran (no malloc made) */
  uint64_t avoided_bytes; /* ...and the bytes it would have asked for */
  const char *file;       /* "" when the call has no position */
  const char *function;   /* the function the site runs in */
  const char *source_function; /* the function it was written in ("" unknown) */
  const char *call;       /* "malloc(64)", as the -m report writes it */
  const char *reason;     /* heap site: the -escape-m=2 explanation */
  uint32_t line, col;
  uint32_t flags;         /* ESCAPE_PROFILE_STACK, _REMOVED, _GUARDED, _SIZES */
  uint32_t function_line; /* the first line of `function` (0: unknown, or
                             built before it was written here) */
  /* Only with ESCAPE_PROFILE_SIZES (a site built before has no more): */
  uint64_t max_bytes;     /* the largest size asked for */
  uint64_t *sizes;        /* ESCAPE_PROFILE_SIZE_BUCKETS counters of the
                             sizes asked for, by escape_profile_bucket */
} escape_profile_site;

/* flags: the pass converted the site (STACK); LLVM deleted it before the
 * pass ran (REMOVED, with STACK): listed, never counted; the converted site
 * keeps its call for sizes over its stack buffer or when the side stack is full (
 * check fails (GUARDED, with STACK): every run calls avoided, and a run
 * that takes the heap path reports an allocation, which takes it back;
 * the site's size is known at run time only (SIZES): max_bytes and sizes
 * follow, and the sizes it asked for are counted.  A site without SIZES
 * ends at function_line, so modules of older passes still register. */
enum { ESCAPE_PROFILE_STACK = 1, ESCAPE_PROFILE_REMOVED = 2, ESCAPE_PROFILE_GUARDED = 4,
       ESCAPE_PROFILE_SIZES = 8 };

/* The sizes a site with a run-time size asked for (flag SIZES: every run
 * of a converted site, every allocation of a heap site), for the pass's
 * -escape-profile-use: bucket 0 holds 0..16 bytes; then each octave
 * (2^k, 2^(k+1)], k = 4..31, in four equal parts; the last bucket holds
 * everything above 4 GiB.  The profile writes each bucket by its upper
 * bound, so a reader needs no copy of this scheme. */
#define ESCAPE_PROFILE_SIZE_BUCKETS (1 + 28 * 4 + 1)
static inline uint32_t escape_profile_bucket(uint64_t v) {
  if (v <= 16)
    return 0;
  if (v > (UINT64_C(1) << 32))
    return ESCAPE_PROFILE_SIZE_BUCKETS - 1;
  uint64_t w = v - 1; /* v in (2^k, 2^(k+1)]: w in [2^k, 2^(k+1)) */
  uint32_t k = 63 - (uint32_t)__builtin_clzll(w);
  return 1 + (k - 4) * 4 + (uint32_t)((w >> (k - 2)) & 3);
}
/* escape_profile_bucket_upper: the largest size bucket b holds (the last:
 * UINT64_MAX). */
static inline uint64_t escape_profile_bucket_upper(uint32_t b) {
  if (b == 0)
    return 16;
  if (b >= ESCAPE_PROFILE_SIZE_BUCKETS - 1)
    return UINT64_MAX;
  uint32_t k = 4 + (b - 1) / 4, j = (b - 1) % 4;
  return (UINT64_C(1) << k) + (uint64_t)(j + 1) * (UINT64_C(1) << (k - 2));
}

/* escape_profile_module lists one module's sites; its constructor hands it
 * to __escape_profile_register. */
typedef struct escape_profile_module {
  uint32_t abi; /* ESCAPE_PROFILE_ABI */
  uint32_t nsites;
  escape_profile_site **sites;
  struct escape_profile_module *next; /* the runtime's list */
} escape_profile_module;

/* The hooks the instrumented code calls.  A function with heap sites calls
 * enter on entry and exit(token) before it returns; each heap allocation
 * reports its result with the token of its frame. */
void __escape_profile_register(escape_profile_module *m);
void __escape_profile_avoided(escape_profile_site *s, uint64_t bytes);
uint64_t __escape_profile_enter(void);
void __escape_profile_exit(uint64_t token);
void __escape_profile_alloc(escape_profile_site *s, void *p, uint64_t bytes, uint64_t token);
void __escape_profile_free(void *p);
void __escape_profile_realloc_begin(void *p);
void __escape_profile_realloc_end(void *p, void *q, uint64_t bytes);

#endif

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
  uint32_t flags;         /* ESCAPE_PROFILE_STACK, _REMOVED, _GUARDED */
  uint32_t reserved;
} escape_profile_site;

/* flags: the pass converted the site (STACK); LLVM deleted it before the
 * pass ran (REMOVED, with STACK): listed, never counted; the converted site
 * keeps its call for sizes over its stack buffer or when the side stack is full (
 * check fails (GUARDED, with STACK): every run calls avoided, and a run
 * that takes the heap path reports an allocation, which takes it back. */
enum { ESCAPE_PROFILE_STACK = 1, ESCAPE_PROFILE_REMOVED = 2, ESCAPE_PROFILE_GUARDED = 4 };

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

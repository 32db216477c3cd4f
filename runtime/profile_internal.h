/* profile_internal.h — types shared by the profiler's files: threads and
 * their frames (profile.c), the table of live objects (profile_objects.c),
 * the JSON writer (profile_write.c).  Not part of the interface. */
#ifndef ESCAPE_PROFILE_INTERNAL_H
#define ESCAPE_PROFILE_INTERNAL_H

#include "profile.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define PROF_HIDDEN __attribute__((visibility("hidden")))

/* prof_frame is one running call of an instrumented function. */
typedef struct prof_frame {
  _Atomic uint64_t serial; /* unique per thread record; 0: never used */
  uintptr_t sp;            /* stack address at its enter hook */
} prof_frame;

#define PROF_CHUNK_BITS 10
#define PROF_CHUNK (1u << PROF_CHUNK_BITS)
#define PROF_NCHUNKS 1024u
#define PROF_MAX_DEPTH (PROF_CHUNK * PROF_NCHUNKS) /* deeper frames: untracked */
#define PROF_UNTRACKED UINT64_MAX

/* prof_thread is a thread's stack of frames.  Records are never freed: a
 * thread that ends hands its record to the next new thread (its serials go
 * on counting, so old objects never match new frames), and other threads
 * may read its frames while it runs. */
typedef struct prof_thread {
  _Atomic uint32_t depth;
  uint64_t serial;
  prof_frame *_Atomic chunks[PROF_NCHUNKS];
  struct prof_thread *next_free;
} prof_thread;

/* prof_obj is a live heap object from an instrumented site. */
typedef struct prof_obj {
  uintptr_t addr; /* 0: empty slot */
  escape_profile_site *site;
  prof_thread *thread; /* NULL: allocated in an untracked frame */
  uint64_t serial;     /* its frame's serial */
  uint32_t index;      /* its frame's depth */
} prof_obj;

/* profile_objects.c */
PROF_HIDDEN int prof_objects_put(const prof_obj *o, prof_obj *old);
PROF_HIDDEN int prof_objects_take(uintptr_t addr, prof_obj *out);
PROF_HIDDEN void prof_objects_at_exit(void);

/* profile.c */
PROF_HIDDEN int prof_frame_live(const prof_obj *o, uintptr_t sp);
PROF_HIDDEN void prof_count(uint64_t *counter, uint64_t n);
PROF_HIDDEN escape_profile_module *prof_modules(void);

/* profile_write.c */
PROF_HIDDEN void prof_write(void);

#endif

/* profile_objects.c — the profiler's table of live heap objects.
 *
 * Objects are keyed by address in 256 shards, each an open-addressing table
 * (linear probing, backward-shift deletion) under its own spin lock (held
 * for a few dozen instructions; a waiter yields the CPU after a while), so
 * threads that allocate different objects rarely meet.  The table grows (doubling)
 * when half full; that is the only allocation the profiler makes while the
 * program runs, besides one record per thread.  Exercised by
 * test/profile/Profile_threads.c.
 */
#include "profile_internal.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>

#define NSHARDS 256

/* shard is one lock and its table; aligned so locks do not share a line. */
typedef struct shard {
  _Alignas(64) atomic_flag busy;
  prof_obj *v;
  size_t cap, n;
} shard;

static shard shards[NSHARDS]; /* zero: unlocked and empty */

static void lock(shard *s) {
  for (int spins = 0; atomic_flag_test_and_set_explicit(&s->busy, memory_order_acquire);)
    if (++spins > 100) {
      sched_yield();
      spins = 0;
    }
}

static void unlock(shard *s) {
  atomic_flag_clear_explicit(&s->busy, memory_order_release);
}

static uint64_t hash(uintptr_t a) {
  uint64_t h = (uint64_t)a >> 4;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

static shard *shard_of(uintptr_t a, uint64_t *h) {
  *h = hash(a);
  return &shards[*h & (NSHARDS - 1)];
}

/* slot: where a lives, or the empty slot where it would go. */
static size_t slot(const shard *s, uintptr_t a, uint64_t h) {
  size_t mask = s->cap - 1, i = (size_t)(h >> 8) & mask;
  while (s->v[i].addr && s->v[i].addr != a)
    i = (i + 1) & mask;
  return i;
}

/* grow doubles the table; 0 if memory ran out (the object goes untracked). */
static int grow(shard *s) {
  size_t cap = s->cap ? 2 * s->cap : 64;
  prof_obj *v = calloc(cap, sizeof *v);
  if (!v)
    return 0;
  prof_obj *old = s->v;
  size_t oldcap = s->cap;
  s->v = v;
  s->cap = cap;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].addr)
      s->v[slot(s, old[i].addr, hash(old[i].addr))] = old[i];
  free(old);
  return 1;
}

/* prof_objects_put records o; if its address was still recorded (freed
 * where the instrumentation could not see), the stale record goes to *old
 * and the result is 1. */
int prof_objects_put(const prof_obj *o, prof_obj *old) {
  uint64_t h;
  shard *s = shard_of(o->addr, &h);
  int had = 0;
  lock(s);
  if ((s->n + 1) * 2 > s->cap && !grow(s)) {
    unlock(s);
    return 0;
  }
  size_t i = slot(s, o->addr, h);
  if (s->v[i].addr) {
    *old = s->v[i];
    had = 1;
  } else {
    s->n++;
  }
  s->v[i] = *o;
  unlock(s);
  return had;
}

/* prof_objects_take removes the record of addr into *out; 0 if none. */
int prof_objects_take(uintptr_t addr, prof_obj *out) {
  uint64_t h;
  shard *s = shard_of(addr, &h);
  int found = 0;
  lock(s);
  if (s->cap) {
    size_t mask = s->cap - 1, i = slot(s, addr, h);
    if (s->v[i].addr) {
      *out = s->v[i];
      found = 1;
      s->n--;
      /* Backward shift: pull later entries of the run into the hole. */
      size_t j = i;
      for (;;) {
        j = (j + 1) & mask;
        if (!s->v[j].addr)
          break;
        size_t home = (size_t)(hash(s->v[j].addr) >> 8) & mask;
        /* j's entry may move to i unless its home lies in (i, j]. */
        int stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
          s->v[i] = s->v[j];
          i = j;
        }
      }
      memset(&s->v[i], 0, sizeof s->v[i]);
    }
  }
  unlock(s);
  return found;
}

/* prof_objects_at_exit counts every object still recorded as never freed
 * (and, its allocating call being over, as outlived). */
void prof_objects_at_exit(void) {
  for (int k = 0; k < NSHARDS; k++) {
    shard *s = &shards[k];
    lock(s);
    for (size_t i = 0; i < s->cap; i++)
      if (s->v[i].addr) {
        prof_count(&s->v[i].site->never_freed, 1);
        prof_count(&s->v[i].site->outlived, 1);
        memset(&s->v[i], 0, sizeof s->v[i]);
      }
    s->n = 0;
    unlock(s);
  }
}

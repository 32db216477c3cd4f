/* profile.c — the hooks that code built with -escape-profile calls, and the
 * frames of instrumented calls on each thread.
 *
 *   scripts/escape-cc -O2 -profile prog.c -o prog && scripts/escape-profile ./prog
 *
 * A function with heap allocation sites calls __escape_profile_enter on
 * entry (its frame goes on the thread's stack of frames, with a serial
 * number and the stack address) and __escape_profile_exit before it
 * returns.  Each heap object is recorded with its frame (thread, depth,
 * serial).  When it is freed, the object was frame-local if that frame is
 * still on its thread's stack: same serial at that depth, and (on the same
 * thread) not below the caller of the free, which catches frames that
 * longjmp or an exception left without their exit hook.  Every object
 * counts once: frame-local when freed in time, outlived otherwise (freed
 * later, or never: at exit).  Frames skipped by longjmp are also dropped at
 * the next enter hook, by stack address.  Definitions: runtime/README.md.
 */
#include "profile_internal.h"

#include <pthread.h>
#include <stdlib.h>

static escape_profile_module *_Atomic modules;
static pthread_mutex_t threads_mu = PTHREAD_MUTEX_INITIALIZER;
static prof_thread *free_threads; /* records of threads that ended */
static pthread_key_t thread_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static _Thread_local prof_thread *self;
/* A realloc in progress on this thread: the record of its old pointer. */
static _Thread_local prof_obj pending;
static _Thread_local int has_pending;

void prof_count(uint64_t *counter, uint64_t n) {
  __atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

escape_profile_module *prof_modules(void) {
  return atomic_load_explicit(&modules, memory_order_acquire);
}

/* thread_ended: the thread's frames are all over; its record is reused. */
static void thread_ended(void *p) {
  prof_thread *t = p;
  atomic_store_explicit(&t->depth, 0, memory_order_release);
  if (self == t)
    self = NULL;
  pthread_mutex_lock(&threads_mu);
  t->next_free = free_threads;
  free_threads = t;
  pthread_mutex_unlock(&threads_mu);
}

static void make_key(void) {
  pthread_key_create(&thread_key, thread_ended);
}

/* me: this thread's record, made on its first instrumented call; NULL if
 * memory ran out (then nothing is tracked on this thread). */
static prof_thread *me(void) {
  if (self)
    return self;
  pthread_once(&key_once, make_key);
  pthread_mutex_lock(&threads_mu);
  prof_thread *t = free_threads;
  if (t)
    free_threads = t->next_free;
  pthread_mutex_unlock(&threads_mu);
  if (!t && !(t = calloc(1, sizeof *t)))
    return NULL;
  t->next_free = NULL;
  atomic_store_explicit(&t->depth, 0, memory_order_relaxed);
  self = t;
  pthread_setspecific(thread_key, t);
  return t;
}

static prof_frame *frame(prof_thread *t, uint32_t i) {
  prof_frame *c = atomic_load_explicit(&t->chunks[i >> PROF_CHUNK_BITS], memory_order_acquire);
  return c ? &c[i & (PROF_CHUNK - 1)] : NULL;
}

/* prof_frame_live: is o's frame still running?  sp is the stack address of
 * the hook asking, called straight from instrumented code. */
int prof_frame_live(const prof_obj *o, uintptr_t sp) {
  prof_thread *t = o->thread;
  if (!t || atomic_load_explicit(&t->depth, memory_order_acquire) <= o->index)
    return 0;
  prof_frame *f = frame(t, o->index);
  if (!f || atomic_load_explicit(&f->serial, memory_order_relaxed) != o->serial)
    return 0;
  /* On its own thread, a running frame lies above whoever frees. */
  return t != self || f->sp >= sp;
}

/* resolve: an object's life is over (freed, or its address reused). */
static void resolve(const prof_obj *o, uintptr_t sp) {
  if (prof_frame_live(o, sp))
    prof_count(&o->site->frame_local, 1);
  else
    prof_count(&o->site->outlived, 1);
}

static void put(const prof_obj *o, uintptr_t sp) {
  prof_obj old;
  if (prof_objects_put(o, &old))
    resolve(&old, sp);
}

static void at_exit(void) {
  prof_objects_at_exit();
  prof_write();
}

static void register_exit(void) {
  atexit(at_exit);
}

void __escape_profile_register(escape_profile_module *m) {
  static pthread_once_t exit_once = PTHREAD_ONCE_INIT;
  if (!m || m->abi != ESCAPE_PROFILE_ABI)
    return; /* built by another version of the pass: leave it out */
  pthread_once(&exit_once, register_exit);
  escape_profile_module *head = atomic_load_explicit(&modules, memory_order_relaxed);
  do
    m->next = head;
  while (!atomic_compare_exchange_weak_explicit(&modules, &head, m, memory_order_release,
                                                memory_order_relaxed));
}

/* sized: a size the site asked for, when it counts them (flag SIZES). */
static void sized(escape_profile_site *s, uint64_t bytes) {
  if (!(s->flags & ESCAPE_PROFILE_SIZES) || !s->sizes)
    return;
  prof_count(&s->sizes[escape_profile_bucket(bytes)], 1);
  uint64_t max = __atomic_load_n(&s->max_bytes, __ATOMIC_RELAXED);
  while (bytes > max && !__atomic_compare_exchange_n(&s->max_bytes, &max, bytes, 1,
                                                     __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    ;
}

void __escape_profile_avoided(escape_profile_site *s, uint64_t bytes) {
  prof_count(&s->avoided, 1);
  prof_count(&s->avoided_bytes, bytes);
  sized(s, bytes); /* a guarded site's heap runs too: counted once, here */
}

__attribute__((noinline)) uint64_t __escape_profile_enter(void) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  prof_thread *t = me();
  if (!t)
    return PROF_UNTRACKED;
  uint32_t d = atomic_load_explicit(&t->depth, memory_order_relaxed);
  /* Frames at or below this one's address were left by longjmp. */
  while (d > 0 && frame(t, d - 1)->sp <= sp)
    d--;
  if (d >= PROF_MAX_DEPTH) {
    atomic_store_explicit(&t->depth, d, memory_order_release);
    return PROF_UNTRACKED;
  }
  prof_frame *c = atomic_load_explicit(&t->chunks[d >> PROF_CHUNK_BITS], memory_order_relaxed);
  if (!c) {
    c = calloc(PROF_CHUNK, sizeof *c);
    if (!c) {
      atomic_store_explicit(&t->depth, d, memory_order_release);
      return PROF_UNTRACKED;
    }
    atomic_store_explicit(&t->chunks[d >> PROF_CHUNK_BITS], c, memory_order_release);
  }
  prof_frame *f = &c[d & (PROF_CHUNK - 1)];
  f->sp = sp;
  atomic_store_explicit(&f->serial, ++t->serial, memory_order_relaxed);
  atomic_store_explicit(&t->depth, d + 1, memory_order_release);
  return d;
}

void __escape_profile_exit(uint64_t token) {
  prof_thread *t = self;
  if (!t || token == PROF_UNTRACKED)
    return;
  if (token < atomic_load_explicit(&t->depth, memory_order_relaxed))
    atomic_store_explicit(&t->depth, (uint32_t)token, memory_order_release);
}

__attribute__((noinline)) void __escape_profile_alloc(escape_profile_site *s, void *p,
                                                      uint64_t bytes, uint64_t token) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (s->flags & ESCAPE_PROFILE_GUARDED) { /* counted as avoided on entry */
    __atomic_fetch_sub(&s->avoided, 1, __ATOMIC_RELAXED);
    __atomic_fetch_sub(&s->avoided_bytes, bytes, __ATOMIC_RELAXED);
  }
  if (!p)
    return; /* failed: nothing was allocated */
  if (!(s->flags & ESCAPE_PROFILE_GUARDED))
    sized(s, bytes);
  prof_count(&s->allocs, 1);
  prof_count(&s->bytes, bytes);
  prof_obj o = {(uintptr_t)p, s, NULL, 0, 0};
  prof_thread *t = self;
  if (t && token != PROF_UNTRACKED &&
      token < atomic_load_explicit(&t->depth, memory_order_relaxed)) {
    /* The allocating function runs: frames above its own are over. */
    atomic_store_explicit(&t->depth, (uint32_t)token + 1, memory_order_release);
    o.thread = t;
    o.index = (uint32_t)token;
    o.serial = atomic_load_explicit(&frame(t, o.index)->serial, memory_order_relaxed);
  }
  put(&o, sp);
}

__attribute__((noinline)) void __escape_profile_free(void *p) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  prof_obj o;
  if (p && prof_objects_take((uintptr_t)p, &o))
    resolve(&o, sp);
}

void __escape_profile_realloc_begin(void *p) {
  has_pending = p && prof_objects_take((uintptr_t)p, &pending);
}

/* realloc_end: the object moved to q (it keeps its site and frame), or
 * realloc failed and p stays, or realloc(p, 0) freed it. */
__attribute__((noinline)) void __escape_profile_realloc_end(void *p, void *q, uint64_t bytes) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (!has_pending)
    return;
  has_pending = 0;
  if (pending.addr != (uintptr_t)p)
    return; /* not the begin hook's pointer: leave the record out */
  prof_obj o = pending;
  if (q) {
    o.addr = (uintptr_t)q;
    put(&o, sp);
  } else if (bytes) {
    put(&o, sp); /* failed: p is still allocated */
  } else {
    resolve(&o, sp);
  }
}

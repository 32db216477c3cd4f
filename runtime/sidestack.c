/* sidestack.c — the side stack behind converted allocations in recursive
 * functions.
 *
 * A recursive function's frame may be live thousands of times at once, so
 * llvm-escape gives its non-escaping objects no slot in the frame (that
 * would multiply the thread's stack use by the depth, and a dynamic alloca
 * grows every frame even when unused).  They come from a per-thread side
 * stack instead: the function takes a mark when it is entered, each site
 * bumps the side stack's top when it runs, and every return puts the top
 * back to the mark.  A free of the object on the top gives its memory back
 * at once (so a loop's objects freed in the reverse order of their
 * allocation take the same memory in every iteration); any other free
 * leaves it to that return.  When the side stack is full (or cannot be
 * mapped) the site calls the allocator as before.  The thread's own stack
 * is never touched, so a converted program runs wherever the original did.
 *
 * Each thread maps ESCAPE_SIDE_BYTES of address space on first use
 * (MAP_NORESERVE: pages cost memory only when touched), released when the
 * thread exits (while the module that mapped it is loaded).  A frame left by longjmp or an exception does not release
 * its part; the next release by a frame below it does.  Updates are single
 * stores, so a signal handler that uses the side stack and returns leaves
 * it as it found it.
 *
 * The pass links this file's bitcode into each module that needs it (weak,
 * hidden: one copy per executable or shared object), so programs need no
 * extra library.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#define ESCAPE_HIDDEN __attribute__((weak, visibility("hidden")))
#define ESCAPE_SIDE_BYTES ((size_t)1 << 20)

/* One thread's side stack: [base, end), in use up to top.  base is NULL
 * before first use, and (char *)-1 when mapping failed. */
struct escape_side {
  char *base, *top, *end;
};

ESCAPE_HIDDEN __thread struct escape_side __escape_side;
ESCAPE_HIDDEN pthread_key_t __escape_side_key;
ESCAPE_HIDDEN pthread_once_t __escape_side_once = PTHREAD_ONCE_INIT;
ESCAPE_HIDDEN int __escape_side_keyed; /* 1: the key exists; 2: deleted */

/* unmap: the thread is ending.  Destructors of other keys, and atexit
 * handlers after the last thread's pthread_exit, may still run code that
 * uses the side stack: from here on it is the heap's, as when mapping
 * failed. */
static void unmap(void *base) {
  struct escape_side *s = &__escape_side;
  s->base = (char *)-1;
  s->top = s->end = NULL;
  munmap(base, ESCAPE_SIDE_BYTES);
}

static void make_key(void) {
  if (pthread_key_create(&__escape_side_key, unmap) == 0)
    __escape_side_keyed = 1;
}

/* drop_key: when the program or shared object is unloaded (dlclose), its
 * threads must not call back into the unmapped unmap at their exit: the
 * key goes, and their side stacks stay mapped until the process ends.
 * Each module carrying this file has the destructor; the first one acts. */
__attribute__((destructor)) static void drop_key(void) {
  if (__escape_side_keyed == 1) {
    __escape_side_keyed = 2;
    pthread_key_delete(__escape_side_key);
  }
}

static int map_side(struct escape_side *s) {
  void *p = mmap(NULL, ESCAPE_SIDE_BYTES, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    s->base = (char *)-1;
    return 0;
  }
  s->base = s->top = p;
  s->end = s->base + ESCAPE_SIDE_BYTES;
  if (pthread_once(&__escape_side_once, make_key) == 0)
    pthread_setspecific(__escape_side_key, p);
  return 1;
}

static char *mark_slow(void);

/* __escape_side_mark: the top to return to when the calling frame ends.
 * The first mark of a thread maps its side stack, so a mark is NULL only
 * where mapping failed (and top stays NULL there: nothing is handed out). */
ESCAPE_HIDDEN char *__escape_side_mark(void) {
  char *top = __escape_side.top;
  return top ? top : mark_slow();
}

/* __escape_side_release: the calling frame ends; its objects are gone.
 * One store: a mark is the top it was taken at, mapped or NULL alike. */
ESCAPE_HIDDEN void __escape_side_release(char *mark) { __escape_side.top = mark; }

/* __escape_side_free: p is freed; nonzero when it is a side-stack object
 * (so the heap's free is not called).  n is the object's size as handed
 * out (0: not known): when it ends at the top, nothing live is above it
 * and the top comes down to it, so frees in the reverse order of the
 * allocations give the memory back at once.  Any other free leaves the
 * memory to the release of the frame that allocated it.  (Before first
 * use, and after mapping failed, end is NULL: nothing is owned.) */
ESCAPE_HIDDEN int __escape_side_free(void *p, size_t n) {
  struct escape_side *s = &__escape_side;
  uintptr_t q = (uintptr_t)p;
  if (q < (uintptr_t)s->base || q >= (uintptr_t)s->end)
    return 0;
  if (q + n == (uintptr_t)s->top) /* n == 0: q is not below the top, no-op */
    s->top = (char *)q;
  return 1;
}

static void *alloc_slow(size_t n, size_t align);

/* __escape_side_alloc: n (> 0) bytes aligned to align (a power of two, at
 * most 4096), or NULL when the side stack has no room.  Before first use
 * top and end are NULL, so the test fails and alloc_slow maps it.  top
 * never passes end, which is page-aligned (mmap), so top rounded up to
 * align does not pass it either. */
ESCAPE_HIDDEN void *__escape_side_alloc(size_t n, size_t align) {
  struct escape_side *s = &__escape_side;
  uintptr_t top = ((uintptr_t)s->top + align - 1) & ~(uintptr_t)(align - 1);
  if ((uintptr_t)s->end - top < n)
    return alloc_slow(n, align);
  s->top = (char *)(top + n);
  return (void *)top;
}

/* mark_slow: the thread's first mark (base NULL: map the side stack), or
 * one after mapping failed (base (char *)-1). */
__attribute__((noinline)) static char *mark_slow(void) {
  struct escape_side *s = &__escape_side;
  if (!s->base)
    map_side(s);
  return s->top;
}

/* alloc_slow: the side stack is full, or not mapped yet (base NULL: map it
 * and try again), or could not be mapped (base (char *)-1). */
__attribute__((noinline)) static void *alloc_slow(size_t n, size_t align) {
  struct escape_side *s = &__escape_side;
  if (s->base || !map_side(s))
    return NULL;
  return __escape_side_alloc(n, align);
}

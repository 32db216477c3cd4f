/* stackroom.c — the run-time stack check behind converted allocations in
 * recursive functions.
 *
 * A recursive function's allocation site that llvm-escape moves to the
 * stack takes its memory only when it runs (a dynamic alloca) and only if
 * __escape_stack_room says the thread's stack has room; otherwise the
 * original heap call runs.  The pass links this file's bitcode into each
 * module that needs it (weak, hidden: one copy per executable or shared
 * object), so programs need no extra library.
 *
 * The rule: a stack buffer of n bytes is taken only if, after it, at least
 * three quarters of the thread's stack (and at least 64 KiB) stay free.
 * So converted buffers never hold more than a quarter of any stack, and a
 * program that ran with a quarter of its stack to spare still runs.  C
 * stacks do not grow: glibc threads get 8 MiB, musl threads 128 KiB.
 *
 * The bounds are read once per thread.  On glibc's main thread they come
 * from __libc_stack_end and RLIMIT_STACK (pthread_getattr_np would read
 * /proc/self/maps through malloc'd buffers); of the limit, the quarter the
 * kernel may give to arguments and environment is not counted.  Other
 * threads ask pthread_getattr_np.  When the bounds cannot be read, every
 * check fails and objects stay on the heap.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <unistd.h>

extern void *__libc_stack_end __attribute__((weak));

#define ESCAPE_HIDDEN __attribute__((weak, visibility("hidden")))

/* Per thread: the lowest usable stack address (0: not read yet,
 * UINTPTR_MAX: unknown) and the bytes that must stay free. */
ESCAPE_HIDDEN __thread uintptr_t __escape_stack_low;
ESCAPE_HIDDEN __thread uintptr_t __escape_stack_reserve;

static void set_bounds(uintptr_t low, uintptr_t size) {
  uintptr_t reserve = size / 4 * 3;
  if (reserve < 64 * 1024)
    reserve = 64 * 1024;
  __escape_stack_reserve = reserve;
  __escape_stack_low = low;
}

/* main_bounds: the main thread's stack without allocating; 0 if unknown. */
static int main_bounds(void) {
  struct rlimit rl;
  if (!&__libc_stack_end || !__libc_stack_end || getpid() != gettid() ||
      getrlimit(RLIMIT_STACK, &rl) != 0)
    return 0;
  uintptr_t limit = rl.rlim_cur;
  if (rl.rlim_cur == RLIM_INFINITY || limit > ((uintptr_t)1 << 30))
    limit = 8u << 20; /* grows further: count what any default gives */
  uintptr_t size = limit / 4 * 3, top = (uintptr_t)__libc_stack_end;
  if (size > top)
    return 0;
  set_bounds(top - size, size);
  return 1;
}

static void read_bounds(void) {
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  __escape_stack_low = UINTPTR_MAX;
  if (main_bounds() || pthread_getattr_np(pthread_self(), &attr) != 0)
    return;
  int ok = pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size;
  pthread_attr_destroy(&attr);
  if (ok)
    set_bounds((uintptr_t)addr, size);
}

/* __escape_stack_room: 1 if n more bytes of stack leave the reserve free. */
ESCAPE_HIDDEN int __escape_stack_room(size_t n) {
  if (__escape_stack_low == 0)
    read_bounds();
  uintptr_t low = __escape_stack_low;
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (low == UINTPTR_MAX || sp <= low)
    return 0;
  uintptr_t free_bytes = sp - low;
  return n < free_bytes && free_bytes - n >= __escape_stack_reserve;
}

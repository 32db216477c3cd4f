/* libmodel.c — what C library functions do with their pointer arguments,
 * for declarations LLVM's attributes describe only in part (varargs,
 * returned pointers into an argument, pointers stored through another
 * argument, callbacks).
 *
 * The table is data: one row per function, one letter per fixed parameter
 * and one for the variadic ones.  Letters:
 *   r  read only: nothing leaks, nothing is written, nothing freed
 *   w  written with plain data (and read)
 *   p  permuted: its own contents moved around, nothing new stored (qsort)
 *   R  read, and returned or returned at an offset (strchr)
 *   W  written, and returned (strcpy's destination)
 *   e  escapes: the library keeps the pointer (strtok, setvbuf, a thread)
 *   c  what it points to may be freed or kept (getline's *lineptr)
 *   f  freed
 *   n  not a pointer: an integer or a floating-point value, ignored
 *   k  a callback (a pointer to a function), ignored
 *   <  read, and its contents copied into the object parameter 0 points to
 *      (memcpy's and strcpy's source, sprintf's format: bytes of pointers
 *      travel too)
 *   ^  as <, and the value itself too (sprintf's arguments: %p prints it)
 *   o  printed (printf's arguments): as the format says, %s as x, %p and
 *      the numbers escape (the text may be parsed back: fscanf's %p); an
 *      unknown format: escapes
 *   >  written with the contents of the object parameter 0 points to
 *      (sscanf's arguments: %p parses a pointer back)
 *   T  read, and the result is made of its bytes (atol: a number that may
 *      be an address printed as text)
 *   N  as T, and stored into the object parameter 1 points to (strtol)
 *   x  read, and its bytes leave the program (write, fwrite, send, fputs,
 *      printf's format, setenv, a file's new name: a pipe, a file, the
 *      environment or a directory that the program may read back, %p text
 *      parsed into a pointer again): what it points to escapes
 *   0-9  read, and stored into the object parameter N points to (strtol)
 * A row may name a callback parameter and which parameters' objects the
 * callback receives (qsort's comparator gets pointers into its base).
 * A row applies only to a declaration whose prototype fits it: as many
 * fixed parameters as letters, pointers exactly where the letters expect
 * them, variadic iff the row says so, and a pointer result for R and W;
 * a function that merely shares a name (a program's own `read`) is judged
 * by its attributes.  A name not in the table falls back to them too.  Add rows
 * freely: a wrong letter is a miscompile, so when in doubt write `e`.
 * Exercised by test/report/Summary_callbacks.c, test/exec/Lib_memcpy_nobuiltin.c
 * and test/ir/Call_libmodel_prototype.ll.
 */
#include "libmodel.h"

#include <string.h>

static const esc_libmodel models[] = {
    /* string.h */
    {"strlen", "r", 0, -1, ""},     {"strnlen", "rn", 0, -1, ""},
    {"strcmp", "rr", 0, -1, ""},    {"strncmp", "rrn", 0, -1, ""},
    {"strcasecmp", "rr", 0, -1, ""}, {"strncasecmp", "rrn", 0, -1, ""},
    {"strcoll", "rr", 0, -1, ""},   {"memcmp", "rrn", 0, -1, ""},
    {"bcmp", "rrn", 0, -1, ""},     {"strcpy", "W<", 0, -1, ""},
    {"strncpy", "W<n", 0, -1, ""},  {"stpcpy", "W<", 0, -1, ""},
    {"stpncpy", "W<n", 0, -1, ""},  {"strcat", "W<", 0, -1, ""},
    {"strncat", "W<n", 0, -1, ""},  {"memcpy", "W<n", 0, -1, ""},
    {"memmove", "W<n", 0, -1, ""},  {"mempcpy", "W<n", 0, -1, ""},
    {"bzero", "wn", 0, -1, ""},
    {"explicit_bzero", "wn", 0, -1, ""},
    {"strchr", "Rn", 0, -1, ""},    {"strrchr", "Rn", 0, -1, ""},
    {"strchrnul", "Rn", 0, -1, ""}, {"memchr", "Rnn", 0, -1, ""},
    {"memrchr", "Rnn", 0, -1, ""},  {"rawmemchr", "Rn", 0, -1, ""},
    {"strstr", "Rr", 0, -1, ""},    {"strcasestr", "Rr", 0, -1, ""},
    {"strpbrk", "Rr", 0, -1, ""},   {"strspn", "rr", 0, -1, ""},
    {"strcspn", "rr", 0, -1, ""},   {"strtok", "er", 0, -1, ""},
    {"strtok_r", "erw", 0, -1, ""}, {"strsep", "cr", 0, -1, ""},
    {"strxfrm", "w<n", 0, -1, ""},
    /* stdlib.h */
    {"atoi", "T", 0, -1, ""},       {"atol", "T", 0, -1, ""},
    {"atoll", "T", 0, -1, ""},      {"atof", "T", 0, -1, ""},
    {"strtol", "Nwn", 0, -1, ""},   {"strtoul", "Nwn", 0, -1, ""},
    {"strtoll", "Nwn", 0, -1, ""},  {"strtoull", "Nwn", 0, -1, ""},
    {"strtod", "Nw", 0, -1, ""},    {"strtof", "Nw", 0, -1, ""},
    {"strtold", "Nw", 0, -1, ""},   {"getenv", "r", 0, -1, ""},
    {"setenv", "xxn", 0, -1, ""},   {"putenv", "e", 0, -1, ""},
    {"qsort", "pnnk", 0, 3, "0"},   {"qsort_r", "pnnke", 0, 3, "0"},
    {"bsearch", "rRnnk", 0, 4, "01"},
    /* atexit keeps its function until exit: code, unless the pointer is
     * an object's (a buffer of generated code), which must outlive us. */
    {"atexit", "e", 0, -1, ""},
    /* stdio.h */
    {"printf", "x", 'o', -1, ""},   {"fprintf", "wx", 'o', -1, ""},
    {"dprintf", "nx", 'o', -1, ""}, {"sprintf", "w<", '^', -1, ""},
    {"snprintf", "wn<", '^', -1, ""},
    {"__printf_chk", "nx", 'o', -1, ""}, {"__fprintf_chk", "wnx", 'o', -1, ""},
    {"__sprintf_chk", "wnn<", '^', -1, ""},
    {"__snprintf_chk", "wnnn<", '^', -1, ""},
    {"scanf", "r", 'w', -1, ""},    {"fscanf", "wr", 'w', -1, ""},
    {"sscanf", "rr", '>', -1, ""},  {"__isoc99_scanf", "r", 'w', -1, ""},
    {"__isoc99_fscanf", "wr", 'w', -1, ""},
    {"__isoc99_sscanf", "rr", '>', -1, ""},
    /* The va_list forms: the arguments behind ap are the caller's (unknown
     * memory here), ap itself is advanced (w), the buffer filled (w). */
    {"vprintf", "xw", 0, -1, ""},   {"vfprintf", "wxw", 0, -1, ""},
    {"vsprintf", "w<w", 0, -1, ""}, {"vsnprintf", "wn<w", 0, -1, ""},
    {"puts", "x", 0, -1, ""},       {"fputs", "xw", 0, -1, ""},
    {"fwrite", "xnnw", 0, -1, ""},  {"fwrite_unlocked", "xnnw", 0, -1, ""},
    {"fread", "wnnw", 0, -1, ""},   {"fgets", "Wnw", 0, -1, ""},
    {"fgetc", "w", 0, -1, ""},      {"getc", "w", 0, -1, ""},
    {"fflush", "w", 0, -1, ""},
    {"fopen", "xr", 0, -1, ""},     {"perror", "x", 0, -1, ""},
    {"getline", "cww", 0, -1, ""},  {"getdelim", "cwnw", 0, -1, ""},
    {"setvbuf", "wenn", 0, -1, ""}, {"setbuf", "we", 0, -1, ""},
    /* pthread.h, threads.h: the argument goes to another thread. */
    {"pthread_create", "wrke", 0, -1, ""},
    {"thrd_create", "wke", 0, -1, ""},
    {"pthread_join", "nw", 0, -1, ""},
    /* Synchronisation objects (POSIX.1-2017, pthread_mutex_*, _cond_*,
     * _rwlock_*, _spin_*, _barrier_*, sem_*): each call reads and writes the
     * object (lock words, waiter counts; plain data, w) and returns with
     * nothing kept: the attribute objects are read at init (r), a timeout is
     * read (r), waiting on a condition binds the mutex only while some
     * thread waits ("dynamic binding", which ends when the last waiter
     * returns).  (A robust mutex is on its owner's robust list while locked;
     * a program that lets a locked robust mutex's memory die has it written
     * at thread exit: leaked there, reused stack here.  Not modelled.) */
    {"pthread_mutex_init", "wr", 0, -1, ""},
    {"pthread_mutex_destroy", "w", 0, -1, ""},
    {"pthread_mutex_lock", "w", 0, -1, ""},
    {"pthread_mutex_trylock", "w", 0, -1, ""},
    {"pthread_mutex_timedlock", "wr", 0, -1, ""},
    {"pthread_mutex_unlock", "w", 0, -1, ""},
    {"pthread_mutexattr_init", "w", 0, -1, ""},
    {"pthread_mutexattr_destroy", "w", 0, -1, ""},
    {"pthread_mutexattr_settype", "wn", 0, -1, ""},
    {"pthread_mutexattr_gettype", "rw", 0, -1, ""},
    {"pthread_mutexattr_setpshared", "wn", 0, -1, ""},
    {"pthread_mutexattr_setrobust", "wn", 0, -1, ""},
    {"pthread_mutexattr_setprotocol", "wn", 0, -1, ""},
    {"pthread_cond_init", "wr", 0, -1, ""},
    {"pthread_cond_destroy", "w", 0, -1, ""},
    {"pthread_cond_signal", "w", 0, -1, ""},
    {"pthread_cond_broadcast", "w", 0, -1, ""},
    {"pthread_cond_wait", "ww", 0, -1, ""},
    {"pthread_cond_timedwait", "wwr", 0, -1, ""},
    {"pthread_condattr_init", "w", 0, -1, ""},
    {"pthread_condattr_destroy", "w", 0, -1, ""},
    {"pthread_condattr_setclock", "wn", 0, -1, ""},
    {"pthread_condattr_setpshared", "wn", 0, -1, ""},
    {"pthread_rwlock_init", "wr", 0, -1, ""},
    {"pthread_rwlock_destroy", "w", 0, -1, ""},
    {"pthread_rwlock_rdlock", "w", 0, -1, ""},
    {"pthread_rwlock_wrlock", "w", 0, -1, ""},
    {"pthread_rwlock_tryrdlock", "w", 0, -1, ""},
    {"pthread_rwlock_trywrlock", "w", 0, -1, ""},
    {"pthread_rwlock_timedrdlock", "wr", 0, -1, ""},
    {"pthread_rwlock_timedwrlock", "wr", 0, -1, ""},
    {"pthread_rwlock_unlock", "w", 0, -1, ""},
    {"pthread_rwlockattr_init", "w", 0, -1, ""},
    {"pthread_rwlockattr_destroy", "w", 0, -1, ""},
    {"pthread_spin_init", "wn", 0, -1, ""},
    {"pthread_spin_destroy", "w", 0, -1, ""},
    {"pthread_spin_lock", "w", 0, -1, ""},
    {"pthread_spin_trylock", "w", 0, -1, ""},
    {"pthread_spin_unlock", "w", 0, -1, ""},
    {"pthread_barrier_init", "wrn", 0, -1, ""},
    {"pthread_barrier_destroy", "w", 0, -1, ""},
    {"pthread_barrier_wait", "w", 0, -1, ""},
    {"sem_init", "wnn", 0, -1, ""},  {"sem_destroy", "w", 0, -1, ""},
    {"sem_wait", "w", 0, -1, ""},    {"sem_trywait", "w", 0, -1, ""},
    {"sem_timedwait", "wr", 0, -1, ""}, {"sem_post", "w", 0, -1, ""},
    {"sem_getvalue", "rw", 0, -1, ""},
    {"mtx_init", "wn", 0, -1, ""},   {"mtx_destroy", "w", 0, -1, ""},
    {"mtx_lock", "w", 0, -1, ""},    {"mtx_trylock", "w", 0, -1, ""},
    {"mtx_unlock", "w", 0, -1, ""},  {"cnd_init", "w", 0, -1, ""},
    {"cnd_destroy", "w", 0, -1, ""}, {"cnd_signal", "w", 0, -1, ""},
    {"cnd_broadcast", "w", 0, -1, ""}, {"cnd_wait", "ww", 0, -1, ""},
    /* Thread attributes are copied by pthread_create; a stack given with
     * pthread_attr_setstack is kept (not in the table: attributes). */
    {"pthread_attr_init", "w", 0, -1, ""},
    {"pthread_attr_destroy", "w", 0, -1, ""},
    {"pthread_attr_setstacksize", "wn", 0, -1, ""},
    {"pthread_attr_getstacksize", "rw", 0, -1, ""},
    {"pthread_attr_setdetachstate", "wn", 0, -1, ""},
    {"pthread_attr_getdetachstate", "rw", 0, -1, ""},
    {"pthread_attr_setguardsize", "wn", 0, -1, ""},
    {"pthread_attr_setscope", "wn", 0, -1, ""},
    {"pthread_attr_setschedpolicy", "wn", 0, -1, ""},
    {"pthread_attr_setinheritsched", "wn", 0, -1, ""},
    {"pthread_attr_setschedparam", "wr", 0, -1, ""},
    /* pthread_once runs the routine once and keeps only the control word's
     * state; pthread_key_create writes the key (the destructor is code);
     * pthread_setspecific keeps the value for the thread: e. */
    {"pthread_once", "wk", 0, -1, ""},
    {"pthread_key_create", "wk", 0, -1, ""},
    {"pthread_setspecific", "ne", 0, -1, ""},
    {"pthread_sigmask", "nxw", 0, -1, ""},
    {"pthread_setname_np", "nx", 0, -1, ""},
    {"pthread_getname_np", "nwn", 0, -1, ""},
    /* search.h: the tree keeps the key. */
    {"tsearch", "eck", 0, -1, ""},  {"tfind", "eck", 0, -1, ""},
    /* time.h, sys/time.h, sys/resource.h, sys/times.h: each fills the
     * caller's struct or reads it, and keeps nothing; the _r forms and
     * asctime_r/ctime_r return their buffer (W); strftime writes s from
     * format and tm (<); mktime and timegm normalise *tm in place and
     * return a number made of it (c).  A conversion can be undone (timegm
     * of gmtime_r's tm gives the time back, a time may be an address), so
     * the input of each is x; setrlimit's limit is kept by the kernel and
     * read back by getrlimit (x). */
    {"time", "w", 0, -1, ""},       {"gettimeofday", "ww", 0, -1, ""},
    {"clock_gettime", "nw", 0, -1, ""}, {"clock_getres", "nw", 0, -1, ""},
    {"getrusage", "nw", 0, -1, ""}, {"times", "w", 0, -1, ""},
    {"localtime_r", "xW", 0, -1, ""}, {"gmtime_r", "xW", 0, -1, ""},
    {"asctime_r", "xW", 0, -1, ""}, {"ctime_r", "xW", 0, -1, ""},
    {"localtime", "x", 0, -1, ""},  {"gmtime", "x", 0, -1, ""},
    {"asctime", "x", 0, -1, ""},    {"ctime", "x", 0, -1, ""},
    {"mktime", "c", 0, -1, ""},     {"timegm", "c", 0, -1, ""},
    {"strftime", "wn<<", 0, -1, ""}, {"nanosleep", "rw", 0, -1, ""},
    {"getrlimit", "nw", 0, -1, ""}, {"setrlimit", "nx", 0, -1, ""},
    /* sys/stat.h, unistd.h: paths are read, buffers filled.  (glibc before
     * 2.33 calls __xstat and friends, with a version first.)  realpath and
     * getcwd return their buffer, or memory they allocate when it is NULL;
     * the GNU strerror_r returns its buffer or a static string. */
    {"stat", "rw", 0, -1, ""},      {"lstat", "rw", 0, -1, ""},
    {"fstat", "nw", 0, -1, ""},     {"fstatat", "nrwn", 0, -1, ""},
    {"stat64", "rw", 0, -1, ""},    {"lstat64", "rw", 0, -1, ""},
    {"fstat64", "nw", 0, -1, ""},
    {"__xstat", "nrw", 0, -1, ""},  {"__lxstat", "nrw", 0, -1, ""},
    {"__fxstat", "nnw", 0, -1, ""},
    {"access", "rn", 0, -1, ""},    {"unlink", "r", 0, -1, ""},
    {"remove", "r", 0, -1, ""},     {"rename", "rx", 0, -1, ""},
    {"mkdir", "xn", 0, -1, ""},     {"rmdir", "r", 0, -1, ""},
    {"chdir", "r", 0, -1, ""},      {"open", "xn", 'n', -1, ""},
    {"uname", "w", 0, -1, ""},      {"getcwd", "Wn", 0, -1, ""},
    {"gethostname", "wn", 0, -1, ""}, {"realpath", "xW", 0, -1, ""},
    {"strerror_r", "nWn", 0, -1, ""},
    {"write", "nxn", 0, -1, ""},    {"read", "nwn", 0, -1, ""},
    {"pwrite", "nxnn", 0, -1, ""},  {"pread", "nwnn", 0, -1, ""},
    {"send", "nxnn", 0, -1, ""},    {"recv", "nwnn", 0, -1, ""},
    /* sys/socket.h, arpa/inet.h, netdb.h, poll.h, sys/select.h
     * (POSIX.1-2017): an address or an option value given to the kernel
     * is kept there and given back (getsockname, getpeername, recvmsg's
     * pktinfo, getsockopt), so it is x like write's bytes; one the kernel
     * fills, and its length, is w; poll and select update their sets in
     * place (and Linux's select its timeout).  inet_pton and inet_ntop
     * turn text into bytes and back (x: the destination is not parameter
     * 0, so < cannot say it) and inet_ntop returns its buffer;
     * getaddrinfo parses a numeric host and service into the list it
     * allocates and copies fields of the hints there (x), and stores that
     * list into *res (w: the library's
     * memory: what the program stores there escapes). */
    {"bind", "nxn", 0, -1, ""},     {"connect", "nxn", 0, -1, ""},
    {"accept", "nww", 0, -1, ""},   {"accept4", "nwwn", 0, -1, ""},
    {"getsockname", "nww", 0, -1, ""}, {"getpeername", "nww", 0, -1, ""},
    {"setsockopt", "nnnxn", 0, -1, ""}, {"getsockopt", "nnnww", 0, -1, ""},
    {"sendto", "nxnnxn", 0, -1, ""}, {"recvfrom", "nwnnww", 0, -1, ""},
    {"inet_pton", "nxw", 0, -1, ""}, {"inet_ntop", "nxWn", 0, -1, ""},
    {"getaddrinfo", "xxxw", 0, -1, ""},
    {"poll", "wnn", 0, -1, ""},     {"select", "nwwww", 0, -1, ""},
    {"pipe", "w", 0, -1, ""},       {"pipe2", "wn", 0, -1, ""},
    {"socketpair", "nnnw", 0, -1, ""},
    /* sys/wait.h, termios.h: the status and the attributes are filled or
     * read. */
    {"wait", "w", 0, -1, ""},       {"waitpid", "nwn", 0, -1, ""},
    {"tcgetattr", "nw", 0, -1, ""}, {"tcsetattr", "nnx", 0, -1, ""},
    /* stdio.h: the stream's position and flags, in place (the FILE is the
     * library's); fgetpos fills *pos; fsetpos sets the position from *pos,
     * which ftell gives back as a number (x). */
    {"rewind", "w", 0, -1, ""},     {"clearerr", "w", 0, -1, ""},
    {"fgetpos", "ww", 0, -1, ""},   {"fsetpos", "wx", 0, -1, ""},
    /* regex.h, fnmatch.h, glob.h: regcomp fills *preg with memory of the
     * library's (w), regexec reads it and fills the offsets, regfree and
     * globfree free what their argument points to (c: its contents may be
     * freed); glob's error callback sees the library's strings. */
    {"regcomp", "wrn", 0, -1, ""},  {"regexec", "rrnwn", 0, -1, ""},
    {"regfree", "c", 0, -1, ""},    {"fnmatch", "rrn", 0, -1, ""},
    {"glob", "xnkw", 0, -1, ""},    {"globfree", "c", 0, -1, ""},
    /* wchar.h, stdlib.h: conversions between multibyte and wide strings
     * fill their destination from their source (<); the conversion state
     * is updated in place.  wctomb and wcrtomb write an integer argument
     * (which may carry an address) into the buffer, which no letter says:
     * not in the table, so LLVM's attributes judge them (and fputc, putc
     * and ungetc, and memset called as a function, for the same reason). */
    {"mbstowcs", "w<n", 0, -1, ""}, {"wcstombs", "w<n", 0, -1, ""},
    {"mbtowc", "w<n", 0, -1, ""},   {"mbrtowc", "w<nw", 0, -1, ""},
    {"mbrlen", "rnw", 0, -1, ""},
    /* unistd.h: exec copies its strings into the new program (nothing of
     * this one's outlives it); a symbolic link's target is text readlink
     * gives back (x). */
    {"execv", "rr", 0, -1, ""},     {"execvp", "rr", 0, -1, ""},
    {"execve", "rrr", 0, -1, ""},   {"symlink", "xx", 0, -1, ""},
    /* ctermid returns its buffer (LLVM calls it nocapture). */
    {"ctermid", "W", 0, -1, ""},
    /* signal.h: the kernel keeps the action and the masks and gives them
     * back (x); the handler is code.  (sigaltstack keeps ss_sp: not in the
     * table.) */
    {"sigaction", "nxw", 0, -1, ""}, {"sigprocmask", "nxw", 0, -1, ""},
    {"sigemptyset", "w", 0, -1, ""}, {"sigfillset", "w", 0, -1, ""},
    {"sigaddset", "wn", 0, -1, ""},  {"sigdelset", "wn", 0, -1, ""},
    {"sigismember", "rn", 0, -1, ""}, {"signal", "nk", 0, -1, ""},
    /* The C++ ABI (Itanium ABI 2.9.7): __dynamic_cast(sub, src, dst, hint)
     * reads sub's vtable pointer and the two type infos, keeps nothing,
     * and returns null or a pointer into sub's complete object (R). */
    {"__dynamic_cast", "Rrrn", 0, -1, ""},
    /* Random numbers: the state is the caller's, written in place. */
    {"rand_r", "w", 0, -1, ""},     {"erand48", "w", 0, -1, ""},
    {"nrand48", "w", 0, -1, ""},    {"jrand48", "w", 0, -1, ""},
};

const esc_libmodel *esc_libmodel_find(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
    if (strlen(models[i].name) == len && memcmp(models[i].name, name, len) == 0)
      return &models[i];
  return NULL;
}

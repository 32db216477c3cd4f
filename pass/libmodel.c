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
 *      (memcpy's and strcpy's source, sprintf's arguments: bytes of
 *      pointers travel too)
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
    {"memset", "Wnn", 0, -1, ""},   {"bzero", "wn", 0, -1, ""},
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
    {"atoi", "r", 0, -1, ""},       {"atol", "r", 0, -1, ""},
    {"atoll", "r", 0, -1, ""},      {"atof", "r", 0, -1, ""},
    {"strtol", "1wn", 0, -1, ""},   {"strtoul", "1wn", 0, -1, ""},
    {"strtoll", "1wn", 0, -1, ""},  {"strtoull", "1wn", 0, -1, ""},
    {"strtod", "1w", 0, -1, ""},    {"strtof", "1w", 0, -1, ""},
    {"strtold", "1w", 0, -1, ""},   {"getenv", "r", 0, -1, ""},
    {"setenv", "rrn", 0, -1, ""},   {"putenv", "e", 0, -1, ""},
    {"qsort", "pnnk", 0, 3, "0"},   {"qsort_r", "pnnke", 0, 3, "0"},
    {"bsearch", "rRnnk", 0, 4, "01"},
    {"atexit", "k", 0, -1, ""},
    /* stdio.h */
    {"printf", "r", 'r', -1, ""},   {"fprintf", "wr", 'r', -1, ""},
    {"dprintf", "nr", 'r', -1, ""}, {"sprintf", "wr", '<', -1, ""},
    {"snprintf", "wnr", '<', -1, ""},
    {"__printf_chk", "nr", 'r', -1, ""}, {"__fprintf_chk", "wnr", 'r', -1, ""},
    {"__sprintf_chk", "wnnr", '<', -1, ""},
    {"__snprintf_chk", "wnnnr", '<', -1, ""},
    {"scanf", "r", 'w', -1, ""},    {"fscanf", "wr", 'w', -1, ""},
    {"sscanf", "rr", 'w', -1, ""},  {"__isoc99_scanf", "r", 'w', -1, ""},
    {"__isoc99_fscanf", "wr", 'w', -1, ""},
    {"__isoc99_sscanf", "rr", 'w', -1, ""},
    {"puts", "r", 0, -1, ""},       {"fputs", "rw", 0, -1, ""},
    {"fputc", "nw", 0, -1, ""},     {"putc", "nw", 0, -1, ""},
    {"fwrite", "rnnw", 0, -1, ""},  {"fwrite_unlocked", "rnnw", 0, -1, ""},
    {"fread", "wnnw", 0, -1, ""},   {"fgets", "Wnw", 0, -1, ""},
    {"fgetc", "w", 0, -1, ""},      {"getc", "w", 0, -1, ""},
    {"ungetc", "nw", 0, -1, ""},    {"fflush", "w", 0, -1, ""},
    {"fopen", "rr", 0, -1, ""},     {"perror", "r", 0, -1, ""},
    {"getline", "cww", 0, -1, ""},  {"getdelim", "cwnw", 0, -1, ""},
    {"setvbuf", "wenn", 0, -1, ""}, {"setbuf", "we", 0, -1, ""},
    /* pthread.h, threads.h: the argument goes to another thread. */
    {"pthread_create", "wrke", 0, -1, ""},
    {"thrd_create", "wke", 0, -1, ""},
    {"pthread_mutex_lock", "w", 0, -1, ""},
    {"pthread_mutex_unlock", "w", 0, -1, ""},
    {"pthread_join", "nw", 0, -1, ""},
    /* search.h: the tree keeps the key. */
    {"tsearch", "eck", 0, -1, ""},  {"tfind", "eck", 0, -1, ""},
    /* time.h, unistd.h */
    {"time", "w", 0, -1, ""},       {"gettimeofday", "ww", 0, -1, ""},
    {"clock_gettime", "nw", 0, -1, ""},
    {"write", "nrn", 0, -1, ""},    {"read", "nwn", 0, -1, ""},
};

const esc_libmodel *esc_libmodel_find(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
    if (strlen(models[i].name) == len && memcmp(models[i].name, name, len) == 0)
      return &models[i];
  return NULL;
}

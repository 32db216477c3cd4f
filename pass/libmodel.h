/* libmodel.h — the C library model table (see libmodel.c). */
#ifndef ESC_LIBMODEL_H
#define ESC_LIBMODEL_H

#include <stddef.h>

/* esc_libmodel is one library function's row. */
typedef struct esc_libmodel {
  const char *name;
  const char *params;   /* one letter per fixed parameter */
  char varargs;         /* letter for variadic arguments, 0 if none */
  int callback;         /* parameter holding a callback, -1 if none */
  const char *cb_gets;  /* digits: parameters whose objects it receives */
} esc_libmodel;

const esc_libmodel *esc_libmodel_find(const char *name, size_t len);

#endif

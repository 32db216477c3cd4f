/* get.h: an allocation wrapper in a header: every file that includes it
 * lists it, so the linked module's list holds it once per file. */
#include <stdio.h>
#include <stdlib.h>

static inline void *hget(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

/* yalloc.c: wrappers of a wrapper in another file.  Compiled alone, this
 * file sees only a declaration of xmalloc: neither function is a wrapper
 * until the link finds both. */
#include <stddef.h>

void *xmalloc(size_t n);

void *ymalloc(size_t n) { return xmalloc(n); }

void *zmalloc(size_t n) { return ymalloc(n); }

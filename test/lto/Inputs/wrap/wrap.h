/* wrap.h — the interfaces of the multi-file program in test/lto/. */
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xzalloc(size_t n);
void *xalloc_rounded(size_t n);
void xfree(void *p);

void *registered_alloc(size_t n);
long registry_sum(void);
void *debug_alloc(size_t n);
long debug_count(void);
void *addr_alloc(size_t n);
int addr_is_last(const void *p);
void poison_free(void *p, size_t n);

void fill(int *v, int n, int seed);
long sum(const int *v, int n);

extern int *g_kept;
long scratch(int seed);
long zeroed(int seed);
long rounded(int seed);
long kept(int seed);
long not_wrappers(int seed);

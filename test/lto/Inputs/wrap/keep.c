/* keep.c — allocators that are not wrappers: each also keeps the pointer. */
#include <stdint.h>
#include <stdlib.h>

#include "wrap.h"

static void *registry[64];
static int nregistered;

/* registered_alloc records every object in a registry. */
void *registered_alloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  registry[nregistered++ % 64] = p;
  return p;
}

/* registry_sum reads the objects back through the registry. */
long registry_sum(void) {
  long s = 0;
  for (int i = 0; i < nregistered && i < 64; i++)
    s += *(int *)registry[i];
  return s;
}

struct debug_node {
  struct debug_node *next;
  void *obj;
};
static struct debug_node *debug_list;

/* debug_alloc links every object into a debug list. */
void *debug_alloc(size_t n) {
  void *p = malloc(n);
  struct debug_node *d = malloc(sizeof *d);
  if (!p || !d)
    abort();
  d->obj = p;
  d->next = debug_list;
  debug_list = d;
  return p;
}

/* debug_count walks the list, reading each object. */
long debug_count(void) {
  long s = 0;
  for (struct debug_node *d = debug_list; d; d = d->next)
    s += *(char *)d->obj;
  return s;
}

static uintptr_t last_address;

/* addr_alloc remembers the last object's address. */
void *addr_alloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  last_address = (uintptr_t)p;
  return p;
}

/* addr_is_last compares an object with the remembered address. */
int addr_is_last(const void *p) { return (uintptr_t)p == last_address; }

/* poison_free scribbles over the object before freeing it: not only a free. */
void poison_free(void *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    ((volatile char *)p)[i] = 0x5a;
  free(p);
}

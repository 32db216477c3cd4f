// Callees of Param_into_lto.c's program: stores through a parameter.
#include "list.h"

__attribute__((noinline)) void push(struct list *l, struct item *it) {
  it->next = l->head;
  l->head = it;
  l->n++;
}

__attribute__((noinline)) void push_global(struct item *it) { push(&g_list, it); }

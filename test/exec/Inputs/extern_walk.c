/* extern_walk.c — for Recursive_callback_extern.c: code in another file that
 * calls back the visitor stored in each node. */
struct node {
  struct node *child;
  void (*visit)(struct node *);
  long val;
};
void walk(struct node *n) {
  if (n)
    n->visit(n);
}

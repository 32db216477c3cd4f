struct item { struct item *next; int v; };
struct list { struct item *head; long n; };
extern struct list g_list;
void push(struct list *l, struct item *it);
void push_global(struct item *it);

struct rec {
  char *name;
  int *vals;
};
struct rec *rec_new(const char *prefix, int n);
void rec_free(struct rec *r);
extern struct rec *rec_kept[16];

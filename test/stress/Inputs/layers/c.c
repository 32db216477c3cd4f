/* c.c uses a.c only: a layer above the circle. */
int a_inc(int x);
int c_two(int x) { return a_inc(a_inc(x)); }

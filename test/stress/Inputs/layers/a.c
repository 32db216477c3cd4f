/* a.c and b.c use each other: the circle check-layers must find. */
int b_twice(int x);
int a_inc(int x) { return x + 1; }
int a_four(int x) { return b_twice(b_twice(x)); }

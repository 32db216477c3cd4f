int a_inc(int x);
int b_twice(int x) { return 2 * x; }
int b_next(int x) { return a_inc(x); }

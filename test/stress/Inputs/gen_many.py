#!/usr/bin/env python3
"""gen_many.py N - a C file of N small functions with one malloc each.

Function k: k % 4 == 0 returns its object (escapes); k % 4 == 1 passes it
to an external function (escapes); the others fill, index and free it (does
not escape).  One function per line, so every report line has its own
position.
"""
import sys

n = int(sys.argv[1])
print("#include <stdlib.h>")
print("#include <string.h>")
print("void sink(int *);")
for k in range(n):
    size = 16 + 4 * (k % 9)
    if k % 4 == 0:
        print("int *f%d(int x) { int *p = malloc(%d); p[0] = x; return p; }" % (k, size))
    elif k % 4 == 1:
        print("void f%d(int x) { int *p = malloc(%d); p[0] = x; sink(p); free(p); }" % (k, size))
    else:
        print("int f%d(int x) { int *p = malloc(%d); memset(p, x, %d); p[x & 3] = x; "
              "int r = p[(x >> 2) & 3]; free(p); return r; }" % (k, size, size))

#!/usr/bin/env python3
"""gen_dense.py UNITS — one IR function whose points-to sets are all large:
UNITS blocks, each a malloc stored into one stack cell and a load of the
cell passed to a reader, so every load may hold every object (UNITS x UNITS
set bits).  The analysis budget's input (graph.c): written directly, no
optimizer time."""
import sys

units = int(sys.argv[1])
w = sys.stdout.write
w("declare noalias ptr @malloc(i64)\n"
  "declare void @free(ptr)\n"
  "declare void @look(ptr nocapture readonly) nofree nounwind\n"
  "define void @dense(i64 %k) {\nentry:\n  %cell = alloca ptr\n  br label %u0\n")
for i in range(units):
    w(f"u{i}:\n  %p{i} = call ptr @malloc(i64 16)\n"
      f"  store ptr %p{i}, ptr %cell\n"
      f"  %l{i} = load ptr, ptr %cell\n"
      f"  call void @look(ptr %l{i})\n"
      f"  br label %u{i + 1}\n")
w(f"u{units}:\n  ret void\n}}\n")

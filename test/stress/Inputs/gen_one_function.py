#!/usr/bin/env python3
"""gen_one_function.py UNITS [dense] — one IR function of UNITS blocks, for
the analysis's size limits (graph.c, pts.h).  Written directly: no optimizer
time.

Default shape: each block a malloc that is freed on both paths (about 9
instructions per block); every set holds one object or two.
dense: each block a malloc stored into one stack cell and a load of the cell
passed to a reader, so every load may hold every object (UNITS x UNITS set
bits): the solver's budget."""
import sys

units = int(sys.argv[1])
dense = sys.argv[2:] == ["dense"]
w = sys.stdout.write
w("declare noalias ptr @malloc(i64)\n"
  "declare void @free(ptr)\n"
  "declare i64 @peek(ptr nocapture readonly) nofree nounwind\n")
if dense:
    w("define void @dense(i64 %k) {\nentry:\n  %cell = alloca ptr\n  br label %u0\n")
    for i in range(units):
        w(f"u{i}:\n  %p{i} = call ptr @malloc(i64 16)\n"
          f"  store ptr %p{i}, ptr %cell\n"
          f"  %l{i} = load ptr, ptr %cell\n"
          f"  %w{i} = call i64 @peek(ptr %l{i})\n"
          f"  br label %u{i + 1}\n")
    w(f"u{units}:\n  ret void\n}}\n")
    sys.exit(0)
w("define i64 @huge(i64 %k) {\nentry:\n  br label %u0\n")
acc = "0"
for i in range(units):
    w(f"u{i}:\n  %p{i} = call ptr @malloc(i64 {16 + i % 48})\n"
      f"  store i64 %k, ptr %p{i}\n"
      f"  %w{i} = call i64 @peek(ptr %p{i})\n"
      f"  %a{i} = add i64 {acc}, %w{i}\n"
      f"  %c{i} = icmp eq i64 %w{i}, {i}\n"
      f"  br i1 %c{i}, label %t{i}, label %e{i}\n"
      f"t{i}:\n  call void @free(ptr %p{i})\n  br label %u{i + 1}\n"
      f"e{i}:\n  call void @free(ptr %p{i})\n  br label %u{i + 1}\n")
    acc = f"%a{i}"
w(f"u{units}:\n  ret i64 {acc}\n}}\n")

#!/usr/bin/env python3
"""gen_one_function.py UNITS — one IR function of UNITS blocks, each a malloc that
is freed on both paths (about 9 instructions per block), for the memory cap
of graph.c.  Written directly: no optimizer time."""
import sys

units = int(sys.argv[1])
w = sys.stdout.write
w("declare noalias ptr @malloc(i64)\n"
  "declare void @free(ptr)\n"
  "declare i64 @peek(ptr nocapture readonly) nofree nounwind\n"
  "define i64 @huge(i64 %k) {\nentry:\n  br label %u0\n")
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

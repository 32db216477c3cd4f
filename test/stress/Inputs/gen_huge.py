#!/usr/bin/env python3
"""gen_huge.py - one huge function, for the pass's budgets.

  gen_huge.py BLOCKS > huge.ll

BLOCKS blocks, each with a malloc (a few with variable size), a read, and
usually a free; forward branches, back edges (loops), an irreducible pair
every 100 blocks, pointers merged by phis, every 50th object stored to a
global, and an unreachable self-loop every 200 blocks.  No debug info.
"""
import sys

def main():
    n = int(sys.argv[1])
    out = ["declare noalias ptr @malloc(i64)", "declare void @free(ptr)",
           "declare void @look(ptr nocapture readonly) nofree nounwind",
           "@G = global ptr null", "",
           "define void @huge(i64 %n, ptr %q) {", "entry:", "  br label %b0"]
    for i in range(n):
        nxt = "b%d" % (i + 1) if i + 1 < n else "exit"
        out.append("b%d:" % i)
        if i % 10 == 5:  # merges the object of the block before with %q
            out.append("  %%m%d = phi ptr [ %%p%d, %%b%d ], [ %%q, %%b%d ]" % (i, i - 1, i - 1, i - 3))
            out.append("  call void @look(ptr %%m%d)" % i)
        size = "%n" if i % 97 == 0 else str(16 + 8 * (i % 7))
        out.append("  %%p%d = call ptr @malloc(i64 %s)" % (i, size))
        out.append("  call void @look(ptr %%p%d)" % i)
        if i % 50 == 0:
            out.append("  store ptr %%p%d, ptr @G" % i)
        elif i % 10 != 4:
            out.append("  call void @free(ptr %%p%d)" % i)
        out.append("  %%c%d = icmp ult i64 %%n, %d" % (i, i))
        if i % 10 == 2:  # jumps over 3 to 5 (phi there)
            out.append("  br i1 %%c%d, label %%%s, label %%b%d" % (i, nxt, i + 3 if i + 3 < n else i + 1))
        elif i % 100 == 20 and i + 2 < n:  # irreducible: 20 -> 21 / 22, 21 <-> 22
            out.append("  br i1 %%c%d, label %%b%d, label %%b%d" % (i, i + 1, i + 2))
        elif i % 100 == 21 and i + 1 < n:
            out.append("  br i1 %%c%d, label %%b%d, label %%b%d" % (i, i + 1, i + 1))
        elif i % 100 == 22:
            out.append("  br i1 %%c%d, label %%b%d, label %%%s" % (i, i - 1, nxt))
        elif i % 30 == 29:  # a loop back 9 blocks
            out.append("  br i1 %%c%d, label %%b%d, label %%%s" % (i, i - 9 if (i - 9) % 10 != 5 else i - 8, nxt))
        else:
            out.append("  br label %%%s" % nxt)
        if i % 200 == 199:
            out.append("dead%d:" % i)
            out.append("  %%d%d = getelementptr i8, ptr %%d%d, i64 1" % (i, i))
            out.append("  br label %%dead%d" % i)
    out += ["exit:", "  ret void", "}"]
    print("\n".join(out))

main()

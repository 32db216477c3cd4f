#!/usr/bin/env python3
"""gen_mallocs.py - random, valid IR functions full of heap allocations.

  gen_mallocs.py SEED > f.ll

Each module holds a few functions over a random CFG (forward and backward
edges, so loops, nested and irreducible ones, and unreachable blocks) whose
blocks allocate (malloc/calloc/aligned_alloc/operator new, constant and
variable sizes, some by invoke with a landing pad), free, store pointers
into allocas, other objects and globals, merge them with phis and selects,
and pass them to nocapture, may-free and capturing declarations.  Pointer
variables live in allocas (so every use is valid); running mem2reg first
turns them into SSA phis.  Standard library only; the output depends only
on SEED.
"""
import random
import sys

HEADER = """\
declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare noalias nonnull ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare void @free(ptr)
declare ptr @realloc(ptr, i64)
declare void @look(ptr nocapture readonly) nofree nounwind
declare void @fill(ptr nocapture) nofree nounwind
declare void @may_free(ptr nocapture) nounwind
declare void @keep(ptr) nounwind
declare void @may_throw()
declare i32 @__gxx_personality_v0(...)
@G = global ptr null
@GA = global [4 x ptr] zeroinitializer
"""


class Fn:
    def __init__(self, rng, name, nvars, nblocks):
        self.rng = rng
        self.name = name
        self.nvars = nvars
        self.t = 0
        self.blocks = []  # [name, body lines, terminator lines, successors]
        self.nblocks = nblocks

    def tmp(self):
        self.t += 1
        return "%%t%d" % self.t

    def var(self):
        return "%%v%d" % self.rng.randrange(self.nvars)

    def load(self, body):
        t = self.tmp()
        body.append("  %s = load ptr, ptr %s" % (t, self.var()))
        return t

    def size(self):
        r = self.rng.random()
        if r < 0.15:
            return "%n"
        if r < 0.2:
            return str(self.rng.choice([65536, 65537, 1 << 20]))
        return str(self.rng.choice([1, 8, 16, 24, 33, 64, 100, 256, 4096]))

    def alloc(self, body):
        t = self.tmp()
        k = self.rng.randrange(4)
        if k == 0:
            body.append("  %s = call ptr @malloc(i64 %s)" % (t, self.size()))
        elif k == 1:
            body.append("  %s = call ptr @calloc(i64 %s, i64 %d)" %
                        (t, self.size(), self.rng.choice([1, 4, 8])))
        elif k == 2:
            body.append("  %s = call ptr @aligned_alloc(i64 %d, i64 %s)" %
                        (t, self.rng.choice([16, 64, 48, 4096]), self.size()))
        else:
            body.append("  %s = call ptr @_Znwm(i64 %s) builtin" % (t, self.size()))
        body.append("  store ptr %s, ptr %s" % (t, self.var()))

    def stmt(self, body):
        r = self.rng.randrange(14)
        if r < 3:
            self.alloc(body)
        elif r == 3:
            body.append("  call void @free(ptr %s)" % self.load(body))
        elif r == 4:  # store a pointer into the object another one points to
            a, b = self.load(body), self.load(body)
            g = self.tmp()
            body.append("  %s = getelementptr i8, ptr %s, i64 %d" % (g, b, 8 * self.rng.randrange(3)))
            body.append("  store ptr %s, ptr %s" % (a, g))
        elif r == 5:  # into a local buffer, or a global
            a = self.load(body)
            dst = self.rng.choice(["%buf", "@G", "getelementptr ([4 x ptr], ptr @GA, i64 0, i64 2)",
                                   "%buf", "%q"])
            body.append("  store ptr %s, ptr %s" % (a, dst))
        elif r == 6:
            a, b = self.load(body), self.load(body)
            s = self.tmp()
            body.append("  %s = select i1 %%c0, ptr %s, ptr %s" % (s, a, b))
            body.append("  store ptr %s, ptr %s" % (s, self.var()))
        elif r == 7:
            callee = self.rng.choice(["look", "look", "fill", "may_free", "keep"])
            body.append("  call void @%s(ptr %s)" % (callee, self.load(body)))
        elif r == 8:  # load a pointer out of an object, use it as an address
            a = self.load(body)
            p = self.tmp()
            body.append("  %s = load ptr, ptr %s" % (p, a))
            body.append("  store ptr %s, ptr %s" % (p, self.var()))
        elif r == 9:
            a = self.load(body)
            i, c = self.tmp(), self.tmp()
            body.append("  %s = ptrtoint ptr %s to i64" % (i, a))
            body.append("  %s = icmp eq i64 %s, 0" % (c, i))
        elif r == 10:
            a = self.load(body)
            body.append("  store i64 7, ptr %s" % a)
        elif r == 11:
            l = self.tmp()
            body.append("  %s = load ptr, ptr %%buf" % l)
            body.append("  store ptr %s, ptr %s" % (l, self.var()))
        elif r == 12 and self.rng.random() < 0.3:
            a = self.load(body)
            r2 = self.tmp()
            body.append("  %s = call ptr @realloc(ptr %s, i64 32)" % (r2, a))
            body.append("  store ptr %s, ptr %s" % (r2, self.var()))
        else:
            a = self.load(body)
            g = self.tmp()
            body.append("  %s = getelementptr inbounds i8, ptr %s, i64 4" % (g, a))
            body.append("  store ptr %s, ptr %s" % (g, self.var()))

    def build(self):
        rng = self.rng
        n = self.nblocks
        names = ["b%d" % i for i in range(n)]
        extra = []  # (name, body, term, succs) for invoke destinations
        plan = []
        for i in range(n):
            body = []
            for _ in range(rng.randrange(1, 6)):
                self.stmt(body)
            r = rng.random()
            # b0 follows the entry block; never branch back to the entry.
            if r < 0.12 or i == n - 1 and r < 0.5:
                term, succs = ["  ret void"], []
            elif r < 0.25:
                k = len(extra)
                ok, lp = "inv%d" % k, "lpad%d" % k
                to = names[rng.randrange(n)]
                to2 = names[rng.randrange(n)]
                if rng.random() < 0.5:
                    t = self.tmp()
                    term = ["  %s = invoke ptr @_Znwm(i64 %s) builtin" % (t, self.size()),
                            "          to label %%%s unwind label %%%s" % (ok, lp)]
                    okbody = ["  store ptr %s, ptr %s" % (t, self.var())]
                else:
                    term = ["  invoke void @may_throw()",
                            "          to label %%%s unwind label %%%s" % (ok, lp)]
                    okbody = []
                extra.append([ok, okbody, ["  br label %%%s" % to], [to]])
                lpt = self.tmp()
                extra.append([lp, ["  %s = landingpad { ptr, i32 } cleanup" % lpt],
                              ["  br label %%%s" % to2], [to2]])
                succs = [ok, lp]
            elif r < 0.6:
                a, b = names[rng.randrange(n)], names[rng.randrange(n)]
                c = self.tmp()
                body.append("  %s = icmp slt i64 %%n, %d" % (c, rng.randrange(100)))
                term, succs = ["  br i1 %s, label %%%s, label %%%s" % (c, a, b)], [a, b]
            else:
                a = names[min(n - 1, i + 1)] if rng.random() < 0.6 else names[rng.randrange(n)]
                term, succs = ["  br label %%%s" % a], [a]
            plan.append([names[i], body, term, succs])
        self.blocks = plan + extra

    def text(self):
        rng = self.rng
        preds = {b[0]: [] for b in self.blocks}
        for b in self.blocks:
            for s in b[3]:
                preds[s].append(b[0])
        out = ["define void @%s(i64 %%n, i1 %%c0, ptr %%q) personality ptr @__gxx_personality_v0 {" % self.name,
               "entry:"]
        for v in range(self.nvars):
            out.append("  %%v%d = alloca ptr" % v)
            out.append("  store ptr null, ptr %%v%d" % v)
        out.append("  %buf = alloca [4 x ptr]")
        out.append("  br label %b0")
        preds["b0"].append("entry")
        for name, body, term, succs in self.blocks:
            out.append("%s:" % name)
            ps = preds[name]
            phi = None
            if ps and rng.random() < 0.5 and not name.startswith("lpad"):
                phi = "%%ph.%s" % name
                inc = ", ".join("[ %s, %%%s ]" % ("%%o.%s" % p if p != "entry" else "null", p)
                                for p in ps)
                out.append("  %s = phi ptr %s" % (phi, inc))
            if name.startswith("lpad"):
                out.append(body[0])
                body = body[1:]
            if phi:
                out.append("  store ptr %s, ptr %s" % (phi, self.var()))
            out.extend(body)
            out.append("  %%o.%s = load ptr, ptr %s" % (name, self.var()))
            out.extend(term)
        out.append("}")
        return "\n".join(out) + "\n"


def module(seed, nfuncs=5):
    rng = random.Random(seed)
    parts = [HEADER]
    for k in range(nfuncs):
        f = Fn(rng, "f%d_%d" % (seed, k), rng.randrange(2, 6), rng.randrange(1, 14))
        f.build()
        parts.append(f.text())
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(module(int(sys.argv[1]) if len(sys.argv) > 1 else 1))

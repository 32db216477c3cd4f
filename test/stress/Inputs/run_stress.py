#!/usr/bin/env python3
"""run_stress.py - run the escape pass and the verifier over generated IR.

  run_stress.py llvm-stress PLUGIN FIRST_SEED COUNT
      llvm-stress -seed=N -size=... for N in [FIRST_SEED, FIRST_SEED+COUNT)
  run_stress.py mallocs PLUGIN FIRST_SEED COUNT
      gen_mallocs.py modules (random functions with malloc/calloc/free)

llvm-stress modules are linked ten at a time (each one's function is named
after its seed); a failing batch is re-run module by module.  Each module
or batch goes through
  opt -passes='escape,verify' -verify-each           (the transform)
  opt -passes='function(mem2reg),escape,verify' -verify-each  (mallocs only: SSA phis)
  opt -passes=escape -escape-m=2 -disable-output     (every 4th: the report)
Any non-zero exit, "Stack dump", "PLEASE submit" or verifier message fails
the run; the first failures are printed with the seed to reproduce them.
Prints "checked N modules, M runs, 0 failures" on success.
"""
import concurrent.futures
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_mallocs  # noqa: E402

BAD = ("Stack dump", "PLEASE submit", "Broken module", "error:", "Assertion")


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    return p.returncode, err


def opt_runs(plugin, path, pipelines, report):
    """Runs opt over one file; returns (runs, [failure messages])."""
    opt = ["opt", "-load-pass-plugin=" + plugin]
    cmds = [opt + ["-passes=" + p, "-verify-each", "-disable-output", path] for p in pipelines]
    if report:
        cmds.append(opt + ["-passes=escape", "-escape-m=2", "-disable-output", path])
    runs, fails = 0, []
    for cmd in cmds:
        rc, err = run(cmd)
        runs += 1
        # The report itself is on stderr: only crash markers count there.
        bad = [b for b in BAD if b in err and not ("-escape-m=2" in cmd and b == "error:")]
        if rc or bad:
            fails.append("%s: exit %d\n%s" % (" ".join(cmd[2:]), rc, err[-3000:]))
    return runs, fails


def stress_group(plugin, seeds, tmp):
    """llvm-stress modules, linked GROUP at a time (each module's function is
    named after its seed) to save process start-ups; a failing group is
    re-run module by module to name the seed."""
    paths = []
    for seed in seeds:
        size = 40 + (seed * 37) % 360
        path = os.path.join(tmp, "stress-%d.ll" % seed)
        rc, err = run(["llvm-stress", "-seed=%d" % seed, "-size=%d" % size, "-o", path])
        if rc:
            return 0, ["llvm-stress -seed=%d: exit %d\n%s" % (seed, rc, err)]
        paths.append(path)
    linked = os.path.join(tmp, "stress-%d-%d.bc" % (seeds[0], seeds[-1]))
    rc, err = run(["llvm-link", "-o", linked] + paths)
    if rc:
        return 0, ["llvm-link of seeds %s: %s" % (seeds, err)]
    runs, fails = opt_runs(plugin, linked, ["escape,verify"], (seeds[0] // GROUP) % 2 == 0)
    if fails:
        fails = []
        for seed, path in zip(seeds, paths):
            r, f = opt_runs(plugin, path, ["escape,verify"], True)
            runs += r
            fails += ["llvm-stress -seed=%d -size=%d: %s" % (seed, 40 + (seed * 37) % 360, x)
                      for x in f]
        if not fails:
            fails = ["seeds %s fail only when linked together" % seeds]
    if not fails:
        for p in paths + [linked]:
            os.unlink(p)
    return runs, fails


def mallocs_module(plugin, seed, tmp):
    path = os.path.join(tmp, "mallocs-%d.ll" % seed)
    with open(path, "w") as f:
        f.write(gen_mallocs.module(seed))
    runs, fails = opt_runs(plugin, path,
                           ["escape,verify", "function(mem2reg),escape,verify"],
                           seed % 4 == 0)
    fails = ["gen_mallocs.py %d: %s" % (seed, x) for x in fails]
    if not fails:
        os.unlink(path)
    return runs, fails


GROUP = 10


def main():
    kind, plugin, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    jobs = max(2, min(8, (os.cpu_count() or 2) * 2))
    tmp = tempfile.mkdtemp(prefix="escape-stress-")
    runs, fails = 0, []
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        if kind == "llvm-stress":
            seeds = list(range(first, first + count))
            groups = [seeds[k:k + GROUP] for k in range(0, count, GROUP)]
            results = ex.map(lambda g: stress_group(plugin, g, tmp), groups)
        else:
            results = ex.map(lambda s: mallocs_module(plugin, s, tmp),
                             range(first, first + count))
        for r, f in results:
            runs += r
            fails += f
    for f in fails[:5]:
        print("FAILURE:", f)
    print("checked %d modules, %d runs, %d failures" % (count, runs, len(fails)))
    if not fails:
        try:
            os.rmdir(tmp)
        except OSError:
            pass
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

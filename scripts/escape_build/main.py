"""main — escape-build's command line: run the build (or a compilation database's compiles)
with the plugin, then write the report (records.py reads it, pages.py and formats.py write
it), and apply --profile and --baseline.
"""
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

from . import formats, pages, records

USAGE = """usage: escape-build [-o DIR] [--baseline DIR] [--profile FILE] BUILD-COMMAND...
       escape-build [-o DIR] [--baseline DIR] [--profile FILE] --compdb compile_commands.json
  Runs BUILD-COMMAND (make, cmake --build, ninja, a script) with CC=escape-cc and
  CXX=escape-c++, or re-runs each compile of a compilation database with the plugin (the
  objects go to /dev/null), and writes one report of every translation unit's sites:
    DIR/index.html    open it in a browser (offline): totals, sites, each source file
    DIR/escape.sarif  SARIF 2.1.0, one result per heap allocation
    DIR/escape.json   the same data for scripts
  -o DIR            the report's folder (default: escape-report)
  --baseline DIR    a previous report: name each site that was on the stack there and is on
                    the heap now, and exit 3 if there is one
  --profile FILE    an escape-profile JSON: rank heap sites by run-time allocations and mark
                    those frame-local every time
  -j N              parallel compiles for --compdb (default: the number of CPUs)
  ESCAPE_LTO=full|thin works as with escape-cc: the links analyse and report.
  Exit status: 3 when --baseline finds a site gone back to the heap, else the build's."""


def fail(msg, status=2):
    print("escape-build: " + msg, file=sys.stderr)
    sys.exit(status)


def parse(argv):
    opt = {"out": "escape-report", "baseline": None, "profile": None, "compdb": None,
           "jobs": os.cpu_count() or 1, "command": []}
    k = 0
    takes = {"-o": "out", "--baseline": "baseline", "--profile": "profile",
             "--compdb": "compdb", "-j": "jobs"}
    while k < len(argv):
        a = argv[k]
        if a in ("-h", "--help"):
            print(USAGE)
            sys.exit(0)
        if a == "--":
            k += 1
            break
        name, value = a, None
        if a.startswith("--") and "=" in a:
            name, value = a.split("=", 1)
        elif a.startswith("-j") and len(a) > 2:
            name, value = "-j", a[2:]
        if name in takes:
            if value is None:
                if k + 1 >= len(argv):
                    fail("%s needs a value (see --help)" % name)
                value = argv[k + 1]
                k += 1
            opt[takes[name]] = value
            k += 1
            continue
        if a.startswith("-") and not opt["command"]:
            fail("unknown option '%s' (see --help)" % a)
        break
    opt["command"] = argv[k:]
    try:
        opt["jobs"] = max(1, int(opt["jobs"]))
    except ValueError:
        fail("-j wants a number, not '%s'" % opt["jobs"])
    if opt["compdb"] and opt["command"]:
        fail("give a build command or --compdb, not both")
    if not opt["compdb"] and not opt["command"]:
        fail("no build command given (see --help)")
    return opt


def tools():
    """The folder holding escape-cc: beside this command, else the repository's scripts/."""
    here = os.path.dirname(os.path.realpath(sys.argv[0]))
    for d in (here, os.path.dirname(os.path.dirname(os.path.realpath(__file__)))):
        if os.path.exists(os.path.join(d, "escape-cc")):
            return d
    fail("escape-cc not found beside %s" % here, 1)


def run_build(command, env):
    try:
        return subprocess.call(command, env=env)
    except OSError as e:
        fail("cannot run %s: %s" % (command[0], e.strerror), 127)


CXX_EXT = (".cpp", ".cc", ".cxx", ".c++", ".cp", ".C", ".CPP", ".ii")
DROP1 = ("-MD", "-MMD", "-MP")
DROP2 = ("-MF", "-MT", "-MQ", "-MJ")


def compdb_command(entry, bindir):
    """A database entry's compile with escape-cc (escape-c++ for C++), its outputs thrown away."""
    args = entry.get("arguments") or shlex.split(entry.get("command", ""))
    if not args:
        return None
    cxx = "++" in os.path.basename(args[0]) or entry.get("file", "").endswith(CXX_EXT)
    out = [os.path.join(bindir, "escape-c++" if cxx else "escape-cc")]
    k = 1
    while k < len(args):
        a = args[k]
        if a in DROP1 or any(a.startswith(d) and len(a) > 3 for d in DROP2):
            pass
        elif a in DROP2:
            k += 1
        elif a == "-o":
            out += ["-o", os.devnull]
            k += 1
        elif a.startswith("-o") and len(a) > 2:
            out += ["-o", os.devnull]
        else:
            out.append(a)
        k += 1
    return out


def run_compdb(path, env, bindir, jobs):
    try:
        with open(path) as f:
            db = json.load(f)
    except OSError as e:
        fail("cannot read %s: %s" % (path, e.strerror), 1)
    except ValueError as e:
        fail("%s is not a compilation database (%s)" % (path, e), 1)
    if not isinstance(db, list):
        fail("%s is not a compilation database (no list of entries)" % path, 1)
    base = os.path.dirname(os.path.abspath(path))

    def one(entry):
        cmd = compdb_command(entry, bindir)
        if not cmd:
            return 0, ""
        cwd = entry.get("directory") or base
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        return p.returncode, p.stdout

    status = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (rc, text), entry in zip(pool.map(one, db), db):
            if text:
                sys.stderr.write(text)
            if rc:
                print("escape-build: compile of %s failed (exit %d)" % (entry.get("file"), rc),
                      file=sys.stderr)
                status = 1
    # The report's paths are relative to the folder holding every source of the database.
    files = [os.path.join(e.get("directory") or base, e.get("file", "")) for e in db]
    try:
        root = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files]) or base
    except ValueError:
        root = base
    return status, root


def main(argv):
    opt = parse(argv)
    bindir = tools()
    out = os.path.abspath(opt["out"])
    recdir = os.path.join(out, "records")
    for old in (recdir, os.path.join(out, "src")):   # nothing left from an earlier report
        shutil.rmtree(old, ignore_errors=True)
    os.makedirs(recdir)
    baseline = None
    if opt["baseline"]:
        baseline = formats.read_report(os.path.join(opt["baseline"], "escape.json"))
    profile = formats.read_profile(opt["profile"]) if opt["profile"] else None
    env = dict(os.environ)
    env["ESCAPE_RECORD_DIR"] = recdir
    env["CC"] = os.path.join(bindir, "escape-cc")
    env["CXX"] = os.path.join(bindir, "escape-c++")
    # make: a Makefile's own "CC = gcc" beats the environment, a command-line variable beats
    # it, and GNU make reads those from MAKEFLAGS too (sub-makes included).
    env["MAKEFLAGS"] = (env.get("MAKEFLAGS", "") + " CC=%s CXX=%s" %
                        (env["CC"], env["CXX"])).strip()
    if env.get("ESCAPE_LTO"):
        for var, tool in (("AR", "escape-ar"), ("RANLIB", "escape-ranlib"), ("NM", "escape-nm")):
            env.setdefault(var, os.path.join(bindir, tool))
    since = time.time() - 1
    if opt["compdb"]:
        status, root = run_compdb(opt["compdb"], env, bindir, opt["jobs"])
    else:
        root = os.getcwd()
        status = run_build(opt["command"], env)
    records.collect(recdir, since)
    build = records.read(recdir)
    sites, params, res = records.load(build, root)
    report = formats.report(build, sites, params, root)
    if profile is not None:
        formats.apply_profile(report, profile)
    regressions = formats.compare(report, baseline) if baseline is not None else []
    formats.write_json(report, os.path.join(out, "escape.json"))
    formats.write_sarif(report, os.path.join(out, "escape.sarif"))
    pages.write(report, out)
    t = report["totals"]
    shown = os.path.relpath(out)
    print("escape-build: %d sites (%d moved to the stack, %d removed, %d on the heap%s) "
          "in %d file%s; report in %s" %
          (t["sites"], t["stack"], t["removed"], t["heap"],
           ", %d mixed" % t["mixed"] if t["mixed"] else "", t["files"],
           "" if t["files"] == 1 else "s",
           os.path.join(out if shown.startswith("..") else shown, "index.html")),
          file=sys.stderr)
    for note in report["notes"]:
        print("escape-build: note: " + note, file=sys.stderr)
    for r in regressions:
        print("escape-build: regression: " + r, file=sys.stderr)
    if regressions:
        print("escape-build: %d site%s went from the stack to the heap since the baseline" %
              (len(regressions), "" if len(regressions) == 1 else "s"), file=sys.stderr)
        return 3
    return status

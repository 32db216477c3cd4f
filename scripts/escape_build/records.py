"""records — what one build's compiles and links said, from their optimization records.

escape-cc, run with ESCAPE_RECORD_DIR=D (escape-build sets it), leaves per invocation
D/ID.cmd (the folder it ran in, then its arguments, NUL-separated) and the pass's remarks as
YAML: D/ID.opt.yaml for a compile, D/ID.lto.yaml (ThinLTO: also ID.lto.yaml.thin.N.yaml) for
an -flto link. A compile of several sources at once leaves STEM.opt.yaml beside each object
instead; collect() moves those into D.

load() turns them into one report, deduplicated across translation units: a site is one
allocation call in the source (the remark's position, which is the allocation's own even in an
inlined copy), with one copy per distinct function that holds it; a parameter is one
parameter with its tag lines.
"""
import glob
import os
import re
import shutil
import subprocess

import yaml

SOURCE_EXT = (".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".C", ".CPP", ".i", ".ii", ".m", ".mm")


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    pass


def _tagged(loader, suffix, node):
    doc = loader.construct_mapping(node, deep=True)
    doc["Kind"] = suffix
    return doc


_Loader.add_multi_constructor("!", _tagged)


def read_cmd(path):
    """The folder and arguments of one escape-cc invocation."""
    with open(path, "rb") as f:
        parts = f.read().split(b"\0")
    if parts and parts[-1] == b"":
        parts.pop()
    parts = [p.decode("utf-8", "replace") for p in parts]
    return (parts[0] if parts else "/"), parts[1:]


def _sources(args):
    """The source files of a command line (what escape-cc counts as compiled)."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-x", "-I", "-D", "-U", "-MF", "-MT", "-MQ", "-include", "-isystem",
                 "-iquote", "-idirafter", "-Xclang", "-mllvm", "-Xlinker", "-target", "-L", "-l"):
            skip = True
        elif not a.startswith("-") and a.endswith(SOURCE_EXT):
            out.append(a)
    return out


def _output(args):
    for k, a in enumerate(args):
        if a == "-o" and k + 1 < len(args):
            return args[k + 1]
        if a.startswith("-o") and len(a) > 2:
            return a[2:]
    return None


def collect(recdir, since):
    """Moves the records that clang named after each source (a compile of several sources at
    once) from beside their objects into recdir."""
    for cmd in glob.glob(os.path.join(recdir, "*.cmd")):
        base = cmd[:-4]
        if os.path.exists(base + ".opt.yaml"):
            continue
        cwd, args = read_cmd(cmd)
        srcs = _sources(args)
        if len(srcs) < 2:
            continue
        out = _output(args)
        dirs = [cwd]
        if out and "-c" in args:
            dirs.append(os.path.join(cwd, os.path.dirname(out)))
        for k, src in enumerate(srcs):
            stem = os.path.splitext(os.path.basename(src))[0]
            for d in dirs:
                cand = os.path.join(d, stem + ".opt.yaml")
                if os.path.exists(cand) and os.path.getmtime(cand) >= since:
                    shutil.move(cand, "%s.%d.opt.yaml" % (base, k))
                    break


def _probe(src):
    """A build system's own test compile: CMake's compiler checks, autoconf's conftest.c."""
    return ("/CMakeFiles/" in src or "/cmake" in src and "/Modules/" in src
            or os.path.basename(src).startswith("conftest."))


def optimized(args):
    """Whether a command line compiles with the pass in its pipeline (-O1..-O3, -Os, -Oz)."""
    level = None
    for a in args:
        if a.startswith("-O"):
            level = a[2:]
    return level not in (None, "0")


class Build:
    """Build: every invocation seen, the records read, and the folders sources resolve in."""

    def __init__(self):
        self.units = []        # compiles: {"cwd", "sources", "optimized", "records"}
        self.links = []        # -flto links: {"cwd", "records"}
        self.remarks = []      # (cwd list to resolve in, remark dict)
        self.indirect = {}     # file as shown -> {"abs", "functions": {name: calls}}


def read(recdir):
    b = Build()
    for cmd in sorted(glob.glob(os.path.join(recdir, "*.cmd"))):
        base = cmd[:-4]
        cwd, args = read_cmd(cmd)
        srcs = _sources(args)
        files = sorted(glob.glob(base + ".*yaml"))
        lto = [f for f in files if ".lto.yaml" in f]
        comp = [f for f in files if f not in lto]
        if srcs and "-###" not in args and not all(_probe(os.path.join(cwd, x)) for x in srcs):
            b.units.append({"cwd": cwd, "sources": [os.path.normpath(os.path.join(cwd, s))
                                                    for s in srcs],
                            "optimized": optimized(args), "records": len(comp)})
        if lto:
            b.links.append({"cwd": cwd, "records": len(lto)})
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            if not text.strip():
                continue
            for doc in yaml.load_all(text, Loader=_Loader):
                if isinstance(doc, dict) and doc.get("Pass") == "escape":
                    b.remarks.append((cwd, f in lto, doc))
    return b


class Resolver:
    """Resolver: a record's path made absolute. A record names a file as its debug info does,
    relative to a folder the record does not give: clang strips the part of the path it
    shares with the folder it ran in, so /src/a.c compiled in /src/build reads "a.c". Tried:
    the compile's folder and each folder above it (a link: every compile's too), preferring a
    file the build compiled; else the first that exists; else relative to the compile's folder.
    """

    def __init__(self, build, root):
        self.root = root
        self.dirs = []
        self.sources = set()
        for u in build.units:
            if u["cwd"] not in self.dirs:
                self.dirs.append(u["cwd"])
            self.sources.update(u["sources"])
        self.cache = {}

    @staticmethod
    def _ancestors(d):
        out = [d]
        while os.path.dirname(d) != d:
            d = os.path.dirname(d)
            out.append(d)
        return out

    def abs(self, cwd, lto, path):
        if os.path.isabs(path):
            return os.path.normpath(path)
        key = (cwd, lto, path)
        if key not in self.cache:
            found = []
            for d in [cwd] + (self.dirs if lto else []):
                for a in self._ancestors(d):
                    cand = os.path.normpath(os.path.join(a, path))
                    if cand not in found and os.path.isfile(cand):
                        found.append(cand)
            known = [f for f in found if f in self.sources]
            self.cache[key] = (known or found or [os.path.normpath(os.path.join(cwd, path))])[0]
        return self.cache[key]

    def show(self, path):
        """The path as the report prints it: relative to the root when under it."""
        rel = os.path.relpath(path, self.root)
        return path if rel.startswith("..") else rel


_POS = re.compile(r"^(.*):(\d+):(\d+)$")


def _args(doc):
    out = []
    for a in doc.get("Args") or []:
        if isinstance(a, dict):
            for k, v in a.items():
                if k != "DebugLoc":
                    out.append((k, "" if v is None else str(v)))
    return out


def _message(args):
    return "".join(v for _, v in args)


# reason codes: the first -m=2 line of a heap site, by its words (pass/reason.c).
REASONS = [
    ("flow", "flow: "),
    ("too-large", "too large for stack"),
    ("non-constant-size", "non-constant size"),
    ("alignment", "alignment "),
    ("function-budget", "over the function's stack budget"),
    ("chain-budget", "over the call chain's stack budget"),
    ("recursive", "recursive"),
    ("setjmp", "the function calls setjmp"),
    ("loop", "live across loop iterations"),
    ("freed-mixed", "freed at "),
    ("may-free", "passed to "),
    ("freed-with-heap", "freed through the same pointer"),
    ("too-large-function", "the function is too large to analyse"),
    ("allocator", " is not moved to the stack"),
    ("wrapper-not-inlined", "the allocation wrapper was not inlined"),
]


def reason_code(first):
    for code, words in REASONS:
        if first.startswith(words) or (code == "allocator" and words in first):
            return code
    return "other" if first else "unexplained"


def _copy(res, cwd, lto, doc, args):
    lines, chain = [], []
    inl_fn = None
    for k, v in args:
        if k in ("Reason", "Flow"):
            lines.append(v)
        elif k == "InlinedFrom":
            inl_fn = v
        elif k == "InlinedAt":
            m = _POS.match(v)
            at = None
            if m:
                at = {"file": res.show(res.abs(cwd, lto, m.group(1))),
                      "line": int(m.group(2)), "col": int(m.group(3))}
            chain.append({"function": inl_fn, "at": at})
    name = doc.get("Name")
    heap = doc.get("Kind") == "Missed"
    if heap:
        how = "heap"
    elif name == "RemovedByOptimizer":
        how = "removed"
    elif lines and lines[0].startswith("guarded"):
        how = "guarded"
    elif lines and lines[0].startswith("recursive: on the thread's side stack"):
        how = "side stack"
    else:
        how = "stack slot"
    if name == "RemovedByOptimizer" and not lines:
        lines = ["removed by the optimizer"]
    return {"function": doc.get("Function", "?"), "heap": heap, "how": how,
            "reason": reason_code(lines[0]) if heap and lines else ("unexplained" if heap else ""),
            "explanation": lines, "inlined": chain, "units": 1,
            "alloc": dict(args).get("Allocation", "?")}


def load(build, root):
    """The report: sites and parameters, deduplicated across translation units."""
    res = Resolver(build, root)
    sites, params = {}, {}
    for cwd, lto, doc in build.remarks:
        loc = doc.get("DebugLoc") or {}
        path = res.abs(cwd, lto, str(loc.get("File", "?")))
        pos = (path, int(loc.get("Line", 0)), int(loc.get("Column", 0)))
        args = _args(doc)
        if doc.get("Name") in ("MovedToStack", "StaysOnHeap", "RemovedByOptimizer"):
            c = _copy(res, cwd, lto, doc, args)
            s = sites.setdefault(pos, {"abs": path, "file": res.show(path), "line": pos[1],
                                       "col": pos[2], "copies": []})
            same = [o for o in s["copies"] if all(o[k] == c[k] for k in
                                                  ("function", "how", "explanation", "inlined"))]
            if same:
                same[0]["units"] += 1
            else:
                s["copies"].append(c)
        elif doc.get("Name") == "IndirectCalls":   # calls through function pointers
            f = build.indirect.setdefault(res.show(path), {"abs": path, "functions": {}})
            fn = doc.get("Function", "?")
            f["functions"][fn] = max(f["functions"].get(fn, 0), int(dict(args).get("Count", 0)))
        elif doc.get("Name") == "ParamTag":
            name = dict(args).get("Param", "?")
            key = pos + (doc.get("Function", "?"), name)
            p = params.setdefault(key, {"abs": path, "file": res.show(path), "line": pos[1],
                                        "col": pos[2], "function": doc.get("Function", "?"),
                                        "param": name, "tags": []})
            msg = _message(args)
            if msg not in p["tags"]:
                p["tags"].append(msg)
    demangle(list(sites.values()), list(params.values()))
    out = []
    for s in sites.values():
        cs = sorted(s["copies"], key=lambda c: (c["function"], c["how"]))
        s["copies"] = cs
        heap = sum(1 for c in cs if c["heap"])
        s["verdict"] = "heap" if heap == len(cs) else ("stack" if heap == 0 else "mixed")
        plain = [c for c in cs if not c["inlined"]]
        s["alloc"] = (plain or cs)[0]["alloc"]
        first = next((c for c in cs if c["heap"]), cs[0])
        s["how"] = first["how"] if s["verdict"] != "mixed" else "mixed"
        s["reason"] = first["reason"]
        s["explanation"] = first["explanation"]
        s["functions"] = sorted({c["function"] for c in cs})
        s["source_function"] = (cs[0]["inlined"][0]["function"] if cs[0]["inlined"]
                                else cs[0]["function"])
        out.append(s)
    out.sort(key=lambda s: (s["file"], s["line"], s["col"]))
    for k, s in enumerate(out):
        s["id"] = "s%d" % (k + 1)
    ps = sorted(params.values(), key=lambda p: (p["file"], p["line"], p["col"], p["param"]))
    return out, ps, res


def demangle(sites, params):
    """C++ names as written (llvm-cxxfilt-19, or c++filt), when one is on PATH."""
    names = set()
    for s in sites:
        for c in s["copies"]:
            names.add(c["function"])
            names.update(i["function"] for i in c["inlined"] if i["function"])
    names.update(p["function"] for p in params)
    mangled = sorted(n for n in names if n and n.startswith("_Z"))
    tool = shutil.which("llvm-cxxfilt-19") or shutil.which("llvm-cxxfilt") or shutil.which("c++filt")
    if not mangled or not tool:
        return
    try:
        out = subprocess.run([tool], input="\n".join(mangled) + "\n", capture_output=True,
                             text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return
    if len(out) != len(mangled):
        return
    table = dict(zip(mangled, out))
    for s in sites:
        for c in s["copies"]:
            c["function"] = table.get(c["function"], c["function"])
            for i in c["inlined"]:
                i["function"] = table.get(i["function"], i["function"])
    for p in params:
        p["function"] = table.get(p["function"], p["function"])

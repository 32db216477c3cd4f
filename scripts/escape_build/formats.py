"""formats — the report as data: escape.json (and reading a previous one for --baseline),
escape.sarif (SARIF 2.1.0), the --profile ranking and the baseline comparison.
"""
import json
import os
import sys
import urllib.parse

VERSION = 1
STATES = ("stack", "removed", "heap", "mixed")


def _state(site):
    if site["verdict"] == "stack":
        return "removed" if all(c["how"] == "removed" for c in site["copies"]) else "stack"
    return site["verdict"]


def report(build, sites, params, root):
    totals = {"sites": len(sites), "params": len(params),
              "units": sum(len(u["sources"]) for u in build.units),
              "links": len(build.links)}
    for st in STATES:
        totals[st] = 0
    files = {}
    for s in sites:
        s["state"] = _state(s)
        totals[s["state"]] += 1
        f = files.setdefault(s["file"], {"file": s["file"], "abs": s["abs"], "sites": 0,
                                         "params": 0, **{st: 0 for st in STATES}})
        f["sites"] += 1
        f[s["state"]] += 1
    for p in params:
        f = files.setdefault(p["file"], {"file": p["file"], "abs": p["abs"], "sites": 0,
                                         "params": 0, **{st: 0 for st in STATES}})
        f["params"] += 1
    for s in sites:   # a file that only holds the calls an inlined copy is reported at
        for at in (i["at"] for c in s["copies"] for i in c["inlined"]):
            if at and at["file"] not in files:
                files[at["file"]] = {"file": at["file"], "abs": os.path.join(root, at["file"]),
                                     "sites": 0, "params": 0, **{st: 0 for st in STATES}}
    totals["files"] = sum(1 for f in files.values() if f["sites"])
    notes = []
    for name, ind in sorted(build.indirect.items()):
        calls = sum(ind["functions"].values())
        f = files.setdefault(name, {"file": name, "abs": ind["abs"], "sites": 0, "params": 0,
                                    **{st: 0 for st in STATES}})
        f["indirect"] = calls
        if not f["sites"]:   # what it allocates, it allocates through function pointers
            notes.append("%s: no allocation sites; %d %s, which the analysis does not follow" %
                         (name, calls, "call through a function pointer" if calls == 1
                          else "calls through function pointers"))
    plain = [u for u in build.units if not u["optimized"]]
    if plain:
        names = sorted({os.path.relpath(s, root) if not os.path.relpath(s, root).startswith("..")
                        else s for u in plain for s in u["sources"]})
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        notes.append("%d of %d compiles had no -O1..-O3 option, so the pass did not run on "
                     "them: %s (give one: make CFLAGS=-O2, or a Makefile's own CC=\"escape-cc "
                     "-O2\")" % (len(plain), len(build.units), shown))
    if not build.units and not build.links:
        notes.append("the build compiled nothing with escape-cc: was it up to date (clean "
                     "it first), or does it not take CC and CXX from the environment (CMake: "
                     "a fresh build folder)?")
    elif not sites:
        notes.append("no allocation sites were found")
    return {"version": VERSION, "tool": "llvm-escape escape-build", "root": root,
            "totals": totals, "notes": notes,
            "files": sorted(files.values(), key=lambda f: f["file"]),
            "sites": sites, "params": params}


def write_json(rep, path):
    with open(path, "w") as f:
        json.dump(rep, f, indent=1, sort_keys=False)
        f.write("\n")


def _read_json(path, what, bad):
    """The JSON document at path, or exit 2 saying why not (what: "the baseline" or "the
    profile"; bad: the words for a file that is not JSON, given the parser's message)."""
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        print("escape-build: cannot read %s %s: %s" % (what, path, e.strerror), file=sys.stderr)
        sys.exit(2)
    except ValueError as e:
        print("escape-build: " + bad % (path, e), file=sys.stderr)
        sys.exit(2)


def read_report(path):
    rep = _read_json(path, "the baseline", "the baseline %s is not an escape-build report (%s)")
    if not isinstance(rep, dict) or rep.get("version") != VERSION or "sites" not in rep:
        print("escape-build: the baseline %s is not an escape-build report of version %d" %
              (path, VERSION), file=sys.stderr)
        sys.exit(2)
    return rep


def read_profile(path):
    prof = _read_json(path, "the profile", "%s is not a profile (bad JSON: %s)")
    if not isinstance(prof, dict) or prof.get("abi") != 1 or not isinstance(prof.get("sites"), list):
        print("escape-build: %s is not an escape-profile JSON (abi 1)" % path, file=sys.stderr)
        sys.exit(2)
    return prof


COUNTS = ("allocs", "bytes", "frame_local", "outlived", "never_freed", "avoided",
          "avoided_bytes")


def _positions(site):
    """Where a site's lines may be printed: its allocation, and each copy's call."""
    out = [(site["file"], site["line"], site["col"])]
    for c in site["copies"]:
        for i in c["inlined"]:
            if i["at"]:
                out.append((i["at"]["file"], i["at"]["line"], i["at"]["col"]))
    return out


def _same_file(a, b):
    a, b = os.path.normpath(a), os.path.normpath(b)
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def apply_profile(rep, prof):
    """Adds up each profile entry into the site at its position (a copy's call counts for the
    site); ranks the heap sites by allocations."""
    bypos = {}
    for s in rep["sites"]:
        for f, line, col in _positions(s):
            bypos.setdefault((line, col), []).append((f, s))
    unmatched = 0
    for e in prof["sites"]:
        cands = [s for f, s in bypos.get((e.get("line"), e.get("col")), [])
                 if _same_file(f, str(e.get("file", "")))]
        if not cands:
            unmatched += 1
            continue
        s = cands[0]
        p = s.setdefault("profile", {k: 0 for k in COUNTS})
        for k in COUNTS:
            p[k] += int(e.get(k, 0) or 0)
    heap = [s for s in rep["sites"] if s["state"] in ("heap", "mixed")]
    heap.sort(key=lambda s: -(s.get("profile") or {}).get("allocs", 0))
    for rank, s in enumerate(heap, 1):
        p = s.get("profile")
        s["rank"] = rank
        s["frame_local_always"] = bool(p and p["allocs"] and p["frame_local"] == p["allocs"])
    rep["profile"] = {"entries": len(prof["sites"]), "unmatched": unmatched,
                      "frame_local_always": sum(1 for s in heap if s["frame_local_always"])}
    if unmatched:
        rep["notes"].append("%d of %d profile entries match no site of this build" %
                            (unmatched, len(prof["sites"])))


def _keys(sites):
    """Each site by position, and by (file, function, allocation, ordinal) for lines moved."""
    exact, loose, count = {}, {}, {}
    for s in sorted(sites, key=lambda s: (s["file"], s["line"], s["col"])):
        exact[(s["file"], s["line"], s["col"])] = s
        k = (s["file"], s.get("source_function"), s.get("alloc"))
        count[k] = count.get(k, 0) + 1
        loose[k + (count[k],)] = s
    return exact, loose


def compare(rep, base):
    """The sites on the stack in the baseline and (some copy) on the heap now, as lines."""
    exact, loose = _keys(base["sites"])
    _, now_loose = _keys(rep["sites"])
    byid = {id(s): k for k, s in now_loose.items()}
    out = []
    for s in rep["sites"]:
        if s["state"] not in ("heap", "mixed"):
            continue
        old = exact.get((s["file"], s["line"], s["col"]))
        if old is None or old.get("alloc") != s.get("alloc"):
            old = loose.get(byid.get(id(s)))
        if old is None or old.get("state") not in ("stack", "removed"):
            continue
        s["regression"] = True
        why = "; ".join(s["explanation"]) or "no reason recorded"
        out.append("%s:%d:%d: %s in %s was on the stack in the baseline (%s:%d:%d), now "
                   "escapes to heap: %s" % (s["file"], s["line"], s["col"], s["alloc"],
                                            ", ".join(s["functions"]), old["file"],
                                            old["line"], old["col"], why))
    rep["regressions"] = out
    return out


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "flow": "its address flows to the heap (a global, an escaping object, an unknown callee)",
    "too-large": "too large for the stack",
    "non-constant-size": "its size is not a constant",
    "alignment": "its alignment cannot be kept on the stack",
    "function-budget": "over the function's stack budget",
    "chain-budget": "over the call chain's stack budget",
    "recursive": "in a recursive function",
    "setjmp": "in a function that calls setjmp",
    "loop": "live across loop iterations",
    "freed-mixed": "freed through a pointer that may hold another object",
    "may-free": "passed to a function that may free it",
    "freed-with-heap": "freed through the same pointer as a heap object",
    "too-large-function": "its function is too large to analyse",
    "allocator": "an allocator the pass does not move",
    "wrapper-not-inlined": "an allocation wrapper that was not inlined",
    "other": "stays on the heap",
    "unexplained": "stays on the heap",
}


def _uri(rep, site):
    if os.path.isabs(site["file"]):
        return {"uri": "file://" + urllib.parse.quote(site["file"])}
    return {"uri": urllib.parse.quote(site["file"]), "uriBaseId": "SRCROOT"}


def write_sarif(rep, path):
    used = sorted({s["reason"] or "unexplained" for s in rep["sites"]
                   if s["state"] in ("heap", "mixed")})
    rules = [{"id": "escape/" + r, "name": r,
              "shortDescription": {"text": "Allocation stays on the heap: " + RULES.get(r, r)},
              "defaultConfiguration": {"level": "note"}} for r in used]
    index = {r: k for k, r in enumerate(used)}
    results = []
    for s in rep["sites"]:
        if s["state"] not in ("heap", "mixed"):
            continue
        r = s["reason"] or "unexplained"
        heap = [c for c in s["copies"] if c["heap"]]
        text = "%s escapes to heap" % s["alloc"]
        if s["explanation"]:
            text += ": " + "; ".join(s["explanation"])
        if s["state"] == "mixed":
            text += " (in %s; on the stack in %s)" % (
                ", ".join(sorted({c["function"] for c in heap})),
                ", ".join(sorted({c["function"] for c in s["copies"] if not c["heap"]})))
        res = {"ruleId": "escape/" + r, "ruleIndex": index[r], "level": "note",
               "message": {"text": text},
               "locations": [{"physicalLocation": {
                   "artifactLocation": _uri(rep, s),
                   "region": {"startLine": s["line"], **({"startColumn": s["col"]}
                                                         if s["col"] else {})}},
                   "logicalLocations": [{"name": f, "kind": "function"}
                                        for f in sorted({c["function"] for c in heap})]}],
               "partialFingerprints": {"escapeSite/v1": "%s:%s:%s" % (
                   s["file"], s.get("source_function"), s["alloc"])}}
        if "profile" in s:
            res["properties"] = {"allocs": s["profile"]["allocs"],
                                 "frameLocalEveryTime": s.get("frame_local_always", False)}
        results.append(res)
    if "profile" in rep:
        results.sort(key=lambda x: -(x.get("properties") or {}).get("allocs", 0))
    root = rep["root"].rstrip("/") + "/"
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "llvm-escape", "rules": rules}},
        "originalUriBaseIds": {"SRCROOT": {"uri": "file://" + urllib.parse.quote(root)}},
        "columnKind": "unicodeCodePoints",
        "results": results}]}
    with open(path, "w") as f:
        json.dump(sarif, f, indent=1)
        f.write("\n")

#!/usr/bin/python3
"""show.py — escape-build's outputs as lines for FileCheck (test/build).

  show.py report DIR   DIR/escape.json: totals, then each site with its copies, parameters,
                       notes and regressions
  show.py sarif DIR    DIR/escape.sarif checked against SARIF 2.1.0's required fields; each
                       result's location resolved to a file on disk, and the source text at
                       its line and column must begin with the allocation's callee
  show.py png FILE     a PNG's size (fails unless it is one)
"""
import json
import os
import struct
import sys
import urllib.parse


def report(d):
    r = json.load(open(os.path.join(d, "escape.json")))
    t = r["totals"]
    print("totals: " + " ".join("%s=%d" % (k, t[k]) for k in
                                ("sites", "stack", "removed", "heap", "mixed", "params",
                                 "units", "files")))
    for s in r["sites"]:
        extra = ""
        if "rank" in s:
            extra = " rank=%d allocs=%d%s" % (s["rank"], s["profile"]["allocs"] if "profile" in s
                                              else 0, " frame-local-always"
                                              if s["frame_local_always"] else "")
        print("site %s:%d:%d %s %s %s%s%s" % (s["file"], s["line"], s["col"], s["alloc"],
                                              s["state"], s["reason"] or s["how"], extra,
                                              " REGRESSION" if s.get("regression") else ""))
        for c in s["copies"]:
            inl = ", ".join("%s at %s:%d:%d" % (i["function"], i["at"]["file"], i["at"]["line"],
                                                i["at"]["col"]) for i in c["inlined"])
            print("  copy %s %s%s%s" % (c["function"], c["how"], " (%s)" % inl if inl else "",
                                        ": " + "; ".join(c["explanation"])
                                        if c["explanation"] else ""))
    for p in r["params"]:
        print("param %s:%d:%d %s: %s" % (p["file"], p["line"], p["col"], p["function"],
                                         " | ".join(p["tags"])))
    for n in r["notes"]:
        print("note: " + n)
    for g in r.get("regressions", []):
        print("regression: " + g)


def fail(msg):
    print("ERROR: " + msg)
    sys.exit(1)


def sarif(d):
    doc = json.load(open(os.path.join(d, "escape.sarif")))
    if doc.get("version") != "2.1.0":
        fail("version is %r" % doc.get("version"))
    if "sarif" not in str(doc.get("$schema", "")) or "2.1.0" not in str(doc.get("$schema")):
        fail("$schema is %r" % doc.get("$schema"))
    runs = doc.get("runs")
    if not isinstance(runs, list) or not runs:
        fail("no runs")
    for run in runs:
        name = run.get("tool", {}).get("driver", {}).get("name")
        if not name:
            fail("runs[].tool.driver.name missing")
        print("driver %s" % name)
        rules = [r["id"] for r in run["tool"]["driver"].get("rules", [])]
        bases = run.get("originalUriBaseIds", {})
        for res in run.get("results", []):
            text = res.get("message", {}).get("text")
            if not text:
                fail("results[].message.text missing")
            rule = res.get("ruleId")
            if not rule:
                fail("results[].ruleId missing")
            if "ruleIndex" in res and rules[res["ruleIndex"]] != rule:
                fail("ruleIndex %d is not %s" % (res["ruleIndex"], rule))
            locs = res.get("locations")
            if not locs:
                fail("results[].locations missing")
            for loc in locs:
                pl = loc["physicalLocation"]
                art = pl["artifactLocation"]
                uri = art["uri"]
                if "uriBaseId" in art:
                    base = bases[art["uriBaseId"]]["uri"]
                    uri = urllib.parse.urljoin(base, uri)
                if not uri.startswith("file://"):
                    fail("%s is not a file URI" % uri)
                path = urllib.parse.unquote(uri[len("file://"):])
                if not os.path.isfile(path):
                    fail("%s does not exist" % path)
                region = pl["region"]
                line, col = region["startLine"], region.get("startColumn", 1)
                lines = open(path).read().split("\n")
                if not 1 <= line <= len(lines):
                    fail("%s has no line %d" % (path, line))
                callee = text.split("(")[0]
                at = lines[line - 1][col - 1:]
                if not at.startswith(callee):
                    fail("%s:%d:%d reads %r, not the call %s" % (path, line, col, at, callee))
                print("result %s %s:%d:%d %s" % (rule, art["uri"], line, col, text))


def png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        fail("%s is not a PNG" % path)
    w, h = struct.unpack(">II", data[16:24])
    print("png %dx%d %s" % (w, h, "nonempty" if len(data) > 5000 else "tiny"))


{"report": report, "sarif": sarif, "png": png}[sys.argv[1]](sys.argv[2])

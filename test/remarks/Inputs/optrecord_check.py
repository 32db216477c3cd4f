#!/usr/bin/env python3
"""optrecord_check.py -- read an optimization record with LLVM's own loader.

  optrecord_check.py RECORD.opt.yaml SOURCE_DIR HTML_DIR -- FileCheck ARGS...

Loads RECORD with opt-viewer's optrecord.py (LLVM 19's share/opt-viewer) and
prints, for pass `escape`, one count line per kind and name, then every
record with its position and arguments. Then runs opt-viewer.py itself on
RECORD into HTML_DIR and prints each of our remarks as the page shows it.
The text goes to the FileCheck command after `--`, whose status is returned.

opt-viewer needs PyYAML and Pygments (Debian: python3-yaml, python3-pygments).
If either module is missing, prints a SKIP line and exits 0 without checking.
Used by test/remarks/Remarks_yaml.c.
"""
import html
import os
import re
import shutil
import subprocess
import sys
from collections import Counter


def opt_viewer_dir():
    """share/opt-viewer next to the LLVM tools on PATH, else LLVM 19's."""
    tool = shutil.which("llvm-remarkutil")
    if tool:
        d = os.path.join(os.path.dirname(os.path.realpath(tool)), "..", "share", "opt-viewer")
        if os.path.isfile(os.path.join(d, "optrecord.py")):
            return os.path.normpath(d)
    return "/usr/lib/llvm-19/share/opt-viewer"


def main():
    sep = sys.argv.index("--")
    record, source_dir, html_dir = sys.argv[1:sep]
    filecheck = sys.argv[sep + 1:]
    for module, package in (("yaml", "python3-yaml"), ("pygments", "python3-pygments")):
        try:
            __import__(module)
        except ImportError:
            print("SKIP: %s has no Python module '%s' (Debian package %s); "
                  "optimization records not checked" % (sys.executable, module, package))
            return 0
    viewer = opt_viewer_dir()
    sys.path.insert(0, viewer)
    import optrecord

    out = []
    _, remarks, _ = optrecord.get_remarks(record)
    ours = [r for r in remarks.values() if r.Pass == "escape"]
    counts = Counter((type(r).__name__, r.Name) for r in ours)
    for (kind, name), n in sorted(counts.items()):
        out.append("count %s %s: %d" % (kind, name, n))
    out.append("total escape: %d of %d" % (len(ours), len(remarks)))
    for r in sorted(ours, key=lambda r: (r.Line, r.Column, r.message)):
        args = " | ".join("%s=%s" % (k, v) for a in r.Args for k, v in a
                          if k != "String" and k != "DebugLoc")
        out.append("%s %s %s:%d:%d %s: %s" % (type(r).__name__, r.Name, r.File, r.Line,
                                              r.Column, r.Function, r.message))
        if args:
            out.append("  args: " + args)

    # opt-viewer.py on the same record, one process, no progress output.
    run = subprocess.run([sys.executable, os.path.join(viewer, "opt-viewer.py"), "-n",
                          "-j", "1", "-s", source_dir, "-o", html_dir, record],
                         capture_output=True, text=True)
    out.append("opt-viewer: exit %d" % run.returncode)
    for line in (run.stdout + run.stderr).splitlines():
        out.append("opt-viewer said: " + line)
    for page in sorted(os.listdir(html_dir)) if os.path.isdir(html_dir) else []:
        if not page.endswith(".html"):
            continue
        out.append("page " + page)
        text = open(os.path.join(html_dir, page), encoding="utf-8").read()
        # A remark row: the pass name cell, then the message span.
        for m in re.finditer(r'<td class="column-entry-(\w+)">escape</td>\s*<td>.*?'
                             r'<span class="column-entry-\w+">(.*?)</span>', text, re.S):
            msg = html.unescape(m.group(2)).replace("\xa0", " ").strip()
            out.append("  %s: %s" % (m.group(1), msg))
    text = "\n".join(out) + "\n"
    return subprocess.run(filecheck, input=text, text=True).returncode


if __name__ == "__main__":
    sys.exit(main())

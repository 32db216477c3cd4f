"""pages — the report as static HTML a browser opens from disk (no network, no server):
DIR/index.html (totals, files, reasons, and every site in a table one can sort by clicking a
column and filter by text and verdict) and DIR/src/FILE.html per source file, its lines with
the verdicts under them (as gopls shows escape details in an editor): each verdict's -m=2
explanation opens with one click, a line's parameter tags are folded away.
"""
import html
import os
import re

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0 0 .4em} h2{font-size:1.1em;margin:1.2em 0 .4em}
.totals span{display:inline-block;margin:0 .4em .4em 0;padding:.3em .7em;border-radius:4px;
 background:#eee} .totals b{font-size:1.2em}
.stack,.v-stack{color:#1a7f37} .heap,.v-heap{color:#cf222e} .mixed,.v-mixed{color:#bc4c00}
.removed,.v-removed{color:#6e7781}
.totals .stack{background:#dafbe1} .totals .heap{background:#ffebe9}
.totals .removed{background:#eaeef2} .totals .mixed{background:#fff1e5}
table{border-collapse:collapse} th,td{padding:.15em .6em;text-align:left;vertical-align:top}
table.list th{background:#f0f0f0;cursor:pointer;user-select:none;border-bottom:1px solid #ccc}
table.list tr:nth-child(even) td{background:#fafafa} td.n{text-align:right}
a{color:#0550ae;text-decoration:none} a:hover{text-decoration:underline}
.notes li{color:#6e5000} .regress li{color:#cf222e;font-weight:bold}
table.src{font:12px/1.45 ui-monospace,monospace;width:100%}
table.src td{padding:0 .5em} td.ln{color:#888;text-align:right;width:3em;user-select:none}
td.code pre{margin:0;white-space:pre-wrap}
tr.ann td.code{padding-left:2em} .ann details{margin:.1em 0} .ann summary{cursor:pointer}
.why{margin:.1em 0 .3em 1.5em;color:#444;white-space:pre-wrap}
details.params summary{color:#888} .params div{color:#555}
.bar{margin:.5em 0} .bar input{width:20em}
"""

SCRIPT = """
function cell(tr, k){var c=tr.children[k];return c.dataset.v!==undefined?c.dataset.v:c.textContent;}
document.querySelectorAll('table.list').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,k){
    th.addEventListener('click',function(){
      var body=t.tBodies[0],rows=Array.from(body.rows),num=th.dataset.num!==undefined;
      var dir=th.dataset.dir==='1'?-1:1; th.dataset.dir=dir===1?'1':'-1';
      rows.sort(function(a,b){var x=cell(a,k),y=cell(b,k);
        if(num){x=parseFloat(x)||0;y=parseFloat(y)||0;return (x-y)*dir;}
        return x.localeCompare(y,undefined,{numeric:true})*dir;});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
var f=document.getElementById('filter'),v=document.getElementById('verdict'),
    shown=document.getElementById('shown');
function apply(){
  var words=f.value.toLowerCase().split(/\\s+/).filter(Boolean),want=v.value,n=0,rows;
  rows=document.querySelectorAll('#sites tbody tr');
  rows.forEach(function(r){
    var text=r.textContent.toLowerCase(),ok=(!want||r.dataset.verdict===want)&&
      words.every(function(w){return text.indexOf(w)>=0;});
    r.style.display=ok?'':'none'; if(ok)n++;});
  shown.textContent=n+' of '+rows.length+' sites shown';
}
// index.html#verdict=heap&filter=words&sort=-allocs: a view one can link to.
var hash=new URLSearchParams(location.hash.slice(1));
if(f){
  if(hash.get('filter'))f.value=hash.get('filter');
  if(hash.get('verdict'))v.value=hash.get('verdict');
  f.addEventListener('input',apply);v.addEventListener('change',apply);apply();
}
var by=hash.get('sort');
if(by){var desc=by[0]==='-';by=desc?by.slice(1):by;
  document.querySelectorAll('#sites th').forEach(function(th){
    if(th.textContent===by){th.click();if(desc)th.click();}});}
"""

# SRC_SCRIPT: a source page opened at #L<n> (the index links there) unfolds that line's
# verdicts, so their explanation shows at once; at #unfold, every verdict on the page.
SRC_SCRIPT = """
function unfold(){
  if(location.hash==='#unfold')
    document.querySelectorAll('.site details,.call details').forEach(function(d){d.open=true;});
  var m=/^#L(\\d+)$/.exec(location.hash);if(!m)return;
  var row=document.getElementById('L'+m[1]);if(!row)return;
  var ann=row.nextElementSibling;
  if(ann&&ann.classList.contains('ann'))
    ann.querySelectorAll('.site details,.call details').forEach(function(d){d.open=true;});}
window.addEventListener('hashchange',unfold);unfold();
"""

WORDS = {"stack": "does not escape", "removed": "does not escape (removed by the optimizer)",
         "heap": "escapes to heap", "mixed": "escapes to heap in some copies"}
LABEL = {"stack": "moved to the stack", "removed": "removed by the optimizer",
         "heap": "on the heap", "mixed": "mixed"}


def esc(s):
    return html.escape(str(s), quote=True)


def _n(k, word):
    return "%d %s%s" % (k, word, "" if k == 1 else "s")


def page_name(path):
    return "src/" + re.sub(r"[^A-Za-z0-9._-]", "_", path.lstrip("/")) + ".html"


def _doc(title, body, script=""):
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>%s</title><style>%s</style></head><body>\n%s\n%s</body></html>\n" %
            (esc(title), STYLE, body, "<script>%s</script>\n" % script if script else ""))


def _totals(t):
    parts = [("sites", "", "allocation sites"), ("stack", "stack", "moved to the stack"),
             ("removed", "removed", "removed by the optimizer"), ("heap", "heap", "on the heap")]
    if t.get("mixed"):
        parts.append(("mixed", "mixed", "on the heap in some copies"))
    parts += [("params", "", "parameters"), ("units", "", "translation units")]
    def words_for(k, words):   # "1 parameter", "2 translation units"
        if k == 1 and words in ("allocation sites", "parameters", "translation units"):
            return words[:-1]
        return words
    return "<div class=\"totals\" id=\"totals\">%s</div>" % "".join(
        "<span class=\"%s\" data-total=\"%s\"><b>%d</b> %s</span>" % (
            cls, key, t.get(key, 0), words_for(t.get(key, 0), words))
        for key, cls, words in parts)


def _copy_line(c):
    where = "in %s" % esc(c["function"])
    if c["inlined"]:
        where += " (" + ", ".join(
            "%s inlined at %s" % (esc(i["function"]), esc("%s:%d:%d" % (i["at"]["file"],
                                                                      i["at"]["line"],
                                                                      i["at"]["col"]))
                                  if i["at"] else "?") for i in c["inlined"]) + ")"
    verdict = "escapes to heap" if c["heap"] else (
        "removed by the optimizer" if c["how"] == "removed" else "does not escape")
    units = " &times;%d units" % c["units"] if c["units"] > 1 else ""
    return "<div class=\"%s\">%s%s: %s</div>%s" % (
        "heap" if c["heap"] else "stack", where, units, verdict,
        "<div class=\"why\">%s</div>" % esc("\n".join(c["explanation"])) if c["explanation"] else "")


def _explanation(s):
    """The -m=2 words of a site, and its copies when there is more than one or it is inlined."""
    out = []
    if len(s["copies"]) == 1 and not s["copies"][0]["inlined"]:
        c = s["copies"][0]
        lines = c["explanation"] or (["moved to a stack slot"] if not c["heap"] else [])
        out.append("<div class=\"why\">%s</div>" % esc("\n".join(lines)))
        out.append("<div class=\"why\">in %s</div>" % esc(c["function"]))
    else:
        if len(s["copies"]) > 1:
            out.append("<div class=\"why\">%d copies:</div>" % len(s["copies"]))
        out.extend(_copy_line(c) for c in s["copies"])
    if "profile" in s:
        p = s["profile"]
        out.append("<div class=\"why\">run time: %d allocations, %d bytes, %d frame-local, "
                   "%d outlived their frame, %d never freed%s</div>" % (
                       p["allocs"], p["bytes"], p["frame_local"], p["outlived"], p["never_freed"],
                       " &mdash; frame-local every time" if s.get("frame_local_always") else ""))
    return "".join(out)


HOW = {"guarded": " (a guarded stack buffer)", "side stack": " (on the side stack)"}


def _verdict_words(s):
    if s["state"] == "mixed":
        heap = sum(1 for c in s["copies"] if c["heap"])
        return "escapes to heap in %d of %d copies" % (heap, len(s["copies"]))
    return WORDS[s["state"]] + (HOW.get(s["how"], "") if s["state"] == "stack" else "")


def _site_ann(s):
    return ("<div class=\"site %s\" id=\"%s\" data-verdict=\"%s\"><details><summary>%d:%d: "
            "%s %s%s</summary>%s</details></div>" % (
                s["state"], s["id"], s["state"], s["line"], s["col"], esc(s["alloc"]),
                _verdict_words(s), " &#9888; was on the stack in the baseline"
                if s.get("regression") else "", _explanation(s)))


def _call_ann(s, c, i):
    return ("<div class=\"call %s\"><details><summary>%d:%d: %s inlined here: %s (%s:%d) %s"
            "</summary>%s</details></div>" % (
                "heap" if c["heap"] else "stack", i["at"]["line"], i["at"]["col"],
                esc(i["function"]), esc(s["alloc"]), esc(s["file"]), s["line"],
                "escapes to heap" if c["heap"] else "does not escape", _copy_line(c)))


def _params_ann(ps):
    lines = "".join("<div>%d:%d: %s</div>" % (p["line"], p["col"], esc(t))
                    for p in ps for t in p["tags"])
    n = sum(len(p["tags"]) for p in ps)
    return ("<details class=\"params\"><summary>%d parameter tag%s</summary>%s</details>" %
            (n, "" if n == 1 else "s", lines))


def source_page(rep, f, sites, params, calls):
    try:
        with open(f["abs"], encoding="utf-8", errors="replace") as fh:
            text = fh.read().split("\n")
    except OSError:
        text = None
    anns = {}
    for s in sites:
        anns.setdefault(s["line"], []).append(_site_ann(s))
    for s, c, i in calls:
        anns.setdefault(i["at"]["line"], []).append(_call_ann(s, c, i))
    byline = {}
    for p in params:
        byline.setdefault(p["line"], []).append(p)
    for line, ps in byline.items():
        anns.setdefault(line, []).append(_params_ann(ps))
    rows = []
    if text is None:
        rows.append("<tr><td></td><td class=\"code\"><i>source not readable at %s</i></td></tr>"
                    % esc(f["abs"]))
        text = [""] * (max(anns) if anns else 0)
    for n, code in enumerate(text, 1):
        rows.append("<tr id=\"L%d\"><td class=\"ln\">%d</td><td class=\"code\"><pre>%s</pre>"
                    "</td></tr>" % (n, n, esc(code)))
        if n in anns:
            rows.append("<tr class=\"ann\"><td></td><td class=\"code\">%s</td></tr>" %
                        "".join(anns[n]))
    counts = ", ".join("%d %s" % (f[st], LABEL[st]) for st in ("stack", "removed", "heap", "mixed")
                       if f[st])
    body = ("<p><a href=\"../index.html\">&larr; all files</a></p><h1>%s</h1>"
            "<p id=\"filetotals\">%s%s; %s. Click a verdict for its explanation.</p>"
            "<table class=\"src\">%s</table>" %
            (esc(f["file"]), _n(f["sites"], "allocation site"), ": " + counts if counts else "",
             _n(f["params"], "parameter"),
             "\n".join(rows)))
    return _doc(f["file"] + " — escape analysis", body, SRC_SCRIPT)


def index_page(rep):
    t = rep["totals"]
    body = ["<h1>Escape analysis of the build</h1>", _totals(t)]
    if rep.get("regressions"):
        body.append("<h2>Back on the heap since the baseline</h2><ul class=\"regress\" "
                    "id=\"regressions\">%s</ul>" % "".join("<li>%s</li>" % esc(r)
                                                          for r in rep["regressions"]))
    if rep["notes"]:
        body.append("<ul class=\"notes\" id=\"notes\">%s</ul>" %
                    "".join("<li>%s</li>" % esc(n) for n in rep["notes"]))
    rows = "".join(
        "<tr><td><a href=\"%s\">%s</a></td><td class=\"n\">%d</td><td class=\"n stack\">%d</td>"
        "<td class=\"n removed\">%d</td><td class=\"n heap\">%d</td><td class=\"n\">%d</td></tr>" %
        (page_name(f["file"]), esc(f["file"]), f["sites"], f["stack"], f["removed"],
         f["heap"] + f["mixed"], f["params"]) for f in rep["files"])
    body.append("<h2>Files</h2><table class=\"list\" id=\"files\"><thead><tr><th>file</th>"
                "<th data-num>sites</th><th data-num>stack</th><th data-num>removed</th>"
                "<th data-num>heap</th><th data-num>params</th></tr></thead><tbody>%s</tbody>"
                "</table>" % rows)
    reasons = {}
    for s in rep["sites"]:
        if s["state"] in ("heap", "mixed"):
            reasons[s["reason"]] = reasons.get(s["reason"], 0) + 1
    if reasons:
        body.append("<h2>Why sites stay on the heap</h2><table class=\"list\" id=\"reasons\">"
                    "<thead><tr><th>reason</th><th data-num>sites</th></tr></thead><tbody>%s"
                    "</tbody></table>" % "".join(
                        "<tr><td>%s</td><td class=\"n\">%d</td></tr>" % (esc(r), n)
                        for r, n in sorted(reasons.items(), key=lambda x: (-x[1], x[0]))))
    prof = "profile" in rep
    sites = rep["sites"]
    if prof:
        sites = sorted(sites, key=lambda s: (s.get("rank", 1 << 30), s["file"], s["line"]))
    rows = []
    for s in sites:
        p = s.get("profile") or {}
        rows.append(
            "<tr data-verdict=\"%s\"><td data-v=\"%s:%08d:%04d\"><a href=\"%s#L%d\">%s:%d:%d</a>"
            "</td><td>%s</td><td>%s</td><td class=\"v-%s\">%s</td><td>%s</td>"
            "<td class=\"n\">%d</td>%s</tr>" % (
                s["state"], esc(s["file"]), s["line"], s["col"], page_name(s["file"]), s["line"],
                esc(s["file"]), s["line"], s["col"], esc(s["alloc"]),
                esc(", ".join(s["functions"])), s["state"], LABEL[s["state"]],
                esc(s["reason"] if s["state"] in ("heap", "mixed") else
                    s["how"] if s["how"] != "stack slot" else ""),
                len(s["copies"]),
                "<td class=\"n\">%d</td><td>%s</td>" % (
                    p.get("allocs", 0), "frame-local every time" if s.get("frame_local_always")
                    else "") if prof else ""))
    body.append(
        "<h2>Sites</h2><div class=\"bar\"><input id=\"filter\" placeholder=\"filter: file, "
        "function, allocation, reason\"> <select id=\"verdict\"><option value=\"\">every "
        "verdict</option>%s</select> <span id=\"shown\"></span></div>"
        "<table class=\"list\" id=\"sites\"><thead><tr><th>site</th><th>allocation</th>"
        "<th>function</th><th>verdict</th><th>reason</th><th data-num>copies</th>%s</tr></thead>"
        "<tbody>%s</tbody></table>" % (
            "".join("<option value=\"%s\">%s</option>" % (st, LABEL[st])
                    for st in ("stack", "removed", "heap", "mixed")),
            "<th data-num>allocs</th><th>run time</th>" if prof else "", "\n".join(rows)))
    body.append("<p>Generated by llvm-escape's escape-build. Parameter tags are on each "
                "file's page.</p>")
    return _doc("Escape analysis", "\n".join(body), SCRIPT)


def write(rep, out):
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    byfile = {}
    for s in rep["sites"]:
        byfile.setdefault(s["file"], []).append(s)
    calls = {}
    for s in rep["sites"]:
        for c in s["copies"]:
            for i in c["inlined"]:   # each call of the chain the copy was inlined through
                if i["at"]:
                    calls.setdefault(i["at"]["file"], []).append((s, c, i))
    params = {}
    for p in rep["params"]:
        params.setdefault(p["file"], []).append(p)
    for f in rep["files"]:
        path = os.path.join(out, page_name(f["file"]))
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(source_page(rep, f, byfile.get(f["file"], []), params.get(f["file"], []),
                                 calls.get(f["file"], [])))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as fh:
        fh.write(index_page(rep))

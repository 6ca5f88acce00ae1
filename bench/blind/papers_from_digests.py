"""Build papers.txt (=== id / TITLE / ABSTRACT) for annotators from fetched digests, independent of kg's reader.
Prints only counts per file and ids that could not be parsed."""
import json, re, sys, pathlib
root = pathlib.Path(sys.argv[1]); out = []
LINK = re.compile(r"\]\(https?://arxiv\.org/abs/(?P<id>\d{4}\.\d{4,5})(?:v\d+)?\)")
def head(l):
    if not l.startswith("#"): return None
    m = LINK.search(l)
    if not m: return None
    t = re.sub(r"<a [^>]*></a>", "", l[:m.start()]).lstrip("#").strip()
    t = re.sub(r"^\[\d+\]\s*", "", t)
    return m.group("id"), t[1:] if t.startswith("[") else t
for f in sorted(root.glob("digests/*/*")):
    if f.suffix == ".ids": continue
    ids = [l.strip() for l in open(str(f) + ".ids", encoding="utf-8") if l.strip()]
    got = {}
    if f.suffix == ".jsonl":
        for line in open(f, encoding="utf-8"):
            if line.strip():
                try:
                    r = json.loads(line)
                except ValueError:
                    print(f"  {f.name}: a line that is not JSON skipped"); continue
                got[r["id"].split("v")[0] if re.match(r"\d{4}\.\d+v\d+$", r["id"]) else r["id"]] = (r["title"], r["summary"])
    else:
        lines = f.read_text(encoding="utf-8").split("\n"); cur = None; buf = []
        def flush():
            if cur:
                text = "\n".join(buf); m = re.search(r"(?:^|\n)\**Abstract\**:?\**\s*(.*?)(?:\n\s*</details>|\n#{1,6} |\Z)", text, re.S)
                got[cur[0]] = (cur[1], m.group(1).strip() if m else None)
        for l in lines:
            h = head(l)
            if h:
                flush(); cur = h; buf = []
            elif cur: buf.append(l)
        flush()
    miss = [i for i in ids if i not in got or not got[i][1]]
    print(f"{f.relative_to(root)}: ids {len(ids)}, parsed {len(got)}, missing/abstractless {miss}")
    for i in ids:
        if i in got and got[i][1]: out.append(f"=== {i}\nTITLE: {' '.join(got[i][0].split())}\nABSTRACT: {' '.join(got[i][1].split())}\n")
(root / "papers.txt").write_text("\n".join(out), encoding="utf-8")
(root / "ids.txt").write_text("".join(o.split("\n")[0][4:] + "\n" for o in out), encoding="utf-8")
print("papers", len(out))

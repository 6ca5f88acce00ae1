"""Merge two independent annotations (A, B) of a blind set.
Both required -> required (aliases united); required in one and optional/alias-of-optional in the other -> optional;
required in one only -> listed in disagreements.jsonl for adjudication (decisions.jsonl: {"id","canonical","decision": "required"|"optional"|"drop"}).
Prints agreement F1 (B scored against A, required only)."""
import json, re, sys, unicodedata, os
def norm(s):
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"[\s\-_/]+", " ", s).strip()
    return re.sub(r"(?<=[a-z]{3})s$", "", s)
d = sys.argv[1]
def load(p): return {g["id"]: g for g in map(json.loads, filter(str.strip, open(p, encoding="utf-8")))}
A, B = load(f"{d}/gold-A.jsonl"), load(f"{d}/gold-B.jsonl")
assert A.keys() == B.keys(), (len(A), len(B))
dec = {}
if os.path.exists(f"{d}/decisions.jsonl"):
    for x in map(json.loads, filter(str.strip, open(f"{d}/decisions.jsonl", encoding="utf-8"))):
        dec[(x["id"], norm(x["canonical"]))] = x["decision"]
tp = fa = fb = 0; out = []; dis = []; undecided = 0
for pid in sorted(A):
    a, b = A[pid], B[pid]
    S = lambda m: {norm(m["canonical"]), *map(norm, m.get("aliases", []))}
    optA = {norm(x) for x in a.get("optional", [])}; optB = {norm(x) for x in b.get("optional", [])}
    used = set(); req = []; opt = set(a.get("optional", [])) | set(b.get("optional", []))
    for ma in a["methods"]:
        j = next((j for j, mb in enumerate(b["methods"]) if j not in used and S(ma) & S(mb)), None)
        if j is not None:
            used.add(j); tp += 1; mb = b["methods"][j]
            req.append({"canonical": ma["canonical"], "aliases": sorted(set(ma.get("aliases", [])) | set(mb.get("aliases", [])) | ({mb["canonical"]} - {ma["canonical"]})), "proposed": bool(ma.get("proposed") or mb.get("proposed"))})
        else:
            fa += 1
            if S(ma) & optB: opt |= {ma["canonical"], *ma.get("aliases", [])}
            else: dis.append((pid, "A", ma))
    for j, mb in enumerate(b["methods"]):
        if j in used: continue
        fb += 1
        if S(mb) & optA: opt |= {mb["canonical"], *mb.get("aliases", [])}
        else: dis.append((pid, "B", mb))
    for p2, who, m in [x for x in dis if x[0] == pid]:
        k = dec.get((pid, norm(m["canonical"])))
        if k == "required": req.append(m)
        elif k == "optional": opt |= {m["canonical"], *m.get("aliases", [])}
        elif k is None: undecided += 1; opt |= {m["canonical"], *m.get("aliases", [])}
    out.append({"id": pid, "methods": req, "optional": sorted(opt)})
P = tp / (tp + fb) if tp + fb else 0; R = tp / (tp + fa) if tp + fa else 0
print(f"{d}: agreement F1 {2*P*R/(P+R):.3f} (both {tp}, A only {fa}, B only {fb}); disagreements {len(dis)}, undecided {undecided}")
with open(f"{d}/disagreements.jsonl", "w", encoding="utf-8") as f:
    for pid, who, m in dis: f.write(json.dumps({"id": pid, "by": who, "method": m}, ensure_ascii=False) + "\n")
with open(f"{d}/gold.jsonl", "w", encoding="utf-8") as f:
    for g in out: f.write(json.dumps(g, ensure_ascii=False) + "\n")
print("required", sum(len(g["methods"]) for g in out), "proposed", sum(m.get("proposed", False) for g in out for m in g["methods"]))

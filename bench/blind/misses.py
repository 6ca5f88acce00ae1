"""List each gold method a prediction misses and each false positive: python bench/blind/misses.py GOLD PRED"""
import json,sys,re,unicodedata
sys.argv=[sys.argv[0]]+sys.argv[1:]
def norm(s):
    s = unicodedata.normalize("NFKC", str(s)).casefold(); s = re.sub(r"[\s\-_/]+", " ", s).strip(); return re.sub(r"(?<=[a-z]{3})s$", "", s)
def strings(m):
    out=set()
    for k in ("name","key","surface","canonical"):
        v=m.get(k)
        if isinstance(v,str): out.add(norm(v))
        elif isinstance(v,list): out|={norm(x) for x in v}
    for v in m.get("aliases",[]) or []: out.add(norm(v))
    return out
gold={g["id"]:g for g in map(json.loads,open(sys.argv[1]))}
pred={p["id"]:p for p in map(json.loads,open(sys.argv[2]))}
for pid,g in gold.items():
    ps=[strings(m) for m in pred.get(pid,{}).get("methods",[])]
    opt={norm(x) for x in g.get("optional",[])}
    for m in g["methods"]:
        S={norm(m["canonical"]),*map(norm,m.get("aliases",[]))}
        if not any(S&p for p in ps): print("MISS",pid,"P" if m.get("proposed") else "-",m["canonical"],"|",m.get("aliases",[])[:4])
    for m,s in zip(pred.get(pid,{}).get("methods",[]),ps):
        if not any(s&{norm(m2["canonical"]),*map(norm,m2.get("aliases",[]))} for m2 in g["methods"]) and not s&opt:
            print("FP  ",pid,m.get("name"),m.get("surface"))

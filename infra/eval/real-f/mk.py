import json,sys
KEYS=["title","category","start_date","end_date","start_time","end_time","grades","activities","action_required","location","recurrence"]
def write(name, school, issued, tz, grades, items):
    out={"source":name+".pdf","school":school,"issued_on":issued,"timezone":tz,"grades_offered":grades,"activities_catalog":[],"items":[]}
    for it in items:
        t,c,sd,ed,st,et,g,act,loc,rr=(list(it)+[None]*10)[:10]
        out["items"].append(dict(zip(KEYS,[t,c,sd,ed,st,et,g if g is not None else "all",[],bool(act),loc,rr])))
    open(f"/work/realF/{name}.labels.json","w").write(json.dumps(out,indent=2,ensure_ascii=False)+"\n")
    print(name,len(items))

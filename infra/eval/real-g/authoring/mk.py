#!/usr/bin/env python3
"""Write NAME.labels.json from a compact spec (used to author the labels; not needed to use them)."""
import json, sys, pathlib
HERE = pathlib.Path(__file__).resolve().parent.parent
def item(title, cat, sd, ed=None, st=None, et=None, grades="all", acts=(), action=False, loc=None, rr=None):
    return {"title": title, "category": cat, "start_date": sd, "end_date": ed, "start_time": st, "end_time": et,
            "grades": grades, "activities": list(acts), "action_required": action, "location": loc, "recurrence": rr}
def write(name, school, issued, tz, grades_offered, items, catalog=()):
    d = {"source": f"{name}.pdf", "school": school, "issued_on": issued, "timezone": tz,
         "grades_offered": grades_offered, "activities_catalog": list(catalog), "items": items}
    (HERE / f"{name}.labels.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(name, len(items), "items")

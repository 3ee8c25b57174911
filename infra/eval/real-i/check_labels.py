#!/usr/bin/env python3
"""Check every NAME.labels.json in this folder against the label schema, and check that the
weekday names written in text/NAME.txt agree with the dates they go with.

Usage: python3 check_labels.py     (standard library only; exits 1 on any error)

Checks per labels file: key order; categories; ISO dates that exist; start_date on or after
issued_on and within a year of it; end_date after start_date; HH:MM times; end_time after
start_time; grades "all" or a sorted list within grades_offered; activities within the catalog;
boolean action_required; RRULE BYDAY containing the start date's weekday (and UNTIL's).
Per text: every "Weekday + date" mention (English "Wednesday, November 9", "Thurs. April 11",
"Fri, Oct 21st", "Thursday, 8/24"; day-first "26 January (Sat)"; Spanish "Miércoles 9 de
noviembre"; Chinese "1月28日(星期一)", "19/2(二)") is resolved to the year nearest issued_on
and its weekday compared (a mention that opens a range, "... October 16 through 18", is
skipped). Known errors in the sources are listed in KNOWN and reported as notes.
"""
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KEYS = ["title", "category", "start_date", "end_date", "start_time", "end_time", "grades",
        "activities", "action_required", "location", "recurrence"]
TOP = ["source", "school", "issued_on", "timezone", "grades_offered", "activities_catalog", "items"]
CATS = {"event", "deadline", "closure", "meeting", "fundraiser", "volunteer", "announcement"}
RR_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Weekday errors that are in the source text itself (the label uses the numeric date).
KNOWN = {}  # no source weekday errors in this set

EN_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
EN_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                          "sep", "oct", "nov", "dec"], 1)}
ES_DAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
           "sábado": 5, "sabado": 5, "domingo": 6}
ES_MONTHS = {m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                          "agosto", "septiembre", "octubre", "noviembre", "diciembre"], 1)}
ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6}
WD = r"(Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
MON = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
PATTERNS = [
    ("en", re.compile(rf"\b{WD}\s+{MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I), lambda g: (g[0], g[1], g[2])),
    ("en", re.compile(rf"\b{WD}\s+(\d{{1,2}})/(\d{{1,2}})\b", re.I), lambda g: (g[0], int(g[1]), g[2])),
    ("en", re.compile(rf"\b(\d{{1,2}})\s+{MON}\s*\({WD}\)", re.I), lambda g: (g[2], g[1], g[0])),
    ("es", re.compile(r"\b(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(\d{1,2})"
                      r"(?:\s+y\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+\d{1,2})?"
                      r"\s+de\s+(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
                      re.I), lambda g: (g[0], g[2], g[1])),
    ("es2", re.compile(r"\by\s+(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(\d{1,2})\s+de\s+"
                       r"(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
                       re.I), lambda g: (g[0], g[2], g[1])),
    ("zh", re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*\(星期([一二三四五六日])\)"), lambda g: (g[2], int(g[0]), g[1])),
    ("zh", re.compile(r"(\d{1,2})/(\d{1,2})\(([一二三四五六日])\)"), lambda g: (g[2], int(g[1]), g[0])),
]

PATTERNS_WD_FIRST = {PATTERNS[0][1], PATTERNS[1][1]}

errors, notes = [], []


def err(*a):
    errors.append(" ".join(str(x) for x in a))


def resolve(month, day, issued):
    """The date with this month/day nearest to the issue date (past mentions allowed)."""
    best = None
    for y in (issued.year - 1, issued.year, issued.year + 1):
        try:
            d = datetime.date(y, month, day)
        except ValueError:
            continue
        delta = (d - issued).days
        if -200 <= delta <= 340 and (best is None or abs(delta) < abs((best - issued).days)):
            best = d
    return best


def weekday_of(lang, name):
    if lang == "zh":
        return ZH_DAYS[name]
    if lang.startswith("es"):
        return ES_DAYS[name.lower()]
    return EN_DAYS[name.lower()[:3]]


def month_of(lang, m):
    if isinstance(m, int):
        return m
    return ES_MONTHS[m.lower()] if lang.startswith("es") else EN_MONTHS[m.lower()[:3]]


def check_text(name, issued):
    text = re.sub(r"\s+", " ", (HERE / "text" / f"{name}.txt").read_text(encoding="utf-8"))
    n = 0
    for lang, rx, pick in PATTERNS:
        for m in rx.finditer(text):
            if rx in PATTERNS_WD_FIRST and re.match(r"\s*(through|thru|to|-|–)\s*\d{1,2}(?![\w/])", text[m.end():]):
                continue  # "Monday, Tuesday, and Wednesday, October 16 through 18": a range
            wd, mo, dd = pick(m.groups())
            d = resolve(month_of(lang, mo), int(dd), issued)
            if d is None:
                err(name, "cannot resolve", repr(m.group(0)))
                continue
            n += 1
            if d.weekday() != weekday_of(lang, wd):
                key = (name, m.group(0).strip(" ,"))
                if key in KNOWN:
                    notes.append(f"{name}: source weekday error {m.group(0)!r} ({KNOWN[key]})")
                else:
                    err(name, "weekday mismatch in text:", repr(m.group(0)), d.isoformat(), d.strftime("%A"))
    return n


def is_date(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def check_labels(path):
    name = path.name[: -len(".labels.json")]
    L = json.loads(path.read_text(encoding="utf-8"))
    if list(L) != TOP:
        err(name, "top-level keys", list(L))
        return 0, 0
    if L["source"] != f"{name}.pdf" or not (HERE / L["source"]).exists():
        err(name, "source", L["source"])
    issued = is_date(L["issued_on"])
    if not issued:
        err(name, "issued_on", L["issued_on"])
        return 0, 0
    go = L["grades_offered"]
    if go != sorted(set(go)) or not all(isinstance(g, int) and -1 <= g <= 12 for g in go):
        err(name, "grades_offered", go)
    for it in L["items"]:
        t = it.get("title")
        if list(it) != KEYS:
            err(name, "item keys", t, list(it))
            continue
        if not isinstance(t, str) or not t.strip():
            err(name, "title", t)
        if it["category"] not in CATS:
            err(name, "category", t, it["category"])
        sd, ed = it["start_date"], it["end_date"]
        if sd is not None:
            d = is_date(sd)
            if not d:
                err(name, "start_date", t, sd)
            elif not (issued <= d <= issued + datetime.timedelta(days=366)):
                err(name, "start_date outside [issued_on, +1 year]", t, sd)
        if ed is not None:
            e = is_date(ed)
            if not e or not sd or not is_date(sd) or e <= is_date(sd):
                err(name, "end_date", t, sd, ed)
        for k in ("start_time", "end_time"):
            if it[k] is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", it[k]):
                err(name, k, t, it[k])
        if it["start_time"] and it["end_time"] and it["end_time"] <= it["start_time"]:
            err(name, "end_time not after start_time", t)
        if it["end_time"] and not it["start_time"]:
            err(name, "end_time without start_time", t)
        g = it["grades"]
        if g != "all" and (not isinstance(g, list) or not g or g != sorted(set(g)) or not set(g) <= set(go)):
            err(name, "grades", t, g)
        if not isinstance(it["activities"], list) or not set(it["activities"]) <= set(L["activities_catalog"]):
            err(name, "activities", t, it["activities"])
        if not isinstance(it["action_required"], bool):
            err(name, "action_required", t)
        if it["location"] is not None and not isinstance(it["location"], str):
            err(name, "location", t)
        r = it["recurrence"]
        if r is not None:
            try:
                parts = dict(p.split("=") for p in r.split(";"))
            except ValueError:
                err(name, "recurrence", t, r)
                continue
            byday = parts.get("BYDAY", "").split(",")
            if not sd or ed is not None:
                err(name, "recurring item needs start_date and no end_date", t)
            elif RR_DAYS[is_date(sd).weekday()] not in byday:
                err(name, "rrule start weekday", t, sd, r)
            if "UNTIL" in parts:
                u = datetime.datetime.strptime(parts["UNTIL"], "%Y%m%d").date()
                if RR_DAYS[u.weekday()] not in byday or u < is_date(sd):
                    err(name, "rrule UNTIL", t, r)
    n = check_text(name, issued)
    return len(L["items"]), n


if __name__ == "__main__":
    total = 0
    for p in sorted(HERE.glob("*.labels.json")):
        k, n = check_labels(p)
        total += k
        print(f"{p.name}: {k} items, {n} weekday+date mentions in the text checked")
    for x in notes:
        print("note:", x)
    for x in errors:
        print("ERROR:", x)
    print(f"{total} items in all; {len(errors)} error(s)")
    sys.exit(1 if errors else 0)

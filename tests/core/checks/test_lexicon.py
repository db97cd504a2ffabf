"""The name check's word lists: the tagger's table, shared, read without extra copies."""

from __future__ import annotations

from pathlib import Path

from reader.core.bundled import resource_path
from reader.core.checks import lexicon
from reader.core.entities.crf import CrfTagger, read_table, shared_table

NAMES = resource_path("ner", "de_reader_crf", "names.tsv")


def _sets_as_before() -> tuple[set[str], set[str]]:
    """The common nouns and names as the lists were built before they were shared."""
    nouns, names = set(), set()
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        word, _, codes = line.partition("\t")
        place_or_org = any(code in codes for code in "CTWlo")
        if "N" in codes and not place_or_org:
            nouns.add(word)
        elif ("N" not in codes and any(code in codes for code in "CTWEFlopSV")) or (
            codes == "P" and not word.lower().endswith(lexicon._GERMAN_ENDINGS)
        ):
            names.add(word)
    return nouns, names


def test_predicates_agree_with_the_sets_for_every_listed_word() -> None:
    nouns, names = _sets_as_before()
    assert len(nouns) > 100_000 and len(names) > 100_000
    for word in shared_table(NAMES):
        assert lexicon.common_noun(word) == (word in nouns), word
        assert lexicon.listed_name(word) == (word in names), word
    assert lexicon.common_noun("Bild") and not lexicon.listed_name("Bild")
    assert lexicon.listed_name("Palermo") and not lexicon.common_noun("Palermo")
    assert not lexicon.common_noun("Xqzzyworp") and not lexicon.listed_name("Xqzzyworp")


def test_the_tagger_and_the_check_share_one_table() -> None:
    tagger = CrfTagger(NAMES.parent)
    assert tagger.names is lexicon._lexicon()
    assert shared_table(NAMES) is shared_table(NAMES.parent / ".." / NAMES.parent.name / NAMES.name)


def test_read_table_keeps_one_string_per_value(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("Bild\tN" + "P\nKoch\tNP\nRom\tC\n\nbroken\n", encoding="utf-8")
    table = read_table(path)
    assert table == {"Bild": "NP", "Koch": "NP", "Rom": "C"}
    assert table["Bild"] is table["Koch"]

"""Word lookup: lemma, noun gender and plural, compound parts, Ding entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.words.compounds import split_compound
from reader.core.words.dictionary import Dictionary, headword
from reader.core.words.lookup import WordLookup, common_words
from reader.core.words.nouns import Noun, NounTable, shipped_nouns

DING = """\
# Version :: 1.9 test
Haus {n}; Häuser {pl} | Häuschen {n} :: house; houses | small house
Drucker {m}; Drucker {pl} :: printer; printers
Tintenstrahldrucker {m} [comp.] :: inkjet printer
gehen {vi} | ging :: to go | went
"""


@pytest.fixture(scope="module")
def nouns() -> NounTable:
    return shipped_nouns()


@pytest.fixture(scope="module")
def common() -> frozenset[str]:
    return common_words()


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Tintenstrahldrucker", ("Tinte", "Strahl", "Drucker")),
        ("Verkehrsunfall", ("Verkehr", "Unfall")),  # linking s
        ("Bundesregierung", ("Bund", "Regierung")),  # linking es, not Bun·des
        ("Schulbuch", ("Schule", "Buch")),  # dropped e
        ("Wirtschaftsminister", ("Wirtschaft", "Minister")),  # not Mini·Ster
        ("Gesellschaft", ()),  # -schaft is a suffix here
        ("Haus", ()),
        ("Regierung", ()),
        ("Krankenhaus", ()),  # no reading with sound parts: nothing beats a wrong one
    ],
)
def test_compound_parts(nouns: NounTable, common: frozenset[str], word: str, parts) -> None:
    assert split_compound(word, nouns, common) == parts


def test_short_parts_need_a_common_word() -> None:
    table = NounTable([Noun("Ster", ("m",), "Ster"), Noun("Mini", ("m",), "Minis")])
    assert split_compound("Minister", table, common=set()) == ()
    assert split_compound("Minister", table, common={"Mini", "Ster"}) == ("Mini", "Ster")


def test_noun_table_reads_genders_and_plural(tmp_path: Path) -> None:
    path = tmp_path / "nouns.tsv"
    path.write_text("Haus\tn\tHäuser\nSee\tm,f\tSeen\nbroken line\n", encoding="utf-8")
    table = NounTable.load(path)
    assert len(table) == 2
    assert table.get("See") == Noun("See", ("m", "f"), "Seen")
    assert table.get("See").articles == ("der", "die")  # type: ignore[union-attr]
    assert table.by_plural("Häuser") == Noun("Haus", ("n",), "Häuser")
    assert table.get("haus") is not None  # any case
    assert table.get("Baum") is None


def test_the_shipped_noun_table_holds_nothing_for_the_garbage_collector() -> None:
    """Loading it must not add ~100,000 tracked objects: the collector's full passes over
    them hold the GIL and stalled the window while the table was read."""
    import gc

    from reader.core.bundled import resource_path

    gc.collect()
    before = len(gc.get_objects())
    table = NounTable.load(resource_path("words", "nouns.tsv"))
    gc.collect()
    assert len(table) > 50_000
    assert len(gc.get_objects()) - before < 100
    assert table.get("Drucker") == Noun("Drucker", ("m",), "Drucker")


def test_ding_entries_by_headword(tmp_path: Path) -> None:
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    ding = Dictionary.load(path)
    (entry,) = ding.look_up("Häuschen")
    assert (entry.german, entry.english) == ("Häuschen {n}", "small house")
    assert [e.english for e in ding.look_up("Haus")] == ["house; houses"]
    assert [e.english for e in ding.look_up("Nichts", "Drucker")] == ["printer; printers"]
    assert ding.look_up("Baum") == ()
    assert headword("Tintenstrahldrucker {m} [comp.]") == "Tintenstrahldrucker"


def test_missing_dictionary_is_none(tmp_path: Path) -> None:
    assert Dictionary.installed(tmp_path / "absent") is None


def test_look_up_a_noun_form(tmp_path: Path) -> None:
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    info = WordLookup(dictionary_path=path).look_up("Tintenstrahldruckern")
    assert info.word == "Tintenstrahldruckern"
    assert info.lemma == "Tintenstrahldrucker"
    assert info.noun is not None and info.noun.genders == ("m",)
    assert info.parts == ("Tinte", "Strahl", "Drucker")
    assert [e.english for e in info.entries] == ["inkjet printer"]
    assert info.glossable == ("Tintenstrahldrucker", "Tinte", "Strahl", "Drucker")


def test_look_up_a_plural_and_a_verb() -> None:
    lookup = WordLookup(dictionary_path=None)
    houses = lookup.look_up("Häuser")
    assert (houses.lemma, houses.noun and houses.noun.plural) == ("Haus", "Häuser")
    went = lookup.look_up("ging")
    assert (went.lemma, went.noun, went.parts, went.entries) == ("gehen", None, (), ())
    assert not lookup.has_dictionary


def test_sentence_initial_article_is_no_noun() -> None:
    info = WordLookup(dictionary_path=None).look_up("Die")
    assert info.noun is None
    assert info.lemma == "der"


def test_hyphenated_compound_takes_its_head_from_the_last_segment() -> None:
    info = WordLookup(dictionary_path=None).look_up("Standard-Tintenstrahldruckern")
    assert info.lemma == "Standard-Tintenstrahldrucker"
    assert info.noun is not None
    assert (info.noun.genders, info.noun.plural) == (("m",), "Standard-Tintenstrahldrucker")
    assert info.parts == ("Standard", "Tinte", "Strahl", "Drucker")
    assert WordLookup(dictionary_path=None).look_up("US-Cent").parts == ("US", "Cent")

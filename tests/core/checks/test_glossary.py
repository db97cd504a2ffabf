"""The glossary: CSV in and out, and the check of each term."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.checks.glossary import (
    GlossaryError,
    Term,
    check_glossary,
    load_glossary,
    save_glossary,
    with_term,
    without_term,
)
from reader.core.checks.model import CheckKind
from reader.core.checks.pairs import check_pair

TERMS = [Term("Vertrag", "treaty"), Term("Bundestag", "Bundestag")]


def test_a_term_the_english_does_not_use_is_flagged() -> None:
    (finding,) = check_glossary("Der Vertrages wegen", "Because of the contract", TERMS)
    assert (finding.kind, finding.de, finding.expected, finding.found) == (
        CheckKind.GLOSSARY,
        "Vertrages",
        "treaty",
        None,
    )


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der Vertrag gilt.", "The Treaty applies."),  # case
        ("Beide Verträge gelten.", "Both contracts apply."),  # umlaut plural: list it apart
        ("Der Vertrag und ein Vertrag", "the treaty and the treaties"),  # English plural
        ("Ein Vertragsbruch", "A breach"),  # a compound is another term
    ],
)
def test_terms_that_are_kept_or_not_used_pass(german: str, english: str) -> None:
    assert check_glossary(german, english, TERMS) == []


def test_check_pair_includes_the_glossary() -> None:
    findings = check_pair("Der Bundestag stimmte zu.", "Parliament agreed.", glossary=TERMS)
    assert [(f.kind.value, f.de) for f in findings] == [("glossary", "Bundestag")]


def test_csv_round_trip_and_edits(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    assert load_glossary(path) == []  # none yet
    save_glossary(path, TERMS)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "german,english"
    assert load_glossary(path) == sorted(TERMS, key=lambda t: t.german)
    changed = with_term(load_glossary(path), Term("Vertrag", "contract"))
    assert sorted((t.german, t.english) for t in changed) == [
        ("Bundestag", "Bundestag"),
        ("Vertrag", "contract"),
    ]
    assert without_term(changed, "Vertrag") == [Term("Bundestag", "Bundestag")]


def test_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("german,english\nVertrag,treaty\nnur eine Spalte\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path)
    assert raised.value.line == 3

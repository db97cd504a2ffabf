"""Hard-wrap removal, hyphenation rejoining and offset maps."""

from __future__ import annotations

import pytest

from reader.core.document.unwrap import normalize_inline, normalize_newlines, split_paragraphs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Der Ver-\nkehr ist dicht.", "Der Verkehr ist dicht."),
        ("Der Ver-  \n   kehr", "Der Verkehr"),
        ("Der US-\nDollar steigt.", "Der US-Dollar steigt."),
        ("US-\namerikanische Firmen", "US-amerikanische Firmen"),
        ("eine 3-\nfache Menge", "eine 3-fache Menge"),
        ("Covid-\n19", "Covid-19"),
        ("eine E-\nMail", "eine E-Mail"),
        ("Vor-\nund Nachteile", "Vor- und Nachteile"),
        ("Ein- bzw.\nAusgang", "Ein- bzw. Ausgang"),
        ("Ein-\nbzw. Ausgang", "Ein- bzw. Ausgang"),
        ("x-\nbeliebig", "x-beliebig"),
        ("gut -\nsehr gut", "gut - sehr gut"),
        ("Ver-\n\nkehr", "Ver- kehr"),  # a blank line is a paragraph break, not a wrap
        ("Ver\u00adkehr", "Verkehr"),
    ],
)
def test_hyphenation(raw: str, expected: str) -> None:
    assert normalize_inline(raw)[0] == expected


def test_whitespace_collapses_and_ends_are_stripped() -> None:
    text, _ = normalize_inline("  \t Eins\n zwei\t\tdrei \r\n ")
    assert text == "Eins zwei drei"


def test_non_breaking_space_stays() -> None:
    assert normalize_inline("5\u00a0km  weit")[0] == "5\u00a0km weit"


def test_control_characters_vanish_without_adding_spaces() -> None:
    assert normalize_inline("a\x01b \x02 c\ufeffd")[0] == "ab cd"


def test_offset_map_keeps_spans_on_the_same_characters() -> None:
    raw = "  Der   Ver-\nkehr  in\n\tBerlin ist dicht. "
    text, offsets = normalize_inline(raw)
    assert text == "Der Verkehr in Berlin ist dicht."
    for word in ("Der", "in", "Berlin", "dicht"):
        start = raw.index(word)
        mapped = text[offsets.map(start) : offsets.map(start + len(word))]
        assert mapped == word
    start = raw.index("Ver")
    end = raw.index("kehr") + 4
    assert text[offsets.map(start) : offsets.map(end)] == "Verkehr"
    assert offsets.map(len(raw)) == len(text)


def test_unchanged_text_has_identity_map() -> None:
    text, offsets = normalize_inline("Schon normal.")
    assert text == "Schon normal."
    assert offsets.map(5) == 5


def test_mixed_line_endings() -> None:
    assert normalize_newlines("a\r\nb\rc\nd\u2028e") == "a\nb\nc\nd\ne"


def test_split_paragraphs_on_blank_lines_only() -> None:
    text = (
        "Der erste Absatz ist hart\r\numbrochen und hat Ver-\rkehr.\r\n \t\r\n"
        "Zweiter\nAbsatz.\n\n\n"
    )
    assert split_paragraphs(text) == [
        "Der erste Absatz ist hart umbrochen und hat Verkehr.",
        "Zweiter Absatz.",
    ]


def test_split_paragraphs_of_whitespace_is_empty() -> None:
    assert split_paragraphs(" \n\t\n\r\n ") == []


def test_one_megabyte_line() -> None:
    raw = "Wort " * 200_000
    text, _ = normalize_inline(raw)
    assert len(text) == len(raw) - 1


def test_short_headline_line_stands_alone() -> None:
    text = (
        "Obama empfängt Netanyahu\n"
        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.\n"
        "Die beiden wollten über die Umsetzung der internationalen Vereinbarung sprechen.\n"
    )
    assert split_paragraphs(text) == [
        "Obama empfängt Netanyahu",
        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich. "
        "Die beiden wollten über die Umsetzung der internationalen Vereinbarung sprechen.",
    ]


def test_hard_wrapped_paragraph_stays_one_even_across_sentence_ends() -> None:
    text = (
        "Am Montag haben die Wissenschaftler der Stanford University School of\n"
        "Medicine die Erfindung eines neuen Diagnosetools bekanntgegeben. Der\n"
        "winzige Chip kann mit einem Tintenstrahldrucker hergestellt werden. Er\n"
        "kostet etwa einen US-Cent.\n"
    )
    [paragraph] = split_paragraphs(text)
    assert paragraph.endswith("kostet etwa einen US-Cent.")
    assert "School of Medicine" in paragraph


def test_short_line_continues_when_next_line_starts_lower_case() -> None:
    text = "Ein sehr langer Satz, der am Ende eines Zeilenumbruchs steht und\nweiter geht.\n"
    assert split_paragraphs(text) == [
        "Ein sehr langer Satz, der am Ende eines Zeilenumbruchs steht und weiter geht."
    ]

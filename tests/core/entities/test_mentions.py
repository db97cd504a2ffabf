"""Unmarked mentions of a name the document marks elsewhere."""

from __future__ import annotations

from reader.core.entities.mentions import add_missed_mentions
from reader.core.entities.rules import RawSpan


def _span(text: str, surface: str, label: str, nth: int = 0) -> RawSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return RawSpan(start, start + len(surface), label)


def _found(texts: list[str], result: list[list[RawSpan]]) -> list[tuple[int, str, str]]:
    return [(i, texts[i][s.start : s.end], s.label) for i, row in enumerate(result) for s in row]


def test_a_name_marked_elsewhere_is_marked_where_the_tagger_missed_it() -> None:
    texts = [
        "Obama empfängt Netanyahu.",
        "Netanyahu sprach lange.",
        "Im März hatte Netanyahu eine Rede gehalten.",
    ]
    spans = [
        [_span(texts[0], "Obama", "PER"), _span(texts[0], "Netanyahu", "PER")],
        [_span(texts[1], "Netanyahu", "PER")],
        [],
    ]
    result = add_missed_mentions(texts, spans, {})
    assert (2, "Netanyahu", "PER") in _found(texts, result)
    assert len(result[2]) == 1


def test_a_surname_after_its_full_name_is_the_person() -> None:
    texts = ["Professor Shannon Lamb rief an.", "Lamb war es wichtig, das zu sagen."]
    spans = [[_span(texts[0], "Shannon Lamb", "PER")], []]
    result = add_missed_mentions(texts, spans, {})
    assert _found(texts, result) == [(0, "Shannon Lamb", "PER"), (1, "Lamb", "PER")]


def test_a_word_marked_once_among_many_plain_uses_does_not_spread() -> None:
    texts = ["Bild berichtet.", "Das Bild hängt.", "Ein Bild fiel.", "Kein Bild da."]
    spans = [[_span(texts[0], "Bild", "ORG")], [], [], []]
    assert add_missed_mentions(texts, spans, {}) == spans


def test_ordinary_nouns_short_words_and_compounds_are_left_alone() -> None:
    texts = ["Donner grollte.", "Der Donner kam.", "EU tagt.", "Die EU zahlt.", "Obama-Regierung"]
    spans = [[_span(texts[0], "Donner", "PER")], [], [_span(texts[2], "EU", "ORG")], [], []]
    spans[4] = []
    texts.append("Obama sprach.")
    spans.append([_span(texts[5], "Obama", "PER")])
    result = add_missed_mentions(texts, spans, {"Donner": "NS"})
    assert result == spans  # "Donner" a listed noun, "EU" too short, "Obama-" a compound


def test_added_mentions_never_overlap_what_is_marked() -> None:
    texts = ["Merkel kam.", "Angela Merkel und Merkel."]
    spans = [[_span(texts[0], "Merkel", "PER")], [_span(texts[1], "Angela Merkel", "PER")]]
    result = add_missed_mentions(texts, spans, {})
    assert _found(texts, result) == [
        (0, "Merkel", "PER"),
        (1, "Angela Merkel", "PER"),
        (1, "Merkel", "PER"),
    ]
    assert result[1][1].start == texts[1].rindex("Merkel")


def test_a_mention_followed_by_a_capitalised_word_is_part_of_a_longer_name() -> None:
    texts = [
        "Packard wuchs.",
        "Packard sank.",
        "Hewlett Packard Enterprise fiel.",
        "Packard, sagte er.",
    ]
    spans = [[_span(texts[0], "Packard", "PER")], [_span(texts[1], "Packard", "PER")], [], []]
    result = add_missed_mentions(texts, spans, {})
    assert result[2] == []  # "Packard Enterprise": where the name ends is not known here
    assert _found(texts, result)[-1] == (3, "Packard", "PER")  # a comma ends the name

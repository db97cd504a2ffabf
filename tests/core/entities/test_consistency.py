"""Document-level label consistency: confidence-weighted votes, titles, full names."""

from __future__ import annotations

from reader.core.entities.consistency import ScoredSpan, harmonize_labels
from reader.core.entities.rules import RawSpan


def _span(text: str, surface: str, label: str, confidence: float = 1.0) -> ScoredSpan:
    start = text.index(surface)
    return ScoredSpan(start, start + len(surface), label, confidence)


def _labels(texts: list[str], result: list[list[RawSpan]]) -> list[tuple[str, str]]:
    return [
        (t[s.start : s.end], s.label) for t, spans in zip(texts, result, strict=True) for s in spans
    ]


def test_a_title_makes_every_mention_a_person():
    texts = [
        "Der Besuch des iranischen Präsidenten Ruhani endete.",
        "Ruhani sagte nichts.",
        "Danach reiste Ruhani ab.",
    ]
    spans = [
        [_span(texts[0], "Ruhani", "PER", 0.6)],
        [_span(texts[1], "Ruhani", "LOC", 0.7)],
        [_span(texts[2], "Ruhani", "LOC", 0.8)],
    ]
    result = harmonize_labels(texts, spans)
    assert _labels(texts, result) == [("Ruhani", "PER")] * 3


def test_votes_are_weighted_by_the_taggers_confidence():
    texts = ["Proteste in Mansura.", "Mansura blieb ruhig.", "Aus Mansura kam nichts."]
    spans = [
        [_span(texts[0], "Mansura", "LOC", 0.95)],
        [_span(texts[1], "Mansura", "PER", 0.4)],
        [_span(texts[2], "Mansura", "PER", 0.35)],
    ]
    # Two unsure person votes lose to one sure place vote.
    assert _labels(texts, harmonize_labels(texts, spans)) == [("Mansura", "LOC")] * 3


def test_a_later_full_name_labels_its_earlier_short_forms_and_genitives():
    texts = ["Ruhani kam spät.", "Ruhanis Rede war kurz.", "Hassan Ruhani schwieg."]
    spans = [
        [_span(texts[0], "Ruhani", "LOC", 0.9)],
        [_span(texts[1], "Ruhanis", "ORG", 0.9)],
        [_span(texts[2], "Hassan Ruhani", "PER", 0.99)],
    ]
    assert _labels(texts, harmonize_labels(texts, spans)) == [
        ("Ruhani", "PER"),
        ("Ruhanis", "PER"),
        ("Hassan Ruhani", "PER"),
    ]


def test_a_short_form_two_full_names_share_keeps_its_own_vote():
    texts = ["Washington entschied.", "George Washington und Denzel Washington."]
    spans = [
        [_span(texts[0], "Washington", "LOC", 0.9)],
        [
            _span(texts[1], "George Washington", "PER"),
            _span(texts[1], "Denzel Washington", "PER"),
        ],
    ]
    assert _labels(texts, harmonize_labels(texts, spans))[0] == ("Washington", "LOC")


def test_spans_are_only_relabelled_never_moved_added_or_dropped():
    texts = ["Merkel traf Macron in Paris.", "", "Paris jubelte."]
    spans = [
        [
            _span(texts[0], "Merkel", "PER"),
            _span(texts[0], "Macron", "PER"),
            _span(texts[0], "Paris", "LOC"),
        ],
        [],
        [_span(texts[2], "Paris", "PER", 0.3)],
    ]
    result = harmonize_labels(texts, spans)
    assert [[(s.start, s.end) for s in row] for row in result] == [
        [(s.start, s.end) for s in row] for row in spans
    ]
    assert [s.label for s in result[2]] == ["LOC"]
    assert [s.label for s in result[0]] == ["PER", "PER", "LOC"]

"""Names the German says more often than the English: hand-made pairs."""

from __future__ import annotations

from reader.core.checks.names import check_names


def _names(german: str, *names: str) -> list[tuple[int, int, str]]:
    """Spans of ``names`` in ``german``, each at its next occurrence."""
    spans, at = [], 0
    for name in names:
        start = german.index(name, at)
        spans.append((start, start + len(name), "ORG"))
        at = start + len(name)
    return spans


def _flagged(german: str, english: str, entities: list[tuple[int, int, str]]) -> list[str]:
    return [finding.de for finding in check_names(german, english, entities)]


GERMAN = "Dazu zählen Air Canada, Delta Air Lines und Lufthansa für Flüge aus Kanada."
ENTITIES = _names(GERMAN, "Air Canada", "Delta Air Lines", "Lufthansa", "Kanada")


def test_a_name_said_less_often_in_the_english_is_flagged() -> None:
    english = "These include Delta Air Lines and Lufthansa for flights from Canada."
    assert _flagged(GERMAN, english, ENTITIES) == ["Air Canada"]
    # when every name is there as it is, the last one with the form is flagged
    german = "Teile Belgiens gehörten zu Luxemburg und wurden Teil Belgiens."
    entities = _names(german, "Belgiens", "Luxemburg", "Belgiens")
    english = "Parts of Belgium belonged to Luxembourg and joined the kingdom."
    assert [f.de_start for f in check_names(german, english, entities)] == [entities[-1][0]]


def test_a_name_said_as_often_is_not_flagged() -> None:
    english = "These include Air Canada, Delta Air Lines and Lufthansa for flights from Canada."
    assert _flagged(GERMAN, english, ENTITIES) == []


def test_a_repeated_name_in_one_sentence_and_a_word_made_from_it_count() -> None:
    german = "Nun zu Japan. Japan war ein Inselstaat."
    assert (
        _flagged(german, "Now for Japan. Japan was an island.", _names(german, "Japan", "Japan"))
        == []
    )
    german = "Teile Belgiens gehörten zu Luxemburg und wurden Teil Belgiens."
    entities = _names(german, "Belgiens", "Luxemburg", "Belgiens")
    english = "Parts of Belgium belonged to Luxembourg and became Belgian."
    assert _flagged(german, english, entities) == []
    # said once where the German says it twice, and no word made from it
    english = "Parts of Belgium belonged to Luxembourg and joined the kingdom."
    assert _flagged(german, english, entities) == ["Belgiens"]

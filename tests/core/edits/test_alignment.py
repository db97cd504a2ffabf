"""The reader's own English keeps the word links of the words they left as they were."""

from __future__ import annotations

from reader.core.document.model import AlignedSpan, Translation
from reader.core.edits.alignment import carry_alignment
from reader.core.edits.store import edited

GERMAN = "Der Hund schläft im Garten."
ENGLISH = "The dog sleeps in the garden."


def _links(english: str) -> tuple[AlignedSpan, ...]:
    # German word -> English word, as the model's alignment gives them
    pairs = [("Der", "The"), ("Hund", "dog"), ("schläft", "sleeps"), ("Garten", "garden")]
    links = []
    for german, word in pairs:
        start, target = GERMAN.index(german), english.index(word)
        links.append(AlignedSpan(start, start + len(german), target, target + len(word)))
    return tuple(links)


def _english_of(links: tuple[AlignedSpan, ...], text: str) -> dict[str, str]:
    return {
        GERMAN[a.source_start : a.source_end]: text[a.target_start : a.target_end] for a in links
    }


def test_unchanged_words_keep_their_links_where_they_moved() -> None:
    new = "My old dog sleeps in the garden."
    carried = carry_alignment(ENGLISH, _links(ENGLISH), new)
    # "The" was replaced; the others moved right by the inserted words
    assert _english_of(carried, new) == {"Hund": "dog", "schläft": "sleeps", "Garten": "garden"}


def test_a_changed_word_loses_its_link() -> None:
    new = "The dog naps in the garden."
    carried = carry_alignment(ENGLISH, _links(ENGLISH), new)
    assert _english_of(carried, new) == {"Der": "The", "Hund": "dog", "Garten": "garden"}


def test_a_word_must_still_be_whole() -> None:
    # "dog" is inside "dogma" now: no link to half a word
    new = "The dogma sleeps in the garden."
    carried = carry_alignment(ENGLISH, _links(ENGLISH), new)
    assert "Hund" not in _english_of(carried, new)


def test_nothing_to_carry() -> None:
    assert carry_alignment(ENGLISH, (), "Anything.") == ()
    assert carry_alignment(ENGLISH, _links(ENGLISH), "") == ()
    assert carry_alignment(ENGLISH, _links(ENGLISH), ENGLISH) == _links(ENGLISH)


def test_an_edited_translation_carries_the_links() -> None:
    translation = Translation(0, GERMAN, ENGLISH, -0.1, _links(ENGLISH))
    mine = edited(translation, {GERMAN: "The dog sleeps in the yard."})
    assert mine.text == "The dog sleeps in the yard."
    assert _english_of(mine.alignment, mine.text) == {
        "Der": "The",
        "Hund": "dog",
        "schläft": "sleeps",
    }
    assert edited(translation, {}) is translation

"""Aligned words: attention combined with lexical evidence; only confident links."""

from __future__ import annotations

from reader.core.document.model import AlignedSpan
from reader.core.packages.store import InstalledPackage
from reader.core.translation.alignment import word_spans
from reader.core.translation.session import TranslationSession
from reader.core.words.word_alignment import link_words


def attention(german: str, english: str, pairs: list[tuple[str, str]]) -> tuple[AlignedSpan, ...]:
    """AlignedSpans for (English word, German word) pairs, by first occurrence."""
    spans = []
    for english_word, german_word in pairs:
        g = german.index(german_word)
        e = english.index(english_word)
        spans.append(AlignedSpan(g, g + len(german_word), e, e + len(english_word)))
    return tuple(spans)


def as_words(german: str, english: str, links) -> set[tuple[str, str, str]]:
    return {
        (german[slice(*link.german)], english[slice(*link.english)], link.evidence)
        for link in links
    }


def test_the_copy_model_links_every_word_to_itself(tiny_package: InstalledPackage) -> None:
    sentence = "Die Stadt liegt am Rand der Stadt, sagte er 2014."
    with TranslationSession(tiny_package) as session:
        (result,) = session.translate([(0, sentence)], beam_size=1)
    assert result.text == sentence
    links = link_words(sentence, result.text, result.alignment)
    words = [span for span in word_spans(sentence) if sentence[span[0]].isalnum()]
    assert sorted(link.german for link in links) == words  # every word, "Stadt" twice too
    assert all(link.german == link.english for link in links)  # each to itself


def test_reordered_sentence_keeps_anchors_and_drops_what_contradicts_them() -> None:
    german = "Gestern hat Anna in Köln 2.500 Bücher gekauft."
    english = "Yesterday Anna bought 2,500 books in Cologne."
    noisy = attention(
        german,
        english,
        [
            ("Yesterday", "Gestern"),  # right, but nothing backs it: not shown
            ("Anna", "Anna"),
            ("bought", "Köln"),  # wrong, and Köln is anchored to Cologne: dropped
            ("2,500", "2.500"),
            ("books", "Bücher"),  # right, between the 2,500 and Cologne anchors? no: after
            ("Cologne", "in"),  # wrong: Köln = Cologne wins
        ],
    )
    links = link_words(
        german, english, noisy, exonyms={"Köln": "Cologne"}.get, lexicon=lambda w: []
    )
    assert as_words(german, english, links) == {
        ("Anna", "Anna", "same"),
        ("Köln", "Cologne", "exonym"),
        ("2.500", "2,500", "number"),
    }
    # With the verb's gloss in the lexicon the reordered verb links too.
    glossed = link_words(
        german,
        english,
        noisy + attention(german, english, [("bought", "gekauft")]),
        exonyms={"Köln": "Cologne"}.get,
        lexicon={"gekauft": ["bought"], "Bücher": ["books"]}.get,  # type: ignore[arg-type]
    )
    words = as_words(german, english, glossed)
    assert ("gekauft", "bought", "lexicon") in words
    assert ("Bücher", "books", "lexicon") in words
    assert not any(g == "Köln" and e == "bought" for g, e, _ in words)


def test_one_german_word_to_several_english_words() -> None:
    german = "Der neue Tintenstrahldrucker von HP kostet 99 Euro."
    english = "The new inkjet printer from HP costs 99 euros."
    spans = attention(
        german,
        english,
        [
            ("new", "neue"),
            ("inkjet", "Tintenstrahldrucker"),
            ("printer", "Tintenstrahldrucker"),
            ("from", "von"),
            ("HP", "HP"),
            ("costs", "kostet"),
            ("99", "99"),
        ],
    )
    lexicon = {"Tintenstrahldrucker": ["printer"]}
    links = link_words(german, english, spans, lexicon=lambda w: lexicon.get(w, []))
    words = as_words(german, english, links)
    assert ("Tintenstrahldrucker", "printer", "lexicon") in words
    assert ("Tintenstrahldrucker", "inkjet", "attention") in words  # its neighbour joins
    assert ("kostet", "costs", "attention") in words  # between the HP and 99 anchors
    assert ("HP", "HP", "same") in words and ("99", "99", "number") in words
    assert not any(g == "neue" for g, _e, _ev in words)  # nothing backs it
    assert not any(e == "from" for _g, e, _ev in words)  # function words need more


def test_repeated_words_are_not_anchored_by_spelling_alone() -> None:
    german = "Berlin und Berlin."
    english = "Berlin and Berlin."
    assert link_words(german, english, ()) == ()


def test_a_gloss_matches_its_plural_in_the_sentence() -> None:
    german = "Sie kaufen Drucker."
    english = "They buy printers."
    links = link_words(german, english, (), lexicon={"Drucker": ["printer"]}.get)
    assert as_words(german, english, links) == {("Drucker", "printers", "lexicon")}


def test_a_projected_name_links_as_one_unit() -> None:
    german = "Die Vereinten Nationen tagen in Genf."
    english = "The United Nations meet in Geneva."
    g = german.index("Vereinten Nationen")
    e = english.index("United Nations")
    names = [((g, g + len("Vereinten Nationen")), (e, e + len("United Nations")))]
    links = link_words(german, english, (), names=names)
    words = as_words(german, english, links)
    assert ("Vereinten", "United", "name") in words
    assert ("Nationen", "Nations", "name") in words
    assert ("Vereinten", "Nations", "name") in words  # a name is one unit
    assert not any(g == "Genf" for g, _e, _ev in words)  # no exonym table given here

"""The vocabulary as an Anki deck (``.apkg``, genanki) or a CSV file.

An Anki card's front is the German sentence with the saved word in bold; its back the lemma
and gloss, then the English sentence. The note type and deck ids are fixed so that importing
a newer export into Anki updates the cards instead of adding copies (notes are keyed by the
saved word's lemma, form and sentence).
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Sequence
from pathlib import Path

from reader.core.vocabulary.store import SavedWord

# Random, fixed once: Anki tells note types and decks apart by these ids.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
CSV_COLUMNS = ("lemma", "form", "gloss", "german", "english", "document", "sentence_id")


def front_html(word: SavedWord) -> str:
    """The German sentence, escaped, with the first whole-word match of the form in bold."""
    text = word.german
    match = re.search(rf"(?<!\w){re.escape(word.form)}(?!\w)", text) if word.form else None
    if match is None:
        return html.escape(text)
    start, end = match.span()
    return (
        f"{html.escape(text[:start])}<b>{html.escape(text[start:end])}</b>{html.escape(text[end:])}"
    )


def back_html(word: SavedWord) -> str:
    gloss = f" — {html.escape(word.gloss)}" if word.gloss else ""
    return f"<b>{html.escape(word.lemma)}</b>{gloss}<br><br>{html.escape(word.english)}"


def export_csv(words: Sequence[SavedWord], path: Path) -> None:
    """One row per word with a header (UTF-8, for spreadsheets and other flashcard tools)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for word in words:
            writer.writerow(
                (
                    word.lemma,
                    word.form,
                    word.gloss,
                    word.german,
                    word.english,
                    word.document,
                    word.sentence_id,
                )
            )


def export_apkg(
    words: Sequence[SavedWord], path: Path, deck_name: str = "Bilingual Reader"
) -> None:
    """An Anki package with one note per word."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        "Bilingual Reader word",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Lemma"}],
        templates=[
            {
                "name": "German → English",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}",
            }
        ],
    )
    deck = genanki.Deck(DECK_ID, deck_name)
    for word in words:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[front_html(word), back_html(word), html.escape(word.lemma)],
                guid=genanki.guid_for(word.lemma, word.form, word.german),
            )
        )
    genanki.Package(deck).write_to_file(str(path))

"""Vocabulary export: an Anki package Anki can read, and CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

from reader.core.vocabulary.export import back_html, export_apkg, export_csv, front_html
from reader.core.vocabulary.store import SavedWord

WORDS = [
    SavedWord(1, "Haus", "Häuser", "house", "Die Häuser <alt>.", "The houses are old.", "", 3, 0),
    SavedWord(2, "Baum", "Baum", "tree", "Ein Baumhaus und ein Baum.", "A tree.", "b.md", 5, 0),
]


def test_front_bolds_the_word_in_its_sentence() -> None:
    assert front_html(WORDS[0]) == "Die <b>Häuser</b> &lt;alt&gt;."
    assert front_html(WORDS[1]) == "Ein Baumhaus und ein <b>Baum</b>."  # whole word only
    assert back_html(WORDS[0]) == "<b>Haus</b> — house<br><br>The houses are old."


def test_apkg_holds_one_note_per_word(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    export_apkg(WORDS, path, deck_name="Test deck")
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [row[0].split("\x1f") for row in connection.execute("SELECT flds FROM notes")]
        (decks,) = connection.execute("SELECT decks FROM col").fetchone()
    finally:
        connection.close()
    assert sorted(fields[0] for fields in notes) == sorted(front_html(w) for w in WORDS)
    assert "Test deck" in [deck["name"] for deck in json.loads(decks).values()]


def test_csv_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    export_csv(WORDS, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["lemma"], r["gloss"], r["german"]) for r in rows] == [
        ("Haus", "house", "Die Häuser <alt>."),
        ("Baum", "tree", "Ein Baumhaus und ein Baum."),
    ]

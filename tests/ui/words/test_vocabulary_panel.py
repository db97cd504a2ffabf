"""Vocabulary in the window: save from the card, list, search, delete, jump back, export."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from reader.core.vocabulary.store import vocabulary_path
from tests.ui.window_helpers import english_of, install_fake_package
from tests.ui.words.helpers import open_translated, spot_of

OTHER = "# Anderes\n\nHier steht etwas ganz anderes. Noch ein Satz.\n"


def save_word(qtbot, window, word: str) -> None:
    words = window.words
    with qtbot.waitSignal(words.card_filled, timeout=30_000):
        words.open_at(spot_of(window, word))
    qtbot.waitUntil(lambda: len(words.glosses) == len(words.info.glossable), timeout=30_000)
    window.view.setFocus()
    with qtbot.waitSignal(window.vocabulary.word_saved, timeout=5000):
        qtbot.keyClick(window.view, Qt.Key.Key_S)


def test_save_list_search_delete(qtbot, make_window, reader_paths, article) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    save_word(qtbot, window, "Tintenstrahldrucker")
    save_word(qtbot, window, "Büro")
    (saved,) = [w for w in window.vocabulary.store.words() if w.lemma != "Büro"]
    german = window.view.german_for(saved.sentence_id)
    assert (saved.lemma, saved.form, saved.gloss) == (
        "Tintenstrahldrucker",
        "Tintenstrahldrucker",
        english_of("Tintenstrahldrucker"),
    )
    assert (saved.german, saved.english) == (german, english_of(german))
    assert saved.document == str(article)
    assert "Saved “Büro”" in window.statusBar().currentMessage()
    panel = window.vocabulary.panel
    window.vocabulary.panel_action.trigger()
    assert panel.isVisible()
    assert panel.list.count() == 2
    panel.search.setText("EN[Büro")  # the gloss
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("Büro")
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.list.count() == 0
    assert "No saved word matches" in panel.empty.text()
    panel.search.clear()
    assert panel.list.count() == 1


def test_activating_a_word_goes_back_to_its_sentence_in_its_document(
    qtbot, make_window, reader_paths, article, tmp_path
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    save_word(qtbot, window, "druckt")
    target = spot_of(window, "druckt").sentence_id
    other = tmp_path / "anderes.txt"
    other.write_text(OTHER, encoding="utf-8")
    open_translated(qtbot, window, other)
    assert window.path == other
    panel = window.vocabulary.panel
    panel.search.setText("")
    with qtbot.waitSignal(window.view.current_sentence_changed, timeout=30_000):
        panel.list.itemActivated.emit(panel.list.item(0))
    assert window.path == article
    assert window.view.current == target
    window.view.set_current(0)
    panel.list.itemActivated.emit(panel.list.item(0))  # same document: at once
    assert window.view.current == target


def test_export_csv_from_the_window(qtbot, make_window, reader_paths, article, tmp_path) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    save_word(qtbot, window, "Büro")
    target = tmp_path / "words.csv"
    with qtbot.waitSignal(window.vocabulary.message_posted, timeout=30_000) as posted:
        window.vocabulary.export(target, "csv")
    assert "Exported 1 words" in posted.args[0]
    with target.open(encoding="utf-8", newline="") as handle:
        assert [row["form"] for row in csv.DictReader(handle)] == ["Büro"]


def test_a_corrupt_vocabulary_is_set_aside_with_a_message(qtbot, make_window, reader_paths):
    path = vocabulary_path(reader_paths.data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 1000)
    window = make_window()
    notice = window.vocabulary.panel.notice
    assert "could not be read" in notice.text()
    qtbot.waitUntil(lambda: "could not be read" in window.statusBar().currentMessage())
    assert list(path.parent.glob("vocabulary.sqlite3.corrupt-*"))

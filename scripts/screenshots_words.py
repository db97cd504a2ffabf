"""Render the word-level screenshots offscreen: docs/screenshots/word-card.png, vocabulary.png,
hide-english.png, interleaved.png and aligned-words.png.

Uses the FLORES article of ``scripts/screenshots.py`` (German with its human English
reference). No real German→English model exists on the build machines, so the glosses on
the card (the model's translation of the lemma and of each part) are written by hand here
(``GLOSSES``); everything else on the card — lemma, gender, plural, parts — is what the
reader computes.

    QT_QPA_PLATFORM=offscreen uv run python scripts/screenshots_words.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import screenshots as shots
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.core.document.model import Translation
from reader.ui.application import create_application
from reader.ui.view.block_formats import Side
from reader.ui.words.locate import sentence_words

GLOSSES = {
    "Standard-Tintenstrahldrucker": "standard inkjet printer",
    "Standard": "standard",
    "Tinte": "ink",
    "Strahl": "beam",
    "Drucker": "printer",
    "Früherkennung": "early detection",
    "Flughafen": "airport",
    "Staffelführer": "squadron leader",
}
SAVED = ("Früherkennung", "Flughafen", "Staffelführer")


def _word_point(window, sentence_id: int, word: str) -> QPoint:  # type: ignore[no-untyped-def]
    view = window.view
    text = view.german_for(sentence_id)
    span = view.renderer.span(sentence_id, Side.GERMAN)
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + text.index(word) + 2)
    return view.cursorRect(cursor).center()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=shots.REPO / "docs" / "screenshots")
    parser.add_argument("--parallel", type=Path, default=shots.PARALLEL, help="FLORES folder")
    args = parser.parse_args()
    shots.PARALLEL = args.parallel
    if not shots.PARALLEL.is_dir():
        print(f"needs {shots.PARALLEL}", file=sys.stderr)
        return 1
    create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    window = shots.window_with(shots.flores_article(), translated=True)
    words = window.words
    # The human reference stands in for the model's English; there is no attention.
    _document, sentences, reference = shots.flores_article()
    window.translation.translations = {
        s.id: Translation(s.id, s.text, reference[s.id]) for s in sentences
    }
    words.known.update(GLOSSES)
    words.known["Standard-Tintenstrahldruckern"] = GLOSSES["Standard-Tintenstrahldrucker"]
    spot = next(
        spot
        for spot in sentence_words(window.view, 1)
        if spot.text.startswith("Standard-Tintenstrahl")
    )
    window.view.set_current(spot.sentence_id)
    words.open_at(spot)
    shots.wait_for(lambda: words.info is not None, 30)
    words.glosses = dict(GLOSSES)
    words._refresh()
    shots.save(window, args.out / "word-card.png")
    window.vocabulary.save_current()
    done: set[str] = set()
    for sentence_id in window.view.sentence_ids():
        for spot in sentence_words(window.view, sentence_id):
            if spot.text in SAVED and spot.text not in done and sentence_id > 1:
                done.add(spot.text)
                words.open_at(spot)
                shots.wait_for(lambda: words.info is not None, 30)
                words.glosses = dict(GLOSSES)
                window.vocabulary.save_current()
    words.close()
    window.resize(1440, 800)
    window.vocabulary.panel_action.trigger()
    panel = window.vocabulary.panel
    panel.list.setCurrentRow(0)
    current = panel.list.currentItem()
    if current is not None:
        panel.list.itemActivated.emit(current)  # back to its sentence
    window.statusBar().clearMessage()
    shots.save(window, args.out / "vocabulary.png")
    window.vocabulary.panel.hide()
    window.resize(1180, 760)
    window.view.verticalScrollBar().setValue(0)
    practice = window.practice
    practice.hide_action.trigger()
    practice.toggle_revealed(1)  # revealed by a click
    window.view.set_current(3)
    shots.save(window, args.out / "hide-english.png")
    practice.hide_action.trigger()
    practice.interleave_action.trigger()
    window.view.verticalScrollBar().setValue(0)
    window.view.set_current(2)
    shots.save(window, args.out / "interleaved.png")
    practice.interleave_action.trigger()
    # Aligned words: the human reference has no attention, so what lights up here is the
    # lexical evidence (same spelling, numbers, and the glosses of the cards above).
    window.view.set_current(5)
    window.view.verticalScrollBar().setValue(0)
    point = _word_point(window, 5, "Staffelführer")
    QTest.mouseMove(window.view.viewport(), point)
    shots.save(window, args.out / "aligned-words.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

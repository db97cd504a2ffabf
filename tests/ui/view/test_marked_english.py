"""Bold, italic and links of the German shown on the English words aligned to them."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QFont, QTextCursor

from reader.core.document.model import AlignedSpan, Translation
from reader.ui.view.block_formats import Side

MARKDOWN = (
    "# Wetter\n\n"
    "Heute scheint **die Sonne** in Köln. Morgen regnet es, sagt der "
    "[Wetterdienst](https://example.org/wetter) am Abend.\n"
)


def _formats(view, sentence_id: int):
    """(character, bold, italic, link target) for each character of a sentence's English."""
    start, end = view.renderer.span(sentence_id, Side.ENGLISH)
    cursor = QTextCursor(view.document())
    result = []
    for position in range(start, end):
        cursor.setPosition(position + 1)
        char_format = cursor.charFormat()
        result.append(
            (
                view.document().characterAt(position),
                char_format.fontWeight() == QFont.Weight.Bold,
                char_format.fontItalic(),
                char_format.anchorHref() if char_format.isAnchor() else None,
            )
        )
    return result


def _marked(formats, index: int) -> str:
    return "".join(c for c, *flags in formats if flags[index]).strip()


def test_the_copy_model_carries_bold_and_links_onto_the_english(
    qtbot, make_window, tmp_path: Path, reader_paths, tiny_package_dir
) -> None:
    shutil.copytree(tiny_package_dir, reader_paths.packages / tiny_package_dir.name)
    window = make_window(real_engine=True, real_loading=True)  # the copy model
    path = tmp_path / "wetter.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    view = window.view
    sentences = {s.id: s for s in view.renderer.sentences.values()}
    sonne = next(s for s in sentences.values() if "Sonne" in s.text)
    dienst = next(s for s in sentences.values() if "Wetterdienst" in s.text)
    assert window.translation.translations[sonne.id].alignment  # the model aligned words
    sunny = _formats(view, sonne.id)
    assert _marked(sunny, 0) == "die Sonne"  # bold on the copied words, nothing else
    service = _formats(view, dienst.id)
    linked = "".join(c for c, _b, _i, href in service if href == "https://example.org/wetter")
    assert linked == "Wetterdienst"


def test_english_without_alignment_stays_plain(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window(real_loading=True)
    path = tmp_path / "wetter.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)
    view = window.view
    sonne = next(s for s in view.renderer.sentences.values() if "Sonne" in s.text)
    english = "The sun is shining in Cologne today."
    view.set_translations({sonne.id: english})  # no alignment: a cached, hand-set English
    assert _marked(_formats(view, sonne.id), 0) == ""
    # "die Sonne" is German words 2-3 (offsets 14:23); aligned to "The sun" (0:7).
    aligned = Translation(
        sonne.id,
        sonne.text,
        english,
        alignment=(AlignedSpan(14, 17, 0, 3), AlignedSpan(18, 23, 4, 7)),
    )
    view.set_translations({sonne.id: english}, {sonne.id: aligned})
    assert _marked(_formats(view, sonne.id), 0) == "The sun"
    view.set_translations({sonne.id: english + " "})  # new English without alignment
    assert _marked(_formats(view, sonne.id), 0) == ""


def test_table_cells_carry_marks_onto_their_english(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window(real_loading=True)
    path = tmp_path / "schiffe.md"
    path.write_text(
        "| Schiff | Flagge |\n|---|---|\n| Die **Ever Given** liegt fest. | Panama |\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)
    view = window.view
    ship = next(s for s in view.renderer.sentences.values() if "Ever Given" in s.text)
    block = view.renderer.source.blocks[ship.block]
    assert block.cells and block.marks  # a table row with bold in it
    english = "The Ever Given is stuck."
    start = ship.text.index("Ever")  # "Ever Given" -> English 4:14, word by word
    aligned = Translation(
        ship.id,
        ship.text,
        english,
        alignment=(AlignedSpan(start, start + 4, 4, 8), AlignedSpan(start + 5, start + 10, 9, 14)),
    )
    view.set_translations({ship.id: english}, {ship.id: aligned})
    assert _marked(_formats(view, ship.id), 0) == "Ever Given"

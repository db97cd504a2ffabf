"""Render screenshots of the reader offscreen: docs/screenshots/*.png.

No real German→English model exists on the build machines, so the translated views are fed
through the same view API the translation controller uses, with German from FLORES-200 dev
and its *human* English reference (CC-BY-SA 4.0), read from ``../shared/data/parallel``.
The English column header says so in the screenshots. The names-panel screenshot
(``entities.png``) shows names marked by hand (``KNOWN_NAMES``); the others show what the
shipped recognizer finds, when one is there.

    QT_QPA_PLATFORM=offscreen uv run python scripts/screenshots.py [--out docs/screenshots]

Needs a real font for offscreen rendering (``fc-list``; e.g. apt-get install
fonts-dejavu-core).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("READER_DATA_DIR", tempfile.mkdtemp(prefix="reader-shots-"))

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.document.model import (  # noqa: E402
    Block,
    BlockKind,
    Document,
    Entity,
    EntityLabel,
    Mark,
    MarkKind,
    Sentence,
    Translation,
)
from reader.core.paths import resolve_paths  # noqa: E402
from reader.ui.application import create_application  # noqa: E402
from reader.ui.settings import Settings  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402
from reader.workers.document_jobs import LoadedDocument  # noqa: E402
from reader.workers.entity_worker import EntityService  # noqa: E402

# ../shared/data beside the checkout (a worktree sits one level deeper).
PARALLEL = next(
    (
        folder / "shared" / "data" / "parallel"
        for folder in (REPO.parent, REPO.parent.parent)
        if (folder / "shared" / "data" / "parallel").is_dir()
    ),
    REPO.parent / "shared" / "data" / "parallel",
)
# Runs of consecutive FLORES lines that come from one article (first line, count).
PARAGRAPHS = ((0, 2), (2, 3), (5, 2))


def flores_article() -> tuple[Document, tuple[Sentence, ...], dict[int, str]]:
    german = (PARALLEL / "flores-dev.de").read_text(encoding="utf-8").splitlines()
    english = (PARALLEL / "flores-dev.en").read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = [
        Block(0, BlockKind.HEADING, "Neuer Chip sortiert Zellen für einen US-Cent", level=1)
    ]
    sentences: list[Sentence] = [Sentence(0, 0, 0, len(blocks[0].text), blocks[0].text)]
    reference = {0: "New chip sorts cells for one U.S. cent"}
    for first, count in PARAGRAPHS:
        if len(blocks) in (2, 4):
            heading = "Absturz am Flughafen" if len(blocks) == 2 else "Sport"
            blocks.append(Block(len(blocks), BlockKind.HEADING, heading, level=2))
            sentences.append(Sentence(len(sentences), len(blocks) - 1, 0, len(heading), heading))
            reference[len(sentences) - 1] = (
                "Crash at the airport" if heading != "Sport" else "Sports"
            )
        text = ""
        block_index = len(blocks)
        for line in range(first, first + count):
            start = len(text) + (1 if text else 0)
            text = f"{text} {german[line]}" if text else german[line]
            sentences.append(Sentence(len(sentences), block_index, start, len(text), german[line]))
            reference[len(sentences) - 1] = english[line]
        name = "Stanford University School of Medicine"
        marks = (
            (Mark(MarkKind.BOLD, text.index(name), text.index(name) + len(name)),)
            if name in text
            else ()
        )
        blocks.append(Block(block_index, BlockKind.PARAGRAPH, text, marks=marks))
    items = ("Tuberkulose", "HIV", "Malaria")
    items_en = ("Tuberculosis", "HIV", "Malaria")
    for item, item_en in zip(items, items_en, strict=True):
        blocks.append(Block(len(blocks), BlockKind.LIST_ITEM, item, level=1))
        sentences.append(Sentence(len(sentences), len(blocks) - 1, 0, len(item), item))
        reference[len(sentences) - 1] = item_en
    return Document("FLORES-200 dev", tuple(blocks), format="text"), tuple(sentences), reference


# Names in the article marked by hand: the names-panel screenshot shows the panel, not how
# well today's recognizer does (that is in resources/ner/MODEL_CARD.md).
KNOWN_NAMES = {
    "Stanford University School of Medicine": EntityLabel.ORG,
    "JAS 39C Gripen": EntityLabel.MISC,
    "UTC": EntityLabel.MISC,
    "Dilokrit Pattavee": EntityLabel.PER,
    "Vidal": EntityLabel.PER,
    "Sevilla": EntityLabel.ORG,
    "Barça": EntityLabel.ORG,
}


def known_names(sentences: tuple[Sentence, ...]) -> tuple[Entity, ...]:
    """Every mention of ``KNOWN_NAMES``, as the recognizer would report them."""
    found = []
    for sentence in sentences:
        for name, label in KNOWN_NAMES.items():
            at = sentence.text.find(name)
            while at >= 0:
                start = sentence.start + at
                found.append(
                    Entity(
                        sentence.block,
                        start,
                        start + len(name),
                        label,
                        name,
                        sentence_id=sentence.id,
                        key=name,
                    )
                )
                at = sentence.text.find(name, at + len(name))
    return tuple(sorted(found, key=lambda e: (e.block, e.start)))


class KnownNames:
    """A recognizer that reports the hand-marked ``KNOWN_NAMES`` (same worker, same path)."""

    def recognize(self, _document: Document, sentences: tuple[Sentence, ...]):  # type: ignore[no-untyped-def]
        return known_names(sentences)


def window_with(
    article, *, translated: bool, theme: str = "light", marked_names: bool = False
) -> MainWindow:
    document, sentences, reference = article
    paths = resolve_paths().ensure()
    settings = Settings.for_paths(paths)
    settings.theme = theme
    names = EntityService(factory=KnownNames) if marked_names else None
    window = MainWindow(paths, settings, entities=names)
    window.resize(1180, 760)
    window.show()
    window.show_loaded(LoadedDocument(document, sentences))
    window.setWindowTitle("Neuer Chip sortiert Zellen — Bilingual Reader")
    if translated:
        window.model_banner.hide()
        window.headers.english.setText("English — human reference translation (FLORES-200)")
        window.view.set_placeholders(True)
        window.view.set_translations(reference)
    window.view.finish_rendering()
    # Names: recognized by the shipped pipeline in its thread, projected onto the English.
    wait_for(lambda: window.entities.entities or window.entities._job == 0, 120)
    if translated:
        by_id = {s.id: s for s in sentences}
        window.entities.on_translations(
            {i: Translation(i, by_id[i].text, text) for i, text in reference.items()}
        )
    wait_for(lambda: not window.entities.busy, 60)
    settle()
    return window


def wait_for(condition, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()
    # A width change is laid out once the width has been still for a moment: wait for it.
    for window in [w for w in QApplication.topLevelWidgets() if hasattr(w, "view")]:
        settling = window.view.width_settle  # type: ignore[attr-defined]
        wait_for(lambda settling=settling: not settling.pending, 5)
    for _ in range(5):
        QApplication.processEvents()


def save(widget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument(
        "--reading-only", action="store_true", help="only reading-{900,1200,1920}.png"
    )
    args = parser.parse_args()
    if not PARALLEL.is_dir():
        print(f"needs {PARALLEL} (FLORES-200 dev, German and English)", file=sys.stderr)
        return 1
    create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    article = flores_article()

    # The reading view at three window widths (line length, centring, names panel place).
    for width in (900, 1200, 1920):
        window = window_with(article, translated=True)
        window.resize(width, 760 if width < 1920 else 1000)
        window.entity_display.panel_action.trigger()
        settle()
        save(window, args.out / f"reading-{width}.png")
        window.close()
    if args.reading_only:
        return 0

    window = window_with(article, translated=True)
    save(window, args.out / "translated.png")

    view = window.view
    view.set_current(5)
    view.hovered = 2  # the pointer rests on another sentence: a quieter highlight
    view._update_selections()
    save(window, args.out / "linked.png")
    view.hovered = -1
    window.find_bar.open_bar()
    window.find_bar.field.setText("Gripen")
    save(window, args.out / "find.png")
    window.close()

    window = window_with(article, translated=False)
    save(window, args.out / "no-model.png")
    window.manage_models()
    dialog = window.model_dialog
    dialog.resize(760, 480)
    save(dialog, args.out / "model-manager.png")
    dialog.reject()
    window.close()

    window = window_with(article, translated=True, marked_names=True)
    window.resize(1440, 800)
    window.entity_display.panel_action.trigger()
    entries = window.entity_display.panel.visible_entries()
    person = next(entry for entry in entries if entry[0] is EntityLabel.PER)
    window.entity_display.show_next_mention(*person)
    window.entity_display.panel.tree.setCurrentItem(window.entity_display.panel.entry_item(*person))
    save(window, args.out / "entities.png")
    window.entity_display.panel.hide()
    window.close()

    window = window_with(article, translated=True, theme="dark")
    window.view.set_current(9)
    save(window, args.out / "dark.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

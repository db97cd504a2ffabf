"""Alternatives in the window: Alt+A and the context menu, the chooser, picking one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from reader.core.translation.cache import CachedTranslation
from reader.ui.edits.alternatives import LABEL_CHARS, menu_label
from reader.ui.view.block_formats import Side
from reader.ui.view.geometry import span_rect
from tests.ui.checks.test_checks_display import ENGLISH, TEXT, MappedEngine
from tests.ui.window_helpers import FakeEngine, german_text, install_fake_package

OTHERS = {
    "Es kamen 30 Gäste.": ["40 guests came.", "30 guests came.", "Thirty guests & more came."],
}


class NBestEngine(MappedEngine):
    """The table's English, and a few alternatives for one sentence (best first)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def alternatives(self, source: str, count: int) -> list[CachedTranslation]:
        self.asked.append(source)
        texts = OTHERS.get(source, [ENGLISH[source]])[:count]
        return [CachedTranslation(text, -0.1 * rank, ()) for rank, text in enumerate(texts)]


@pytest.fixture
def window(qtbot, make_window, reader_paths, tmp_path: Path):  # type: ignore[no-untyped-def]
    install_fake_package(reader_paths.packages)
    engine = NBestEngine()
    window = make_window(engine=engine)
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.checks.controller.count == 2, timeout=10_000)
    window.engine_for_test = engine
    return window


def _sentence(window, german: str) -> int:  # type: ignore[no-untyped-def]
    view = window.view
    return next(sid for sid in view.sentence_ids() if view.german_for(sid) == german)


def test_alt_a_offers_the_alternatives_and_picking_one_replaces_the_english(qtbot, window) -> None:
    chooser = window.checks.alternatives
    assert chooser.action.shortcut().toString() == "Alt+A"
    sid = _sentence(window, "Es kamen 30 Gäste.")
    window.view.set_current(sid)
    with qtbot.waitSignal(chooser.alternatives_shown, timeout=10_000):
        chooser.action.trigger()
    entries = chooser.menu.actions()
    assert [e.toolTip() for e in entries] == OTHERS["Es kamen 30 Gäste."]
    assert [e.isChecked() for e in entries] == [True, False, False]  # the English shown now
    assert entries[2].text() == "Thirty guests && more came."
    findings_before = window.checks.controller.count
    with qtbot.waitSignal(chooser.alternative_chosen, timeout=5000):
        entries[1].trigger()
    assert window.view.english_for(sid) == "30 guests came."
    assert window.translation.translations[sid].text == "30 guests came."
    # The checks run again on the chosen English: "30" is there now.
    qtbot.waitUntil(lambda: window.checks.controller.count == findings_before - 1, timeout=10_000)
    assert not window.checks.controller.findings.get(sid)
    chooser.menu.hide()


def test_nothing_is_asked_for_a_sentence_without_english(window) -> None:
    chooser = window.checks.alternatives
    assert not chooser.request(-1)
    assert window.engine_for_test.asked == []


def test_the_english_side_context_menu_offers_alternatives(qtbot, window) -> None:
    view = window.view
    window.show()
    qtbot.waitExposed(window)
    sid = _sentence(window, "Das Wetter war gut.")
    view.set_current(sid)
    rect = span_rect(view, sid, Side.ENGLISH)
    assert rect is not None
    point = rect.center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus, "a context menu opened"
    texts = [a.text() for a in menus[-1].actions()]
    assert "&Edit Translation…" in texts  # the editor too (restore only once edited)
    assert "&Restore Machine Translation" not in texts
    entry = next(a for a in menus[-1].actions() if a.text() == "&Alternative Translations…")
    with qtbot.waitSignal(window.checks.alternatives.alternatives_shown, timeout=10_000) as shown:
        entry.trigger()
    assert shown.args == [sid]
    assert window.engine_for_test.asked == ["Das Wetter war gut."]
    for menu in menus:
        menu.hide()
    window.checks.alternatives.menu.hide()


def test_long_alternatives_are_shortened_in_the_menu() -> None:
    label = menu_label("a" * (LABEL_CHARS + 20))
    assert len(label) == LABEL_CHARS
    assert label.endswith("…")


class GatedNBest(FakeEngine):
    """``EN[…]`` batch by batch behind the test's gate, and two alternatives for any."""

    def alternatives(self, source: str, count: int) -> list[CachedTranslation]:
        return [CachedTranslation(f"EN[{source}]", 0.0, ()), CachedTranslation("Other.", -1, ())]


def test_alternatives_do_not_wait_for_the_whole_document(
    qtbot, make_window, reader_paths, tmp_path: Path, gate
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=GatedNBest(batch=2, gate=gate))
    path = tmp_path / "lang.txt"
    path.write_text(german_text(paragraphs=4, sentences=3), encoding="utf-8")
    window.open_file(path)
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=10_000)
    sid = next(iter(window.translation.translations))
    chooser = window.checks.alternatives
    # The rest of the document waits at the gate: the alternatives come first anyway.
    with qtbot.waitSignal(chooser.alternatives_shown, timeout=10_000):
        assert chooser.request(sid)
    assert [a.toolTip() for a in chooser.menu.actions()][1] == "Other."
    assert len(window.translation.translations) < len(window.view.sentence_ids())
    chooser.menu.hide()
    for _ in window.view.sentence_ids():
        gate.release()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=10_000):
        pass
    assert len(window.translation.translations) == len(window.view.sentence_ids())

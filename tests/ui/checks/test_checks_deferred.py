"""While the document translates, only the English on screen is checked at once; the rest
waits for the translation's end (or for the reader to scroll to it), so the checks never
compete with the translation for the CPU."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from reader.core.document.model import Translation
from reader.ui.checks import controller as checks_controller
from tests.ui.window_helpers import FakeEngine, install_fake_package


class OffByOneEngine(FakeEngine):
    """Every English has the wrong number: every sentence gets a finding once checked."""

    def translation_for(self, sentence_id: int, text: str) -> Translation:
        number = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
        return Translation(sentence_id, text, f"{number + 1} guests came.")


def test_off_screen_english_is_checked_when_shown_or_when_the_translation_ends(
    qtbot, make_window, reader_paths, gate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=OffByOneEngine(batch=40, gate=gate))
    path = tmp_path / "gaeste.txt"
    path.write_text("\n\n".join(f"Es kamen {n} Gäste." for n in range(10, 90)), encoding="utf-8")
    window.open_file(path)
    qtbot.waitUntil(lambda: len(window.view.sentence_ids()) == 80, timeout=10_000)
    controller = window.checks.controller
    translations = window.translation.translations
    gate.release()  # the first 40 in reading order: the screen first, then what follows
    qtbot.waitUntil(lambda: len(translations) == 40, timeout=10_000)
    visible = window.view.visible_sentence_ids()
    assert visible and all(sid in translations for sid in visible)
    qtbot.waitUntil(lambda: all(sid in controller.findings for sid in visible), timeout=10_000)
    waiting = [sid for sid in translations if sid not in visible]
    assert waiting and not any(sid in controller.findings for sid in waiting)

    window.view.scroll_to_sentence(waiting[-1])  # the reader goes there: checked now
    qtbot.waitUntil(lambda: waiting[-1] in controller.findings, timeout=10_000)
    assert window.translation.running

    monkeypatch.setattr(checks_controller, "CHECK_BATCH", 8)
    counts = [controller.count]
    controller.findings_changed.connect(counts.append)
    gate.release()
    qtbot.waitUntil(lambda: not window.translation.running, timeout=10_000)
    qtbot.waitUntil(lambda: len(controller.findings) == 80, timeout=10_000)
    # What waited came in check jobs of at most CHECK_BATCH sentences (one finding each),
    # so no single turn lays the marks of the whole document.
    steps = [after - before for before, after in itertools.pairwise(counts)]
    assert len(steps) >= (80 - counts[0]) // 8
    assert max(steps) <= 8

"""Preferences › Names found by: the built-in tagger or an installed spaCy pipeline."""

from __future__ import annotations

import pytest

import reader.core.entities.recognizer
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog

CURRENT = Preferences("DejaVu Sans", 12, "system", 4, True, 50, "en")


def test_installed_pipelines_are_offered_and_chosen(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(
        reader.core.entities.recognizer,
        "installed_pipelines",
        lambda: ("de_core_news_lg", "de_core_news_sm"),
    )
    dialog = PreferencesDialog(CURRENT)
    qtbot.addWidget(dialog)
    box = dialog.names_box
    assert box.isEnabled()
    assert [box.itemData(i) for i in range(box.count())] == [
        "",
        "de_core_news_lg",
        "de_core_news_sm",
    ]
    assert dialog.preferences().name_pipeline == ""  # ours is the default
    box.setCurrentIndex(box.findData("de_core_news_sm"))
    assert dialog.preferences().name_pipeline == "de_core_news_sm"


def test_without_installed_pipelines_the_choice_is_greyed(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(reader.core.entities.recognizer, "installed_pipelines", lambda: ())
    dialog = PreferencesDialog(CURRENT)
    qtbot.addWidget(dialog)
    assert not dialog.names_box.isEnabled()
    assert dialog.preferences().name_pipeline == ""


def test_a_chosen_pipeline_since_uninstalled_stays_visible(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(reader.core.entities.recognizer, "installed_pipelines", lambda: ())
    chosen = Preferences("DejaVu Sans", 12, "system", 4, True, 50, "en", "de_core_news_md")
    dialog = PreferencesDialog(chosen)
    qtbot.addWidget(dialog)
    assert dialog.names_box.currentData() == "de_core_news_md"


@pytest.mark.parametrize("pipeline", ["de_core_news_sm", ""])
def test_window_applies_the_choice_and_looks_for_names_again(
    make_window, qtbot, tmp_path, pipeline
) -> None:
    from tests.ui.window_helpers import FakeRecognizer  # the window fixture's default

    recognizer = FakeRecognizer()
    recognizer.pipeline = "unset"  # the worker sets it on every recognizer it makes
    window = make_window(recognizer=recognizer)
    article = tmp_path / "artikel.txt"
    article.write_text("Angela Merkel besuchte Berlin.\n", encoding="utf-8")
    window.open_file(article)
    qtbot.waitUntil(lambda: window.entities.entities != (), timeout=10_000)
    calls = recognizer.calls
    window.settings.name_pipeline = "" if pipeline else "de_core_news_lg"
    chosen = Preferences(
        window.settings.font_family or "DejaVu Sans",
        window.settings.font_size,
        window.settings.theme,
        window.settings.beam_size,
        window.settings.reopen_last,
        window.settings.german_column_percent,
        window.settings.language,
        pipeline,
    )
    window.view_preferences.apply(chosen)
    assert window.settings.name_pipeline == pipeline
    qtbot.waitUntil(lambda: recognizer.calls > calls and window.entities.entities != ())
    assert recognizer.pipeline == pipeline

"""Translation details: visible text first after scrolling, beam changes, failures."""

from __future__ import annotations

from pathlib import Path

from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.settings import Settings
from tests.ui.window_helpers import FakeEngine, german_text, install_fake_package


def test_scrolling_to_waiting_text_queues_it_first(
    qtbot, make_window, reader_paths, tmp_path: Path, gate
) -> None:
    install_fake_package(reader_paths.packages)
    engine = FakeEngine(batch=2, gate=gate)
    window = make_window(engine=engine)
    path = tmp_path / "lang.txt"
    path.write_text(german_text(paragraphs=80), encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(path)
    qtbot.waitUntil(lambda: len(engine.calls) == 1, timeout=5000)
    assert engine.calls[0][0] == window.view.sentence_ids()[0]  # the top comes first
    window.view.finish_rendering()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: len(engine.calls) == 2, timeout=5000)
    visible = window.view.visible_sentence_ids()
    assert engine.calls[1][: len(visible)] == visible


def test_choosing_fast_translation_translates_again_with_beam_one(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    made: list[object] = []
    engine = FakeEngine()
    window = make_window(engine=engine)
    factory = window.translation.service._worker._factory
    window.translation.service._worker._factory = lambda package: (
        made.append(package) or factory(package)
    )
    path = tmp_path / "kurz.txt"
    path.write_text(german_text(), encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.open_file(path)
    settings = window.settings
    chosen = Preferences(
        settings.font_family, 15, "system", 1, True, settings.german_column_percent
    )
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.view_preferences.apply(chosen)
    assert engine.beams == [4, 1]
    assert len(made) == 1  # the same engine translated with both beams: no reload
    again = Settings.for_paths(reader_paths)
    assert (again.beam_size, again.font_size, again.reopen_last) == (1, 15, True)
    assert all(window.view.english_for(i) for i in window.view.sentence_ids())


def test_preferences_dialog_reads_back_what_was_chosen(qtbot) -> None:
    current = Preferences("DejaVu Sans", 13, "dark", 4, False, 55)
    dialog = PreferencesDialog(current)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == Preferences(
        dialog.font_box.currentFont().family(), 13, "dark", 4, False, 55
    )
    dialog.fast.setChecked(True)
    dialog.reopen.setChecked(True)
    chosen = dialog.preferences()
    assert (chosen.beam_size, chosen.reopen_last) == (1, True)


def test_a_model_that_fails_to_load_is_explained(qtbot, make_window, reader_paths, tmp_path):
    install_fake_package(reader_paths.packages)
    window = make_window()

    def broken(_package):
        from reader.core.errors import ModelLoadFailed

        raise ModelLoadFailed(reader_paths.packages / "translate-de_en-fake", "bad model.bin")

    window.translation.service._worker._factory = broken
    path = tmp_path / "kurz.txt"
    path.write_text(german_text(), encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_failed, timeout=5000):
        window.open_file(path)
    assert window.error_bar.isVisible()
    assert "could not be loaded" in window.error_bar.text()
    assert not window.status_bar.progress.isVisible()

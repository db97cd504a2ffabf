"""The lookup card in the window: click or W opens it beside the word, filled; Esc closes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

from reader.core.translation.cache import TranslationCache
from reader.ui.words.locate import WordSpot, word_rect
from tests.ui.window_helpers import english_of, install_fake_package
from tests.ui.words.helpers import open_translated, spot_of


def click(qtbot, window, spot: WordSpot) -> QRect:
    rect = word_rect(window.view, spot)
    assert rect is not None
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return rect


def test_click_opens_a_filled_card_beside_the_word(qtbot, make_window, reader_paths, article):
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    words = window.words
    spot = spot_of(window, "Tintenstrahldrucker")
    with (
        qtbot.waitSignal(words.card_filled, timeout=30_000) as filled,
        qtbot.waitSignal(words.glosses_arrived, timeout=30_000) as glossed,
    ):
        rect = click(qtbot, window, spot)
    info = filled.args[0]
    assert info.parts == ("Tinte", "Strahl", "Drucker")
    assert info.noun.genders == ("m",)
    qtbot.waitUntil(lambda: len(words.glosses) == 4, timeout=30_000)
    assert words.glosses["Tinte"] == english_of("Tinte")  # the model's own translation
    assert glossed.args[0]  # some arrived
    card = words.card
    assert card.isVisible()
    assert not card.geometry().intersects(rect)
    text = card.body.text()
    for expected in ("Tintenstrahldrucker", "Tinte", english_of("Strahl"), "der", "plural"):
        assert expected in text
    # The fake English repeats the German word: spelled the same, so linked here.
    assert "In this sentence: <b>Tintenstrahldrucker</b>" in text
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not card.isVisible()
    assert words.spot is None


def test_keys_open_the_card_and_walk_the_sentence(qtbot, make_window, reader_paths, article):
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    view, words = window.view, window.words
    view.set_current(spot_of(window, "Tintenstrahldrucker").sentence_id)
    view.setFocus()
    window.cursor().setPos(window.mapToGlobal(QPoint(-50, -50)))  # pointer off the text
    with qtbot.waitSignal(words.card_shown, timeout=5000) as shown:
        words.look_up_action.trigger()
    assert shown.args[0].text == "Der"
    with qtbot.waitSignal(words.card_shown, timeout=5000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert shown.args[0].text == "Tintenstrahldrucker"
    with qtbot.waitSignal(words.card_shown, timeout=5000) as shown:
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert shown.args[0].text == "Der"
    assert words.is_open


def test_click_on_english_or_space_closes_the_card(qtbot, make_window, reader_paths, article):
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, article)
    words = window.words
    with qtbot.waitSignal(words.card_shown, timeout=5000):
        click(qtbot, window, spot_of(window, "Büro"))
    corner = QPoint(window.view.viewport().width() - 3, window.view.viewport().height() - 3)
    with qtbot.waitSignal(words.card_closed, timeout=5000):
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=corner)


def test_without_a_model_the_card_says_so(qtbot, make_window, article):
    window = make_window()
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(article)
    window.view.finish_rendering()
    with qtbot.waitSignal(window.words.card_filled, timeout=30_000):
        click(qtbot, window, spot_of(window, "Büro"))
    assert "no translation model" in window.words.card.body.text()


def test_glosses_from_the_real_model_land_in_the_translation_cache(
    qtbot, make_window, reader_paths, tiny_package_dir, article
):
    import shutil

    shutil.copytree(tiny_package_dir, reader_paths.packages / tiny_package_dir.name)
    window = make_window(real_engine=True)  # the copy model: the English is the German
    open_translated(qtbot, window, article)
    words = window.words
    with qtbot.waitSignal(words.card_filled, timeout=30_000):
        click(qtbot, window, spot_of(window, "Tintenstrahldrucker"))
    qtbot.waitUntil(lambda: len(words.glosses) == 4, timeout=30_000)
    assert words.glosses["Strahl"] == "Strahl"
    window.close()  # the translation thread closes its cache
    cache = TranslationCache(reader_paths.translation_cache)
    try:
        rows = cache._run("SELECT source FROM translations", ())
    finally:
        cache.close()
    sources = {row[0] for row in rows}
    assert {"Tintenstrahldrucker", "Tinte", "Strahl", "Drucker"} <= sources


def test_glosses_do_not_wait_for_the_whole_document(
    qtbot, make_window, reader_paths, tmp_path, gate
) -> None:
    from tests.ui.window_helpers import FakeEngine, german_text

    install_fake_package(reader_paths.packages)
    window = make_window(engine=FakeEngine(batch=2, gate=gate))
    path = tmp_path / "lang.txt"
    path.write_text(german_text(paragraphs=30), encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(path)
    window.view.finish_rendering()
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) >= 2, timeout=10_000)
    words = window.words
    words.use_gloss_lane = False  # the translation thread's queue, as the benchmark's "before"
    with qtbot.waitSignal(words.card_filled, timeout=30_000):
        words.open_at(spot_of(window, "Bahnhof"))
    for _ in range(4):  # the running batch ends, then the glosses' batch runs
        gate.release()
    qtbot.waitUntil(lambda: len(words.glosses) == len(words.info.glossable), timeout=10_000)
    assert words.glosses["Bahnhof"] == english_of("Bahnhof")
    done, total = window.translation.done_count()
    assert done < total - 10  # most of the document is still waiting
    assert window.translation.running


def test_glosses_do_not_wait_for_the_running_batch(
    qtbot, make_window, reader_paths, tmp_path, gate
) -> None:
    """The document's batch never ends here; the card's words go through the gloss lane."""
    from tests.ui.window_helpers import FakeEngine, german_text

    class DocumentGated(FakeEngine):
        def gate_for(self, sentences):  # type: ignore[no-untyped-def]
            # The document's requests wait for the gate; a card's few words do not.
            return gate if len(sentences) > 8 else None

    install_fake_package(reader_paths.packages)
    window = make_window(engine=DocumentGated(batch=2))
    path = tmp_path / "lang.txt"
    path.write_text(german_text(paragraphs=30), encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(path)
    window.view.finish_rendering()
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) >= 2, timeout=10_000)
    words = window.words
    with qtbot.waitSignal(words.card_filled, timeout=30_000):
        words.open_at(spot_of(window, "Bahnhof"))
    qtbot.waitUntil(lambda: len(words.glosses) == len(words.info.glossable), timeout=10_000)
    assert words.glosses["Bahnhof"] == english_of("Bahnhof")
    assert len(window.translation.translations) < 6  # the document did not move meanwhile
    assert window.translation.running

"""View › Whole Page: a web page as its article, or whole, switched from the menu."""

from __future__ import annotations

from pathlib import Path

from tests.core.document.test_article import ARTICLE_TEXTS, PAGE


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)


def shown_texts(window) -> list[str]:
    assert window.loaded is not None
    return [block.text for block in window.loaded.document.blocks]


def test_whole_page_toggle_reloads_the_page_whole_and_back(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "sturm.html"
    path.write_text(PAGE, encoding="utf-8")
    window = make_window(real_loading=True)
    action = window.document_menus.whole_page.action
    assert not action.isEnabled()
    open_and_wait(qtbot, window, path)
    assert action.isEnabled() and not action.isChecked()
    assert shown_texts(window) == ARTICLE_TEXTS
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        action.trigger()
    assert "Startseite | Politik" in shown_texts(window)
    assert action.isEnabled() and action.isChecked()
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        action.trigger()
    assert shown_texts(window) == ARTICLE_TEXTS


def test_whole_page_is_off_for_documents_without_boilerplate(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "text.txt"
    path.write_text("Ein Satz.\n", encoding="utf-8")
    window = make_window(real_loading=True)
    open_and_wait(qtbot, window, path)
    assert not window.document_menus.whole_page.action.isEnabled()

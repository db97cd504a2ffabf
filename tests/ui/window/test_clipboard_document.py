"""File › New from Clipboard: clipboard HTML or text opened as a document."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication


def set_clipboard(*, text: str = "", html: str = "") -> None:
    data = QMimeData()
    if text:
        data.setText(text)
    if html:
        data.setHtml(html)
    QApplication.clipboard().setMimeData(data)


def test_clipboard_html_opens_with_its_structure(qtbot, make_window) -> None:
    window = make_window(real_loading=True)
    set_clipboard(
        text="Titel Ein Satz.",
        html="<h1>Titel</h1><p>Ein <b>fetter</b> Satz.</p><table><tr><td>A</td><td>B</td></tr>"
        "</table><script>alert(1)</script>",
    )
    clipboard = window.document_menus.clipboard
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000) as loaded:
        clipboard.action.trigger()
    document = loaded.args[1].document
    assert [b.text for b in document.blocks] == ["Titel", "Ein fetter Satz.", "A B"]
    assert document.blocks[2].cells == (0, 2)
    assert window.loaded is not None and window.loaded.document is document
    assert window.windowTitle().startswith("Titel")


def test_clipboard_text_keeps_its_lines_as_paragraphs(qtbot, make_window) -> None:
    window = make_window(real_loading=True)
    set_clipboard(text="Erster Satz hier.\nZweiter Satz dort.\nDritter Satz am Ende.\n")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000) as loaded:
        window.document_menus.clipboard.action.trigger()
    texts = [b.text for b in loaded.args[1].document.blocks]
    assert texts == ["Erster Satz hier.", "Zweiter Satz dort.", "Dritter Satz am Ende."]
    assert "Clipboard" in window.windowTitle()


def test_empty_clipboard_says_so_and_keeps_the_document(qtbot, make_window, tmp_path) -> None:
    window = make_window(real_loading=True)
    path = tmp_path / "a.txt"
    path.write_text("Ein Satz.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)
    set_clipboard(text="   \n ")
    assert window.document_menus.clipboard.open_clipboard() is None
    assert "no text" in window.error_bar.text()
    assert window.loaded is not None and window.loaded.document.source == path

"""View › Chapters: an EPUB's chapters listed, each jumping to its first sentence."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.documents import epub_bytes


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)


def test_chapters_are_listed_and_jump_to_their_first_sentence(qtbot, make_window, tmp_path) -> None:
    filler = "".join(f"<p>Ein Absatz Nummer {n} mit einem Satz.</p>" for n in range(60))
    path = tmp_path / "buch.epub"
    path.write_bytes(
        epub_bytes(
            [
                f"<h1>Erstes Kapitel</h1>{filler}",
                f"<h1>Zweites &amp; letztes Kapitel</h1><p>Hier beginnt es.</p>{filler}",
            ]
        )
    )
    window = make_window(real_loading=True)
    open_and_wait(qtbot, window, path)
    menu = window.document_menus.chapters
    menu.fill()
    texts = [action.text() for action in menu.actions()]
    assert texts == ["&1 Erstes Kapitel", "&2 Zweites && letztes Kapitel"]
    assert window.view.top_sentence_id() == 0
    with qtbot.waitSignal(menu.chapter_shown) as shown:
        menu.actions()[1].trigger()
    target = shown.args[0]
    assert window.view.german_for(target) == "Zweites & letztes Kapitel"
    assert window.view.current == target
    assert window.view.top_sentence_id() == target


def test_a_document_without_chapters_says_so(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "text.txt"
    path.write_text("Ein Satz.\n", encoding="utf-8")
    window = make_window(real_loading=True)
    open_and_wait(qtbot, window, path)
    window.document_menus.chapters.fill()
    [only] = window.document_menus.chapters.actions()
    assert not only.isEnabled()
    assert "no chapters" in only.text()

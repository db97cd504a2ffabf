"""Inline code (a command, a file name) is a mark of its own: fixed-width on screen, kept by
the exports."""

from __future__ import annotations

import markdown

from reader.core.document.loading import load_text
from reader.core.document.model import MarkKind, Translation
from reader.core.document.segmentation import segment_document
from reader.core.export.html import to_html
from reader.core.export.markdown import to_markdown
from reader.core.export.model import BilingualDocument

SOURCE = "Tippen Sie `ls -l` in das Terminal.\n\nDer Befehl `` a`b `` ist seltsam.\n"


def _bilingual() -> BilingualDocument:
    document = load_text(SOURCE, format="markdown", title="Befehle")
    sentences = tuple(segment_document(document))
    return BilingualDocument(
        document=document,
        sentences=sentences,
        translations={s.id: Translation(s.id, s.text, s.text) for s in sentences},
    )


def test_markdown_and_html_code_become_code_marks() -> None:
    document = load_text(SOURCE, format="markdown", title="Befehle")
    first, second = document.blocks
    assert [first.text[m.start : m.end] for m in first.marks if m.kind is MarkKind.CODE] == [
        "ls -l"
    ]
    assert [second.text[m.start : m.end] for m in second.marks] == ["a`b"]
    html = load_text("<p>Drücken Sie <kbd>Strg</kbd> und <b>C</b>.</p>", format="html")
    (block,) = html.blocks
    assert {(block.text[m.start : m.end], m.kind) for m in block.marks} == {
        ("Strg", MarkKind.CODE),
        ("C", MarkKind.BOLD),
    }


def test_html_export_keeps_inline_code() -> None:
    page = to_html(_bilingual())
    assert "<code>ls -l</code>" in page
    assert "<code>a`b</code>" in page


def test_markdown_export_writes_code_spans_that_render_back() -> None:
    text = to_markdown(_bilingual())
    assert "`ls -l`" in text
    assert "``a`b``" in text
    rendered = markdown.markdown(text)
    assert "<code>ls -l</code>" in rendered and "<code>a`b</code>" in rendered


def test_the_view_sets_inline_code_in_a_fixed_width_font(qapp) -> None:
    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QApplication

    from reader.ui.theme import colors_for
    from reader.ui.view.block_formats import apply_mark

    char_format = QTextCharFormat()
    apply_mark(char_format, MarkKind.CODE, None, colors_for(QApplication.palette(), dark=False))
    assert char_format.fontFixedPitch()
    assert char_format.fontFamilies()

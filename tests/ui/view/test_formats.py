"""Real files through the real loader and segmenter into the window: every input format,
and the load errors a user can actually produce."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.document.model import BlockKind

MARKDOWN = """# Wetter in Köln

Heute scheint **die Sonne**. Morgen regnet es, sagt der [Wetterdienst](https://example.org).

- Erster Punkt.
  - Eingerückt.
1. Nummer eins.

> Ein Zitat.

```
print("hallo")
```
"""

HTML = """<html><head><title>Wetter</title><script>alert(1)</script></head><body>
<h1>Wetter in Köln</h1><p>Heute scheint <b>die Sonne</b>. Morgen <i>regnet</i> es.</p>
<ul><li>Erster Punkt.</li></ul><img src="/dev/zero"></body></html>"""

TEXT = "Heute scheint die Sonne. Morgen regnet es.\n\nEin zweiter Absatz steht hier.\n"


def open_and_wait(qtbot, window, path: Path):
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000) as loaded:
        window.open_file(path)
    return loaded.args[1]


@pytest.mark.parametrize(
    ("name", "content", "kinds"),
    [
        (
            "wetter.md",
            MARKDOWN,
            {BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.CODE},
        ),
        ("wetter.html", HTML, {BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH}),
        ("wetter.txt", TEXT, {BlockKind.PARAGRAPH}),
    ],
)
def test_each_format_opens_with_its_structure(qtbot, make_window, tmp_path, name, content, kinds):
    window = make_window(real_loading=True)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    loaded = open_and_wait(qtbot, window, path)
    assert kinds <= {block.kind for block in loaded.document.blocks}
    text = window.view.toPlainText()
    assert "Heute scheint" in text
    assert "alert(1)" not in text
    assert len(window.view.renderer.rows) == len(loaded.document.blocks)
    for sentence in loaded.sentences:
        assert window.view.german_for(sentence.id) == sentence.text


def test_the_sample_article_opens(qtbot, make_window) -> None:
    from reader.ui.application import sample_document

    window = make_window(real_loading=True)
    loaded = open_and_wait(qtbot, window, sample_document())
    assert loaded.document.blocks[0].kind is BlockKind.HEADING
    assert len(window.view.sentence_ids()) > 5


def test_real_errors_become_messages(qtbot, make_window, tmp_path) -> None:
    window = make_window(real_loading=True)
    cases = {
        tmp_path / "fehlt.md": "could not be found",
        tmp_path: "not a regular file",
        tmp_path / "bild.pdf": "damaged",
        tmp_path / "brief.odt": "cannot open",
        tmp_path / "binär.txt": "binary",
        tmp_path / "leer.md": "no text",
    }
    (tmp_path / "bild.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "brief.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / "binär.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    (tmp_path / "leer.md").write_text("   \n\n  ")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "rohr.md")
        cases[tmp_path / "rohr.md"] = "not a regular file"
    for path, words in cases.items():
        with qtbot.waitSignal(window.documents.load_failed, timeout=10_000):
            window.open_file(path)
        assert words in window.error_bar.text(), (path, window.error_bar.text())
    good = tmp_path / "gut.txt"
    good.write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, window, good)
    assert not window.error_bar.isVisible()


def test_the_encoding_used_is_shown(qtbot, make_window, tmp_path) -> None:
    window = make_window(real_loading=True)
    path = tmp_path / "alt.txt"
    path.write_bytes("„Grüße“ kosten 5 €. Noch ein Satz.".encode("cp1252"))
    open_and_wait(qtbot, window, path)
    assert "Windows-1252" in window.status_bar.source.text()
    assert "„Grüße“" in window.view.toPlainText()

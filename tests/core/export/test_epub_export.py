"""The bilingual EPUB: each German block followed by its English, a valid EPUB 3."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.core.document.loading import load_document, load_text
from reader.core.document.model import BlockKind, Translation
from reader.core.document.segmentation import segment_document
from reader.core.export.epub_book import to_epub, write_epub
from reader.core.export.model import BilingualDocument

PAGE = (
    "<h1>Schiffe & Häfen</h1><p>Der Hafen ist <b>groß</b>. Er liegt an der "
    "<a href='https://elbe.de'>Elbe</a>.</p><ul><li>Erster Punkt.</li></ul>"
    "<table><tr><th>Schiff</th><th>Flagge</th></tr><tr><td>Aurora</td><td>Panama</td></tr></table>"
    "<blockquote><p>Ein Zitat „mit“ <i>Gefühl</i>.</p></blockquote><pre>code &lt;x&gt;</pre>"
)


def bilingual() -> BilingualDocument:
    document = load_text(PAGE, format="html")
    sentences = segment_document(document)
    english = {s.id: Translation(s.id, s.text, f"EN {s.text}") for s in sentences}
    return BilingualDocument(document, sentences, english)


def test_the_epub_is_well_formed_and_german_is_followed_by_english(tmp_path: Path) -> None:
    path = tmp_path / "buch.epub"
    write_epub(bilingual(), path)
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"
        for name in archive.namelist():
            if name.endswith((".xhtml", ".opf", ".xml")):
                etree.fromstring(archive.read(name))  # well-formed XML, or this raises
    # Read back with the reader's own EPUB loader: German then English, block by block.
    document = load_document(path)
    texts = [b.text for b in document.blocks]
    assert texts[:4] == [
        "Schiffe & Häfen",
        "EN Schiffe & Häfen",
        "Der Hafen ist groß. Er liegt an der Elbe.",
        "EN Der Hafen ist groß. EN Er liegt an der Elbe.",
    ]
    assert "• Erster Punkt." in texts and "• EN Erster Punkt." in texts
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [b.text for b in rows] == [
        "Schiff Flagge",
        "EN Schiff EN Flagge",
        "Aurora Panama",
        "EN Aurora EN Panama",
    ]
    assert "code <x>" in texts
    assert document.chapters[0].title == "Schiffe & Häfen"


def test_epubcheck_accepts_it(tmp_path: Path) -> None:
    epubcheck = shutil.which("epubcheck")
    if epubcheck is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck; .ci/run installs it)")
    path = tmp_path / "buch.epub"
    path.write_bytes(to_epub(bilingual()))
    command = [epubcheck]
    if os.path.realpath(epubcheck).endswith(".jar"):  # Debian's is a jar run by binfmt
        java = shutil.which("java")
        if java is None:
            pytest.skip("epubcheck is a jar and java is not installed")
        command = [java, "-jar", os.path.realpath(epubcheck)]
    result = subprocess.run(
        [*command, str(path)], capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""A bilingual EPUB 3: each German block followed by its English, as e-book translators give.

One XHTML document holds the text; the navigation document lists the headings. The German
keeps its bold, italic and links, the English the marks carried by word alignment
(``runs``). Everything is escaped XHTML; no scripts, no remote resources.
"""

from __future__ import annotations

import html
import io
import os
import tempfile
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from reader.core.document.model import Block, BlockKind
from reader.core.export.html import marked_html
from reader.core.export.model import BilingualDocument, clean_text
from reader.core.export.runs import Run, cells_of, english_runs, german_runs

_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
_STYLE = """body { font-family: serif; line-height: 1.5; }
.en { color: #3a4a5a; font-style: italic; margin-top: 0.1em; }
h1.en, h2.en, h3.en, h4.en, h5.en, h6.en { font-size: 1em; }
table.row { border-collapse: collapse; width: 100%; }
table.row td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
"""


def to_epub(bilingual: BilingualDocument) -> bytes:
    """The whole EPUB file."""
    title = clean_text(bilingual.document.title or "Document")
    body, headings = _body(bilingual)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # The mimetype entry comes first and uncompressed (OCF).
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER)
        archive.writestr("OEBPS/content.opf", _package(title, bilingual))
        archive.writestr("OEBPS/nav.xhtml", _navigation(title, headings))
        archive.writestr("OEBPS/style.css", _STYLE)
        archive.writestr("OEBPS/text.xhtml", _xhtml(title, body))
    return buffer.getvalue()


def write_epub(bilingual: BilingualDocument, path: Path) -> None:
    """Write the EPUB so a reader never sees half a file; OSError when it cannot."""
    path = Path(path)
    data = to_epub(bilingual)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _package(title: str, bilingual: BilingualDocument) -> str:
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"reader:{title}:{len(bilingual.sentences)}")
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="de">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:{identifier}</dc:identifier>
    <dc:title>{_text(title)}</dc:title>
    <dc:language>de</dc:language>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">{modified}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>
    <item id="style" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="text"/>
  </spine>
</package>
"""


def _navigation(title: str, headings: list[tuple[str, str]]) -> str:
    entries = headings or [("b0", title)]
    items = "\n".join(f'<li><a href="text.xhtml#{a}">{_text(t)}</a></li>' for a, t in entries)
    return _xhtml(
        title, f'<nav epub:type="toc" id="toc"><h1>{_text(title)}</h1>\n<ol>\n{items}\n</ol></nav>'
    )


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        ' lang="de" xml:lang="de">\n'
        f'<head><meta charset="UTF-8"/><title>{_text(title)}</title>'
        '<link rel="stylesheet" type="text/css" href="style.css"/></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _body(bilingual: BilingualDocument) -> tuple[str, list[tuple[str, str]]]:
    parts: list[str] = []
    headings: list[tuple[str, str]] = []
    for block in bilingual.visible_blocks:
        anchor = f"b{block.index}"
        if block.kind is BlockKind.HEADING:
            headings.append((anchor, block.text))
        parts.append(_block(bilingual, block, anchor))
    return "\n".join(parts), headings


def _block(bilingual: BilingualDocument, block: Block, anchor: str) -> str:
    if block.kind is BlockKind.CODE:
        return f'<pre id="{anchor}">{_text(block.text)}</pre>'
    if block.kind is BlockKind.TABLE_ROW and block.cells:
        german_cells = cells_of(bilingual, block, german_runs(bilingual, block), english=False)
        english_cells = cells_of(bilingual, block, english_runs(bilingual, block), english=True)
        german_row = "".join(f"<td>{_inline(cell)}</td>" for cell in german_cells)
        english_row = "".join(f"<td>{_inline(cell)}</td>" for cell in english_cells)
        rows = (
            f'<tr lang="de" xml:lang="de">{german_row}</tr>'
            f'<tr lang="en" xml:lang="en" class="en">{english_row}</tr>'
        )
        return f'<table class="row" id="{anchor}">{rows}</table>'
    german = _inline(german_runs(bilingual, block))
    english = _inline(english_runs(bilingual, block)).strip()
    tag = f"h{min(max(block.level, 1), 6)}" if block.kind is BlockKind.HEADING else "p"
    if block.kind is BlockKind.LIST_ITEM:
        marker = f"{block.number}. " if block.ordered else "• "
        german, english = marker + german, (marker + english if english else "")
    if block.kind is BlockKind.QUOTE:
        tag = "blockquote"
        german, english = f"<p>{german}</p>", (f"<p>{english}</p>" if english else "")
    result = f'<{tag} id="{anchor}">{german}</{tag}>'
    if english:
        result += f'\n<{tag} class="en" lang="en" xml:lang="en">{english}</{tag}>'
    return result


def _inline(runs: list[Run]) -> str:
    return "".join(marked_html(run) for run in runs)


def _text(text: str) -> str:
    return html.escape(clean_text(text), quote=True)

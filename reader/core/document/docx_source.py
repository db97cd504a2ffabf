"""Word documents (.docx) to HTML, read with python-docx after the archive passed its checks.

The HTML goes through the same sanitizer and block builder as a web page, so headings,
lists, bold/italic, links and tables come out as they do for HTML. python-docx parses XML
with entity resolution off; entity declarations are refused before it ever sees them.
Footnotes (python-docx has no API for them) are read from ``word/footnotes.xml`` and listed
after the text, each numbered as its reference mark in the text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from reader.core import errors
from reader.core.document.archive import SafeArchive

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# Pictures of a Word file: each at most this big, all together at most the second.
MAX_PICTURE_BYTES = 10 * 1024 * 1024
MAX_PICTURES_BYTES = 64 * 1024 * 1024
_NS = {"w": _W}
_HEADING_STYLES = {"title": 1, "subtitle": 2}
_DOCUMENT_PART = "word/document.xml"


@dataclass(frozen=True)
class WordContent:
    """The body as HTML and the pictures it shows (address in the HTML -> bytes)."""

    html: str
    pictures: tuple[tuple[str, bytes], ...] = ()


def docx_to_html(path: Path, data: bytes) -> WordContent:
    """The document body as simple HTML, with its pictures. Raises ``LoadError`` subclasses."""
    archive = SafeArchive(path, data)
    if not archive.has(_DOCUMENT_PART):
        raise errors.DocumentDamaged(path, reason=f"{_DOCUMENT_PART} is missing")
    for name in archive.names:
        if name.endswith((".xml", ".rels")):
            archive.read_xml(name)  # refuses entity declarations anywhere
    archive.check_all()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on malformed parts
        raise errors.DocumentDamaged(path, reason=str(error) or type(error).__name__) from None
    writer = _HtmlWriter(document, _footnote_numbers(archive))
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            writer.paragraph(item)
        elif isinstance(item, Table):
            writer.table(item)
    writer.close_lists(0)
    writer.footnotes(_footnote_texts(archive))
    return WordContent("".join(writer.out), tuple(writer.pictures.items()))


class _HtmlWriter:
    def __init__(self, document: WordDocument, footnote_ids: dict[str, int]) -> None:
        self.document = document
        self.out: list[str] = []
        self.lists: list[str] = []  # open "ul"/"ol" tags, one per nesting level
        self.footnote_ids = footnote_ids
        self.pictures: dict[str, bytes] = {}
        self._pictures_size = 0
        self.style_names = {
            style.style_id: style.name or "" for style in document.styles if style.style_id
        }

    def paragraph(self, paragraph: Paragraph) -> None:
        inner = self.inline(paragraph)
        # paragraph.style searches the styles part each time (6 s per MB of text here).
        style = self.style_names.get(paragraph._p.style or "", "")
        level = _heading_level(style)
        list_info = self.list_info(paragraph, style)
        if list_info is None:
            self.close_lists(0)
        if not inner.strip():
            return
        if level:
            self.out.append(f"<h{level}>{inner}</h{level}>")
        elif list_info is not None:
            depth, tag = list_info
            self.close_lists(depth)
            if len(self.lists) == depth and self.lists[-1] != tag:
                self.close_lists(depth - 1)  # bullets followed by numbers: a new list
            while len(self.lists) < depth:
                self.lists.append(tag)
                self.out.append(f"<{tag}>")
            self.out.append(f"<li>{inner}</li>")
        else:
            self.out.append(f"<p>{inner}</p>")

    def table(self, table: Table) -> None:
        self.close_lists(0)
        self.out.append("<table>")
        for row in table.rows:
            self.out.append("<tr>")
            for cell in row.cells:
                text = "<br>".join(self.inline(p) for p in cell.paragraphs)
                self.out.append(f"<td>{text}</td>")
            self.out.append("</tr>")
        self.out.append("</table>")

    def inline(self, paragraph: Paragraph) -> str:
        pieces: list[str] = []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                runs = "".join(self.run(run) for run in item.runs)
                address = item.address
                if address:
                    pieces.append(f'<a href="{escape(address)}">{runs}</a>')
                else:
                    pieces.append(runs)
            elif isinstance(item, Run):
                pieces.append(self.run(item))
        return "".join(pieces)

    def run(self, run: Run) -> str:
        text = escape(run.text)
        for reference in run._r.findall(f"{{{_W}}}footnoteReference"):
            number = self.footnote_ids.get(reference.get(f"{{{_W}}}id") or "")
            if number:
                text += f"<sup>[{number}]</sup>"
        text += "".join(self.pictures_of(run))
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        return text

    def pictures_of(self, run: Run) -> list[str]:
        """``<img>`` for each picture drawn in the run (its alt text from the drawing)."""
        images = []
        descriptions = [
            element.get("descr") or element.get("title") or ""
            for element in run._r.iter(f"{{{_WP}}}docPr")
        ]
        for number, blip in enumerate(run._r.iter(f"{{{_A}}}blip")):
            relation = blip.get(f"{{{_R}}}embed") or ""
            part = self.document.part.related_parts.get(relation)
            alt = descriptions[number] if number < len(descriptions) else ""
            name = str(part.partname).lstrip("/") if part is not None else ""
            blob = part.blob if part is not None else b""
            fits = len(blob) <= MAX_PICTURE_BYTES
            if name and fits and self._pictures_size + len(blob) <= MAX_PICTURES_BYTES:
                if name not in self.pictures:
                    self.pictures[name] = blob
                    self._pictures_size += len(blob)
            else:
                name = ""
            images.append(f'<img src="{escape(name)}" alt="{escape(alt)}">')
        return images

    def list_info(self, paragraph: Paragraph, style: str) -> tuple[int, str] | None:
        """(nesting depth from 1, "ul" or "ol") for a list paragraph, else None."""
        properties = paragraph._p.pPr
        numbering = properties.find(f"{{{_W}}}numPr") if properties is not None else None
        if numbering is None:
            if style.lower().startswith("list number"):
                return 1, "ol"
            if style.lower().startswith("list bullet"):
                return 1, "ul"
            return None
        level = _int_attribute(numbering.find(f"{{{_W}}}ilvl"), 0)
        num_id = _int_attribute(numbering.find(f"{{{_W}}}numId"), -1)
        return min(int(level), 7) + 1, self.list_tag(num_id, int(level))

    def list_tag(self, num_id: int | None, level: int) -> str:
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return "ul"
        formats = root.xpath(
            f"w:abstractNum[@w:abstractNumId=//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val]"
            f"/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val",
            namespaces=_NS,
        )
        return "ul" if not formats or formats[0] in ("bullet", "none") else "ol"

    def close_lists(self, depth: int) -> None:
        while len(self.lists) > depth:
            self.out.append(f"</{self.lists.pop()}>")

    def footnotes(self, texts: list[tuple[int, str]]) -> None:
        if texts:
            self.out.append("<hr>")
        for number, text in texts:
            self.out.append(f"<p><sup>[{number}]</sup> {escape(text)}</p>")


def _int_attribute(element: etree._Element | None, default: int) -> int:
    """``w:val`` of a numbering element as a number."""
    value = element.get(f"{{{_W}}}val") if element is not None else None
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _heading_level(style: str) -> int:
    lowered = style.lower()
    if lowered in _HEADING_STYLES:
        return _HEADING_STYLES[lowered]
    if lowered.startswith("heading "):
        digits = lowered.removeprefix("heading ").strip()
        if digits.isdigit():
            return max(1, min(int(digits), 6))
    return 0


def _footnote_root(archive: SafeArchive) -> etree._Element | None:
    if not archive.has("word/footnotes.xml"):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(archive.read_xml("word/footnotes.xml"), parser)
    except etree.XMLSyntaxError as error:
        raise errors.DocumentDamaged(archive.path, reason=f"footnotes: {error}") from None


def _real_footnotes(archive: SafeArchive) -> list[etree._Element]:
    root = _footnote_root(archive)
    if root is None:
        return []
    # Types "separator" and "continuationSeparator" are layout, not notes.
    return [note for note in root.findall(f"{{{_W}}}footnote") if note.get(f"{{{_W}}}type") is None]


def _footnote_numbers(archive: SafeArchive) -> dict[str, int]:
    notes = _real_footnotes(archive)
    return {note.get(f"{{{_W}}}id") or "": number for number, note in enumerate(notes, 1)}


def _footnote_texts(archive: SafeArchive) -> list[tuple[int, str]]:
    texts = []
    for number, note in enumerate(_real_footnotes(archive), 1):
        paragraphs = [
            "".join(str(t) for t in p.itertext()).strip() for p in note.iter(f"{{{_W}}}p")
        ]
        text = " ".join(p for p in paragraphs if p)
        if text:
            texts.append((number, text))
    return texts

"""What the main window calls for File › Export as… and for copying sentence pairs.

The window owns the dialog and the menu; this module owns formats, file filters, suggested
names, writing (text formats through the core, PDF through Qt) and the clipboard payload.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from reader.core.export.formats import export_to_file
from reader.core.export.model import BilingualDocument, SentencePair, pairs_as_clipboard


@dataclass(frozen=True)
class ExportChoice:
    """One entry of the Export as… dialog: the format key and its file suffix."""

    fmt: str
    suffix: str


EXPORT_CHOICES = (
    ExportChoice("html", ".html"),
    ExportChoice("pdf", ".pdf"),
    ExportChoice("md", ".md"),
    ExportChoice("tsv", ".tsv"),
    ExportChoice("tmx", ".tmx"),
    ExportChoice("epub", ".epub"),
)


def _describe(fmt: str) -> str:
    translate = QCoreApplication.translate  # by this name lupdate sees the strings
    return {
        "html": translate("Export", "Web page, side by side"),
        "pdf": translate("Export", "PDF, side by side"),
        "md": translate("Export", "Markdown"),
        "tsv": translate("Export", "Sentence pairs, tab-separated"),
        "tmx": translate("Export", "Translation memory (TMX)"),
        "epub": translate("Export", "Bilingual e-book (EPUB)"),
    }[fmt]


def export_filters() -> list[str]:
    """Name filters for QFileDialog, in the order of ``EXPORT_CHOICES``."""
    return [f"{_describe(c.fmt)} (*{c.suffix})" for c in EXPORT_CHOICES]


def choice_for(path: Path, selected_filter: str = "") -> ExportChoice:
    """The format for a chosen path: its suffix if known, else the selected filter, else HTML."""
    by_suffix = {c.suffix: c for c in EXPORT_CHOICES} | {
        ".htm": EXPORT_CHOICES[0],
        ".markdown": EXPORT_CHOICES[2],
    }
    suffix = Path(path).suffix.lower()
    if suffix in by_suffix:
        return by_suffix[suffix]
    for choice, name_filter in zip(EXPORT_CHOICES, export_filters(), strict=True):
        if selected_filter == name_filter:
            return choice
    return EXPORT_CHOICES[0]


def suggested_path(bilingual: BilingualDocument, choice: ExportChoice, folder: Path) -> Path:
    """``<source stem>.de-en<suffix>`` in ``folder`` (the title when there is no source)."""
    source = bilingual.document.source
    stem = source.stem if source is not None else (bilingual.document.title or "document")
    safe = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in stem).strip() or "doc"
    return Path(folder) / f"{safe[:80]}.de-en{choice.suffix}"


def export_to_path(bilingual: BilingualDocument, path: Path, fmt: str) -> None:
    """Write one format to ``path``; raises OSError when it cannot be written.

    Safe off the GUI thread (PDF uses QtGui only; a test writes one from a worker thread):
    a 200-page PDF takes 10–20 s here, a news article well under a second.
    """
    if fmt == "pdf":
        from reader.qtgui.pdf_export import export_pdf

        export_pdf(bilingual, Path(path))
    elif fmt == "epub":
        from reader.core.export.epub_book import write_epub

        write_epub(bilingual, Path(path))
    else:
        export_to_file(bilingual, fmt, Path(path))


def pairs_mime_data(pairs: Iterable[SentencePair]) -> QMimeData:
    """Plain text and HTML of the pairs on one QMimeData."""
    plain, rich = pairs_as_clipboard(pairs)
    data = QMimeData()
    data.setText(plain)
    data.setHtml(rich)
    return data


def copy_pairs(pairs: Iterable[SentencePair], clipboard: QClipboard | None = None) -> None:
    """Put the pairs on the clipboard (both plain text and HTML)."""
    target = clipboard if clipboard is not None else QGuiApplication.clipboard()
    target.setMimeData(pairs_mime_data(pairs))

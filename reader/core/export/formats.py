"""Writing one export format by name: the dispatch over the format modules.

The format modules import the document model (``model.py``); only this module imports them,
so the model never imports a format back. To add a text format: a module beside these with
a ``to_…(bilingual) -> str`` function, a member of ``ExportFormat``, and a case below.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.export.model import BilingualDocument, ExportFormat, to_tsv
from reader.core.safe_io import write_text_atomically

__all__ = ["export_to_file", "render", "write_text_atomically"]


def render(bilingual: BilingualDocument, fmt: ExportFormat | str, *, table: bool = False) -> str:
    """The document in one text format; ``table`` asks Markdown for a two-column table."""
    match ExportFormat(fmt):
        case ExportFormat.HTML:
            from reader.core.export.html import to_html

            return to_html(bilingual)
        case ExportFormat.MARKDOWN:
            from reader.core.export.markdown import to_markdown

            return to_markdown(bilingual, table=table)
        case ExportFormat.TSV:
            return to_tsv(bilingual)
        case ExportFormat.TMX:
            from reader.core.export.tmx import to_tmx

            return to_tmx(bilingual)
    raise AssertionError(fmt)  # pragma: no cover - StrEnum() already rejected it


def export_to_file(
    bilingual: BilingualDocument, fmt: ExportFormat | str, path: Path, *, table: bool = False
) -> None:
    """Render one text format and write it to ``path`` (OSError when it cannot be written)."""
    write_text_atomically(path, render(bilingual, fmt, table=table))

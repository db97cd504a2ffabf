"""Reading ``German<TAB>English`` pairs from a file, as ``reader export --to tsv`` writes them.

Accepted lines: ``German<TAB>English`` or ``id<TAB>German<TAB>English[<TAB>checks]`` (the
export's columns, header line included). Empty lines are skipped. Binary files, lines without
a tab and overlong lines are refused with the line they are on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.document.decoding import NotText, decode_bytes
from reader.core.errors import ReaderError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 20_000
_EXPORT_HEADER = ("id", "german", "english")


@dataclass(frozen=True)
class PairLine:
    """One pair; ``line`` is 1-based, ``ident`` the export's sentence id when there is one."""

    line: int
    german: str
    english: str
    ident: str | None = None


@dataclass
class PairsFileError(ReaderError):
    """A pairs file that cannot be read; ``line`` is 0 for the whole file.

    ``reason`` is one of ``missing``, ``unreadable``, ``too_large``, ``binary``, ``no_tab``,
    ``too_long``; ``detail`` adds the system's words or the limit.
    """

    path: Path
    reason: str
    line: int = 0
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


def parse_pairs(text: str, path: Path) -> list[PairLine]:
    """Pairs of an already decoded text; raises ``PairsFileError`` at the first bad line."""
    pairs = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            raise PairsFileError(path, "too_long", number, f"{len(line):,} > {MAX_LINE_CHARS:,}")
        columns = line.split("\t")
        if len(columns) < 2:
            raise PairsFileError(path, "no_tab", number)
        if tuple(c.strip().lower() for c in columns[:3]) == _EXPORT_HEADER:
            continue
        if len(columns) >= 3 and columns[0].strip().isdigit():
            pairs.append(PairLine(number, columns[1].strip(), columns[2].strip(), columns[0]))
        else:
            pairs.append(PairLine(number, columns[0].strip(), columns[1].strip()))
    return pairs


def read_pairs_file(path: Path) -> list[PairLine]:
    """The pairs of ``path``; raises ``PairsFileError`` with what is wrong and where."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PairsFileError(path, "too_large", 0, f"{size:,} > {MAX_FILE_BYTES:,} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PairsFileError(path, "missing") from None
    except OSError as error:
        raise PairsFileError(path, "unreadable", 0, error.strerror or str(error)) from None
    try:
        text, _encoding = decode_bytes(data)
    except NotText as error:
        raise PairsFileError(path, "binary", 0, error.kind) from None
    return parse_pairs(text, path)

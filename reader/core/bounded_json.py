"""One JSON reader for every state file, package file, index and socket line.

The standard library's ``json`` has no limits: 100,000 ``[`` raise ``RecursionError`` and a
100,000-digit integer ``ValueError`` deep inside the parser (measured: both gave tracebacks
in ``models list`` and in the window). Here the size is capped, the nesting depth is counted
in one linear pass before parsing, numbers longer than ``MAX_NUMBER_CHARS`` and the
non-standard ``NaN``/``Infinity`` are refused, and every failure is one ``JsonRejected``.
Only regular files are opened (a FIFO named ``metadata.json`` must not block).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from reader.core.safe_io import read_at_most

MAX_JSON_BYTES = 1 << 20
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 40

# Strings are skipped whole so brackets inside them do not count.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_OPEN = frozenset(b"[{")


class JsonRejected(ValueError):
    """The bytes are not JSON we accept; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def loads_bounded(
    data: bytes | str, *, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_DEPTH
) -> object:
    """Parse ``data`` as JSON within the limits; raises ``JsonRejected``."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise JsonRejected(f"too large (over {max_bytes} bytes)")
    depth = 0
    for match in _TOKENS.finditer(raw):
        token = match.group()
        if len(token) != 1:
            continue
        if token[0] in _OPEN:
            depth += 1
            if depth > max_depth:
                raise JsonRejected(f"nested deeper than {max_depth}")
        else:
            depth -= 1
    try:
        text = raw.decode("utf-8")
        return json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_refuse_constant,
        )
    except JsonRejected:
        raise
    except UnicodeDecodeError:
        raise JsonRejected("not JSON: not UTF-8") from None
    except (ValueError, RecursionError) as error:
        raise JsonRejected(f"not JSON: {error}") from None


def read_json_file(path: Path, *, max_bytes: int = MAX_JSON_BYTES) -> object:
    """Read and parse a regular file; raises ``JsonRejected`` or ``OSError``.

    ``FileNotFoundError`` passes through unchanged so callers can tell "missing" apart.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise JsonRejected("not a regular file")
        data = read_at_most(fd, max_bytes)
    finally:
        os.close(fd)
    return loads_bounded(data, max_bytes=max_bytes)


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonRejected(f"a number longer than {MAX_NUMBER_CHARS} characters")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonRejected(f"a number longer than {MAX_NUMBER_CHARS} characters")
    return float(text)


def _refuse_constant(text: str) -> float:
    raise JsonRejected(f"{text} is not JSON")

"""Undo hard line wrapping: whitespace runs become one space, words hyphenated across a line
break are rejoined where that is safe, and plain text splits into paragraphs at blank lines.

Translating line by line damages German badly (docs/ARCHITECTURE.md), so every paragraph reaches the
segmenter as one line. ``normalize_inline`` also returns an ``OffsetMap`` so inline marks
recorded on the raw text land on the same characters of the normalized text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

# Runs of whitespace, invisible control characters, stray BOMs and soft hyphens. A run that
# contains real whitespace becomes one space; a run of only invisible characters vanishes.
_SPACE_CHARS = " \t\n\r\x0b\x0c\x85\u2028\u2029"
_INVISIBLE = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\u00ad"
_RUN = re.compile(f"[{_SPACE_CHARS}{_INVISIBLE}]+")
_HAS_SPACE = re.compile(f"[{_SPACE_CHARS}]")
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]")

# "Ver-\nkehr": a letter or digit, a hyphen, one line break (no blank line), a letter or digit.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W_])-[ \t]*\n[ \t]*(?=[^\W_])")
_WORD_BEFORE = re.compile(r"[^\W_]+$")
_WORD_AFTER = re.compile(r"[^\W_]+")

# "Vor- und Nachteile", "Ein- bzw. Ausgang": the hyphen is a suspended compound, not a break.
_CONJUNCTIONS = frozenset(
    {
        "und", "oder", "bzw", "beziehungsweise", "sowie", "bis", "als", "wie", "noch",
        "respektive", "resp", "versus", "vs", "statt", "anstatt", "u", "o", "sondern",
    }
)  # fmt: skip

_BLANK_LINE = re.compile(r"\n[ \t\x0b\x0c]*\n")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a raw string to offsets in its normalized form.

    ``starts``/``ends`` are the raw spans that were replaced, ``out_starts`` where each
    replacement begins in the output, ``shifts`` the offset change after each span.
    """

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    out_starts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def map(self, raw_offset: int) -> int:
        """Where ``raw_offset`` lands in the normalized text (inside a replaced span: its start)."""
        k = bisect_right(self.starts, raw_offset) - 1
        if k < 0:
            return raw_offset
        if raw_offset < self.ends[k]:
            return self.out_starts[k]
        return raw_offset + self.shifts[k]


def normalize_newlines(text: str) -> str:
    r"""Turn ``\r\n``, lone ``\r`` and Unicode line separators into ``\n``."""
    return _NEWLINES.sub("\n", text)


def normalize_inline(raw: str) -> tuple[str, OffsetMap]:
    """Collapse whitespace to single spaces, strip the ends, rejoin hyphenated line breaks.

    Non-breaking spaces stay inside the text; at its ends every kind of space is stripped.
    Returns the text and the map from raw to normalized offsets.
    """
    edits: list[tuple[int, int, str]] = []
    for match in _HYPHEN_BREAK.finditer(raw):
        edits.append((match.start(), match.end(), _rejoin(raw, match.start(), match.end())))
    if edits:
        edits.extend(_space_edits(raw, edits))
        edits.sort()
    else:
        edits = _space_edits(raw, [])
    return _apply(raw, edits)


def split_paragraphs(text: str) -> list[str]:
    """Plain text to paragraphs: blank lines separate them; single line breaks only where
    the line before them is not wrapped (see ``wrapped_runs``)."""
    text = normalize_newlines(text)
    paragraphs = []
    for chunk in _BLANK_LINE.split(text):
        for run in wrapped_runs(chunk):
            paragraph, _ = normalize_inline(run)
            if paragraph:
                paragraphs.append(paragraph)
    return paragraphs


# A wrapped line fills most of the paragraph's width; a line much shorter than that ended
# on purpose (a headline, a dateline, one sentence per line as news text is often pasted).
_WRAPPED_SHARE = 0.6
FINAL_PUNCTUATION = (".", "!", "?", "…", ":", "“", "”", '"', "«", "»", ")")


def wrapped_runs(chunk: str) -> list[str]:
    """Split a blank-line-free chunk where a line break is a paragraph break, not a wrap.

    A break joins when the line before is long (at least ``_WRAPPED_SHARE`` of the chunk's
    longest line), ends in a hyphen, stops mid-sentence (no final punctuation) below the
    first line, or the next line starts in lower case. Otherwise the short line stands alone:
    a finished sentence on its own line, or a first line without final punctuation — a
    headline ("Obama empfängt Netanyahu" above its article).
    """
    lines = chunk.split("\n")
    if len(lines) < 2:
        return [chunk]
    width = max(len(line.strip()) for line in lines)
    runs: list[list[str]] = [[lines[0]]]
    for number, (before, line) in enumerate(itertools.pairwise(lines)):
        head = before.rstrip()
        following = line.lstrip()
        joins = (
            not head
            or len(head.lstrip()) >= _WRAPPED_SHARE * width
            or head.endswith("-")
            or following[:1].islower()
            or (number > 0 and not head.endswith(FINAL_PUNCTUATION))
        )
        if joins:
            runs[-1].append(line)
        else:
            runs.append([line])
    return ["\n".join(run) for run in runs]


def _rejoin(raw: str, start: int, end: int) -> str:
    """Replacement for a hyphen + line break between ``raw[start-1]`` and ``raw[end]``."""
    before = _WORD_BEFORE.search(raw, max(0, start - 64), start)
    after = _WORD_AFTER.match(raw, end)
    word_after = after.group() if after else ""
    if word_after.lower() in _CONJUNCTIONS:
        return "- "
    fragment = before.group() if before else ""
    joinable = (
        len(fragment) >= 2
        and fragment.isalpha()
        and fragment[-1].islower()
        and word_after[:1].islower()
    )
    # "Ver-\nkehr" -> "Verkehr"; "US-\nDollar", "3-\nfach", "E-\nMail" keep the hyphen.
    return "" if joinable else "-"


def _space_edits(raw: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    lead, inner_end = _inner_bounds(raw)
    if lead >= inner_end:
        return [(0, len(raw), "")] if raw else []
    edits = [(0, lead, "")] if lead else []
    index = 0
    for match in _RUN.finditer(raw, lead, inner_end):
        start, end = match.start(), match.end()
        # Runs inside a hyphen break are already handled by that edit.
        while index < len(taken) and taken[index][1] <= start:
            index += 1
        if index < len(taken) and taken[index][0] < end:
            continue
        replacement = " " if _HAS_SPACE.search(raw, start, end) else ""
        if replacement != raw[start:end]:
            edits.append((start, end, replacement))
    if inner_end < len(raw):
        edits.append((inner_end, len(raw), ""))
    return edits


def _inner_bounds(raw: str) -> tuple[int, int]:
    """Where the text starts and ends once edge whitespace (any kind) and invisibles go."""
    start = 0
    end = len(raw)
    while start < end and (raw[start].isspace() or _INVISIBLE_RUN.match(raw, start)):
        start += 1
    while end > start and (raw[end - 1].isspace() or _INVISIBLE_RUN.match(raw, end - 1)):
        end -= 1
    return start, end


def _apply(raw: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    if not edits:
        return raw, OffsetMap()
    pieces: list[str] = []
    starts, ends, out_starts, shifts = [], [], [], []
    copied = 0
    out_len = 0
    for start, end, replacement in edits:
        pieces.append(raw[copied:start])
        out_len += start - copied
        starts.append(start)
        ends.append(end)
        out_starts.append(out_len)
        pieces.append(replacement)
        out_len += len(replacement)
        shifts.append(out_len - end)
        copied = end
    pieces.append(raw[copied:])
    # Edge runs were replaced by "" and hyphen breaks sit between two letters, so the text
    # never starts or ends with a space here.
    return "".join(pieces), OffsetMap(tuple(starts), tuple(ends), tuple(out_starts), tuple(shifts))

"""Reading order for PDF pages set in two or more text columns.

A PDF stores its text in whatever order the program that wrote it chose, so a two-column
page may come out with its columns interleaved. A page is taken to have columns when a
vertical line ``x = c`` splits its lines into a left group that ends before ``c`` and a
right group that starts at ``c``, each group set mostly flush to one left edge, and both
running over most of the text's height side by side. Lines that cross ``c`` (a heading or
a paragraph set across the whole page) split the page into bands; each band is read column
by column, top to bottom, and the bands in turn. A page without such a split keeps its
order unchanged.

Line widths are estimated from the character count and type size (pypdf's visitor gives a
line's start, not its end); ``_WIDTH_SLACK`` allows for that estimate being rough.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class PlacedLine:
    """One text line of a page: baseline ``y`` (up is larger), left edge ``x``, type size."""

    y: float
    x: float
    text: str
    size: float

    @property
    def estimated_width(self) -> float:
        return estimated_width(self.text, self.size)


def estimated_width(text: str, size: float) -> float:
    """A rough width of ``text`` set in ``size`` (page units)."""
    return len(text) * size * _CHAR_WIDTH


def apart_on_baseline(x: float, piece_x: float, piece_end: float, size: float) -> bool:
    """Whether text starting at ``x`` on the baseline of a piece that starts at
    ``piece_x`` and ends near ``piece_end`` belongs to another column: it starts before that
    piece, or well after its end (a column gap, not a word space)."""
    return x < piece_x - _EDGE_TOLERANCE or x > piece_end + size * _COLUMN_GAP_EMS


# Average advance of a character in a proportional Latin font, in ems.
_CHAR_WIDTH = 0.5
# A line whose estimated width exceeds its room before the split this many times crosses it.
_WIDTH_SLACK = 1.3
# Text this many ems past the end of the text before it on one baseline is another column.
_COLUMN_GAP_EMS = 4.0
# Left edges this close (in page units) count as one edge.
_EDGE_TOLERANCE = 2.0
# Each column is at least this many lines...
_MIN_COLUMN_LINES = 3
# ...spans this share of the text's height, alongside the other column...
_MIN_HEIGHT_SHARE = 0.5
# ...and this share of its lines start at its common left edge.
_MIN_ALIGNED_SHARE = 0.4
# At most this share of the lines may cross the split (headings, full-width paragraphs).
_MAX_CROSSING_SHARE = 0.25


def reading_order(lines: list[PlacedLine]) -> list[PlacedLine]:
    """The page's lines column by column when it has columns; otherwise as given."""
    split = _column_split(lines)
    if split is None:
        return list(lines)
    ordered: list[PlacedLine] = []
    left: list[PlacedLine] = []
    right: list[PlacedLine] = []
    for line in sorted(lines, key=lambda line: -line.y):  # stable: same-y lines keep order
        side = _side(line, split)
        if side == 0:  # crosses the split: ends the band above it
            ordered += reading_order(left) + reading_order(right)
            left, right = [], []
            ordered.append(line)
        elif side < 0:
            left.append(line)
        else:
            right.append(line)
    return ordered + reading_order(left) + reading_order(right)


def _side(line: PlacedLine, split: float) -> int:
    """-1 left of the split, 1 right of it, 0 across it."""
    if line.x >= split - _EDGE_TOLERANCE:
        return 1
    room = split - line.x
    return -1 if line.estimated_width <= room * _WIDTH_SLACK else 0


def _column_split(lines: list[PlacedLine]) -> float | None:
    """The leftmost ``x`` that splits the lines into columns, or None."""
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return None
    edges = Counter(round(line.x / _EDGE_TOLERANCE) * _EDGE_TOLERANCE for line in lines)
    leftmost = min(line.x for line in lines)
    candidates = sorted(
        edge
        for edge, count in edges.items()
        if count >= _MIN_COLUMN_LINES and edge > leftmost + _EDGE_TOLERANCE
    )
    top = max(line.y for line in lines)
    height = top - min(line.y for line in lines)
    if height <= 0:
        return None
    for split in candidates:
        if _is_column_split(lines, split, height):
            return split
    return None


def _is_column_split(lines: list[PlacedLine], split: float, height: float) -> bool:
    groups: dict[int, list[PlacedLine]] = {-1: [], 0: [], 1: []}
    for line in lines:
        groups[_side(line, split)].append(line)
    left, crossing, right = groups[-1], groups[0], groups[1]
    if len(crossing) > len(lines) * _MAX_CROSSING_SHARE:
        return False
    if len(left) < _MIN_COLUMN_LINES or len(right) < _MIN_COLUMN_LINES:
        return False
    if not (_aligned(left) and _aligned(right)):
        return False
    # Side by side: the two columns share most of the text's height.
    overlap = min(max(line.y for line in left), max(line.y for line in right)) - max(
        min(line.y for line in left), min(line.y for line in right)
    )
    return overlap >= height * _MIN_HEIGHT_SHARE


def _aligned(group: list[PlacedLine]) -> bool:
    """Whether enough of the group's lines start at one common left edge."""
    edges = Counter(round(line.x / _EDGE_TOLERANCE) for line in group)
    return edges.most_common(1)[0][1] >= len(group) * _MIN_ALIGNED_SHARE

"""Builds the reading view's QTextDocument: one two-column table per block, German | English.

Each block gets its own one-row table, so every block's English starts level with its
German and filling in one block's English relays out one small table (one big table took
~20 ms per cell update at 100 rows, growing with the row count). Tables, pictures: table_rows.
Positions: per row, each sentence's span relative to its cell (UTF-16); the live table
gives the cell's current start, so spans stay right while English streams into other rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextTable

from reader.core.document.model import Block, BlockKind, Document, Mark, Sentence, Translation
from reader.ui.theme import ReaderColors
from reader.ui.view import cell_layout
from reader.ui.view.block_formats import Side, base_char_format, block_format, list_format
from reader.ui.view.marked_text import english_marks, insert_marked
from reader.ui.view.table_rows import fill_composite_side, is_composite
from reader.ui.view.text_positions import Utf16Map, utf16_length

PLACEHOLDER = "…"
FIRST_ROWS = 30  # rows built at once when a document opens; the rest follow in chunks
_END = QTextCursor.MoveOperation.End
_KEEP = QTextCursor.MoveMode.KeepAnchor


@dataclass
class Row:
    """One block's table and where its sentences sit inside the two cells."""

    block: Block
    table: QTextTable
    sentence_ids: list[int]
    german_spans: list[tuple[int, int]]  # UTF-16, relative to the German cell's start
    english_spans: list[tuple[int, int]] = field(default_factory=list)

    def cell_start(self, side: Side) -> int:
        return cell_layout.cell_of(self.table, side).firstPosition()


@dataclass(frozen=True)
class ExtraFormat:
    """A character format laid over a span (entities, later): German spans are code-point
    offsets into ``block`` text; English spans are offsets into the sentence's English."""

    side: Side
    key: int  # block index for German, sentence id for English
    start: int
    end: int
    char_format: QTextCharFormat


class DocumentRenderer:
    """Fills a QTextDocument from a Document, its sentences and the English known so far."""

    def __init__(self, document: QTextDocument, colors: ReaderColors) -> None:
        self.document = document
        self.colors = colors
        self.german_percent = 50
        self.interleaved = False  # English under German in one column (View › Interleaved)
        self.source: Document | None = None
        self.sentences: dict[int, Sentence] = {}
        self.english: dict[int, str] = {}
        self.english_marks: dict[int, tuple[Mark, ...]] = {}  # bold/italic/links on English
        self.placeholders = True  # False while no model can translate: leave English empty
        self.rows: list[Row] = []
        self.row_of_sentence: dict[int, int] = {}
        self._row_of_block: dict[int, int] = {}
        self._extra: list[ExtraFormat] = []
        self._by_block: dict[int, list[Sentence]] = {}
        self._next_block = 0
        self.first_block = 0  # the first row's block (above 0 only in a window: row_window)
        self.order: list[int] = []  # every sentence id in reading order

    def render(
        self,
        source: Document,
        sentences: Sequence[Sentence],
        english: Mapping[int, str] | None = None,
    ) -> None:
        """Replace the whole document (the old one's marks go with it: their spans would
        land on the new text, and a big document's window would lay them again on every move)."""
        self._extra = []
        self.source = source
        self.sentences = {s.id: s for s in sentences}
        self.english = dict(english or {})
        self.english_marks = {}
        by_block: dict[int, list[Sentence]] = {}
        for sentence in sentences:
            by_block.setdefault(sentence.block, []).append(sentence)
        self.rebuild(by_block)

    def rebuild(self, by_block: dict[int, list[Sentence]] | None = None) -> None:
        """Lay out everything again (after a theme, column or format change).

        Only the first ``FIRST_ROWS`` rows are built now; ``render_more`` appends the rest
        (the view calls it from a timer), so a long document never freezes the window.
        """
        if by_block is None:
            by_block = {}
            for sentence in self.sentences.values():
                by_block.setdefault(sentence.block, []).append(sentence)
            for group in by_block.values():
                group.sort(key=lambda s: s.start)
        self._by_block = by_block
        self.order = [
            s.id
            for block in (self.source.blocks if self.source else ())
            for s in by_block.get(block.index, [])
        ]
        self.rows = []  # before clearing: the scroll bar going may resize the view at once
        self.row_of_sentence = {}
        self._row_of_block = {}
        self.document.clear()
        self._next_block = self.first_block
        if self.source is not None:
            self.render_more(FIRST_ROWS)

    def ensure_rows(self, count: int) -> None:
        """Build rows now until at least ``count`` exist (or the document ends)."""
        while len(self.rows) < count and self.render_more(max(25, count - len(self.rows))):
            pass

    def ensure_sentence(self, sentence_id: int) -> bool:
        """Build rows up to the one holding ``sentence_id``; False for an unknown id."""
        sentence = self.sentences.get(sentence_id)
        if sentence is None:
            return False
        while sentence_id not in self.row_of_sentence and self.render_more(50):
            pass
        return sentence_id in self.row_of_sentence

    @property
    def complete(self) -> bool:
        """Every block has its row."""
        return self.source is None or self._next_block >= len(self.source.blocks)

    def render_more(self, count: int) -> bool:
        """Append up to ``count`` more rows; returns True while rows are still missing."""
        if self.source is None:
            return False
        blocks = self.source.blocks[self._next_block : self._next_block + count]
        if not blocks:
            return False
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        new_table = cell_layout.row_table_format(self.german_percent, self.interleaved)
        first_row = len(self.rows)
        for block in blocks:
            cursor.movePosition(_END)
            table = cursor.insertTable(*cell_layout.table_shape(self.interleaved), new_table)
            block_sentences = self._by_block.get(block.index, [])
            row = Row(block, table, [s.id for s in block_sentences], [])
            self._fill_german(row, block_sentences)
            self._fill_english(row)
            index = len(self.rows)
            self.rows.append(row)
            self._row_of_block[block.index] = index
            for sentence_id in row.sentence_ids:
                self.row_of_sentence[sentence_id] = index
        cursor.endEditBlock()
        self._next_block += len(blocks)
        new_blocks = {block.index for block in blocks}
        new_ids = {sid for row in self.rows[first_row:] for sid in row.sentence_ids}
        self._apply_extra(
            [
                e
                for e in self._extra
                if (e.key in new_blocks if e.side is Side.GERMAN else e.key in new_ids)
            ]
        )
        return not self.complete

    def set_english(
        self, translations: Mapping[int, str], aligned: Mapping[int, Translation] | None = None
    ) -> list[int]:
        """Store new English and redraw the rows it touches; returns those row indexes.

        ``aligned`` (the model's word alignment) carries the German's marks onto the English.
        """
        self.english.update(translations)
        for sentence_id in translations:
            self.english_marks.pop(sentence_id, None)
        self.english_marks.update(english_marks(self.source, self.sentences, aligned or {}))
        rows = sorted({self.row_of_sentence[i] for i in translations if i in self.row_of_sentence})
        self.refresh_rows(rows)
        return rows

    def refresh_rows(self, rows: Iterable[int]) -> None:
        """Redraw the English cells of ``rows``: one edit per run of adjacent rows.

        One edit over rows far apart would make Qt lay out everything between them again
        (measured: 40–60 ms for three rows spread over 400, 2–3 ms for adjacent ones).
        """
        ordered = sorted(set(rows))
        if not ordered:
            return
        cursor = QTextCursor(self.document)
        run_start = 0
        for position in range(1, len(ordered) + 1):
            if position == len(ordered) or ordered[position] != ordered[position - 1] + 1:
                cursor.beginEditBlock()
                for index in ordered[run_start:position]:
                    self._fill_english(self.rows[index])
                cursor.endEditBlock()
                run_start = position
        ids = {sid for index in ordered for sid in self.rows[index].sentence_ids}
        self._apply_extra([e for e in self._extra if e.side is Side.ENGLISH and e.key in ids])

    def set_extra_formats(self, formats: Sequence[ExtraFormat], *, redraw: bool = True) -> None:
        """Lay extra character formats (e.g. entity highlights) over spans on both sides.

        With ``redraw=False`` they are only stored, for a rebuild the caller does next.
        """
        had_extra = bool(self._extra)
        self._extra = list(formats)
        if not redraw:
            return
        if had_extra:
            self.rebuild()  # formats cannot be peeled off; draw clean, then lay the new ones
        else:
            self._apply_extra(self._extra)

    def add_extra_formats(self, formats: Sequence[ExtraFormat]) -> None:
        """Lay more formats over what is shown (no rebuild); kept for later redraws."""
        self._extra.extend(formats)
        self._apply_extra(formats)

    # --- positions ---------------------------------------------------------------------

    def row_at(self, position: int) -> int | None:
        """The row whose table contains document ``position``."""
        if not self.rows:
            return None
        starts = _RowStarts(self.rows)
        index = bisect.bisect_right(starts, position) - 1
        if index < 0:
            return None
        return index

    def sentence_at(self, position: int) -> tuple[int, Side] | None:
        """The sentence (id, side) at document ``position``, or None between sentences."""
        index = self.row_at(position)
        if index is None:
            return None
        row = self.rows[index]
        cell = row.table.cellAt(position)
        if not cell.isValid():
            return None
        side = cell_layout.side_of(row.table, cell)
        offset = position - cell.firstPosition()
        spans = row.german_spans if side is Side.GERMAN else row.english_spans
        for sentence_id, (start, end) in zip(row.sentence_ids, spans, strict=False):
            if start <= offset < end:
                return sentence_id, side
        return None

    def span(self, sentence_id: int, side: Side) -> tuple[int, int] | None:
        """The document positions ``[start, end)`` of a sentence on one side."""
        index = self.row_of_sentence.get(sentence_id)
        if index is None:
            return None
        row = self.rows[index]
        spans = row.german_spans if side is Side.GERMAN else row.english_spans
        position = row.sentence_ids.index(sentence_id)
        if position >= len(spans):
            return None
        base = row.cell_start(side)
        start, end = spans[position]
        return base + start, base + end

    def sentence_ids(self) -> list[int]:
        """Every sentence id in reading order (rows not built yet included)."""
        return list(self.order)

    # --- cells -------------------------------------------------------------------------

    def _start_cell(self, row: Row, side: Side) -> QTextCursor:
        """A cursor on the emptied cell, with block, list and cell formats set."""
        cell = cell_layout.cell_of(row.table, side)
        cell.setFormat(cell_layout.cell_format_for(row.block, side, self.colors, self.interleaved))
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), _KEEP)
        cursor.removeSelectedText()
        cursor.setBlockFormat(block_format(row.block, self.colors))
        if row.block.kind is BlockKind.LIST_ITEM:
            cursor.createList(list_format(row.block))
        return cursor

    def _fill_german(self, row: Row, sentences: Sequence[Sentence]) -> None:
        block = row.block
        cursor = self._start_cell(row, Side.GERMAN)
        base = base_char_format(block, self.colors)
        if is_composite(block):
            return fill_composite_side(self, row, Side.GERMAN, cursor, base)
        insert_marked(cursor, block.text, block.marks, base, self.colors)
        to16 = Utf16Map(block.text)
        row.german_spans = [(to16(s.start), to16(s.end)) for s in sentences]

    def _fill_english(self, row: Row) -> None:
        block = row.block
        cursor = self._start_cell(row, Side.ENGLISH)
        base = base_char_format(block, self.colors)
        if block.kind is BlockKind.CODE:
            cursor.insertText(block.text, base)  # code is shown, never translated
            row.english_spans = []
            return
        if is_composite(block):
            return fill_composite_side(self, row, Side.ENGLISH, cursor, base)
        pending = QTextCharFormat(base)
        pending.setForeground(self.colors.muted)
        pending.setFontItalic(False)
        spans: list[tuple[int, int]] = []
        position = 0
        for number, sentence_id in enumerate(row.sentence_ids):
            english = self.english.get(sentence_id)
            if english is None and not self.placeholders:
                spans.append((position, position))
                continue
            if number and position:
                cursor.insertText(" ", base)
                position += 1
            text, char_format = (english, base) if english is not None else (PLACEHOLDER, pending)
            marks = self.english_marks.get(sentence_id, ()) if english is not None else ()
            insert_marked(cursor, text, marks, char_format, self.colors)
            length = utf16_length(text)
            spans.append((position, position + length))
            position += length
        row.english_spans = spans

    def _apply_extra(self, formats: Sequence[ExtraFormat]) -> None:
        """Merge the formats in; one edit per run of adjacent rows (see ``refresh_rows``)."""
        by_row: dict[int, list[ExtraFormat]] = {}
        for extra in formats:
            lookup = self._row_of_block if extra.side is Side.GERMAN else self.row_of_sentence
            index = lookup.get(extra.key)
            if index is not None:
                by_row.setdefault(index, []).append(extra)
        if not by_row:
            return
        cursor = QTextCursor(self.document)
        previous = -2
        for index in sorted(by_row):
            if index != previous + 1:
                if previous >= 0:
                    cursor.endEditBlock()
                cursor.beginEditBlock()
            previous = index
            for extra in by_row[index]:
                span = self._extra_span(extra)
                if span is not None:
                    cursor.setPosition(span[0])
                    cursor.setPosition(span[1], _KEEP)
                    cursor.mergeCharFormat(extra.char_format)
        cursor.endEditBlock()

    def german_range(self, index: int, start: int, end: int) -> tuple[int, int]:
        """Document positions of code points ``start:end`` of row ``index``'s German text."""
        row = self.rows[index]
        to16 = Utf16Map(row.block.text)
        base = row.cell_start(Side.GERMAN)
        return base + to16(start), base + to16(end)

    def english_range(self, sentence_id: int, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of code points ``start:end`` of a sentence's English, kept
        inside it (None: no English shown for it)."""
        english = self.english.get(sentence_id)
        span = self.span(sentence_id, Side.ENGLISH)
        if english is None or span is None:
            return None
        to16 = Utf16Map(english)
        return span[0] + to16(start), min(span[0] + to16(end), span[1])

    def _extra_span(self, extra: ExtraFormat) -> tuple[int, int] | None:
        if extra.side is Side.GERMAN:
            index = self._row_of_block.get(extra.key)
            return None if index is None else self.german_range(index, extra.start, extra.end)
        return self.english_range(extra.key, extra.start, extra.end)


class _RowStarts(Sequence[int]):
    """Rows' current start positions as a lazy sequence, for bisect."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return self._rows[index].table.firstPosition()

"""Export of a translated document: the shared input, sentence pairs, TSV and the clipboard.

Every exporter takes one :class:`BilingualDocument`. The richer formats live beside this
module (``html``, ``markdown``, ``tmx``) and import this one; ``formats.render`` picks one
by name, so this module imports none of them. PDF needs Qt's painter and lives in
``reader.qtgui.pdf_export``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TypeVar
from urllib.parse import urlsplit

from reader.core.document.model import Block, Document, Entity, Sentence, Translation

# C0 controls (but tab, newline, carriage return) and DEL are invalid in XML 1.0 and
# meaningless in HTML; lone surrogates cannot be encoded at all.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\t\r\n\v\f\x85\u2028\u2029]+")
T = TypeVar("T")


class ExportFormat(StrEnum):
    """The text formats the core writes (PDF is written by the UI layer)."""

    HTML = "html"
    MARKDOWN = "md"
    TSV = "tsv"
    TMX = "tmx"


@dataclass(frozen=True)
class BilingualDocument:
    """A document with its sentences, their English, entities and the model that made it.

    ``translations`` maps sentence id to Translation; sentences without one are exported
    with empty English (TMX leaves them out). ``check_notes`` (when not None) holds, by
    sentence id, what the translation check found, already in words: TSV gets a ``checks``
    column and HTML a note after each flagged English sentence.
    """

    document: Document
    sentences: tuple[Sentence, ...]
    translations: Mapping[int, Translation] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    model_name: str = ""
    model_version: str = ""
    check_notes: Mapping[int, tuple[str, ...]] | None = None

    def english(self, sentence_id: int) -> str:
        """The English of one sentence, or an empty string when it has none yet."""
        translation = self.translations.get(sentence_id)
        return translation.text if translation is not None else ""

    @property
    def visible_blocks(self) -> tuple[Block, ...]:
        """The blocks worth a row: everything but empty or whitespace-only ones."""
        return tuple(b for b in self.document.blocks if b.text.strip())

    def sentences_of(self, block: Block) -> tuple[Sentence, ...]:
        """The block's sentences in reading order."""
        return self._sentences_by_block.get(block.index, ())

    def entities_of(self, block_index: int) -> tuple[Entity, ...]:
        """The entities of one block, in no particular order."""
        return self._entities_by_block.get(block_index, ())

    # Indexes built once on first use (frozen dataclasses allow cached_property: it writes
    # the instance __dict__ directly). They keep exports linear in the document's size.
    @cached_property
    def _sentences_by_block(self) -> dict[int, tuple[Sentence, ...]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.block, []).append(sentence)
        return {k: tuple(sorted(v, key=lambda s: s.start)) for k, v in grouped.items()}

    @cached_property
    def _entities_by_block(self) -> dict[int, tuple[Entity, ...]]:
        grouped: dict[int, list[Entity]] = {}
        for entity in self.entities:
            grouped.setdefault(entity.block, []).append(entity)
        return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True)
class SentencePair:
    """One German sentence and its English, named by the sentence id."""

    id: int
    german: str
    english: str


def sentence_pairs(bilingual: BilingualDocument) -> tuple[SentencePair, ...]:
    """Every sentence in id order with its English ("" when not translated)."""
    return tuple(
        SentencePair(s.id, s.text, bilingual.english(s.id))
        for s in sorted(bilingual.sentences, key=lambda s: s.id)
    )


def pairs_for_ids(bilingual: BilingualDocument, ids: Iterable[int]) -> tuple[SentencePair, ...]:
    """The pairs of the given sentence ids, in document order; unknown ids are ignored."""
    wanted = set(ids)
    return tuple(pair for pair in sentence_pairs(bilingual) if pair.id in wanted)


SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(href: str | None) -> bool:
    """Only web and mail links survive export; javascript:, file:, data: … do not."""
    if not href:
        return False
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


def clean_text(text: str) -> str:
    """Drop characters no text format can carry (controls, lone surrogates)."""
    return _INVALID_CHARS.sub("", text)


def single_line(text: str) -> str:
    """Clean text with every tab and line break turned into one space."""
    return _LINE_BREAKS.sub(" ", clean_text(text))


def pairs_as_clipboard(pairs: Iterable[SentencePair]) -> tuple[str, str]:
    """Plain text and HTML for copying pairs: German then English, pairs apart by a blank line.

    The UI puts both on one QMimeData (``setText`` and ``setHtml``).
    """
    pairs = tuple(pairs)
    plain = "\n\n".join(f"{single_line(p.german)}\n{single_line(p.english)}" for p in pairs)
    rows = "".join(
        f'<tr><td lang="de">{html.escape(single_line(p.german))}</td>'
        f'<td lang="en">{html.escape(single_line(p.english))}</td></tr>'
        for p in pairs
    )
    rich = f"<table>{rows}</table>" if pairs else ""
    return plain, rich


TSV_HEADER = "id\tgerman\tenglish"
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# ("=HYPERLINK(…)" in a document would run when the TSV is opened).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def tsv_cell(text: str) -> str:
    """One TSV cell: a single line, and a leading ``'`` when a spreadsheet would see a formula."""
    line = single_line(text)
    return "'" + line if line.startswith(FORMULA_STARTS) else line


def to_tsv(bilingual: BilingualDocument) -> str:
    """One ``id<TAB>german<TAB>english`` line per sentence after a header line.

    With check notes, a fourth ``checks`` column holds them, joined by `` | ``.
    """
    notes = bilingual.check_notes
    if notes is None:
        lines = [TSV_HEADER]
        lines.extend(
            f"{p.id}\t{tsv_cell(p.german)}\t{tsv_cell(p.english)}"
            for p in sentence_pairs(bilingual)
        )
        return "\n".join(lines) + "\n"
    lines = [TSV_HEADER + "\tchecks"]
    lines.extend(
        f"{p.id}\t{tsv_cell(p.german)}\t{tsv_cell(p.english)}\t"
        + tsv_cell(" | ".join(single_line(note) for note in notes.get(p.id, ())))
        for p in sentence_pairs(bilingual)
    )
    return "\n".join(lines) + "\n"


def entities_in_sentence(bilingual: BilingualDocument, sentence: Sentence) -> list[Entity]:
    """Entities inside the sentence, by start, without overlaps (the longer one wins)."""
    inside = [
        e
        for e in bilingual.entities_of(sentence.block)
        if sentence.start <= e.start < e.end <= sentence.end and e.sentence_id in (-1, sentence.id)
    ]
    return _without_overlaps(inside, key=lambda e: (e.start, e.end))


def projected_entities(
    bilingual: BilingualDocument, sentence: Sentence
) -> list[tuple[int, int, Entity]]:
    """``(start, end, entity)`` spans in the sentence's English, for projected entities."""
    english = bilingual.english(sentence.id)
    spans = [
        (e.target_start, e.target_end, e)
        for e in entities_in_sentence(bilingual, sentence)
        if e.target_start is not None
        and e.target_end is not None
        and 0 <= e.target_start < e.target_end <= len(english)
    ]
    return _without_overlaps(spans, key=lambda span: (span[0], span[1]))


def _without_overlaps(items: list[T], *, key: Callable[[T], tuple[int, int]]) -> list[T]:
    ordered = sorted(items, key=lambda item: (key(item)[0], -key(item)[1]))
    kept: list[T] = []
    last_end = -1
    for item in ordered:
        start, end = key(item)
        if start >= last_end:
            kept.append(item)
            last_end = end
    return kept

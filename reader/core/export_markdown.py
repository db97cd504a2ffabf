"""Bilingual Markdown: each German block followed by its English, or a two-column table.

Text is escaped so that German never turns into Markdown or raw HTML by accident: the
punctuation that Markdown reads is backslash-escaped, and so are line starts that would
begin a list or a heading.
"""

from __future__ import annotations

import re

from reader.core.document import Block, BlockKind
from reader.core.export import BilingualDocument, clean_text, single_line

# Punctuation that can start markup anywhere in a line (emphasis, code, links, tables,
# quotes). Only characters both CommonMark and Python-Markdown unescape are backslashed;
# "<" and "&" become entities, which every Markdown reader decodes.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}!#>])")
# Line starts that would become a list item, a heading rule or a numbered item.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape_markdown(text: str, *, in_table: bool = False) -> str:
    """One line of literal text, safe inside a Markdown paragraph (or a table cell)."""
    text = single_line(text).strip().replace("&", "&amp;").replace("<", "&lt;")
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    if in_table:
        escaped = escaped.replace("|", "\\|")
    return _LINE_START.sub(lambda m: f"{m.group(1)}{_escape_start(m.group(2))}", escaped)


def _escape_start(token: str) -> str:
    # "1." -> "1\." keeps the number but stops the list; "-" -> "\-".
    return f"{token}\\" if token[0].isdigit() else f"\\{token}"


def to_markdown(bilingual: BilingualDocument, *, table: bool = False) -> str:
    """The document as Markdown; ``table=True`` gives one table row per block."""
    if table:
        return _as_table(bilingual)
    parts: list[str] = []
    if bilingual.document.title and not _starts_with_heading(bilingual):
        parts.append(f"# {escape_markdown(bilingual.document.title)}")
    previous: Block | None = None
    for block in bilingual.visible_blocks:
        # Items of one list stay together: a blank line or a quote between them would end
        # the list (or turn a nested item into a code block in Python-Markdown).
        in_list = block.kind is BlockKind.LIST_ITEM and (
            previous is not None and previous.kind is BlockKind.LIST_ITEM
        )
        parts.append("\n" if in_list else "\n\n")
        parts.append(_block_pair(bilingual, block))
        previous = block
    return "".join(parts).lstrip("\n") + "\n"


def _starts_with_heading(bilingual: BilingualDocument) -> bool:
    blocks = bilingual.visible_blocks
    return bool(blocks) and blocks[0].kind is BlockKind.HEADING


def _english_of(bilingual: BilingualDocument, block: Block) -> str:
    return " ".join(
        english
        for english in (bilingual.english(s.id) for s in bilingual.sentences_of(block))
        if english
    )


def _block_pair(bilingual: BilingualDocument, block: Block) -> str:
    if block.kind is BlockKind.CODE:
        return _fenced(block.text)
    german = escape_markdown(block.text)
    english = escape_markdown(_english_of(bilingual, block))
    match block.kind:
        case BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            heading = f"{'#' * level} {german}"
            return f"{heading}\n\n_{english}_" if english else heading
        case BlockKind.LIST_ITEM:
            # Four spaces a level: both CommonMark and Python-Markdown read that as nesting.
            indent = "    " * max(block.level - 1, 0)
            marker = f"{block.number}." if block.ordered else "-"
            item = f"{indent}{marker} {german}"
            # Two trailing spaces: a hard line break inside the item, then the English.
            return f"{item}  \n{indent}    _{english}_" if english else item
        case BlockKind.QUOTE:
            quoted = f"> {german}"
            return f"{quoted}\n>\n> > {english}" if english else quoted
    return f"{german}\n\n> {english}" if english else german


def _fenced(code: str) -> str:
    code = clean_text(code).rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{code}\n{fence}"


def _as_table(bilingual: BilingualDocument) -> str:
    lines = ["| Deutsch | English |", "| --- | --- |"]
    for block in bilingual.visible_blocks:
        if block.kind is BlockKind.CODE:
            lines.append(f"| {_code_cell(block.text)} | |")
            continue
        german = escape_markdown(block.text, in_table=True)
        english = escape_markdown(_english_of(bilingual, block), in_table=True)
        if block.kind is BlockKind.HEADING:
            german = f"**{german}**"
            english = f"**{english}**" if english else ""
        lines.append(f"| {german} | {english} |")
    return "\n".join(lines) + "\n"


def _code_cell(code: str) -> str:
    """Code as one inline code span; GFM reads ``\\|`` as a pipe even inside code."""
    flat = single_line(code).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    ticks = "`" * (longest + 1)
    return f"{ticks} {flat} {ticks}"

"""Bilingual Markdown: each German block followed by its English, or a two-column table.

Text is escaped so that German never turns into Markdown or raw HTML by accident: the
punctuation that Markdown reads is backslash-escaped, and so are line starts that would
begin a list or a heading. The German keeps its bold, italic and (web or mail) links.
"""

from __future__ import annotations

import re
from itertools import groupby, takewhile

from reader.core.document.model import Block, BlockKind, MarkKind
from reader.core.export.model import BilingualDocument, clean_text, is_safe_link, single_line
from reader.core.export.pictures import PictureBudget
from reader.core.export.runs import Run, cells_of, english_runs, german_runs

# Punctuation that can start markup anywhere in a line (emphasis, code, links, tables,
# quotes). Only characters both CommonMark and Python-Markdown unescape are backslashed;
# "<" and "&" become entities, which every Markdown reader decodes.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}!#>])")
# Line starts that would become a list item, a heading rule or a numbered item.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape_markdown(text: str, *, in_table: bool = False) -> str:
    """One line of literal text, safe inside a Markdown paragraph (or a table cell)."""
    return _line_start_safe(_escape_inline(single_line(text).strip(), in_table))


def _escape_inline(text: str, in_table: bool) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    return escaped.replace("|", "\\|") if in_table else escaped


def _line_start_safe(text: str) -> str:
    return _LINE_START.sub(lambda m: f"{m.group(1)}{_escape_start(m.group(2))}", text)


def german_markdown(bilingual: BilingualDocument, block: Block, *, in_table: bool = False) -> str:
    """The block's German as one line of Markdown, with its bold, italic and safe links."""
    pieces = []
    runs = german_runs(bilingual, block)
    for (marks, href), group in groupby(runs, key=_style):
        text = single_line("".join(run.text for run in group))
        pieces.append(_styled(text, marks, href, in_table))
    return _line_start_safe("".join(pieces).strip())


def english_markdown(bilingual: BilingualDocument, block: Block) -> str:
    """The block's English as one line of Markdown, with the marks carried from the German."""
    pieces = []
    for (marks, href), group in groupby(english_runs(bilingual, block), key=_style):
        text = single_line("".join(run.text for run in group))
        pieces.append(_styled(text, marks, href, False))
    return _line_start_safe("".join(pieces).strip())


def _style(run: Run) -> tuple[frozenset[MarkKind], str | None]:
    href = run.href if MarkKind.LINK in run.marks and is_safe_link(run.href) else None
    return run.marks - {MarkKind.LINK}, href


def _styled(text: str, marks: frozenset[MarkKind], href: str | None, in_table: bool) -> str:
    core = text.strip()
    if not core or (not marks and href is None):
        return _escape_inline(text, in_table)
    # Emphasis must hug its text ("**fett** und", never "** fett **"): spaces stay outside.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(core) + len(lead) :]
    styled = _escape_inline(core, in_table)
    if MarkKind.CODE in marks:
        # A code span shows its text literally: no escapes inside, fences longer than any
        # run of backticks in it.
        fence = "`" * (max((len(r) for r in re.findall("`+", core)), default=0) + 1)
        pad = " " if core.startswith("`") or core.endswith("`") else ""
        literal = core.replace("|", "\\|") if in_table else core  # GFM: \| keeps the cell
        styled = f"{fence}{pad}{literal}{pad}{fence}"
    if MarkKind.ITALIC in marks:
        styled = f"*{styled}*"
    if MarkKind.BOLD in marks:
        styled = f"**{styled}**"
    if href is not None:
        target = "".join(_URL_ESCAPES.get(ch, ch) for ch in clean_text(href.strip()))
        styled = f"[{styled}]({target})"
    return f"{lead}{styled}{trail}"


_URL_ESCAPES = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "|": "%7C"}


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
    blocks = list(bilingual.visible_blocks)
    pictures = PictureBudget(bilingual.document)
    for index, block in enumerate(blocks):
        uri = pictures.data_uri(block) if block.kind is BlockKind.IMAGE else None
        if uri is not None:  # the picture inside the file, its caption pair below it
            parts.append(f"\n\n![{escape_markdown(block.text)}]({uri})")
        if block.kind is BlockKind.TABLE_ROW and block.cells:
            if previous is None or previous.kind is not BlockKind.TABLE_ROW:
                rows = list(takewhile(lambda b: b.kind is BlockKind.TABLE_ROW, blocks[index:]))
                parts.append("\n\n")
                parts.append(_table_pair(bilingual, rows))
            previous = block
            continue
        # Items of one list stay together: a blank line or a quote between them would end
        # the list (or turn a nested item into a code block in Python-Markdown).
        in_list = block.kind is BlockKind.LIST_ITEM and (
            previous is not None and previous.kind is BlockKind.LIST_ITEM
        )
        parts.append("\n" if in_list else "\n\n")
        parts.append(_block_pair(bilingual, block))
        previous = block
    return "".join(parts).lstrip("\n") + "\n"


def _table_pair(bilingual: BilingualDocument, rows: list[Block]) -> str:
    """A table's rows as a German Markdown table, then the same table in English."""
    german = [
        [_cell_markdown(cell) for cell in cells_of(bilingual, row, german_runs(bilingual, row),
                                                   english=False)]
        for row in rows
    ]  # fmt: skip
    english = [
        [
            escape_markdown("".join(run.text for run in cell), in_table=True)
            for cell in cells_of(bilingual, row, english_runs(bilingual, row), english=True)
        ]
        for row in rows
    ]
    tables = [_markdown_table(german)]
    if any(cell for row in english for cell in row):
        tables.append(_markdown_table(english))
    return "\n\n".join(tables)


def _cell_markdown(runs: list[Run]) -> str:
    pieces = []
    for (marks, href), group in groupby(runs, key=_style):
        text = single_line("".join(run.text for run in group))
        pieces.append(_styled(text, marks, href, True))
    return "".join(pieces).strip()


def _markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        cells = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


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
    german = german_markdown(bilingual, block)
    english = english_markdown(bilingual, block)
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
        german = german_markdown(bilingual, block, in_table=True)
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

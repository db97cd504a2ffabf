"""Bilingual HTML: one standalone file, German and English side by side, one row per block.

The file is inert by construction: every piece of text goes through ``html.escape``, links
keep only http(s) and mailto targets, and there are no scripts, event handlers or external
resources (styles are inline in the head). Sentence ids link the two sides: ``id="s12"`` on
the German sentence, ``id="s12-en"`` and ``data-sentence="12"`` on its English. An English
sentence the translation check flagged has the class ``flagged`` and a ``check`` note after it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import replace

from reader import __version__
from reader.core.document.model import Block, BlockKind, Entity, MarkKind
from reader.core.export.model import BilingualDocument, clean_text, is_safe_link
from reader.core.export.pictures import PictureBudget
from reader.core.export.runs import (
    Run,
    cells_of,
    english_runs,
    german_runs,
    group_by_entity,
    group_by_sentence,
)

# Belt and braces: even if something slipped past escaping, a browser would run no script
# and fetch nothing (inline styles only; links still open on click).
CONTENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 16px;
  line-height: 1.55; color: #1f2328; background: #fff; max-width: 72rem;
  margin: 2rem auto; padding: 0 1.25rem; }
.meta { color: #57606a; font-size: 0.85rem; margin: 0 0 1rem; }
table.bilingual { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.bilingual th { text-align: left; font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 0.8rem; letter-spacing: 0.04em; text-transform: uppercase; color: #57606a;
  border-bottom: 1px solid #d0d7de; padding: 0.3rem 0.8rem; }
table.bilingual td { width: 50%; vertical-align: top; padding: 0.35rem 0.8rem;
  overflow-wrap: anywhere; }
table.bilingual td + td { border-left: 1px solid #d0d7de; }
td[lang="en"] { color: #24292f; }
table.cells { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.bilingual table.cells td, table.bilingual table.cells th { width: auto;
  border: 1px solid #d0d7de; padding: 0.2rem 0.4rem; font: inherit; color: inherit;
  text-transform: none; letter-spacing: normal; vertical-align: top; }
table.bilingual table.cells th { font-weight: bold; }
td h1, td h2, td h3, td h4, td h5, td h6 { margin: 0.6rem 0 0.2rem; line-height: 1.25; }
td p, td blockquote { margin: 0; }
figure { margin: 0.3rem 0; text-align: center; }
figure img { max-width: 100%; max-height: 80vh; height: auto; }
blockquote { border-left: 3px solid #d0d7de; padding-left: 0.8rem; color: #424a53; }
.li { display: flex; gap: 0.4em; }
.li .marker { flex: none; min-width: 1.2em; color: #57606a; }
.l2 { margin-left: 1.5em; } .l3 { margin-left: 3em; } .l4 { margin-left: 4.5em; }
.l5 { margin-left: 6em; } .l6 { margin-left: 7.5em; }
tr.code td { padding: 0.5rem 0.8rem; }
pre { margin: 0; padding: 0.6rem 0.8rem; background: #f6f8fa; border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere;
  font: 0.85rem/1.45 "DejaVu Sans Mono", ui-monospace, monospace; }
.s:target { background: #fff3b0; }
.s.pending { display: inline-block; min-width: 2em; border-bottom: 1px dotted #8c959f; }
.ent { border-radius: 3px; padding: 0 0.1em; }
.ent-PER { background: #ffe2dd; } .ent-ORG { background: #dbeafe; }
.ent-LOC { background: #dcf5e3; } .ent-MISC { background: #fdf0c4; }
.s.flagged { text-decoration: underline dotted #bc4c00; text-underline-offset: 0.2em; }
.check { color: #9a6700; font-size: 0.8em; margin-left: 0.3em; }
a { color: #0a58ca; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  table.bilingual thead { display: table-header-group; }
  table.bilingual tr { break-inside: avoid; page-break-inside: avoid; }
  table.bilingual td { padding: 0.2rem 0.6rem; }
  .ent, pre { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def to_html(bilingual: BilingualDocument) -> str:
    """The whole standalone HTML file as one string."""
    document = bilingual.document
    title = _text(document.title or "")
    model = " ".join(p for p in (bilingual.model_name, bilingual.model_version) if p)
    pictures = PictureBudget(document)
    rows = "\n".join(_block_row(bilingual, block, pictures) for block in bilingual.visible_blocks)
    meta_model = (
        f'<meta name="translation-model" content="{html.escape(clean_text(model))}">\n'
        if model
        else ""
    )
    model_note = f" · {_text(model)}" if model else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="reader {html.escape(__version__)}">\n'
        f"{meta_model}"
        f"<title>{title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f'<p class="meta"><span lang="de">Deutsch</span> → <span lang="en">English</span>'
        f"{model_note}</p>\n"
        '<table class="bilingual">\n'
        '<thead><tr><th lang="de">Deutsch</th><th lang="en">English</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _block_row(bilingual: BilingualDocument, block: Block, pictures: PictureBudget) -> str:
    row_id = f'id="b{block.index}"'
    uri = pictures.data_uri(block) if block.kind is BlockKind.IMAGE else None
    if uri is not None:  # the picture once across both sides, its alt text as the caption
        alt = _text(block.text)
        caption = _block_row(bilingual, replace(block, image=""), pictures)
        return (
            f'<tr class="block picture" {row_id}><td colspan="2"><figure>'
            f'<img src="{uri}" alt="{alt}"></figure></td></tr>\n'
        ) + caption.replace(f" {row_id}>", ">", 1)
    if block.kind is BlockKind.CODE:
        return (
            f'<tr class="block code" {row_id}><td colspan="2">'
            f"<pre><code>{_text(block.text)}</code></pre></td></tr>"
        )
    german_side = german_runs(bilingual, block)
    english_side = english_runs(bilingual, block)
    notes = bilingual.check_notes
    if block.kind is BlockKind.TABLE_ROW and block.cells:
        german_cells = cells_of(bilingual, block, german_side, english=False)
        english_cells = cells_of(bilingual, block, english_side, english=True)
        german = _cells(german_cells, block, english=False)
        english = _cells(english_cells, block, english=True, notes=notes)
        return (
            f'<tr class="block table_row" {row_id}>'
            f'<td lang="de">{german}</td><td lang="en">{english}</td></tr>'
        )
    german = _inline(german_side, english=False)
    english = _inline(english_side, english=True, notes=notes)
    return (
        f'<tr class="block {block.kind.value}" {row_id}>'
        f'<td lang="de">{_wrap(block, german)}</td>'
        f'<td lang="en">{_wrap(block, english)}</td></tr>'
    )


def _wrap(block: Block, inner: str) -> str:
    """The block-level element around one side's inline HTML."""
    match block.kind:
        case BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            return f"<h{level}>{inner}</h{level}>"
        case BlockKind.LIST_ITEM:
            level = min(max(block.level, 1), 6)
            marker = f"{block.number}." if block.ordered else "•"
            return (
                f'<div class="li l{level}"><span class="marker">{marker}</span>'
                f"<span>{inner}</span></div>"
            )
        case BlockKind.QUOTE:
            return f"<blockquote>{inner}</blockquote>"
    return f"<p>{inner}</p>"


def _cells(
    cells: list[list[Run]],
    block: Block,
    *,
    english: bool,
    notes: Mapping[int, tuple[str, ...]] | None = None,
) -> str:
    """One table row of cells, inside one side's cell (a header row's cells are ``th``)."""
    tag = "th" if block.level else "td"
    inner = "".join(
        f"<{tag}>{_inline(runs, english=english, notes=notes)}</{tag}>" for runs in cells
    )
    return f'<table class="cells"><tr>{inner}</tr></table>'


def _inline(
    runs: list[Run], *, english: bool, notes: Mapping[int, tuple[str, ...]] | None = None
) -> str:
    """Sentence spans around entity spans around marked text, nested the same way always."""
    parts: list[str] = []
    for sentence_id, sentence_runs in group_by_sentence(runs):
        inner = "".join(_entity(entity, group) for entity, group in group_by_entity(sentence_runs))
        if sentence_id is None:
            parts.append(inner)
        elif english:
            pending = " pending" if not any(r.text for r in sentence_runs) else ""
            found = (notes or {}).get(sentence_id, ())
            flagged = " flagged" if found else ""
            parts.append(
                f'<span class="s{pending}{flagged}" id="s{sentence_id}-en" '
                f'data-sentence="{sentence_id}">{inner}</span>'
            )
            if found:
                parts.append(f'<small class="check">⚑ {_text("; ".join(found))}</small>')
        else:
            parts.append(f'<span class="s" id="s{sentence_id}">{inner}</span>')
    return "".join(parts)


def _entity(entity: Entity | None, runs: list[Run]) -> str:
    inner = "".join(_marked(run) for run in runs)
    if entity is None:
        return inner
    label = entity.label.value
    title = html.escape(clean_text(f"{label}: {entity.text}"))
    return f'<span class="ent ent-{label}" title="{title}">{inner}</span>'


def _marked(run: Run) -> str:
    return marked_html(run, link_rel="noopener noreferrer nofollow")


def marked_html(run: Run, *, link_rel: str = "") -> str:
    """A run's text, escaped, inside its code, italic, bold and (safe) link elements."""
    piece = _text(run.text)
    if not piece:
        return ""
    if MarkKind.CODE in run.marks:
        piece = f"<code>{piece}</code>"
    if MarkKind.ITALIC in run.marks:
        piece = f"<em>{piece}</em>"
    if MarkKind.BOLD in run.marks:
        piece = f"<strong>{piece}</strong>"
    if MarkKind.LINK in run.marks and is_safe_link(run.href):
        rel = f' rel="{link_rel}"' if link_rel else ""
        piece = f'<a href="{_text(run.href or "")}"{rel}>{piece}</a>'
    return piece


def _text(text: str) -> str:
    return html.escape(clean_text(text), quote=True)

"""Bilingual HTML: one standalone file, German and English side by side, one row per block.

The file is inert by construction: every piece of text goes through ``html.escape``, links
keep only http(s) and mailto targets, and there are no scripts, event handlers or external
resources (styles are inline in the head). Sentence ids link the two sides: ``id="s12"`` on
the German sentence, ``id="s12-en"`` and ``data-sentence="12"`` on its English.
"""

from __future__ import annotations

import html
from itertools import pairwise
from urllib.parse import urlsplit

from reader import __version__
from reader.core.document import Block, BlockKind, Entity, Mark, MarkKind, Sentence
from reader.core.export import (
    BilingualDocument,
    clean_text,
    entities_in_sentence,
    projected_entities,
)

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

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
td h1, td h2, td h3, td h4, td h5, td h6 { margin: 0.6rem 0 0.2rem; line-height: 1.25; }
td p, td blockquote { margin: 0; }
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
    rows = "\n".join(_block_row(bilingual, block) for block in document.blocks if block.text)
    meta_model = (
        f'<meta name="translation-model" content="{html.escape(clean_text(model))}">\n'
        if model
        else ""
    )
    model_note = f" · {_text(model)}" if model else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
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


def _block_row(bilingual: BilingualDocument, block: Block) -> str:
    row_id = f'id="b{block.index}"'
    if block.kind is BlockKind.CODE:
        return (
            f'<tr class="block code" {row_id}><td colspan="2">'
            f"<pre><code>{_text(block.text)}</code></pre></td></tr>"
        )
    sentences = bilingual.sentences_of(block)
    german = _german_inline(bilingual, block, sentences)
    english = " ".join(_english_sentence(bilingual, s) for s in sentences)
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


def _german_inline(
    bilingual: BilingualDocument, block: Block, sentences: tuple[Sentence, ...]
) -> str:
    """The block's text with each sentence in its span; text between sentences kept."""
    parts: list[str] = []
    position = 0
    for sentence in sentences:
        if sentence.start < position:
            continue  # overlapping sentences: keep the text once
        parts.append(_marked(block.text, position, sentence.start, block.marks))
        inner = _with_entities(
            block.text,
            sentence.start,
            sentence.end,
            [(e.start, e.end, e) for e in entities_in_sentence(bilingual, sentence)],
            block.marks,
        )
        parts.append(f'<span class="s" id="s{sentence.id}">{inner}</span>')
        position = sentence.end
    parts.append(_marked(block.text, position, len(block.text), block.marks))
    return "".join(parts)


def _english_sentence(bilingual: BilingualDocument, sentence: Sentence) -> str:
    english = bilingual.english(sentence.id)
    attributes = f'id="s{sentence.id}-en" data-sentence="{sentence.id}"'
    if sentence.id not in bilingual.translations:
        return f'<span class="s pending" {attributes}></span>'
    inner = _with_entities(english, 0, len(english), projected_entities(bilingual, sentence), ())
    return f'<span class="s" {attributes}>{inner}</span>'


def _with_entities(
    text: str, start: int, end: int, spans: list[tuple[int, int, Entity]], marks: tuple[Mark, ...]
) -> str:
    """``text[start:end]`` with entity spans (non-overlapping, by start) and inline marks."""
    parts: list[str] = []
    position = start
    for span_start, span_end, entity in spans:
        if span_start < position or span_end > end:
            continue
        parts.append(_marked(text, position, span_start, marks))
        label = entity.label.value
        title = html.escape(clean_text(f"{label}: {entity.text}"))
        parts.append(
            f'<span class="ent ent-{label}" title="{title}">'
            f"{_marked(text, span_start, span_end, marks)}</span>"
        )
        position = span_end
    parts.append(_marked(text, position, end, marks))
    return "".join(parts)


def _marked(text: str, start: int, end: int, marks: tuple[Mark, ...]) -> str:
    """``text[start:end]`` escaped, with bold/italic/link marks cut to fit inside it."""
    if start >= end:
        return ""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {p for m in inside for p in (m.start, m.end) if start < p < end})
    parts: list[str] = []
    for left, right in pairwise(cuts):
        piece = _text(text[left:right])
        active = {m.kind: m for m in inside if m.start <= left and m.end >= right}
        if MarkKind.ITALIC in active:
            piece = f"<em>{piece}</em>"
        if MarkKind.BOLD in active:
            piece = f"<strong>{piece}</strong>"
        link = active.get(MarkKind.LINK)
        if link is not None and _safe_href(link.href):
            href = html.escape(clean_text(link.href or ""), quote=True)
            piece = f'<a href="{href}" rel="noopener noreferrer nofollow">{piece}</a>'
        parts.append(piece)
    return "".join(parts)


def _safe_href(href: str | None) -> bool:
    if not href:
        return False
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


def _text(text: str) -> str:
    return html.escape(clean_text(text), quote=True)

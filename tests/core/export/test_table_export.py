"""Exports keep tables: HTML shows cells side by side, Markdown writes Markdown tables."""

from __future__ import annotations

import markdown

from reader.core.document.loading import load_text
from reader.core.document.model import Translation
from reader.core.document.segmentation import segment_document
from reader.core.export.html import to_html
from reader.core.export.markdown import to_markdown
from reader.core.export.model import BilingualDocument

PAGE = (
    "<h1>Schiffe</h1><table><tr><th>Schiff</th><th>Flagge</th></tr>"
    "<tr><td><b>Aurora</b></td><td>Panama. Seit Montag.</td></tr></table><p>Danach.</p>"
)


def bilingual() -> BilingualDocument:
    document = load_text(PAGE, format="html")
    sentences = segment_document(document)
    english = {s.id: Translation(s.id, s.text, f"EN {s.text}") for s in sentences}
    return BilingualDocument(document, sentences, english)


def test_html_export_puts_each_cell_in_its_column_on_both_sides() -> None:
    page = to_html(bilingual())
    row = page[page.index('id="b2"') :].split("</tr>\n", 1)[0]
    german, english = row.split('<td lang="en">')
    assert german.count("<td>") == 2 and english.count("<td>") == 2
    assert '<td><span class="s" id="s3"><strong>Aurora</strong></span></td>' in german
    assert (
        '<td><span class="s" id="s4">Panama.</span> <span class="s" id="s5">Seit Montag.</span>'
        in german
    )
    assert '<span class="s" id="s5-en" data-sentence="5">EN Seit Montag.</span></td>' in english
    header = page[page.index('id="b1"') :].split("</tr>\n", 1)[0]
    assert header.count("<th>") == 4  # a header row stays a header row on both sides


def test_markdown_export_writes_a_german_and_an_english_table() -> None:
    text = to_markdown(bilingual())
    assert (
        "| Schiff | Flagge |\n|---|---|\n| **Aurora** | Panama. Seit Montag. |\n\n"
        "| EN Schiff | EN Flagge |\n|---|---|\n| EN Aurora | EN Panama. EN Seit Montag. |"
    ) in text
    rendered = markdown.markdown(text, extensions=["tables"])
    assert rendered.count("<table>") == 2
    assert "<strong>Aurora</strong>" in rendered

"""Bilingual Markdown: German blocks followed by English, or a two-column table."""

from __future__ import annotations

import re

import markdown

from reader.core.export.markdown import escape_markdown, to_markdown
from tests.core.export.export_samples import sample


def test_each_german_block_is_followed_by_its_english() -> None:
    text = to_markdown(sample())
    german = text.index("besuchte am Montag [Köln](https://koeln.de). Sie traf den Bürgermeister.")
    english = text.index("> Angela Merkel visited Cologne on Monday. She met the mayor.")
    next_block = text.index("- Erstens")
    assert german < english < next_block


def test_headings_lists_and_code_are_kept() -> None:
    text = to_markdown(sample())
    assert text.startswith("# Ein Tag in Köln\n\n_A day in Cologne_\n")
    assert "- Erstens: „Straße“ mit ß.  \n    _First: “street” with ß._\n    2. Zweitens" in text
    assert "```\nprint('<b>nicht übersetzt</b>')\nx = 1 | 2\n```" in text
    assert text.count("nicht übersetzt") == 1


def test_rendered_markdown_has_no_raw_html_and_keeps_the_structure() -> None:
    rendered = markdown.markdown(to_markdown(sample()))
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<h1>Ein Tag in Köln</h1>" in rendered
    assert "<em>A day in Cologne</em>" in rendered
    assert rendered.count("<li>") == 2
    assert "<code>print('&lt;b&gt;nicht übersetzt&lt;/b&gt;')" in rendered


def test_table_option_gives_two_columns_with_pipes_escaped() -> None:
    text = to_markdown(sample(), table=True)
    lines = text.splitlines()
    assert lines[:2] == ["| Deutsch | English |", "| --- | --- |"]
    assert len(lines) == 2 + len(sample().document.blocks)
    assert "| Zweitens &lt;script\\>alert(1)&lt;/script\\> \\| Pipe. |" in text
    rendered = markdown.markdown(text, extensions=["tables"])
    assert rendered.count("<tr>") == 1 + len(sample().document.blocks)
    assert "<td>Zweitens &lt;script&gt;alert(1)&lt;/script&gt; | Pipe.</td>" in rendered
    assert "<td><strong>Ein Tag in Köln</strong></td>" in rendered


def test_every_table_row_has_exactly_two_cells() -> None:
    for line in to_markdown(sample(), table=True).splitlines()[2:]:
        unescaped_pipes = len(line) - len(line.replace("|", "")) - line.count("\\|")
        assert unescaped_pipes == 3, line


def test_escaping_stops_german_from_becoming_markup() -> None:
    assert escape_markdown("1. Mai") == "1\\. Mai"
    assert escape_markdown("- kein Punkt") == "\\- kein Punkt"
    assert escape_markdown("*nicht fett* und _nicht kursiv_") == (
        "\\*nicht fett\\* und \\_nicht kursiv\\_"
    )
    assert escape_markdown("[Text](javascript:x)") == "\\[Text\\](javascript:x)"
    assert escape_markdown("A & B <b>") == "A &amp; B &lt;b\\>"
    rendered = markdown.markdown(escape_markdown("# *Fett* [x](y) `c` <i>1</i> &amp;"))
    assert rendered == "<p># *Fett* [x](y) `c` &lt;i&gt;1&lt;/i&gt; &amp;amp;</p>"


def test_unicode_survives() -> None:
    text = to_markdown(sample())
    for piece in ("ß", "„Straße“", "🙂", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"):
        assert piece in text


def test_german_keeps_bold_and_safe_links_only() -> None:
    text = to_markdown(sample())
    assert "**Angela Merkel** besuchte am Montag [Köln](https://koeln.de)." in text
    rendered = markdown.markdown(text)
    assert "<strong>Angela Merkel</strong>" in rendered
    assert '<a href="https://koeln.de">Köln</a>' in rendered
    # The javascript: link stayed plain (escaped) text: one real link in all.
    assert re.findall(r"<a [^>]*>", rendered) == ['<a href="https://koeln.de">']


def test_marks_hug_their_text_and_odd_link_targets_are_encoded() -> None:
    from reader.core.document.model import Block, BlockKind, Document, Mark, MarkKind, Sentence
    from reader.core.export.model import BilingualDocument

    text = "Ein sehr wichtiger Satz."
    block = Block(
        0,
        BlockKind.PARAGRAPH,
        text,
        marks=(
            Mark(MarkKind.ITALIC, 3, 9),  # " sehr " with its spaces
            Mark(MarkKind.LINK, 9, 18, "https://example.org/a b(c)"),
        ),
    )
    bilingual = BilingualDocument(Document("t", (block,)), (Sentence(0, 0, 0, len(text), text),))
    line = to_markdown(bilingual).splitlines()[2]
    assert line == "Ein *sehr* [wichtiger](https://example.org/a%20b%28c%29) Satz."
    rendered = markdown.markdown(line)
    assert rendered == (
        '<p>Ein <em>sehr</em> <a href="https://example.org/a%20b%28c%29">wichtiger</a> Satz.</p>'
    )

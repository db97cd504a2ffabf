"""Sanitized HTML to blocks: kinds, levels, numbers, marks as exact spans."""

from __future__ import annotations

from reader.core.document.html_blocks import MAX_LEVEL, html_to_blocks
from reader.core.document.loading import load_text
from reader.core.document.model import Block, BlockKind, MarkKind


def marked(block: Block, kind: MarkKind) -> list[str]:
    return [block.text[m.start : m.end] for m in block.marks if m.kind is kind]


def test_kinds_and_levels() -> None:
    blocks = html_to_blocks(
        "<h2>Überschrift</h2><p>Absatz.</p><blockquote><p>Zitat.</p></blockquote>"
        "<pre><code>x = 1\n  y = 2\n</code></pre>"
    )
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        (BlockKind.HEADING, "Überschrift", 2),
        (BlockKind.PARAGRAPH, "Absatz.", 0),
        (BlockKind.QUOTE, "Zitat.", 1),
        (BlockKind.CODE, "x = 1\n  y = 2", 0),
    ]
    assert [b.index for b in blocks] == [0, 1, 2, 3]
    assert not blocks[3].translatable


def test_lists_nested_ordered_and_numbered() -> None:
    blocks = html_to_blocks(
        "<ul><li>Eins<ul><li>Eins a</li></ul></li><li>Zwei</li></ul>"
        '<ol start="4"><li>Vier</li><li value="9">Neun</li><li>Zehn</li></ol>'
    )
    assert [(b.kind, b.text, b.level, b.ordered, b.number) for b in blocks] == [
        (BlockKind.LIST_ITEM, "Eins", 1, False, 0),
        (BlockKind.LIST_ITEM, "Eins a", 2, False, 0),
        (BlockKind.LIST_ITEM, "Zwei", 1, False, 0),
        (BlockKind.LIST_ITEM, "Vier", 1, True, 4),
        (BlockKind.LIST_ITEM, "Neun", 1, True, 9),
        (BlockKind.LIST_ITEM, "Zehn", 1, True, 10),
    ]


def test_loose_list_item_paragraphs_stay_one_item() -> None:
    blocks = html_to_blocks("<ul><li><p>Erster Teil.</p><p>Zweiter Teil.</p></li></ul>")
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.LIST_ITEM, "Erster Teil. Zweiter Teil.")
    ]


def test_marks_are_exact_after_whitespace_collapse() -> None:
    html = (
        "<p>  Die <strong>Bundes-\n   regierung</strong>  hat\n <em> gestern </em> "
        '<a href="https://example.org/a">  einen   Bericht</a> vorgelegt.</p>'
    )
    (block,) = html_to_blocks(html)
    assert block.text == "Die Bundesregierung hat gestern einen Bericht vorgelegt."
    assert marked(block, MarkKind.BOLD) == ["Bundesregierung"]
    assert marked(block, MarkKind.ITALIC) == ["gestern"]
    assert marked(block, MarkKind.LINK) == ["einen Bericht"]
    assert block.marks[-1].href == "https://example.org/a"


def test_hyphenated_line_break_inside_html_text() -> None:
    (block,) = html_to_blocks("<p>Der Ver-\nkehr und der <b>US-\nDollar</b>.</p>")
    assert block.text == "Der Verkehr und der US-Dollar."
    assert marked(block, MarkKind.BOLD) == ["US-Dollar"]


def test_unsafe_links_give_no_mark() -> None:
    (block,) = html_to_blocks(
        '<p><a href="javascript:alert(1)">a</a> <a href="file:///etc/passwd">b</a> '
        '<a href="//host/x">c</a> <a href="teil2.html">d</a></p>'
    )
    assert block.text == "a b c d"
    assert [(m.kind, m.href, block.text[m.start : m.end]) for m in block.marks] == [
        (MarkKind.LINK, "teil2.html", "d")
    ]


def test_skipped_elements_leave_no_text_even_unsanitized() -> None:
    blocks = html_to_blocks(
        "<p>Vorher<script>var a = '<p>x</p>';</script><style>p{}</style>"
        "<template><p>Vorlage</p></template>Nachher</p>"
    )
    assert [b.text for b in blocks] == ["VorherNachher"]


def test_an_image_follows_the_block_it_stands_in() -> None:
    blocks = html_to_blocks(
        '<p>Bild: <img src="/dev/zero" alt="Null"> Ende</p>'
        '<figure><img src="bild.png" alt="Ein Hafen"><figcaption>Der Hafen.</figcaption></figure>'
        '<p><img src="javascript:alert(1)" alt="Böse"></p><p><img src=""></p>'
    )
    assert [(b.kind, b.text, b.image) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Bild: Ende", ""),
        (BlockKind.IMAGE, "Null", "/dev/zero"),
        (BlockKind.IMAGE, "Ein Hafen", "bild.png"),
        (BlockKind.PARAGRAPH, "Der Hafen.", ""),
        (BlockKind.IMAGE, "Böse", ""),  # an unsafe address is dropped, the alt text stays
    ]


def test_br_becomes_space_and_hr_separates() -> None:
    blocks = html_to_blocks("<p>Zeile eins<br>Zeile zwei</p><hr>Rest")
    assert [b.text for b in blocks] == ["Zeile eins Zeile zwei", "Rest"]


def test_levels_are_capped_without_recursion() -> None:
    depth = 500
    blocks = html_to_blocks("<ul><li>Punkt" * depth + "</li></ul>" * depth)
    assert len(blocks) == depth
    assert [b.level for b in blocks[:3]] == [1, 2, 3]
    assert max(b.level for b in blocks) == MAX_LEVEL
    quotes = html_to_blocks("<blockquote>" * depth + "tief" + "</blockquote>" * depth)
    assert [(b.kind, b.text, b.level) for b in quotes] == [(BlockKind.QUOTE, "tief", MAX_LEVEL)]


def test_mark_spanning_blocks_is_split() -> None:
    blocks = html_to_blocks("<b><p>Eins</p><p>Zwei</p></b>")
    assert [(b.text, marked(b, MarkKind.BOLD)) for b in blocks] == [
        ("Eins", ["Eins"]),
        ("Zwei", ["Zwei"]),
    ]


def test_text_without_block_tags_is_a_paragraph() -> None:
    blocks = html_to_blocks("Nur Text &amp; mehr")
    assert [(b.kind, b.text) for b in blocks] == [(BlockKind.PARAGRAPH, "Nur Text & mehr")]


def test_empty_and_whitespace_html_gives_no_blocks() -> None:
    assert html_to_blocks("<p> </p><div>\n\t</div>") == []


def test_tables_become_rows_of_cells_and_sentences_stay_in_their_cell() -> None:
    from reader.core.document.segmentation import segment_document

    html = (
        "<p>Vorher.</p><table><caption>Schiffe</caption>"
        "<tr><th>Schiff</th><th>Flagge</th><th>Status</th></tr>"
        "<tr><td><b>Aurora</b></td><td></td><td>Festgesetzt. Seit Montag.</td></tr>"
        "<tr><td>Bora<table><tr><td>innen</td></tr></table></td><td>Malta</td>"
        "<td><p>Frei.</p><ul><li>Gestern</li></ul></td></tr></table><p>Nachher.</p>"
    )
    document = load_text(html, format="html")
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    cells = [[b.text[start:end] for start, end in b.cell_spans()] for b in rows]
    assert cells == [
        ["Schiff", "Flagge", "Status"],
        ["Aurora", "", "Festgesetzt. Seit Montag."],
        ["Bora innen", "Malta", "Frei. Gestern"],
    ]
    assert [b.level for b in rows] == [1, 0, 0]  # the header row is marked
    bold = rows[1].marks[0]
    assert rows[1].text[bold.start : bold.end] == "Aurora"
    assert [b.text for b in document.blocks if b.kind is not BlockKind.TABLE_ROW] == [
        "Vorher.",
        "Schiffe",
        "Nachher.",
    ]
    by_block = {}
    for sentence in segment_document(document):
        by_block.setdefault(sentence.block, []).append(sentence.text)
    assert by_block[rows[1].index] == ["Aurora", "Festgesetzt.", "Seit Montag."]
    assert by_block[rows[2].index] == ["Bora innen", "Malta", "Frei.", "Gestern"]


def test_markdown_tables_become_rows() -> None:
    document = load_text("| Schiff | Flagge |\n|---|---|\n| Aurora | Panama |\n", format="markdown")
    assert [b.kind for b in document.blocks] == [BlockKind.TABLE_ROW] * 2
    assert [b.text for b in document.blocks] == ["Schiff Flagge", "Aurora Panama"]
    assert document.blocks[1].cells == (0, 7)

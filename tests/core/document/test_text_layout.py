"""Plain text layout: one paragraph per line kept, wrapped text rejoined, lists found."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document.loading import load_text
from reader.core.document.model import BlockKind
from reader.core.document.text_layout import TextBlock, text_blocks

NEWS_LINES = [
    "Sturm über Norddeutschland",
    "In Hamburg regnet es seit dem frühen Morgen ohne Pause, und der Verkehr in der "
    "Innenstadt ist an vielen Stellen gestört.",
    "Die Polizei rät, zu Hause zu bleiben.",
    "In Bremen fielen in der Nacht mehrere Bäume auf die Gleise, die Bahn stellte den "
    "Verkehr zwischen Bremen und Hamburg vollständig ein.",
    "Ein Sprecher sagte, man arbeite mit Hochdruck an der Räumung.",
    "Am Abend soll der Wind nachlassen.",
    "Für Sonntag erwartet der Wetterdienst wieder Sonne.",
]


def test_one_paragraph_per_line_keeps_every_line() -> None:
    # The case: long and short lines alike, each a paragraph (7 blocks, not 4).
    blocks = text_blocks("\n".join(NEWS_LINES) + "\n")
    assert [b.text for b in blocks] == NEWS_LINES
    document = load_text("\n".join(NEWS_LINES), format="text")
    assert document.blocks[0].kind is BlockKind.HEADING
    assert len(document.blocks) == 7


def test_hard_wrapped_text_is_still_rejoined() -> None:
    paragraph = " ".join(NEWS_LINES[1:4])
    second = " ".join(NEWS_LINES[4:])
    wrapped = (
        "\n".join(textwrap.wrap(paragraph, 60)) + "\n\n" + "\n".join(textwrap.wrap(second, 60))
    )
    assert [b.text for b in text_blocks(wrapped)] == [paragraph, second]


def test_wrapped_paragraphs_without_blank_lines_split_at_short_last_lines() -> None:
    first = "Der Hafen ist sehr groß. Er liegt an der Elbe und wächst seit vielen Jahren weiter."
    second = "Im Winter ist es ruhig dort. Dann liegen nur wenige Schiffe an den Kais."
    wrapped = "\n".join(textwrap.wrap(first, 40) + textwrap.wrap(second, 40))
    assert [b.text for b in text_blocks(wrapped)] == [first, second]


def test_numbered_list_on_separate_lines() -> None:
    text = "Die Top 3:\n1. Berlin\n2. Hamburg\n3. München\nDanach folgt Köln.\n"
    assert text_blocks(text) == [
        TextBlock("Die Top 3:"),
        TextBlock("Berlin", True, True, 1),
        TextBlock("Hamburg", True, True, 2),
        TextBlock("München", True, True, 3),
        TextBlock("Danach folgt Köln."),
    ]
    document = load_text(text, format="text")
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.ordered, b.number) for b in items] == [
        ("Berlin", True, 1),
        ("Hamburg", True, 2),
        ("München", True, 3),
    ]


def test_bullets_with_indented_wrapped_lines() -> None:
    text = "Zutaten:\n- Mehl aus der\n  Mühle am Bach\n- Zucker\n* Salz\n"
    blocks = text_blocks(text)
    assert blocks[1:] == [
        TextBlock("Mehl aus der Mühle am Bach", True),
        TextBlock("Zucker", True),
        TextBlock("Salz", True),
    ]


def test_a_date_at_a_line_start_is_not_a_list() -> None:
    text = textwrap.dedent(
        """\
        Die Feier findet wie in jedem Jahr am
        3. Oktober statt, und viele Gäste werden
        erwartet."""
    )
    assert text_blocks(text) == [
        TextBlock(
            "Die Feier findet wie in jedem Jahr am 3. Oktober statt, und viele Gäste werden "
            "erwartet."
        )
    ]


def test_numbers_that_do_not_count_up_are_not_a_list() -> None:
    text = "Ergebnis:\n3. Platz für Köln.\n7. Platz für Bonn.\n"
    assert not any(b.is_item for b in text_blocks(text))


LINE_WORD = st.text(alphabet="abcdefghäöüßXYZ", min_size=1, max_size=8)
LINE = st.lists(LINE_WORD, min_size=1, max_size=12).map(" ".join) | st.sampled_from(
    ["1. Berlin", "2. Hamburg", "- Punkt", "* Stern", "Ende.", "Frage?", ""]
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(LINE, max_size=25), ends=st.lists(st.booleans(), max_size=25))
def test_every_word_comes_out_once_in_order(lines: list[str], ends: list[bool]) -> None:
    # Whatever the layout decides, no word is lost, doubled or moved; only list markers go.
    text = "\n".join(
        line + ("." if end and line and not line.endswith((".", "?")) else "")
        for line, end in zip(lines, ends + [False] * len(lines), strict=False)
    )
    blocks = text_blocks(text)
    marker = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•–])\s+")
    got = " ".join(b.text for b in blocks).split()
    source = text.split()
    kept_markers = [w for w in got if w in ("1.", "2.", "-", "*")]
    assert [w for w in got if w not in ("1.", "2.", "-", "*")] == [
        w for w in source if w not in ("1.", "2.", "-", "*")
    ]
    assert len(kept_markers) <= sum(1 for line in text.split("\n") if marker.match(line))
    assert all(b.text == b.text.strip() and "\n" not in b.text for b in blocks)

"""Nested Markdown lists as written for GitHub (children at the parent's content column)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from reader.core.document.html_blocks import MAX_LEVEL
from reader.core.document.loading import load_text
from reader.core.document.markdown_source import markdown_to_html
from reader.core.document.model import BlockKind

# (kind, level, ordered, number, text) for every block of a Markdown text.
Summary = list[tuple[BlockKind, int, bool, int, str]]


def blocks(text: str) -> Summary:
    doc = load_text(text, format="markdown")
    return [(b.kind, b.level, b.ordered, b.number, b.text) for b in doc.blocks]


def item(level: int, text: str, number: int = 0) -> tuple[BlockKind, int, bool, int, str]:
    return (BlockKind.LIST_ITEM, level, number > 0, number, text)


def outline(html: str) -> list[tuple[int, str, str]]:
    """(list depth, list tag, own text) of every <li>, in document order."""
    root = ElementTree.fromstring(f"<root>{html}</root>")
    found: list[tuple[int, str, str]] = []

    def walk(element: ElementTree.Element, depth: int, tag: str) -> None:
        for child in element:
            if child.tag in ("ul", "ol"):
                walk(child, depth + 1, child.tag)
                continue
            if child.tag == "li":
                own = [child.text or ""] + [p.text or "" for p in child if p.tag == "p"]
                found.append((depth, tag, " ".join(t.strip() for t in own if t.strip())))
            walk(child, depth, tag)

    walk(root, 0, "")
    return found


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_bullet_children_nest_at_two_four_spaces_or_a_tab(indent: str) -> None:
    text = f"- Brot\n{indent}- Roggen\n{indent}- Dinkel\n- Milch\n"
    assert outline(markdown_to_html(text)) == [
        (1, "ul", "Brot"),
        (2, "ul", "Roggen"),
        (2, "ul", "Dinkel"),
        (1, "ul", "Milch"),
    ]
    assert blocks(text) == [
        item(1, "Brot"),
        item(2, "Roggen"),
        item(2, "Dinkel"),
        item(1, "Milch"),
    ]


def test_ordered_item_children_nest_at_its_three_space_content_column() -> None:
    text = "1. Anreise\n   - mit dem Zug\n   - mit dem Rad\n2. Abreise\n"
    assert outline(markdown_to_html(text)) == [
        (1, "ol", "Anreise"),
        (2, "ul", "mit dem Zug"),
        (2, "ul", "mit dem Rad"),
        (1, "ol", "Abreise"),
    ]
    assert blocks(text) == [
        item(1, "Anreise", 1),
        item(2, "mit dem Zug"),
        item(2, "mit dem Rad"),
        item(1, "Abreise", 2),
    ]


def test_mixed_levels_come_back_in_order() -> None:
    text = (
        "- Europa\n"
        "  - Deutschland\n"
        "    - Berlin\n"
        "      1. Mitte\n"
        "      2. Pankow\n"
        "  - Österreich\n"
        "- Asien\n"
    )
    assert blocks(text) == [
        item(1, "Europa"),
        item(2, "Deutschland"),
        item(3, "Berlin"),
        item(4, "Mitte", 1),
        item(4, "Pankow", 2),
        item(2, "Österreich"),
        item(1, "Asien"),
    ]


def test_list_nested_inside_a_blockquote() -> None:
    text = "> - Erstens\n>   - genauer gesagt\n> - Zweitens\n"
    html = markdown_to_html(text)
    root = ElementTree.fromstring(f"<root>{html}</root>")
    quote = root.find("blockquote")
    assert quote is not None
    assert outline(ElementTree.tostring(quote, encoding="unicode")) == [
        (1, "ul", "Erstens"),
        (2, "ul", "genauer gesagt"),
        (1, "ul", "Zweitens"),
    ]
    assert [b[:2] for b in blocks(text)] == [
        (BlockKind.LIST_ITEM, 1),
        (BlockKind.LIST_ITEM, 2),
        (BlockKind.LIST_ITEM, 1),
    ]


def test_later_paragraph_stays_in_its_item_and_the_next_item_is_a_sibling() -> None:
    text = "- Der Zug fährt.\n\n  Er hat Verspätung.\n- Der Bus fährt nicht.\n"
    assert outline(markdown_to_html(text)) == [
        (1, "ul", "Der Zug fährt. Er hat Verspätung."),
        (1, "ul", "Der Bus fährt nicht."),
    ]
    assert blocks(text) == [
        item(1, "Der Zug fährt. Er hat Verspätung."),
        item(1, "Der Bus fährt nicht."),
    ]


def test_later_paragraph_of_a_nested_item_then_sublist_and_sibling() -> None:
    text = (
        "- Wetter\n  - Regen\n\n    Am Abend wird es trocken.\n    - im Norden Schauer\n- Verkehr\n"
    )
    assert blocks(text) == [
        item(1, "Wetter"),
        item(2, "Regen Am Abend wird es trocken."),
        item(3, "im Norden Schauer"),
        item(1, "Verkehr"),
    ]


def test_four_space_paragraph_continuation_still_works() -> None:
    text = "1. Die Sitzung beginnt.\n\n    Sie dauert zwei Stunden.\n\n2. Die Sitzung endet.\n"
    assert blocks(text) == [
        item(1, "Die Sitzung beginnt. Sie dauert zwei Stunden.", 1),
        item(1, "Die Sitzung endet.", 2),
    ]


def test_indented_code_outside_lists_stays_code() -> None:
    text = "Ein Absatz.\n\n    zeile = 1\n      weiter = 2\n\nNoch ein Absatz.\n"
    assert blocks(text) == [
        (BlockKind.PARAGRAPH, 0, False, 0, "Ein Absatz."),
        (BlockKind.CODE, 0, False, 0, "zeile = 1\n  weiter = 2"),
        (BlockKind.PARAGRAPH, 0, False, 0, "Noch ein Absatz."),
    ]


def test_indented_code_after_a_list_and_a_paragraph_stays_code() -> None:
    text = "- Punkt\n  - Unterpunkt\n\nEin Absatz.\n\n    - kein Punkt\n"
    assert blocks(text) == [
        item(1, "Punkt"),
        item(2, "Unterpunkt"),
        (BlockKind.PARAGRAPH, 0, False, 0, "Ein Absatz."),
        (BlockKind.CODE, 0, False, 0, "- kein Punkt"),
    ]


def test_code_inside_a_two_space_item_stays_code() -> None:
    text = "- Befehl:\n\n      ls -l\n- Ende\n"
    root = ElementTree.fromstring(f"<root>{markdown_to_html(text)}</root>")
    code = root.find("ul/li/pre/code")
    assert code is not None and code.text == "ls -l\n"
    assert blocks(text) == [
        item(1, "Befehl:"),
        (BlockKind.CODE, 0, False, 0, "ls -l"),
        item(1, "Ende"),
    ]


def test_fenced_code_keeps_its_indentation() -> None:
    text = "- Punkt\n\n```\n- eins\n  - zwei\n```\n"
    assert blocks(text) == [
        item(1, "Punkt"),
        (BlockKind.CODE, 0, False, 0, "- eins\n  - zwei"),
    ]


def test_a_list_may_interrupt_a_paragraph_as_on_github() -> None:
    text = "Gestern gab es\n- Regen\n  - Wind\n\n  und Nebel.\n"
    assert blocks(text) == [
        (BlockKind.PARAGRAPH, 0, False, 0, "Gestern gab es"),
        item(1, "Regen"),
        item(2, "Wind"),
        item(1, "und Nebel."),  # the later paragraph of "Regen", not code
    ]
    assert blocks("Die Liste:\n1. Eins\n2. Zwei\n") == [
        (BlockKind.PARAGRAPH, 0, False, 0, "Die Liste:"),
        item(1, "Eins", 1),
        item(1, "Zwei", 2),
    ]


def test_numbers_other_than_one_inside_a_paragraph_are_left_alone() -> None:
    # CommonMark: only an ordered list that starts at 1 may cut a paragraph ("2. Plätze").
    text = "Es gab\n2. Plätze und\n3. Preise\n"
    assert blocks(text) == [(BlockKind.PARAGRAPH, 0, False, 0, "Es gab 2. Plätze und 3. Preise")]


def test_thematic_break_is_not_a_list_item() -> None:
    text = "Oben.\n\n* * *\n\n  Unten.\n"
    assert blocks(text) == [
        (BlockKind.PARAGRAPH, 0, False, 0, "Oben."),
        (BlockKind.PARAGRAPH, 0, False, 0, "Unten."),
    ]


def test_thousand_levels_of_two_space_nesting_stay_bounded() -> None:
    text = "".join(f"{'  ' * depth}- Punkt {depth}\n" for depth in range(1000))
    doc = load_text(text, format="markdown")
    assert [b.text for b in doc.blocks] == [f"Punkt {depth}" for depth in range(1000)]
    assert all(b.kind is BlockKind.LIST_ITEM for b in doc.blocks)
    levels = [b.level for b in doc.blocks]
    assert levels[:4] == [1, 2, 3, 4]
    assert max(levels) == MAX_LEVEL

"""Hand-made bilingual documents for the export tests (the English is written by hand)."""

from __future__ import annotations

from reader.core.document.model import (
    Block,
    BlockKind,
    Document,
    Entity,
    EntityLabel,
    Mark,
    MarkKind,
    Sentence,
    Translation,
)
from reader.core.export.model import BilingualDocument


def _sentences(
    blocks: tuple[Block, ...], spans: list[tuple[int, int, int]]
) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(id=i, block=b, start=s, end=e, text=blocks[b].text[s:e])
        for i, (b, s, e) in enumerate(spans)
    )


def sample() -> BilingualDocument:
    """Headings, paragraphs, a list, a quote, code, entities, marks and hostile text."""
    blocks = (
        Block(0, BlockKind.HEADING, "Ein Tag in Köln", level=1),
        Block(
            1,
            BlockKind.PARAGRAPH,
            "Angela Merkel besuchte am Montag Köln. Sie traf den Bürgermeister.",
            marks=(Mark(MarkKind.BOLD, 0, 13), Mark(MarkKind.LINK, 33, 37, "https://koeln.de")),
        ),
        Block(2, BlockKind.LIST_ITEM, "Erstens: „Straße“ mit ß.", level=1),
        Block(
            3,
            BlockKind.LIST_ITEM,
            "Zweitens <script>alert(1)</script> | Pipe.",
            level=2,
            ordered=True,
            number=2,
        ),
        Block(4, BlockKind.CODE, "print('<b>nicht übersetzt</b>')\nx = 1 | 2"),
        Block(5, BlockKind.QUOTE, "Gut gemacht 🙂 und 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."),
        Block(
            6,
            BlockKind.PARAGRAPH,
            'Ein Link: <a href="javascript:alert(1)" onclick="x()">hier</a>.',
            marks=(Mark(MarkKind.LINK, 54, 58, "javascript:alert(1)"),),
        ),
    )
    spans = [(0, 0, 15), (1, 0, 38), (1, 39, 66), (2, 0, 24), (3, 0, 42), (5, 0, 26), (6, 0, 63)]
    document = Document(title="Ein Tag in Köln", blocks=blocks)
    sentences = _sentences(blocks, spans)
    english = [
        "A day in Cologne",
        "Angela Merkel visited Cologne on Monday.",
        "She met the mayor.",
        "First: “street” with ß.",
        "Second <script>alert(1)</script> | pipe.",
        "Well done 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.",
        'A link: <img src=x onerror="alert(1)"> here.',
    ]
    translations = {
        s.id: Translation(sentence_id=s.id, source=s.text, text=en)
        for s, en in zip(sentences, english, strict=True)
    }
    entities = (
        Entity(1, 0, 13, EntityLabel.PER, "Angela Merkel", 1, 0, 13),
        Entity(1, 33, 37, EntityLabel.LOC, "Köln", 1, 22, 29),
        Entity(0, 11, 15, EntityLabel.LOC, "Köln", 0, 9, 16),
        Entity(1, 52, 65, EntityLabel.PER, "Bürgermeister", 2),  # not projected
    )
    return BilingualDocument(
        document=document,
        sentences=sentences,
        translations=translations,
        entities=entities,
        model_name="translate-de_en",
        model_version="1.9",
    )

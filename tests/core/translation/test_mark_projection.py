"""Bold, italic and links carried to the aligned English words (and into the exports)."""

from __future__ import annotations

from reader.core.document.model import (
    AlignedSpan,
    Block,
    BlockKind,
    Document,
    Mark,
    MarkKind,
    Sentence,
    Translation,
)
from reader.core.export.html import to_html
from reader.core.export.markdown import to_markdown
from reader.core.export.model import BilingualDocument
from reader.core.translation.mark_projection import project_marks

GERMAN = "Der Hafen ist sehr groß. Mehr beim Senat."
ENGLISH_1 = "The port is very big."
ENGLISH_2 = "More at the senate."


def link(source: str, word: str, target: str, english_word: str) -> AlignedSpan:
    s = source.index(word)
    t = target.index(english_word)
    return AlignedSpan(s, s + len(word), t, t + len(english_word))


def document() -> tuple[Block, tuple[Sentence, ...], dict[int, Translation]]:
    block = Block(
        0,
        BlockKind.PARAGRAPH,
        GERMAN,
        marks=(
            Mark(MarkKind.BOLD, GERMAN.index("sehr groß"), GERMAN.index("sehr groß") + 9),
            Mark(MarkKind.ITALIC, GERMAN.index("Hafen"), GERMAN.index("Hafen") + 5),
            Mark(MarkKind.LINK, GERMAN.index("Senat"), GERMAN.index("Senat") + 5, "https://x.de"),
            Mark(MarkKind.ITALIC, 0, 3),  # "Der": no alignment link, so not carried
        ),
    )
    first = "Der Hafen ist sehr groß."
    second = "Mehr beim Senat."
    sentences = (
        Sentence(0, 0, 0, len(first), first),
        Sentence(1, 0, len(first) + 1, len(GERMAN), second),
    )
    translations = {
        0: Translation(
            0,
            first,
            ENGLISH_1,
            alignment=(
                link(first, "Hafen", ENGLISH_1, "port"),
                link(first, "sehr", ENGLISH_1, "very"),
                link(first, "groß", ENGLISH_1, "big"),
                link(first, ".", ENGLISH_1, "."),
            ),
        ),
        1: Translation(
            1, second, ENGLISH_2, alignment=(link(second, "Senat", ENGLISH_2, "senate"),)
        ),
    }
    return block, sentences, translations


def test_marks_land_on_the_aligned_english_words() -> None:
    block, sentences, translations = document()
    first = project_marks(block, sentences[0], translations[0])
    assert {(m.kind, ENGLISH_1[m.start : m.end]) for m in first} == {
        (MarkKind.BOLD, "very big"),
        (MarkKind.ITALIC, "port"),
    }
    [carried] = project_marks(block, sentences[1], translations[1])
    assert (carried.kind, ENGLISH_2[carried.start : carried.end], carried.href) == (
        MarkKind.LINK,
        "senate",
        "https://x.de",
    )


def test_exports_show_the_carried_marks_on_the_english() -> None:
    block, sentences, translations = document()
    bilingual = BilingualDocument(Document("t", (block,)), sentences, translations)
    page = to_html(bilingual)
    english = page[page.index('<td lang="en">') :]
    assert "The <em>port</em> is <strong>very big</strong>." in english
    assert '<a href="https://x.de" rel="noopener noreferrer nofollow">senate</a>' in english
    text = to_markdown(bilingual)
    assert "> The *port* is **very big**. More at the [senate](https://x.de)." in text

"""The bilingual HTML file: structure, sentence ids, entities, and that nothing is executable."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from html.parser import HTMLParser

from reader.core.document.model import Block, BlockKind, Document, Mark, MarkKind, Sentence
from reader.core.export.html import to_html
from reader.core.export.model import BilingualDocument
from tests.core.export.export_samples import sample

# Elements that run code or fetch something when a browser opens the file.
ACTIVE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "img",
    "link",
    "video",
    "audio",
    "source",
    "frame",
    "frameset",
    "base",
    "form",
    "svg",
    "math",
    "meta-refresh",
}


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> Collector:
    collector = Collector()
    collector.feed(markup)
    collector.close()
    return collector


def test_every_sentence_id_appears_exactly_once_on_each_side() -> None:
    bilingual = sample()
    tags = parse(to_html(bilingual)).tags
    ids = Counter(attrs["id"] for _tag, attrs in tags if "id" in attrs)
    assert all(count == 1 for count in ids.values()), ids
    for sentence in bilingual.sentences:
        assert ids[f"s{sentence.id}"] == 1
        assert ids[f"s{sentence.id}-en"] == 1
    english = [attrs for _tag, attrs in tags if attrs.get("id", "").endswith("-en")]
    assert [a["data-sentence"] for a in english] == [str(s.id) for s in bilingual.sentences]


def test_nothing_is_executable_or_fetched() -> None:
    markup = to_html(sample())
    assert "<script" not in markup.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    for tag, attrs in parse(markup).tags:
        assert tag not in ACTIVE_TAGS or (tag == "meta" and "http-equiv" not in attrs), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in value.lower().replace(" ", ""), (tag, name, value)
            assert name not in ("src", "srcset", "action", "formaction", "style"), (tag, name)
        if tag == "a":
            assert attrs["href"].startswith(("https:", "http:", "mailto:"))
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    assert policy in markup
    # No external stylesheet, font or import either.
    assert "@import" not in markup and "url(" not in markup


def test_hostile_text_shows_up_as_text() -> None:
    text = "".join(parse(to_html(sample())).text)
    assert "Zweitens <script>alert(1)</script> | Pipe." in text
    assert 'A link: <img src=x onerror="alert(1)"> here.' in text


def test_a_javascript_link_loses_its_target_but_keeps_its_text() -> None:
    collector = parse(to_html(sample()))
    hrefs = [attrs["href"] for tag, attrs in collector.tags if tag == "a"]
    assert hrefs == ["https://koeln.de"]
    assert "hier" in "".join(collector.text)


def test_two_columns_with_language_attributes_one_row_per_block() -> None:
    bilingual = sample()
    tags = parse(to_html(bilingual)).tags
    rows = [attrs for tag, attrs in tags if tag == "tr" and "block" in attrs.get("class", "")]
    assert len(rows) == len(bilingual.document.blocks)
    cells = [attrs.get("lang") for tag, attrs in tags if tag == "td"]
    translatable = [b for b in bilingual.document.blocks if b.kind is not BlockKind.CODE]
    assert cells.count("de") == len(translatable)
    assert cells.count("en") == len(translatable)


def test_code_is_shown_once_across_both_columns() -> None:
    markup = to_html(sample())
    assert markup.count("nicht übersetzt") == 1
    assert re.search(r'<tr class="block code"[^>]*><td colspan="2"><pre><code>print', markup)


def test_entities_are_marked_on_both_sides_where_projected() -> None:
    tags = parse(to_html(sample())).tags
    entities = [attrs for tag, attrs in tags if "ent" in attrs.get("class", "").split()]
    classes = Counter(attrs["class"] for attrs in entities)
    # Angela Merkel on both sides; Köln twice on both sides; Bürgermeister German only.
    assert classes == {"ent ent-PER": 3, "ent ent-LOC": 4}
    assert {a["title"] for a in entities} == {
        "PER: Angela Merkel",
        "LOC: Köln",
        "PER: Bürgermeister",
    }


def test_entity_markup_wraps_the_right_words() -> None:
    markup = to_html(sample())
    assert '<span class="ent ent-LOC" title="LOC: Köln">Cologne</span> on Monday.' in markup
    assert '<span class="ent ent-PER" title="PER: Bürgermeister">Bürgermeister</span>' in markup


def test_marks_nest_inside_sentences_and_entities() -> None:
    markup = to_html(sample())
    assert (
        '<span class="s" id="s1"><span class="ent ent-PER" title="PER: Angela Merkel">'
        "<strong>Angela Merkel</strong></span>"
    ) in markup


def test_prints_well() -> None:
    markup = to_html(sample())
    assert "@media print" in markup
    assert "break-inside: avoid" in markup
    assert "size: A4" in markup


def test_untranslated_sentence_keeps_its_english_anchor() -> None:
    bilingual = sample()
    translations = {k: v for k, v in bilingual.translations.items() if k != 2}
    markup = to_html(dataclasses.replace(bilingual, translations=translations))
    assert '<span class="s pending" id="s2-en" data-sentence="2"></span>' in markup


def test_text_between_sentences_and_a_mark_across_two_sentences() -> None:
    block = Block(0, BlockKind.PARAGRAPH, "Eins. Zwei.", marks=(Mark(MarkKind.ITALIC, 3, 8),))
    sentences = (Sentence(0, 0, 0, 5, "Eins."), Sentence(1, 0, 6, 11, "Zwei."))
    bilingual = BilingualDocument(Document("t", (block,)), sentences)
    markup = to_html(bilingual)
    assert (
        '<span class="s" id="s0">Ein<em>s.</em></span><em> </em>'
        '<span class="s" id="s1"><em>Zw</em>ei.</span>'
    ) in markup


def test_unicode_survives() -> None:
    text = "".join(parse(to_html(sample())).text)
    for piece in ("ß", "„Straße“", "🙂", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Well done 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."):
        assert piece in text


def test_blank_blocks_get_no_row() -> None:
    blocks = (Block(0, BlockKind.PARAGRAPH, "Hallo."), Block(1, BlockKind.PARAGRAPH, "  \n "))
    bilingual = BilingualDocument(Document("t", blocks), (Sentence(0, 0, 0, 6, "Hallo."),))
    rows = [a for tag, a in parse(to_html(bilingual)).tags if tag == "tr" and "id" in a]
    assert [a["id"] for a in rows] == ["b0"]

"""Saved web pages: the article without boilerplate, and the whole page on request."""

from __future__ import annotations

from pathlib import Path

from reader.core.document.article import extract_article
from reader.core.document.loading import load_document

PAGE = """<!doctype html><html lang="de"><head><title>Sturm | Nordzeitung</title>
<script>track()</script></head><body>
<div id="cookie-banner"><p>Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.</p>
<button>Akzeptieren</button></div>
<header class="site-header"><nav><a href="/">Startseite</a> | <a href="/politik">Politik</a>
</nav></header>
<div class="ad-slot"><p>Anzeige: Jetzt günstig Strom wechseln, sparen Sie bis zu 300 Euro!</p></div>
<main><article>
<header><h1>Sturm über Norddeutschland</h1>
<p class="byline">Von Anna Schmidt</p><time datetime="2026-12-06">6. Dezember 2026</time>
<p class="lead"><strong>Der Orkan hat in der Nacht große Schäden angerichtet.</strong></p></header>
<p>In Hamburg regnet es seit Stunden, und der Verkehr ist weiterhin gestört.</p>
<div class="share-buttons"><a href="#">Teilen</a><a href="#">Twittern</a></div>
<p>In Bremen fielen mehrere Bäume auf die Gleise, die Bahn stellte den Verkehr ein.</p>
<aside class="related"><h2>Mehr zum Thema</h2>
<ul><li><a href="/a">Hochwasser im Süden</a></li></ul></aside>
<p>Am Abend soll der Wind nachlassen.</p>
</article></main>
<footer><p>© 2026 Nordzeitung · <a href="/impressum">Impressum</a> · Datenschutz</p></footer>
</body></html>"""

ARTICLE_TEXTS = [
    "Sturm über Norddeutschland",
    "Von Anna Schmidt",
    "6. Dezember 2026",
    "Der Orkan hat in der Nacht große Schäden angerichtet.",
    "In Hamburg regnet es seit Stunden, und der Verkehr ist weiterhin gestört.",
    "In Bremen fielen mehrere Bäume auf die Gleise, die Bahn stellte den Verkehr ein.",
    "Am Abend soll der Wind nachlassen.",
]


def test_article_keeps_title_byline_date_lead_and_drops_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "sturm.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_document(path)
    assert document.article_only
    assert [b.text for b in document.blocks] == ARTICLE_TEXTS
    assert document.title == "Sturm über Norddeutschland"


def test_whole_page_keeps_everything_but_scripts(tmp_path: Path) -> None:
    path = tmp_path / "sturm.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_document(path, whole_page=True)
    assert not document.article_only
    texts = " ".join(b.text for b in document.blocks)
    for words in ("Startseite | Politik", "Impressum", "Wir verwenden Cookies", "Anzeige"):
        assert words in texts
    assert "track()" not in texts
    for sentence in ARTICLE_TEXTS:
        assert sentence in texts


def test_title_outside_the_article_is_put_in_front() -> None:
    page = (
        "<body><nav><a href='/'>Startseite</a> <a href='/x'>Sport</a> <a href='/y'>Kultur</a>"
        "</nav><h1>Der Titel</h1><article><p>Erster Absatz mit genug Text darin.</p>"
        "<p>Zweiter Absatz, ebenfalls mit Text.</p></article></body>"
    )
    extracted = extract_article(page)
    assert extracted is not None
    assert extracted.index("Der Titel") < extracted.index("Erster Absatz")
    assert "Startseite" not in extracted


def test_page_without_boilerplate_is_shown_whole() -> None:
    page = "<body><article><h1>Titel</h1><p>Nur ein Absatz, sonst nichts.</p></article></body>"
    assert extract_article(page) is None


def test_page_without_article_element_uses_the_best_scored_paragraphs() -> None:
    body = "".join(
        f"<p>Absatz {n}: Das ist ein langer Satz, mit Kommas, der zum Artikel gehört.</p>"
        for n in range(5)
    )
    page = (
        "<body><div class='menu'><a href='/'>Start</a> <a href='/a'>Politik</a></div>"
        f"<div class='content'><h1>Titel</h1>{body}</div>"
        "<div class='footer'><p>Impressum und Kontakt und Datenschutz und mehr.</p></div></body>"
    )
    extracted = extract_article(page)
    assert extracted is not None
    assert "Absatz 4" in extracted and "Titel" in extracted
    assert "Impressum" not in extracted and "Politik" not in extracted


def test_hostile_pages_do_not_break_extraction() -> None:
    assert extract_article("") is None
    assert extract_article("<div>" * 50_000 + "Text") is None  # nothing to leave out
    assert extract_article("<article>" + "<p>x" * 10_000) is None


def test_markdown_is_never_cut_down_to_an_article(tmp_path: Path) -> None:
    # A Markdown file is all text its author wrote: a link list at the top is not navigation.
    text = (
        '<nav class="menu"><a href="/a">Start</a> | <a href="/b">Politik</a> | '
        '<a href="/c">Wirtschaft</a> | <a href="/d">Kultur</a></nav>\n\n'
        + "".join(f"Absatz {n}, ein langer Satz mit Kommas, der dazugehört.\n\n" for n in range(6))
    )
    path = tmp_path / "notizen.md"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert not document.article_only
    assert document.blocks[0].text == "Start | Politik | Wirtschaft | Kultur"
    assert len(document.blocks) == 7

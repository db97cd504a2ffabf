"""German sentence segmentation: known splits, and spans that never lose or repeat text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader
from reader.core.document.model import Block, BlockKind, Document
from reader.core.document.segmentation import segment_document, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_the_example_article_is_four_sentences() -> None:
    text = (
        "Am 3. Oktober sagte Dr. Müller von der Nvidia Corp. in Kuala Lumpur, dass die "
        "Exporte nach Malaysia im letzten Quartal 3,4 Mrd. US-Dollar betrugen. Das ist "
        "z. B. mehr als 2023. „Wir sind zufrieden“, sagte er. Die WSJ berichtete darüber."
    )
    assert sentences(text) == [
        "Am 3. Oktober sagte Dr. Müller von der Nvidia Corp. in Kuala Lumpur, dass die "
        "Exporte nach Malaysia im letzten Quartal 3,4 Mrd. US-Dollar betrugen.",
        "Das ist z. B. mehr als 2023.",
        "„Wir sind zufrieden“, sagte er.",
        "Die WSJ berichtete darüber.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # abbreviations
        "Er kam z. B. gestern und ging u. a. mit Dr. Meier weg.",
        "Das gilt d. h. für alle, vgl. Abs. 3 und Art. 5 sowie S. 12.",
        "Prof. Dr. Schmidt wohnt in der Goethestr. 5 bei Hr. und Fr. Weber.",
        "Es kostet ca. 3 Mio. Euro bzw. 4 Mrd. Dollar inkl. Steuern zzgl. Versand.",
        "Bitte ggf. bspw. evtl. Nr. 7 nehmen.",
        "Er ist Chef der Nvidia Corp. in Kalifornien.",
        "Die Firma Müller GmbH & Co. KG zahlt pünktlich.",
        "Im 19. Jh. Baustil gehalten, stand das Haus in St. Petersburg.",
        "Z. B. Äpfel sind gesund.",
        "Vgl. Kapitel 3 zu diesem Punkt.",
        # ordinals and dates
        "Er kam am 3. Oktober nach Hause.",
        "Im 19. Jahrhundert begann der 2. Weltkrieg noch nicht.",
        "Sie trafen sich am 04.05.2018 in Bonn.",
        "Bayern spielt zum 5. Mal in der 2. Bundesliga.",
        "Der 5. Versuch gelang, der 1000. Besucher kam ab 2. Runde.",
        "Am 3. 10. 2019 war Feiertag.",
        "Gespielt wird um 19. Uhr.",
        # initials
        "J. R. R. Tolkien schrieb viel.",
        "Angela D. Merkel war Kanzlerin.",
        "Kaiser Wilhelm II. Kaiser von Preußen war er nicht.",
        # decimals, URLs, e-mail, versions
        "Es waren 3,4 Mrd. Euro und 3.5 Prozent.",
        "Siehe www.example.com/a.b.html und schreiben Sie an info@example.de heute.",
        "Version 2.0.1 ist da.",
        # ellipsis inside a sentence, quotes that go on
        "Er sagte […] Dinge, die keiner verstand.",
        "Er dachte ... und ging.",
        "„Wo bist du?“, fragte er.",
        "„Halt!“ rief sie.",
        "„Warum?“ – fragte sie leise.",
        "Er sagte: „Wir kommen.“, und ging.",
        # numbering, parentheses, hyphenated abbreviations
        "2. Nach diesen Maßstäben ist die Klage unbegründet.",
        "II. Die Berufung hat Erfolg.",
        "Man habe schon 500 (verunsicherte?) Kunden abwerben können.",
        "Die Drucksache (BT-Drs. 17/1394) liegt vor.",
        "Siehe S. 5 ff. Rn. 12 dazu.",
        "Die Preise stiegen vom 18. / 20. Mai an.",
        "II. 1. Die Beschwerde ist statthaft.",
        "Die Klage ist bestimmt iSv. § 253 Abs. 2 ZPO und zulässig.",
        "Die Firma B... GmbH zahlte nicht.",
        "Das kostet ... € im Jahr.",
        "Es enthält 57 bis 80 Gew. -% SiO2.",
        # headings and list items without final punctuation
        "Obama empfängt Netanyahu",
        "1. Einleitung",
    ],
)
def test_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam am 3. Oktober. Dann ging er.", ["Er kam am 3. Oktober.", "Dann ging er."]),
        (
            "Das Spiel endete 2:1. Danach feierten alle.",
            ["Das Spiel endete 2:1.", "Danach feierten alle."],
        ),
        (
            "Sie wurde 1990 geboren. Danach zog sie um.",
            ["Sie wurde 1990 geboren.", "Danach zog sie um."],
        ),
        (
            "Es war im Jahr 2019. 2020 wurde es besser.",
            ["Es war im Jahr 2019.", "2020 wurde es besser."],
        ),
        (
            "Das war mehr als 2023. Die Zahlen stiegen.",
            ["Das war mehr als 2023.", "Die Zahlen stiegen."],
        ),
        (
            "Der Vertrag läuft bis 2025. Bayern will verlängern.",
            ["Der Vertrag läuft bis 2025.", "Bayern will verlängern."],
        ),
        ("Sie kaufte Äpfel usw. Dann ging sie.", ["Sie kaufte Äpfel usw.", "Dann ging sie."]),
        ("Er mag Obst, Brot etc. Sie mag Fisch.", ["Er mag Obst, Brot etc.", "Sie mag Fisch."]),
        (
            "Er ist bei Nvidia Corp. Die Aktie stieg.",
            ["Er ist bei Nvidia Corp.", "Die Aktie stieg."],
        ),
        ("Der Umsatz betrug 3 Mrd. Das war viel.", ["Der Umsatz betrug 3 Mrd.", "Das war viel."]),
        (
            "Er nahm Vitamin C. Danach ging es ihm gut.",
            ["Er nahm Vitamin C.", "Danach ging es ihm gut."],
        ),
        (
            "Er lebte im 3. Jh. v. Chr. Die Römer kamen.",
            ["Er lebte im 3. Jh. v. Chr.", "Die Römer kamen."],
        ),
        (
            "Sie lebten in den USA. Dann zogen sie um.",
            ["Sie lebten in den USA.", "Dann zogen sie um."],
        ),
        (
            "Er arbeitet bei der Müller GmbH. Die Firma wächst.",
            ["Er arbeitet bei der Müller GmbH.", "Die Firma wächst."],
        ),
        (
            "Er öffnete einen neuen Tab. Dann las er.",
            ["Er öffnete einen neuen Tab.", "Dann las er."],
        ),
        # quotes: the sentence ends after the closing quote
        (
            "Er sagte: „Wir kommen.“ Dann ging er.",
            ["Er sagte: „Wir kommen.“", "Dann ging er."],
        ),
        ("»Nein!« Sie lachte.", ["»Nein!«", "Sie lachte."]),
        ("Er fragte: ‚Warum?‘ Keiner wusste es.", ["Er fragte: ‚Warum?‘", "Keiner wusste es."]),
        ('Er rief "Hilfe!" Niemand kam.', ['Er rief "Hilfe!"', "Niemand kam."]),
        ("Das ist gut. „Wir kommen“, sagte er.", ["Das ist gut.", "„Wir kommen“, sagte er."]),
        ("Er sprach vom „Ende“. Dann schwieg er.", ["Er sprach vom „Ende“.", "Dann schwieg er."]),
        ("Er kam (spät). Sie nicht.", ["Er kam (spät).", "Sie nicht."]),
        # question, exclamation, ellipsis
        ("Wirklich? Ja! Gut.", ["Wirklich?", "Ja!", "Gut."]),
        ("Und dann… Die Tür ging auf.", ["Und dann…", "Die Tür ging auf."]),
        ("Und dann... Die Tür ging auf.", ["Und dann...", "Die Tür ging auf."]),
        # a quote standing alone after the end belongs to that sentence
        ('So war es. " Dann kam er.', ['So war es. "', "Dann kam er."]),
        # list markers, camel-case words, a domain at the end
        (
            "Der Antrag ist unzulässig. a) Zunächst fehlt die Frist.",
            ["Der Antrag ist unzulässig.", "a) Zunächst fehlt die Frist."],
        ),
        (
            "Nutzer sind betroffen. iOS 17 behebt das.",
            ["Nutzer sind betroffen.", "iOS 17 behebt das."],
        ),
        (
            "Mehr unter www.bund.de. Dort gibt es Formulare.",
            ["Mehr unter www.bund.de.", "Dort gibt es Formulare."],
        ),
        ("Er kam (er war müde). Dann schlief er.", ["Er kam (er war müde).", "Dann schlief er."]),
        (
            "Er kam. (Er war müde.) Dann schlief er.",
            ["Er kam.", "(Er war müde.)", "Dann schlief er."],
        ),
        # numbering at the start, URL at an end
        ("Siehe www.example.com. Danach weiter.", ["Siehe www.example.com.", "Danach weiter."]),
        # blank lines always separate
        ("Überschrift\n\nDer Text beginnt hier", ["Überschrift", "Der Text beginnt hier"]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_single_line_breaks_do_not_split() -> None:
    assert sentences("Ein Satz über\nzwei Zeilen.") == ["Ein Satz über\nzwei Zeilen."]


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_spans_are_offsets_into_the_text() -> None:
    text = "  Erster Satz.   Zweiter Satz!  "
    assert split_sentences(text) == [(2, 14), (17, 30)]


# Text built from pieces that exercise the rules, plus arbitrary characters.
_PIECES = st.sampled_from(
    [
        "Dr.",
        "z. B.",
        "usw.",
        "Corp.",
        "3.",
        "2023.",
        "Oktober",
        "Jahrhundert",
        "„",
        "“",
        "»",
        "«",
        "‚",
        "‘",
        '"',
        "'",
        "(",
        ")",
        "…",
        "...",
        ".",
        "!",
        "?",
        "?!",
        ".“",
        "!“",
        "J.",
        "R.",
        "3,4",
        "04.05.2018",
        "www.x.de",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u00a0",
        "\u2028",
        "\u2029",
        "\x0b",
        "\x1c",
        "\x85",
        "Die",
        "der",
        "ist",
        "Er",
        "😀",
        "👍🏽",
        "ß",
        "Ä",
        "ü",
        "–",
        "-",
        ",",
        ":",
        ";",
        "\x01",
        "\x7f",
    ]
)
_TEXT = st.lists(
    st.one_of(_PIECES, st.text(alphabet=st.characters(blacklist_characters="\x00"))),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_spans_cover_the_text_in_order_without_loss(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        gap = text[position:start]
        assert gap == "" or gap.isspace()
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert text[position:] == "" or text[position:].isspace()
    # Everything that is not whitespace is in exactly one sentence.
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())


def _document(*blocks: tuple[BlockKind, str]) -> Document:
    return Document(
        title="t",
        blocks=tuple(
            Block(index=index, kind=kind, text=text) for index, (kind, text) in enumerate(blocks)
        ),
    )


def test_segment_document_numbers_sentences_in_document_order() -> None:
    document = _document(
        (BlockKind.HEADING, "Neue Zahlen"),
        (BlockKind.PARAGRAPH, "Am 3. Oktober kam er. Dann ging er."),
        (BlockKind.CODE, "print('Nicht übersetzen.') # Kein Satz."),
        (BlockKind.PARAGRAPH, "   "),
        (BlockKind.LIST_ITEM, "Erster Punkt ohne Punkt"),
    )
    result = segment_document(document)
    assert [(s.id, s.block, s.text) for s in result] == [
        (0, 0, "Neue Zahlen"),
        (1, 1, "Am 3. Oktober kam er."),
        (2, 1, "Dann ging er."),
        (3, 4, "Erster Punkt ohne Punkt"),
    ]
    for sentence in result:
        block = document.blocks[sentence.block]
        assert block.text[sentence.start : sentence.end] == sentence.text


def test_segment_document_of_no_blocks_is_empty() -> None:
    assert segment_document(_document()) == ()


def test_reader_never_imports_somajo() -> None:
    """SoMaJo is GPL-3: a benchmark yardstick only, never part of the application."""
    package = Path(reader.__file__).parent
    pattern = re.compile(r"^\s*(?:import|from)\s+somajo\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []

"""TMX 1.4: well-formed XML that parses back to exactly the sentence pairs."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

from reader import __version__
from reader.core.export.formats import export_to_file
from reader.core.export.tmx import XML_LANG, to_tmx
from tests.core.export.export_samples import sample


def read_units(root: ET.Element) -> list[tuple[int, str, str]]:
    units = []
    for unit in root.iter("tu"):
        variants = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in unit.findall("tuv")}
        assert set(variants) == {"de", "en"}
        units.append((int(unit.get("tuid", "")), variants["de"] or "", variants["en"] or ""))
    return units


def test_tmx_parses_back_to_exactly_the_pairs(tmp_path: Path) -> None:
    bilingual = sample()
    target = tmp_path / "memory.tmx"
    export_to_file(bilingual, "tmx", target)
    root = ET.parse(target).getroot()
    expected = [(s.id, s.text, bilingual.translations[s.id].text) for s in bilingual.sentences]
    assert read_units(root) == expected


def test_header_follows_tmx_14_and_names_the_model() -> None:
    root = ET.fromstring(to_tmx(sample()).encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert header.attrib == {
        "creationtool": "reader",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "reader",
        "adminlang": "en",
        "srclang": "de",
        "datatype": "plaintext",
    }
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-model"] == "translate-de_en"
    assert props["x-model-version"] == "1.9"
    assert [child.tag for child in root] == ["header", "body"]


def test_the_raw_file_uses_xml_lang() -> None:
    text = to_tmx(sample())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<tu tuid="4">' in text
    assert '<tuv xml:lang="de">' in text and '<tuv xml:lang="en">' in text


def test_untranslated_sentences_are_left_out() -> None:
    bilingual = sample()
    translations = {k: v for k, v in bilingual.translations.items() if k != 3}
    root = ET.fromstring(to_tmx(dataclasses.replace(bilingual, translations=translations)))
    assert [u[0] for u in read_units(root)] == [0, 1, 2, 4, 5, 6]


def test_text_that_looks_like_xml_stays_text() -> None:
    root = ET.fromstring(to_tmx(sample()))
    units = dict((u[0], u[1:]) for u in read_units(root))
    assert units[4][0] == "Zweitens <script>alert(1)</script> | Pipe."
    assert units[5] == ("Gut gemacht 🙂 und 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.", "Well done 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.")
    assert root.find("body/tu/tuv/seg/script") is None

"""TMX 1.4 translation memory: one translation unit per translated sentence.

Built with ``xml.etree`` so the output is well-formed by construction; characters XML 1.0
cannot carry are dropped first. The header names the reader as creation tool and carries
the translation model in a ``<prop type="x-model">``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reader import __version__
from reader.core.export.model import BilingualDocument, clean_text, sentence_pairs

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANG = "de"
TARGET_LANG = "en"


def to_tmx(bilingual: BilingualDocument) -> str:
    """The TMX document as a string (UTF-8 declared); untranslated sentences are left out."""
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        root,
        "header",
        {
            "creationtool": "reader",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "reader",
            "adminlang": "en",
            "srclang": SOURCE_LANG,
            "datatype": "plaintext",
        },
    )
    if bilingual.model_name:
        _prop(header, "x-model", bilingual.model_name)
    if bilingual.model_version:
        _prop(header, "x-model-version", bilingual.model_version)
    if bilingual.document.title:
        _prop(header, "x-document-title", bilingual.document.title)
    body = ET.SubElement(root, "body")
    for pair in sentence_pairs(bilingual):
        if pair.id not in bilingual.translations:
            continue
        unit = ET.SubElement(body, "tu", tuid=str(pair.id))
        for lang, text in ((SOURCE_LANG, pair.german), (TARGET_LANG, pair.english)):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: lang})
            ET.SubElement(variant, "seg").text = clean_text(text)
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n{xml}\n'


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", type=kind).text = clean_text(value)

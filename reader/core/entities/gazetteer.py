"""A spaCy component that marks tokens found in compact name lists (surnames, towns,
countries) so the NER model can use list membership as a feature.

It writes a short class code into ``token.tag`` ("P" surname, "T" town, "C" country, or a
combination; "" otherwise), which the NER's embedding layer reads as one of its features.
The lists ship inside the pipeline folder (``reader_gazetteer/names.tsv``), filtered when
the pipeline is trained. This module imports spaCy: import it only when loading a pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "reader_gazetteer"
_FILE = "names.tsv"


class Gazetteer:
    """Token-level list lookup; genitive -s forms count for their base name."""

    def __init__(self, nlp: Language, name: str = FACTORY) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.classes: dict[str, str] = {}
        self._ids: dict[str, int] = {}

    def set_names(self, classes: Mapping[str, str]) -> None:
        """Replace the lists: ``{word: class codes}``."""
        self.classes = dict(classes)
        self._ids = {}

    def _code(self, word: str) -> str:
        code = self.classes.get(word)
        if code is None and len(word) > 3 and word.endswith("s"):
            code = self.classes.get(word[:-1])
        return code or ""

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        for token in doc:
            code = self._code(token.text)
            token_id = self._ids.get(code)
            if token_id is None:
                token_id = self._ids[code] = strings.add(code)
            token.tag = token_id
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"{word}\t{code}" for word, code in sorted(self.classes.items())]
        (folder / _FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        classes: dict[str, str] = {}
        text = (Path(path) / _FILE).read_text(encoding="utf-8")
        for line in text.splitlines():
            word, _, code = line.partition("\t")
            if word and code:
                classes[word] = code
        self.set_names(classes)
        return self


@Language.factory(FACTORY)
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """spaCy factory for ``Gazetteer``."""
    return Gazetteer(nlp, name)

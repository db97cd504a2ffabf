"""Named-entity recognition on the German side: the shipped tagger or an installed pipeline.

The shipped recognizer is a CRF tagger (``reader/core/entities/crf.py``, model folder
``resources/ner/de_reader_crf``), averaged with a small neural net when the folder holds its
``neural.npz`` (``reader/core/entities/ensemble.py``); a spaCy pipeline folder (the older
``de_reader_ner``) or an installed German spaCy package can be used instead. spaCy, CRFsuite
and NumPy are imported only when a model is loaded, never at module import, so the UI can
start without them. Entities come out per block with exact offsets into ``block.text``; each
lies inside one sentence and carries that sentence's id.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.bundled import resource_path
from reader.core.document.model import BlockKind, Document, Entity, EntityLabel, Sentence
from reader.core.entities import consistency, cues, mentions
from reader.core.entities import crf as ner_crf
from reader.core.entities import rules as entity_rules
from reader.core.errors import ReaderError

OWN_PIPELINE = "de_reader_ner"
# The folder of the shipped model; it holds a CRF model (``model.crfsuite``) and ``meta.json``.
OWN_MODEL_FOLDER = "de_reader_crf"
# Better German pipelines a user may have installed themselves, best first.
INSTALLED_CANDIDATES = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")

# Labels of other pipelines mapped onto ours; anything else is dropped.
_LABEL_MAP = {
    "PER": EntityLabel.PER,
    "PERSON": EntityLabel.PER,
    "LOC": EntityLabel.LOC,
    "GPE": EntityLabel.LOC,
    "ORG": EntityLabel.ORG,
    "MISC": EntityLabel.MISC,
}


@dataclass
class NerModelUnavailable(ReaderError):
    """The requested NER pipeline is not installed or could not be loaded."""

    name: str
    reason: str = ""

    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.name}" + (f" ({self.reason})" if self.reason else "")


def default_model_path() -> Path:
    """Where the shipped model lives (source checkout or bundle)."""
    return resource_path("ner", OWN_MODEL_FOLDER)


def installed_pipelines() -> tuple[str, ...]:
    """German spaCy pipelines installed as packages, best first (no import of spaCy)."""
    found = []
    for name in INSTALLED_CANDIDATES:
        try:
            if importlib.util.find_spec(name) is not None:
                found.append(name)
        except (ImportError, ValueError):
            continue
    return tuple(found)


def available_pipelines() -> tuple[str, ...]:
    """Every pipeline ``EntityRecognizer`` can use: ours (when present) then installed ones."""
    own = (OWN_PIPELINE,) if (default_model_path() / "meta.json").is_file() else ()
    return own + installed_pipelines()


class EntityRecognizer:
    """Finds PER/LOC/ORG/MISC entities in a segmented document.

    ``prefer_installed`` names an installed pipeline (``"de_core_news_lg"``) or ``"auto"``
    for the best installed one; without it, or when it is missing, the shipped pipeline at
    ``model_path`` (default: the one in resources) is used: a CRF model folder
    (``model.crfsuite``) or a spaCy pipeline folder. Loading happens on first use.
    """

    def __init__(self, model_path: Path | None = None, *, prefer_installed: str | None = None):
        self._model_path = model_path
        self._prefer = prefer_installed
        self._nlp: Any = None
        self._crf: Any = None
        self._name = ""

    @property
    def name(self) -> str:
        """The pipeline in use: an installed package name or our own; "" before loading."""
        return self._name

    def _choose(self) -> tuple[str, Path | None]:
        installed = installed_pipelines()
        if self._prefer == "auto" and installed:
            return installed[0], None
        if self._prefer and self._prefer in installed:
            return self._prefer, None
        return OWN_PIPELINE, self._model_path or default_model_path()

    def load(self) -> None:
        """Load the pipeline now (idempotent); raises ``NerModelUnavailable``."""
        if self._nlp is not None or self._crf is not None:
            return
        name, path = self._choose()
        if path is not None and not (path / "meta.json").is_file():
            raise NerModelUnavailable(str(path), "no model there")
        if path is not None and (path / ner_crf.MODEL_FILE).is_file():
            try:
                self._crf = _load_tagger(path)
            except (OSError, ImportError, ValueError, KeyError) as error:
                raise NerModelUnavailable(str(path), str(error)) from error
            self._name = name
            return
        try:
            import spacy  # heavy: only here

            from reader.core.entities import gazetteer as ner_gazetteer  # noqa: F401 - registers our component

            # Installed pipelines are importable packages with a ``load()``; going through
            # the import (not the distribution metadata) is what find_spec promised.
            nlp = spacy.load(path) if path is not None else spacy.util.load_model_from_package(name)
        except (OSError, ImportError, ValueError) as error:
            raise NerModelUnavailable(name, str(error)) from error
        if "ner" not in nlp.pipe_names:
            raise NerModelUnavailable(name, "pipeline has no 'ner' component")
        self._nlp = nlp
        self._name = name

    def _disabled(self) -> list[str]:
        # Installed pipelines also parse, tag and lemmatize: we only need NER (and a shared
        # tok2vec when the NER listens to one).
        return [p for p in self._nlp.pipe_names if p not in ("tok2vec", "ner")]

    def spans(self, texts: Sequence[str]) -> list[list[entity_rules.RawSpan]]:
        """Raw model spans for each text (mapped labels, no German rules applied)."""
        self.load()
        if self._crf is not None:
            found = self._crf.spans_many(texts)
            return [[entity_rules.RawSpan(*span) for span in spans] for spans in found]
        out: list[list[entity_rules.RawSpan]] = []
        docs = self._nlp.pipe(texts, batch_size=64, disable=self._disabled())
        for doc in docs:
            spans = []
            for ent in doc.ents:
                label = _LABEL_MAP.get(ent.label_)
                if label is not None:
                    spans.append(entity_rules.RawSpan(ent.start_char, ent.end_char, label.value))
            out.append(spans)
        return out

    def scored_spans(self, texts: Sequence[str]) -> list[list[consistency.ScoredSpan]]:
        """Raw model spans with the model's confidence (1.0 for spaCy pipelines)."""
        self.load()
        if self._crf is not None:
            return [
                [consistency.ScoredSpan(*span) for span in spans]
                for spans in self._crf.scored_spans_many(texts)
            ]
        return [
            [consistency.ScoredSpan(s.start, s.end, s.label) for s in spans]
            for spans in self.spans(texts)
        ]

    def _listed_base(self, surface: str, label: str) -> str:
        # The tagger's name lists know "Merkel" even when a document only says "Merkels".
        if self._crf is None or label not in ("PER", "LOC"):
            return surface
        *front, last = surface.split(" ")
        base = self._crf.genitive_base(last)
        return " ".join([*front, base]) if base else surface

    def document_spans(
        self, texts: Sequence[str], levers: Collection[str] = cues.LEVERS
    ) -> list[list[entity_rules.RawSpan]]:
        """Spans of the sentences ``texts`` of one document as the app shows them: the
        tagger, the document-level label vote, the German rules and the context cues."""
        if not texts:
            return []
        # One name, one label across the document, voted from all its mentions.
        raw = consistency.harmonize_labels(texts, self.scored_spans(texts))
        lexicon: Mapping[str, str] = self._crf.names if self._crf is not None else {}
        # A name marked elsewhere in the document is marked where the tagger missed it.
        raw = mentions.add_missed_mentions(texts, raw, lexicon)
        # Names found anywhere in the document help with compounds elsewhere ("Nvidia-Chips").
        document_names: dict[str, str] = {}
        for text, spans in zip(texts, raw, strict=True):
            for span in spans:
                surface = text[span.start : span.end]
                if " " not in surface and "-" not in surface and len(surface) > 1:
                    document_names.setdefault(surface, span.label)
        refined = [
            entity_rules.refine_spans(text, spans, document_names)
            for text, spans in zip(texts, raw, strict=True)
        ]
        return cues.apply_cues(texts, refined, lexicon, levers)

    def recognize(self, document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
        """Entities of ``document`` in document order, offsets into their block's text."""
        wanted = [
            s
            for s in sentences
            if 0 <= s.block < len(document.blocks)
            and document.blocks[s.block].kind is not BlockKind.CODE
            and s.end > s.start
        ]
        texts = [document.blocks[s.block].text[s.start : s.end] for s in wanted]
        refined = self.document_spans(texts)
        known = set(entity_rules.known_names())
        for text, spans in zip(texts, refined, strict=True):
            known.update(text[s.start : s.end] for s in spans)
        known.update(_exonym_names())
        entities: list[Entity] = []
        for sentence, text, spans in zip(wanted, texts, refined, strict=True):
            for span in spans:
                surface = text[span.start : span.end]
                entities.append(
                    Entity(
                        block=sentence.block,
                        start=sentence.start + span.start,
                        end=sentence.start + span.end,
                        label=EntityLabel(span.label),
                        text=surface,
                        sentence_id=sentence.id,
                        key=entity_rules.entity_key(
                            self._listed_base(surface, span.label), span.label, known
                        ),
                    )
                )
        entities.sort(key=lambda e: (e.block, e.start, e.end))
        return tuple(entities)


def _load_tagger(path: Path) -> Any:
    """The CRF with the neural net beside it when its ``neural.npz`` is there, else the CRF."""
    if (path / ner_crf.NET_FILE).is_file():
        from reader.core.entities.ensemble import EnsembleTagger  # NumPy: only with the net

        return EnsembleTagger(path)
    return ner_crf.CrfTagger(path)


def _exonym_names() -> set[str]:
    from reader.core.entities.projection import exonyms

    return set(exonyms())

"""``reader entities FILE``: the named entities of a German document, one JSON object a line.

Offsets are into the block's text. When a de→en model is installed and the document's
sentences are in the translation cache (or ``--translate`` is given), each entity also gets
its span in the English sentence (``en_start``/``en_end``/``en_text``) where projection
finds one.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.messages import complain
from reader.core.document.model import Entity, Sentence, Translation

if TYPE_CHECKING:
    from reader.core.entities.recognizer import EntityRecognizer


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``entities`` command."""
    parser = subparsers.add_parser(
        "entities",
        help="list the named entities of a document",
        description="List the people, places, organisations and other names in a German "
        "document, with their English spans when the document has been translated.",
    )
    parser.add_argument("file", help="Markdown, text or HTML file")
    parser.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl (default): one JSON object per entity; text: tab-separated columns",
    )
    parser.add_argument(
        "--pipeline",
        metavar="NAME",
        help="use an installed spaCy pipeline (e.g. de_core_news_lg) or 'auto' for the best "
        "installed one; default: the reader's own",
    )
    parser.add_argument(
        "--translate",
        action="store_true",
        help="translate sentences missing from the cache (slow) instead of using only "
        "cached translations",
    )
    parser.set_defaults(handler=run)
    return parser


def _translations(sentences: Sequence[Sentence], translate: bool) -> dict[int, Translation] | None:
    """English for the sentences from the cache (or the engine); None without a model."""
    try:
        from reader.core.packages.store import installed_translation_package
        from reader.core.paths import resolve_paths
        from reader.core.translation.session import TranslationSession
    except ImportError:
        return None
    paths = resolve_paths()
    package = installed_translation_package(paths)
    if package is None:
        return None
    if not translate and not paths.translation_cache.is_file():
        return {}
    with TranslationSession.open(package, paths.translation_cache) as session:
        if translate:
            done = session.translate([(s.id, s.text) for s in sentences])
            return {t.sentence_id: t for t in done if t.text}
        hits = session.cached(s.text for s in sentences)
    return {
        s.id: Translation(s.id, s.text, hit.text, hit.score, hit.alignment)
        for s in sentences
        if (hit := hits.get(s.text)) is not None
    }


@functools.cache
def _recognizer(pipeline: str | None) -> EntityRecognizer:
    # One loaded pipeline per process: loading costs more than recognizing a document.
    from reader.core.entities.recognizer import EntityRecognizer

    return EntityRecognizer(prefer_installed=pipeline)


def _record(entity: Entity, translations: dict[int, Translation]) -> dict[str, object]:
    record: dict[str, object] = {
        "block": entity.block,
        "start": entity.start,
        "end": entity.end,
        "label": entity.label.value,
        "text": entity.text,
    }
    if entity.key and entity.key != entity.text:
        record["key"] = entity.key
    translation = translations.get(entity.sentence_id)
    if translation is not None and entity.target_start is not None:
        record["en_start"] = entity.target_start
        record["en_end"] = entity.target_end
        record["en_text"] = translation.text[entity.target_start : entity.target_end]
    return record


def run(args: argparse.Namespace) -> int:
    """Load, segment, recognize, project, print."""
    from reader.cli.common import load_document_for_command
    from reader.core.document.segmentation import segment_document
    from reader.core.entities.projection import project_entities
    from reader.core.entities.recognizer import NerModelUnavailable

    document = load_document_for_command(Path(args.file))
    sentences = segment_document(document)
    recognizer = _recognizer(args.pipeline)
    try:
        entities = recognizer.recognize(document, sentences)
    except NerModelUnavailable as error:
        complain(f"no NER pipeline available ({error.name}: {error.reason})")
        return 1
    translations = _translations(sentences, args.translate) or {}
    if translations:
        entities = project_entities(entities, sentences, translations)
    out = sys.stdout
    for entity in entities:
        record = _record(entity, translations)
        if args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            columns = [str(record[k]) for k in ("block", "start", "end", "label", "text")]
            if "en_text" in record:
                columns.append(str(record["en_text"]))
            out.write("\t".join(columns) + "\n")
    out.flush()
    return 0

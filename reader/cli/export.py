"""``reader export FILE --to html|md|tsv|tmx|pdf -o OUT``: a bilingual file, headless.

Loads and segments the document, translates what the cache does not hold yet with the
installed de→en package, finds entities when a NER pipeline is available, and writes one
file. Only ``--to pdf`` touches Qt (QtGui on the offscreen platform when there is no
display); every other format is plain Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.cli.common import add_decoding_options, add_edits_option, user_edits
from reader.cli.messages import complain
from reader.core.document.model import Document, Entity, Sentence, Translation
from reader.core.export.formats import render, write_text_atomically
from reader.core.export.model import BilingualDocument
from reader.core.safe_io import NotRegularTarget, check_target

FORMATS = ("html", "md", "tsv", "tmx", "pdf", "epub")
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".tsv": "tsv",
    ".tmx": "tmx",
    ".pdf": "pdf",
    ".epub": "epub",
}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write the German and its English side by side to a file",
        description="Translate a German document offline and export German and English "
        "side by side: HTML, Markdown, TSV, TMX (translation memory), PDF or a bilingual "
        "EPUB (each German paragraph followed by its English).",
    )
    parser.add_argument("file", help="Markdown, text, HTML, EPUB, DOCX or PDF file")
    parser.add_argument(
        "--to",
        choices=FORMATS,
        help="output format (default: from the suffix of OUT); pdf is drawn with Qt "
        "(PySide6's QtGui, offscreen when there is no display), the others need no Qt",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="file to write; '-' writes html, md, tsv or tmx to standard output",
    )
    parser.add_argument(
        "--table", action="store_true", help="md: one two-column table instead of paragraphs"
    )
    parser.add_argument("--no-entities", action="store_true", help="do not look for names (faster)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="flag numbers, currencies, dates and names the English lost or changed: a "
        "checks column in tsv, a note after the sentence in html",
    )
    add_edits_option(parser)
    add_decoding_options(parser)
    parser.set_defaults(handler=run)
    return parser


def output_format(args: argparse.Namespace) -> str | None:
    """The chosen format: ``--to``, else the output file's suffix; None when neither says."""
    if args.to:
        return str(args.to)
    return SUFFIXES.get(Path(args.output).suffix.lower())


def run(args: argparse.Namespace) -> int:
    """Load, segment, translate, find entities, write."""
    fmt = output_format(args)
    if fmt is None:
        complain(f"cannot tell the format of {args.output!r}; give --to ({', '.join(FORMATS)})")
        return 2
    if fmt in ("pdf", "epub") and args.output == "-":
        complain(
            f"a{'n' if fmt == 'epub' else ''} {fmt.upper()} cannot go to standard output; "
            "give a file name"
        )
        return 2

    from reader.cli.common import load_document_for_command
    from reader.core.document.segmentation import segment_document

    if args.output != "-":
        try:  # before hours of translating: a device or a folder is never a target
            check_target(Path(args.output))
        except OSError as error:
            return _write_failed(args.output, error)

    document = load_document_for_command(Path(args.file))
    sentences = tuple(segment_document(document))
    translations, model_name, model_version = _translate(sentences, args)
    if not args.machine_only:
        from reader.core.edits.store import with_edits

        translations = with_edits(translations, user_edits(Path(args.file)))
    entities = () if args.no_entities else _entities(document, sentences, translations)
    bilingual = BilingualDocument(
        document=document,
        sentences=sentences,
        translations=translations,
        entities=entities,
        model_name=model_name,
        model_version=model_version,
        check_notes=_check_notes(sentences, translations) if args.check else None,
    )
    try:
        if fmt == "pdf":
            _write_pdf(bilingual, Path(args.output))
        elif fmt == "epub":
            from reader.core.export.epub_book import write_epub

            write_epub(bilingual, Path(args.output))
        elif args.output == "-":
            sys.stdout.write(render(bilingual, fmt, table=args.table))
            sys.stdout.flush()
        else:
            write_text_atomically(Path(args.output), render(bilingual, fmt, table=args.table))
    except OSError as error:
        return _write_failed(args.output, error)
    return 0


def _write_failed(output: str, error: OSError) -> int:
    reason = error.strerror or str(error)
    hint = "; give -o - for standard output" if isinstance(error, NotRegularTarget) else ""
    complain(f"{output}: could not be written ({reason}){hint}")
    return 1


def _translate(
    sentences: tuple[Sentence, ...], args: argparse.Namespace
) -> tuple[dict[int, Translation], str, str]:
    """English for every sentence (cache first), and the model's name and version."""
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    paths = resolve_paths()
    package = require_translation_package(paths)
    cache_path = None if args.no_cache else paths.translation_cache
    with TranslationSession.open(package, cache_path, threads=args.threads) as session:
        # Alignments help entity projection; without entities they are wasted work.
        done = session.translate(
            [(s.id, s.text) for s in sentences],
            beam_size=args.beam,
            align=not args.no_entities,
            by_length=True,
        )
    return {t.sentence_id: t for t in done}, package.code, package.package_version


def _entities(
    document: Document, sentences: tuple[Sentence, ...], translations: dict[int, Translation]
) -> tuple[Entity, ...]:
    """Entities projected onto the English, or none (with a note) when NER is unavailable."""
    try:
        from reader.core.entities.projection import project_entities
        from reader.core.entities.recognizer import EntityRecognizer, NerModelUnavailable
    except ImportError:
        return ()
    try:
        found = EntityRecognizer().recognize(document, sentences)
    except NerModelUnavailable as error:
        complain(f"names not marked ({error})")
        return ()
    return tuple(project_entities(found, sentences, translations))


def _check_notes(
    sentences: tuple[Sentence, ...], translations: dict[int, Translation]
) -> dict[int, tuple[str, ...]]:
    """What the check finds in each translated sentence, in words, by sentence id."""
    from reader.cli.check import name_finder
    from reader.cli.findings import message
    from reader.cli.glossary import user_glossary
    from reader.core.checks.document import check_pairs

    done = [s for s in sentences if s.id in translations]
    pairs = [(s.text, translations[s.id].text) for s in done]
    found = check_pairs(pairs, name_finder(), user_glossary())
    return {
        s.id: tuple(f"{f.kind.value}: {message(f)}" for f in findings)
        for s, findings in zip(done, found, strict=True)
        if findings
    }


def _write_pdf(bilingual: BilingualDocument, path: Path) -> None:
    # Qt only for this format, and without a display the offscreen platform is enough.
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from reader.qtgui.pdf_export import export_pdf

    app = QGuiApplication.instance() or QGuiApplication(["reader"])
    assert app is not None  # kept alive until the PDF is written
    export_pdf(bilingual, path)

"""``reader vocabulary list|export``: the saved words, printed or written for Anki or as CSV.

``list [--search TEXT] [--format tsv|jsonl]`` prints one word a line (lemma, form, gloss,
German sentence, English sentence); ``export -o OUT`` writes an Anki deck (``.apkg``) or, by
the suffix or ``--to csv``, a CSV file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.cli.common import add_common_options
from reader.core.vocabulary.store import SavedWord


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``vocabulary`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "vocabulary",
        help="list or export the saved words",
        description="The words saved from lookup cards, with their sentence pairs.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="print the saved words")
    listing.add_argument("--search", default="", help="only words containing TEXT")
    listing.add_argument("--format", choices=("tsv", "jsonl"), default="tsv")
    export = actions.add_parser("export", help="write an Anki deck (.apkg) or CSV")
    export.add_argument("-o", "--output", required=True, help="file to write")
    export.add_argument(
        "--to", choices=("apkg", "csv"), help="format (default: from the suffix, else apkg)"
    )
    export.add_argument("--deck", default="Bilingual Reader", help="Anki deck name")
    for action in (listing, export):
        add_common_options(action)  # ``reader vocabulary list --data-dir DIR``
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from reader.core.paths import resolve_paths
    from reader.core.vocabulary.store import VocabularyStore, vocabulary_path

    paths = resolve_paths().ensure()
    store = VocabularyStore(vocabulary_path(paths.data))
    try:
        if store.set_aside is not None:
            print(
                f"reader: the vocabulary could not be read and was moved to {store.set_aside}",
                file=sys.stderr,
            )
        if args.action == "list":
            for word in store.words(args.search):
                if args.format == "jsonl":
                    record = {
                        "lemma": word.lemma,
                        "form": word.form,
                        "gloss": word.gloss,
                        "german": word.german,
                        "english": word.english,
                        "document": word.document,
                        "sentence_id": word.sentence_id,
                    }
                    print(json.dumps(record, ensure_ascii=False))
                else:
                    fields = (word.lemma, word.form, word.gloss, word.german, word.english)
                    print("\t".join(" ".join(field.split()) for field in fields))
            return 0
        return _export(store.words(), Path(args.output), args.to, args.deck)
    finally:
        store.close()


def _export(words: list[SavedWord], path: Path, kind: str | None, deck: str) -> int:
    from reader.core.vocabulary.export import export_apkg, export_csv

    kind = kind or ("csv" if path.suffix.lower() == ".csv" else "apkg")
    try:
        if kind == "csv":
            export_csv(words, path)
        else:
            export_apkg(words, path, deck_name=deck)
    except OSError as error:
        print(f"reader: could not write {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {len(words)} words to {path}", file=sys.stderr)
    return 0

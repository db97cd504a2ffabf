"""``reader glossary list|add|remove|import|export``: the user's German→English terms.

The glossary lives in the data folder (``glossary.csv``); ``reader check``, ``translate
--check``, ``export --check`` and the window's check flag each sentence whose German uses a
term and whose English does not use the chosen English term.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.checks.glossary import (
    GlossaryError,
    Term,
    load_glossary,
    save_glossary,
    with_term,
    without_term,
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``glossary`` command."""
    parser = subparsers.add_parser(
        "glossary",
        help="list or change the German→English terms the check enforces",
        description="The glossary: German terms and the English each must become. The "
        "check flags sentences whose English does not use the chosen term.",
    )
    actions: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="action", required=True
    )
    actions.add_parser("list", help="print the terms as CSV")
    add = actions.add_parser("add", help="add a term (or change its English)")
    add.add_argument("german")
    add.add_argument("english")
    remove = actions.add_parser("remove", help="remove a term")
    remove.add_argument("german")
    load = actions.add_parser("import", help="add the terms of a CSV file (german,english)")
    load.add_argument("file")
    save = actions.add_parser("export", help="write the terms to a CSV file ('-': stdout)")
    save.add_argument("file")
    parser.set_defaults(handler=run)
    return parser


def user_glossary() -> list[Term]:
    """The user's terms (none when there is no glossary yet)."""
    from reader.core.paths import resolve_paths

    return load_glossary(resolve_paths().glossary)


def run(args: argparse.Namespace) -> int:
    """Carry out one glossary action; errors become one line and exit status 2."""
    from reader.core.paths import resolve_paths

    path = resolve_paths().glossary
    try:
        terms = load_glossary(path)
        if args.action == "list":
            for term in terms:
                print(f"{term.german},{term.english}")
        elif args.action == "add":
            save_glossary(path, with_term(terms, Term(args.german.strip(), args.english.strip())))
        elif args.action == "remove":
            if not any(t.german == args.german for t in terms):
                print(f"reader: {args.german!r} is not in the glossary", file=sys.stderr)
                return 1
            save_glossary(path, without_term(terms, args.german))
        elif args.action == "import":
            if not Path(args.file).is_file():
                print(f"reader: {args.file}: no such file", file=sys.stderr)
                return 2
            added = load_glossary(Path(args.file))
            for term in added:
                terms = with_term(terms, term)
            save_glossary(path, terms)
            print(f"{len(added)} terms imported; the glossary has {len(terms)}")
        elif args.action == "export":
            if args.file == "-":
                for term in terms:
                    print(f"{term.german},{term.english}")
            else:
                save_glossary(Path(args.file), terms)
    except GlossaryError as error:
        where = f"{error.path}, line {error.line}" if error.line else str(error.path)
        print(f"reader: {where}: {error.reason}", file=sys.stderr)
        return 2
    return 0

"""One German/English pair written as ``reader translate`` prints it: jsonl, tsv or txt.

Shared by ``translate`` and the batch run over several files, so neither imports the other.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TextIO

from reader.core.document.model import Translation

if TYPE_CHECKING:
    from reader.core.checks.model import Finding

_LINE_BREAKS = re.compile(r"\s*[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def write_pair(
    translation: Translation,
    output_format: str,
    out: TextIO,
    findings: list[Finding] | None = None,
) -> None:
    """Write one German/English pair in the chosen format, with its checks when given."""
    german, english = translation.source, translation.text
    if findings:  # only a --check run has any: the rest never import the checks' words
        from reader.cli.findings import finding_record, message
    if output_format == "jsonl":
        record: dict[str, object] = {
            "id": translation.sentence_id,
            "de": german,
            "en": english,
            "score": round(translation.score, 4) + 0.0,  # no "-0.0"
        }
        if findings is not None:
            record["checks"] = [finding_record(f) for f in findings]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format == "tsv":
        line = f"{translation.sentence_id}\t{_one_line(german)}\t{_one_line(english)}"
        if findings is not None:
            line += "\t" + " | ".join(_one_line(message(f)) for f in findings)
        out.write(line + "\n")
    else:
        notes = "".join(f"! {f.kind.value}: {_one_line(message(f))}\n" for f in findings or ())
        out.write(f"{_one_line(german)}\n{_one_line(english)}\n{notes}\n")


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text).strip()

"""One name, one label across a document: a post-step over the tagger's spans.

The tagger labels each sentence on its own, so "Ruhani" can be a person after "Präsident"
and a place two sentences later. Here every mention of a name votes for its label, weighted
by the tagger's confidence in that span; a mention right after a role or title noun
("Präsident Ruhani", "Ministerin Baerbock") adds a strong vote for a person. Every mention
then takes the winning label. A person's full name ("Hassan Ruhani") also labels its short
forms ("Ruhani"), earlier or later in the document, when no other full name claims them.
Spans are only relabelled, never added, moved or dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.entities.rules import RawSpan, is_role

# The vote a title noun right before a name adds for PER, in units of a sure mention.
TITLE_WEIGHT = 2.0
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w.]*)\s+$")


@dataclass(frozen=True)
class ScoredSpan:
    """A tagger span with the tagger's confidence in its label (1.0 when unknown)."""

    start: int
    end: int
    label: str
    confidence: float = 1.0


def _name_key(surface: str, surfaces: set[str]) -> str:
    # "Ruhanis" is a mention of "Ruhani" when the document also has the bare form.
    if surface.endswith("s") and surface[:-1] in surfaces:
        return surface[:-1]
    return surface


def _after_title(text: str, start: int) -> bool:
    match = _PREVIOUS_WORD.search(text[:start])
    return match is not None and is_role(match.group(1))


def harmonize_labels(
    texts: Sequence[str], spans: Sequence[Sequence[ScoredSpan]]
) -> list[list[RawSpan]]:
    """``spans`` (per sentence of ``texts``) with one voted label per name."""
    surfaces = {
        text[s.start : s.end] for text, found in zip(texts, spans, strict=True) for s in found
    }
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    keys: list[list[str]] = []
    for text, found in zip(texts, spans, strict=True):
        row = []
        for span in found:
            key = _name_key(text[span.start : span.end], surfaces)
            votes[key][span.label] += max(span.confidence, 0.0)
            if _after_title(text, span.start):
                votes[key]["PER"] += TITLE_WEIGHT
            row.append(key)
        keys.append(row)
    label = {key: max(tally, key=lambda name: (tally[name], name)) for key, tally in votes.items()}
    # A person's full name labels its short forms, unless two full names share one.
    full_names: dict[str, set[str]] = defaultdict(set)
    for key, winner in label.items():
        if winner == "PER" and " " in key:
            full_names[key.rsplit(" ", 1)[1]].add(key)
    for short, owners in full_names.items():
        if short in label and len(owners) == 1:
            label[short] = "PER"
    return [
        [RawSpan(span.start, span.end, label[key]) for span, key in zip(found, row, strict=True)]
        for found, row in zip(spans, keys, strict=True)
    ]

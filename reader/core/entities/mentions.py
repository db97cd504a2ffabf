"""Mentions the tagger missed of a name it found elsewhere in the same document.

The tagger works sentence by sentence, so a name marked four times can go unmarked the
fifth ("Im März hatte Netanyahu …"), and a surname after its full name ("Shannon Lamb" …
"Lamb war es wichtig") often stands without the context that made it a name. A reader sees
that as one name highlighted here and not there. This step adds those mentions, with the
label the document gave the name, when it is safe:

- the name is one capitalised word of three or more letters, not a hyphen compound (the
  rules handle names inside compounds), and not listed as an ordinary German noun;
- it was marked at least as often as it stands unmarked (a word tagged once by mistake
  among many plain uses does not spread);
- the surname of a person's full name counts as a marked mention of that person;
- the mention is not followed by another capitalised word: "Hewlett Packard Enterprise",
  "Schongauer Klinik" and "Ford Mustang" are longer names whose extent is unknown here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from reader.core.entities.rules import RawSpan

COMMON_NOUN = "N"  # list code of an ordinary German noun (Wiktionary) in the tagger's lists
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_])")


def _is_name_word(word: str, lexicon: Mapping[str, str]) -> bool:
    return (
        len(word) >= 3
        and word[0].isupper()
        and "-" not in word
        and COMMON_NOUN not in lexicon.get(word, "")
    )


def add_missed_mentions(
    texts: Sequence[str], spans: Sequence[Sequence[RawSpan]], lexicon: Mapping[str, str]
) -> list[list[RawSpan]]:
    """``spans`` (per sentence of ``texts``) plus the unmarked mentions of marked names."""
    marked: dict[str, Counter[str]] = defaultdict(Counter)
    for text, found in zip(texts, spans, strict=True):
        for span in found:
            words = text[span.start : span.end].split()
            if len(words) == 1:
                marked[words[0]][span.label] += 1
            elif span.label == "PER" and words:
                marked[words[-1]]["PER"] += 1
    candidates = {word: votes for word, votes in marked.items() if _is_name_word(word, lexicon)}
    unmarked: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    if candidates:
        for index, (text, found) in enumerate(zip(texts, spans, strict=True)):
            for match in _WORD.finditer(text):
                word = match.group()
                if word not in candidates:
                    continue
                start, end = match.span()
                if any(s.start < end and start < s.end for s in found):
                    continue
                following = _NEXT_WORD.match(text, end)
                if following is not None and following.group(1).isupper():
                    continue
                unmarked[word].append((index, start, end))
    result = [list(found) for found in spans]
    for word, places in unmarked.items():
        votes = candidates[word]
        if votes.total() < len(places):
            continue
        label = max(votes, key=lambda name: (votes[name], name))
        for index, start, end in places:
            result[index].append(RawSpan(start, end, label))
    for row in result:
        row.sort(key=lambda s: (s.start, s.end))
    return result

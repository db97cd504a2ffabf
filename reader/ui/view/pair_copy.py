"""Copy sentence pairs from the reading view to the clipboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


def copy_selected_pairs(view: BilingualView) -> int | None:
    """The selected pairs (or the current one) to the clipboard as plain text and HTML.

    A text selection on either side selects every sentence it touches; the German and
    English of each go together, in reading order. Returns the first id copied (None: none).
    """
    ids = view.selected_sentence_ids() or ([view.current] if view.current >= 0 else [])
    if not ids:
        return None
    from reader.core.export.model import SentencePair
    from reader.ui.dialogs.export_actions import copy_pairs

    copy_pairs(
        SentencePair(sid, view.german_for(sid) or "", view.english_for(sid) or "") for sid in ids
    )
    return ids[0]

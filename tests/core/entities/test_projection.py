"""Projection of German entities onto English: alignment, exact, normalized, exonyms, None."""

from __future__ import annotations

from reader.core.document.model import AlignedSpan, Entity, EntityLabel, Sentence, Translation
from reader.core.entities.projection import exonyms, project_entities


def _sentence(text: str, sid: int = 0, block: int = 0, offset: int = 0) -> Sentence:
    return Sentence(id=sid, block=block, start=offset, end=offset + len(text), text=text)


def _entity(sentence: Sentence, surface: str, label: str, key: str = "") -> Entity:
    start = sentence.start + sentence.text.index(surface)
    return Entity(
        block=sentence.block,
        start=start,
        end=start + len(surface),
        label=EntityLabel(label),
        text=surface,
        sentence_id=sentence.id,
        key=key,
    )


def _target(entity: Entity, translation: Translation) -> str | None:
    if entity.target_start is None or entity.target_end is None:
        return None
    return translation.text[entity.target_start : entity.target_end]


def test_copy_translation_projects_exactly():
    # The copy test model's English equals the German: every entity lands on itself.
    first = _sentence("Angela Merkel traf Olaf Scholz in Berlin.", sid=0, offset=0)
    second = _sentence("Die Deutsche Bank und Merkel.", sid=1, offset=len(first.text) + 1)
    entities = [
        _entity(first, "Angela Merkel", "PER"),
        _entity(first, "Olaf Scholz", "PER"),
        _entity(first, "Berlin", "LOC"),
        _entity(second, "Deutsche Bank", "ORG"),
        _entity(second, "Merkel", "PER"),
    ]
    translations = [
        Translation(sentence_id=s.id, source=s.text, text=s.text) for s in (first, second)
    ]
    projected = project_entities(entities, [first, second], translations)
    for entity in projected:
        sentence = first if entity.sentence_id == 0 else second
        local = entity.start - sentence.start
        assert (entity.target_start, entity.target_end) == (local, local + len(entity.text))


def test_alignment_is_used_first():
    sentence = _sentence("Gestern sprach Habeck lange.")
    english = "Yesterday Habeck spoke at length."
    source = sentence.text.index("Habeck")
    target = english.index("spoke")  # deliberately not the string match
    translation = Translation(
        sentence_id=0,
        source=sentence.text,
        text=english,
        alignment=(AlignedSpan(source, source + 6, target, target + 5),),
    )
    [entity] = project_entities([_entity(sentence, "Habeck", "PER")], [sentence], [translation])
    assert _target(entity, translation) == "spoke"


def test_alignment_of_a_subword_is_widened_to_the_word():
    sentence = _sentence("Der Besuch in Singapur war kurz.")
    english = "The visit to Singapore was short."
    source = sentence.text.index("Singapur")
    target = english.index("Singapore")
    translation = Translation(
        sentence_id=0,
        source=sentence.text,
        text=english,
        alignment=(AlignedSpan(source, source + 4, target, target + 4),),
    )
    [entity] = project_entities([_entity(sentence, "Singapur", "LOC")], [sentence], [translation])
    assert _target(entity, translation) == "Singapore"


def test_exonyms_project_places_and_peoples():
    sentence = _sentence("Die Chinesen und Österreich trafen sich in München und Köln.")
    english = "The Chinese and Austria met in Munich and Cologne."
    translation = Translation(sentence_id=0, source=sentence.text, text=english)
    names = ["Chinesen", "Österreich", "München", "Köln"]
    entities = [_entity(sentence, n, "LOC") for n in names]
    projected = project_entities(entities, [sentence], {0: translation})
    assert [_target(e, translation) for e in projected] == [
        "Chinese",
        "Austria",
        "Munich",
        "Cologne",
    ]


def test_genitive_form_is_found_through_its_key():
    sentence = _sentence("Deutschlands Wirtschaft wächst.")
    english = "Germany's economy is growing."
    translation = Translation(sentence_id=0, source=sentence.text, text=english)
    entity = _entity(sentence, "Deutschlands", "LOC", key="Deutschland")
    [projected] = project_entities([entity], [sentence], [translation])
    assert _target(projected, translation) == "Germany"


def test_normalized_match_ignores_case_and_diacritics():
    sentence = _sentence("Merkels Rede in Zürich.")
    english = "Merkel's speech in Zurich."
    translation = Translation(sentence_id=0, source=sentence.text, text=english)
    entities = [_entity(sentence, "Merkels", "PER"), _entity(sentence, "Zürich", "LOC")]
    projected = project_entities(entities, [sentence], [translation])
    assert [_target(e, translation) for e in projected] == ["Merkel", "Zurich"]


def test_not_found_stays_unprojected():
    sentence = _sentence("Der Bürgermeister von Hintertupfingen schwieg.")
    english = "The mayor kept silent."
    translation = Translation(sentence_id=0, source=sentence.text, text=english)
    [entity] = project_entities(
        [_entity(sentence, "Hintertupfingen", "LOC")], [sentence], [translation]
    )
    assert entity.target_start is None
    assert entity.target_end is None


def test_no_translation_leaves_entity_unprojected():
    sentence = _sentence("Merkel spricht.")
    [entity] = project_entities([_entity(sentence, "Merkel", "PER")], [sentence], [])
    assert entity.target_start is None


def test_two_mentions_take_two_different_spans():
    sentence = _sentence("Berlin und Paris und Berlin.")
    translation = Translation(sentence_id=0, source=sentence.text, text=sentence.text)
    first = _entity(sentence, "Berlin", "LOC")
    last_start = sentence.text.rindex("Berlin")
    last = Entity(0, last_start, last_start + 6, EntityLabel.LOC, "Berlin", sentence_id=0)
    projected = project_entities([first, last], [sentence], [translation])
    assert [(e.target_start, e.target_end) for e in projected] == [
        (0, 6),
        (last_start, last_start + 6),
    ]


def test_absurdly_wide_alignment_is_ignored():
    sentence = _sentence("Ich sah Ulm gestern im Regen ganz allein.")
    english = "I saw nothing yesterday in the rain all alone."
    translation = Translation(
        sentence_id=0,
        source=sentence.text,
        text=english,
        alignment=(AlignedSpan(8, 11, 0, len(english)),),
    )
    [entity] = project_entities([_entity(sentence, "Ulm", "LOC")], [sentence], [translation])
    assert entity.target_start is None


def test_exonym_table_has_a_few_hundred_entries():
    table = exonyms()
    assert len(table) > 300
    assert table["Singapur"] == "Singapore"
    assert table["Schweiz"] == "Switzerland"


def _compound_case(german: str, name: str, english: str, aligned_to: str) -> str | None:
    """Project ``name`` (a part of a German hyphen compound) whose whole compound the
    engine aligned to ``aligned_to`` in ``english``."""
    sentence = _sentence(german)
    word_start = german.index(name)
    word_end = german.index(" ", word_start)
    target = english.index(aligned_to)
    translation = Translation(
        sentence_id=0,
        source=german,
        text=english,
        alignment=(AlignedSpan(word_start, word_end, target, target + len(aligned_to)),),
    )
    [entity] = project_entities([_entity(sentence, name, "ORG")], [sentence], [translation])
    return _target(entity, translation)


def test_name_in_a_german_compound_highlights_only_the_name_in_english():
    assert (
        _compound_case(
            "Er sprach auf der UN-Generaldebatte in New York.",
            "UN",
            "He spoke at the UN General Debate in New York.",
            "UN General Debate",
        )
        == "UN"
    )
    assert (
        _compound_case(
            "Die UN-Generaldebatte beginnt.",
            "UN",
            "The UN-General-Debate begins.",
            "UN-General-Debate",
        )
        == "UN"
    )
    assert (
        _compound_case(
            "Die US-Regierung schweigt.", "US", "The US government is silent.", "US government"
        )
        == "US"
    )
    assert (
        _compound_case(
            "In Facebook-Gruppen wird gestritten.",
            "Facebook",
            "In Facebook groups there is arguing.",
            "Facebook groups",
        )
        == "Facebook"
    )


def test_compound_name_missing_from_its_alignment_is_found_elsewhere_or_kept_wide():
    # The alignment missed the name, but it is elsewhere in the sentence: take the name.
    assert (
        _compound_case(
            "Die US-Regierung schweigt.", "US", "US: the government is silent.", "government"
        )
        == "US"
    )
    # The name is nowhere in the English: the aligned compound is all there is.
    assert (
        _compound_case(
            "Die US-Regierung schweigt.", "US", "Washington's government is silent.", "government"
        )
        == "government"
    )


def test_a_name_that_is_not_part_of_a_compound_keeps_its_aligned_span():
    sentence = _sentence("Die UN tagt.")
    english = "The United Nations meets."
    source = sentence.text.index("UN")
    target = english.index("United Nations")
    translation = Translation(
        sentence_id=0,
        source=sentence.text,
        text=english,
        alignment=(AlignedSpan(source, source + 2, target, target + len("United Nations")),),
    )
    [entity] = project_entities([_entity(sentence, "UN", "ORG")], [sentence], [translation])
    assert _target(entity, translation) == "United Nations"


def _fold_each_character(text: str) -> tuple[str, list[int]]:
    """The folding the projection's quick paths must equal: one character at a time."""
    import unicodedata

    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = "ss" if ch == "ß" else unicodedata.normalize("NFKD", ch)
        piece = "".join(c for c in piece if not unicodedata.combining(c)).casefold()
        if ch.isspace():
            piece = " "
        for c in piece:
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


def test_folding_with_its_map_equals_folding_each_character() -> None:
    import random

    from reader.core.entities.projection import _folded_with_map

    alphabet = "aZ09 .,-'\t\n\x0b\x1fßẞäÖüéÅøŁİĳﬁ²½\u00a0\u2009\u0301Σς东"
    rng = random.Random(7)
    texts = ["", "Plain ASCII, Köln-free.", "Straße in Düsseldorf", "İstanbul ﬁnal ½"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(500)]
    for text in texts:
        assert _folded_with_map(text) == _fold_each_character(text), repr(text)

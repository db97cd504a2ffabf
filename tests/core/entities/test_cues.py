"""Context cues over tagger spans: roles, organisation forms, vessels, non-names, clauses."""

from __future__ import annotations

from reader.core.entities.cues import LEVERS, apply_cues
from reader.core.entities.rules import RawSpan

# Codes as in the tagger's names.tsv: N ordinary noun, C country, P surname, T town.
LEXICON = {
    "Piraterie": "N",
    "Wald": "NPSTl",
    "Deutschland": "CPWl",
    "Twitter": "N",
    "Harz": "NPWl",
    "Bundestag": "No",
    "Wien": "PSWl",
    "Geld": "N",
    "Berger": "NPS",
}


def _span(text: str, surface: str, label: str) -> RawSpan:
    start = text.index(surface)
    return RawSpan(start, start + len(surface), label)


def _found(texts: list[str], spans: list[list[RawSpan]], levers=LEVERS) -> list[tuple[str, str]]:
    result = apply_cues(texts, spans, LEXICON, levers)
    return [
        (t[s.start : s.end], s.label) for t, row in zip(texts, result, strict=True) for s in row
    ]


def test_a_name_after_a_declined_role_noun_is_a_person_in_every_mention():
    texts = ["Der Besuch des iranischen Präsidenten Ruhani endete.", "Ruhani reiste ab."]
    spans = [[_span(texts[0], "Ruhani", "LOC")], [_span(texts[1], "Ruhani", "LOC")]]
    assert _found(texts, spans) == [("Ruhani", "PER"), ("Ruhani", "PER")]
    assert _found(texts, spans, ()) == [("Ruhani", "LOC"), ("Ruhani", "LOC")]


def test_more_role_nouns_and_a_place_in_the_genitive_after_a_role():
    text = "Sängerin Adele traf Präsident Frankreichs und Reedereichef Meyer."
    spans = [
        _span(text, "Adele", "LOC"),
        _span(text, "Frankreichs", "LOC"),
        _span(text, "Meyer", "ORG"),
    ]
    assert _found([text], [spans]) == [
        ("Adele", "PER"),
        ("Frankreichs", "LOC"),
        ("Meyer", "PER"),
    ]


def test_legal_forms_and_organisation_heads_make_organisations():
    text = "Die Linz AG und die Europäischen Zentralbank und der Zalando SE-Chef."
    spans = [
        _span(text, "Linz", "LOC"),
        _span(text, "Europäischen Zentralbank", "LOC"),
    ]
    assert _found([text], [spans]) == [("Linz AG", "ORG"), ("Europäischen Zentralbank", "ORG")]


def test_a_person_named_like_a_bank_stays_a_person():
    text = "Im Video spielte Tyra Banks mit."
    assert _found([text], [[_span(text, "Tyra Banks", "PER")]]) == [("Tyra Banks", "PER")]


def test_a_country_after_an_organisation_head_belongs_to_the_organisation():
    text = "Der Verkehrsclub Deutschland warnt, das Amtsgericht Stockholm urteilt."
    spans = [_span(text, "Deutschland", "LOC"), _span(text, "Stockholm", "LOC")]
    # A town after a court stays a place, as GermEval annotates it.
    assert _found([text], [spans]) == [
        ("Verkehrsclub Deutschland", "ORG"),
        ("Stockholm", "LOC"),
    ]


def test_the_widened_organisation_swallows_a_span_it_now_covers():
    text = "Der Verkehrsclub Deutschland warnt."
    spans = [_span(text, "Verkehrsclub", "ORG"), _span(text, "Deutschland", "LOC")]
    assert _found([text], [spans]) == [("Verkehrsclub Deutschland", "ORG")]


def test_a_ship_is_not_a_person_anywhere_in_the_document():
    texts = ["Iran hielt den Tanker Stena Impero fest.", "Die Stena Impero liegt in Bandar Abbas."]
    spans = [[_span(texts[0], "Stena Impero", "PER")], [_span(texts[1], "Stena Impero", "PER")]]
    assert _found(texts, spans) == [
        ("Stena Impero", "MISC"),
        ("Stena Impero", "MISC"),
        ("Bandar Abbas", "LOC"),
    ]


def test_currencies_events_and_listed_nouns_are_not_names():
    text = "Eine Milliarde Euro für die WM, gegen Piraterie, in einem Wald, bei Twitter."
    spans = [
        _span(text, "Euro", "MISC"),
        _span(text, "WM", "ORG"),
        _span(text, "Piraterie", "MISC"),
        _span(text, "Wald", "LOC"),
        _span(text, "Twitter", "ORG"),
    ]
    # "Twitter" is listed as a noun too, but only Other spans are dropped on that alone.
    assert _found([text], [spans]) == [("Twitter", "ORG")]


def test_a_span_across_a_finite_verb_is_dropped():
    text = "Dabo ist der erste heimliche Held der Leichtathletik-WM."
    spans = [_span(text, "Dabo ist der erste heimliche Held der Leichtathletik-WM", "MISC")]
    assert _found([text], [spans]) == []
    assert len(_found([text], [spans], ("role",))) == 1


def test_an_acronym_takes_the_label_of_its_expansion_in_every_mention():
    texts = ["Laut Human Rights Watch (HRW) ist die Lage ernst.", "HRW fordert Hilfe."]
    spans = [
        [_span(texts[0], "Human Rights Watch", "ORG"), _span(texts[0], "HRW", "PER")],
        [_span(texts[1], "HRW", "PER")],
    ]
    assert _found(texts, spans) == [
        ("Human Rights Watch", "ORG"),
        ("HRW", "ORG"),
        ("HRW", "ORG"),
    ]


def test_parentheses_that_do_not_spell_the_initials_change_nothing():
    texts = ["Der Verband Deutscher Ingenieure (Berlin) tagt.", "Berlin ist groß."]
    spans = [
        [_span(texts[0], "Verband Deutscher Ingenieure", "ORG"), _span(texts[0], "Berlin", "LOC")],
        [_span(texts[1], "Berlin", "LOC")],
    ]
    assert _found(texts, spans)[1:] == [("Berlin", "LOC"), ("Berlin", "LOC")]


def test_a_quoted_name_after_a_vessel_noun_is_the_vessel():
    text = 'Das Weltraumteleskop "Cheops" startet 2017.'
    assert _found([text], [[_span(text, "Cheops", "PER")]]) == [("Cheops", "MISC")]


def test_a_listed_noun_after_im_is_dropped_unless_also_a_place_or_organisation():
    text = "Er lag im Wald, wanderte im Harz und sprach im Bundestag."
    spans = [_span(text, w, "LOC") for w in ("Wald", "Harz")] + [_span(text, "Bundestag", "ORG")]
    assert _found([text], [spans]) == [("Harz", "LOC"), ("Bundestag", "ORG")]


def test_a_listed_company_keeps_its_label():
    text = "Google und Yahoo und Zalandos Umsatz."
    spans = [_span(text, "Yahoo", "PER"), _span(text, "Zalandos", "PER")]
    assert _found([text], [spans]) == [("Yahoo", "ORG"), ("Zalandos", "ORG")]
    assert _found([text], [spans], ("role",)) == [("Yahoo", "PER"), ("Zalandos", "PER")]


def test_the_extra_role_nouns_count_only_right_before_a_name():
    from reader.core.entities.rules import is_role

    assert is_role("Präsidenten") and is_role("Sängerin", more=True)
    assert not is_role("Sängerin") and not is_role("Wirtschaftsforscher")


def test_a_listed_place_after_a_role_noun_stays_a_place():
    text = "Sein Kollege im Börse-Vorstand Wien rechnet damit."
    assert _found([text], [[_span(text, "Wien", "LOC")]]) == [("Wien", "LOC")]


def test_a_name_that_ends_in_an_event_noun_is_other():
    text = "Nach dem Arabischen Frühling kam der Dreißigjährige Krieg zur Sprache."
    spans = [_span(text, "Arabischen Frühling", "LOC"), _span(text, "Dreißigjährige Krieg", "ORG")]
    assert _found([text], [spans]) == [
        ("Arabischen Frühling", "MISC"),
        ("Dreißigjährige Krieg", "MISC"),
    ]


def test_an_unlisted_compound_of_a_noun_is_no_person_but_a_compound_surname_is():
    text = "Er bezog Kilometergeld, sagte Grünberger."
    spans = [_span(text, "Kilometergeld", "PER"), _span(text, "Grünberger", "PER")]
    assert _found([text], [spans]) == [("Grünberger", "PER")]


def test_a_listed_multi_word_company_is_an_organisation():
    text = "Das sagte Morgan Stanley, und das Rote Kreuz half."
    spans = [_span(text, "Morgan Stanley", "PER"), _span(text, "Rote Kreuz", "LOC")]
    assert _found([text], [spans]) == [("Morgan Stanley", "ORG"), ("Rote Kreuz", "ORG")]

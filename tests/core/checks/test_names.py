"""The name check beyond the recognizer: names it missed or ran together, and English
counterparts spelt or derived another way. Hand-made pairs, one or more for every rule."""

from __future__ import annotations

import pytest

from reader.core.checks.lexicon import (
    english_name,
    english_named_thing,
    german_compound,
    loanword,
    unrecognized_names,
)
from reader.core.checks.names import check_names


def _span(text: str, part: str, label: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), label


def _flagged(german: str, english: str, entities: list[tuple[int, int, str]]) -> list[str]:
    return [finding.de for finding in check_names(german, english, entities)]


def _unrecognized(german: str) -> list[str]:
    return [german[start:end] for start, end, _label in unrecognized_names(german, [])]


@pytest.mark.parametrize(
    ("german", "names"),
    [
        # an acronym in front of a compound, not a currency's country
        ("Sie wandelten den Film in das DVD-Format um.", ["DVD"]),
        ("Das kostet 5 US-Dollar.", []),
        # after a quotation mark or a bracket, and after a title's full stop
        ("Das Wort „Noosa“ ist bekannt.", ["Noosa"]),
        ("Das sagte (Noosa, 1998) schon.", ["Noosa"]),
        ("Es war Dr. Noosa selbst.", ["Noosa"]),
        # a surname from the lists, but not a noun in the surname list
        ("Nach dem vereinfachten Bohr-Modell kreisen sie.", ["Bohr"]),
        ("Zum Frühstück gab es Köstlichkeiten.", []),
        # a capital inside a word
        ("Man kauft sie bei eBay oder MetroPlus.", ["eBay", "MetroPlus"]),
    ],
)
def test_names_the_recognizer_missed_are_found(german: str, names: list[str]) -> None:
    assert _unrecognized(german) == names


@pytest.mark.parametrize(
    ("german", "names"),
    [
        # the first word of a sentence, also after a quotation mark or a sentence end
        ("Noosa gewann.", []),
        ('"Noosa gewann."', []),
        ("Es regnete. Noosa gewann.", []),
        # the head of a compound left hanging, the tail of a hyphenated compound
        ("Sie nutzen ihr Wohn- oder Reiseort.", []),
        ("Bilder von Turnieren und Artus-Rittertum.", ["Artus"]),
        # a known noun in front: a German compound, not a name
        ("Die Zeit der Ozeanliner war vorbei.", []),
    ],
)
def test_sentence_starts_and_compounds_are_not_taken_for_names(
    german: str, names: list[str]
) -> None:
    assert _unrecognized(german) == names


def test_a_german_compound_ends_in_a_listed_word() -> None:
    assert german_compound("Heimatstation")
    assert not german_compound("Noosa")


def test_names_run_together_are_checked_one_by_one() -> None:
    german = "Stewart, Gordon, Kenseth und Harvick fuhren vorn."
    entity = [_span(german, "Stewart, Gordon, Kenseth und Harvick", "PER")]
    english = "Stewart, Gordon, and Harvick were ahead."
    assert _flagged(german, english, entity) == ["Kenseth"]
    assert _flagged(german, "Stewart, Gordon, Kenseth and Harvick were ahead.", entity) == []


def test_every_plain_word_of_a_name_must_be_kept() -> None:
    german = "Eine Show der Gruppe Cirque du Soleil begann."
    entity = [_span(german, "Cirque du Soleil", "ORG")]
    assert _flagged(german, "A show by Cirque du Berlin began.", entity) == ["Cirque du Soleil"]
    assert _flagged(german, "A show by Cirque du Soleil began.", entity) == []
    # a kind of thing in plural, a German compound: English may translate them
    german = "Sie flogen zu den Galapagos-Inseln und zur Heimatstation Noosa."
    entities = [
        _span(german, "Galapagos-Inseln", "LOC"),
        _span(german, "Heimatstation Noosa", "LOC"),
    ]
    assert _flagged(german, "They flew to the Galapagos Islands and home to Noosa.", entities) == []


@pytest.mark.parametrize(
    ("german", "name", "english"),
    [
        ("Der Drukyel-Dzong ist alt.", "Drukyel", "The Drukgyal Dzong is old."),
        ("Der Maswe-Wildpark ist groß.", "Maswe", "The Maswa Game Reserve is large."),
        ("Bilder von Artus.", "Artus", "Images of Arthurian chivalry."),
        ("Es ist Materie vom Mars.", "Mars", "It is martian material."),
    ],
)
def test_spelling_variants_and_words_made_from_a_name_are_kept(
    german: str, name: str, english: str
) -> None:
    assert _flagged(german, english, [_span(german, name, "LOC")]) == []


def test_a_short_name_one_letter_off_is_kept_but_not_two() -> None:
    german = "Gridley oder Stark setzte einen Pfahl."
    entities = [_span(german, "Gridley", "PER"), _span(german, "Stark", "PER")]
    assert _flagged(german, "Gridley or placed a stake.", entities) == ["Stark"]
    assert _flagged(german, "Gridley or Stork placed a stake.", entities) == []
    # not when the first letter differs
    german = "Er blieb in Chile."
    assert _flagged(german, "He stayed a while.", [_span(german, "Chile", "LOC")]) == ["Chile"]


@pytest.mark.parametrize(
    ("word", "loan"),
    [
        ("Sanskrit", True),
        ("Triceratops", True),
        ("Eskimo", True),
        ("Hinterland", False),  # a German compound
        ("Training", False),  # an English common word
        ("Kinder", False),  # a German ending
        ("Brücke", False),  # not English
    ],
)
def test_loanwords_english_writes_as_names_are_told_by_their_shape(word: str, loan: bool) -> None:
    assert loanword(word) is loan


def test_a_dropped_loanword_name_is_flagged() -> None:
    german = "Das älteste Buch der Welt wurde in Sanskrit geschrieben."
    assert _flagged(german, "The oldest book in the world was written in.", []) == ["Sanskrit"]
    assert _flagged(german, "The oldest book in the world was written in Sanskrit.", []) == []


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Islam", True),
        ("Inuit", True),
        ("Sanskrit", True),
        ("Hotel", False),  # English writes it in lower case
        ("Film", False),  # in lower case too
        ("Mann", False),  # a German word among English names: an umlaut plural
        ("Essen", False),  # and a German ending
        ("Einstellung", False),
    ],
)
def test_english_names_are_words_english_lists_with_a_capital(word: str, name: bool) -> None:
    assert english_name(word) is name


def test_a_dropped_word_english_writes_as_a_name_is_flagged() -> None:
    german = "Die Stadt ist im Judentum, Christentum und Islam heilig."
    english = "The city is holy to Judaism, Christianity and {}."
    assert _flagged(german, english.format(""), []) == ["Islam"]
    assert _flagged(german, english.format("Islam"), []) == []
    # a common noun English writes in lower case is not checked
    german = "Die Stadt ist im Judentum, Christentum und Garten heilig."
    assert _flagged(german, english.format("the yard"), []) == []


def test_a_name_with_a_capital_inside_is_not_kept_by_a_shared_beginning() -> None:
    english = "Every train has Metro coaches."
    german = "Jeder Zug hat MetroPlus-Wagen."
    assert _flagged(german, english, [_span(german, "MetroPlus", "ORG")]) == ["MetroPlus"]
    # written without the inner capital, a shared beginning is enough ("Olympischen" /
    # "Olympic")
    german = "Jeder Zug hat Metroplus-Wagen."
    assert _flagged(german, english, [_span(german, "Metroplus", "ORG")]) == []


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Expo", True),  # an organisation in the lists, an -s plural, an English word
        ("Highway", True),
        ("Emirates", True),  # no German noun at all
        ("Marine", False),  # a German plural: Marinen
        ("Films", False),  # the genitive of a German noun
        ("Gasse", False),  # only a common noun in the lists
    ],
)
def test_named_things_english_writes_the_same_are_told_by_list_and_plural(
    word: str, name: bool
) -> None:
    assert english_named_thing(word) is name


def test_a_dropped_named_thing_is_flagged() -> None:
    german = "Eine Weltausstellung (oft einfach Expo genannt) ist ein großes Fest."
    assert _flagged(german, "A World's Fair (often simply called) is a big festival.", []) == [
        "Expo"
    ]
    assert _flagged(german, "A World's Fair (often simply called Expo) is a festival.", []) == []


def test_the_author_of_a_citation_is_a_name_even_after_a_full_stop() -> None:
    german = "Man kann flexibel arbeiten. (Bremer, 1998)"
    assert _unrecognized(german) == ["Bremer"]
    assert _flagged(german, "One can work flexibly. (, 1998)", []) == ["Bremer"]
    assert _flagged(german, "One can work flexibly. (Bremer, 1998)", []) == []
    assert _unrecognized("So steht es (Hall et al. 2004) dort.") == ["Hall"]
    # a bracket with a word and a number that is no year cites nobody
    assert _unrecognized("Das steht dort. (Seite, 12)") == []


def test_a_foreign_spelling_in_front_of_a_short_word_is_no_compound() -> None:
    german = "Man verkauft sie über eBay oder Craigslist weiter."
    assert _unrecognized(german) == ["eBay", "Craigslist"]
    assert _flagged(german, "They are resold through eBay or.", []) == ["Craigslist"]
    assert _flagged(german, "They are resold through eBay or Craigslist.", []) == []
    # German compounds with a loanword in front still are ("Cyber|angriff")
    assert _unrecognized("Man meldete einen Cyberangriff auf die Bank.") == []


def test_a_found_noun_english_also_writes_as_a_name_is_checked() -> None:
    german = "Viele sprechen dort Hindi und Englisch."
    entities = [_span(german, "Hindi", "MISC")]
    assert _flagged(german, "Many speak and English there.", entities) == ["Hindi"]
    assert _flagged(german, "Many speak Hindi and English there.", entities) == []
    # a common noun the tagger took for a name, which English writes in lower case only
    german = "Viele wohnen dort im Garten am Fluss."
    entities = [_span(german, "Garten", "ORG")]
    assert _flagged(german, "Many live in the yard by the river.", entities) == []


def test_a_word_of_the_german_does_not_stand_for_another_name_spelt_like_it() -> None:
    german = "Es gibt zwei Klassen: MetroPlus und Metro."
    metro = german.rindex("Metro")
    entities = [_span(german, "MetroPlus", "ORG"), (metro, metro + 5, "ORG")]
    # "MetroPlus" is the German's own word, not "Metro" made longer
    assert _flagged(german, "There are two classes: MetroPlus and Third.", entities) == ["Metro"]
    assert _flagged(german, "There are two classes: MetroPlus and Metro.", entities) == []
    # a word the German does not have still does ("Artus" / "Arthurian")
    german = "Sie erzählt von Artus."
    entities = [_span(german, "Artus", "PER")]
    assert _flagged(german, "It tells an Arthurian tale.", entities) == []


def test_a_person_with_an_adjective_ending_is_checked() -> None:
    german = "Eine Gruppe unter Greene griff vor der Dämmerung an."
    entities = [_span(german, "Greene", "PER")]
    assert _flagged(german, "One group under attacked before dawn.", entities) == ["Greene"]
    assert _flagged(german, "One group under Greene attacked before dawn.", entities) == []
    # a capitalised adjective the recognizer took for another kind of name is not
    german = "Eine Gruppe unter Bekannte griff vor der Dämmerung an."
    entities = [_span(german, "Bekannte", "ORG")]
    assert _flagged(german, "One group under friends attacked before dawn.", entities) == []


def test_a_name_of_nothing_but_kind_words_is_not_checked() -> None:
    german = "Nur wenige Schiffe der Königlichen Marine lagen dort."
    entity = [_span(german, "Königlichen Marine", "ORG")]
    assert _flagged(german, "Only a few Royal Navy ships were there.", entity) == []

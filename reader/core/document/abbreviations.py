"""Word lists behind German sentence segmentation.

Abbreviation keys are written without spaces and without the final period: "z. B." and
"z.B." both become ``"z.B"``. Case matters ("Art." the article of a law vs "art"), and a
capitalised first letter at the start of a sentence ("Vgl.", "Z. B.") is looked up in its
lower-case form too.
"""

from __future__ import annotations

from enum import Enum


class AbbreviationKind(Enum):
    """How likely a period after the abbreviation is also the end of a sentence."""

    # Titles and the like: a capitalised word after them is a name or a noun, never a new
    # sentence ("Dr. Müller", "vgl. Abschnitt", "z. B. Kinder").
    NEVER_FINAL = "never"
    # Abbreviations that end sentences about as often as not ("3 Mrd. Euro" / "3 Mrd. Die
    # Aktie"): a new sentence only when the next word is one that typically starts one.
    SOMETIMES_FINAL = "sometimes"
    # Abbreviations that also are ordinary words ("Art", "Kap"): abbreviation before a
    # number ("Art. 5"), an ordinary word otherwise.
    BEFORE_NUMBER = "before-number"
    # Often sentence-final ("usw.", "etc.", "Corp."): a capitalised next word starts a new
    # sentence, a lower-case one does not ("Nvidia Corp. in Kuala Lumpur").
    OFTEN_FINAL = "often"


_NEVER_FINAL = """
Dr Dres Prof Hr Hrn Fr Frl Hl Sr Dipl Ing Mag med phil rer nat jur pol oec habil theol h.c
St Pfr Kard Hw Ehrw Gebr Mr Mrs Ms
z.B z.T z.Zt u.a u.U u.v.a v.a d.h d.i s.o s.u o.g i.d.R i.A i.V i.e e.g i.Allg i.S i.S.d
m.E m.W m.a.W z.H z.Hd bzw ca vgl ggf ggfs bspw evtl inkl exkl zzgl abzgl bzgl einschl
ausschl sog gem lt vs geb gest verh verw allg bes Bsp insb insbes mind vorm nachm urspr zit
Anm Hrsg hrsg Abb Nr Nrn No Bd Bde Jg Jahrg Ziff Abs Abschn Anh Sp Str Pl Tel
dt engl franz frz ital lat griech span russ amerik ehem Bez Kr Lkr Reg Rd Ref Verf Vf Vors
rd stv stellv Stellv Kapt Lt Maj Oberstlt Sen Abg Bf Bhf ev kath evang röm luth jun sen
Pos Mt Fa Hbf Univ Inst Verl Erg Anl Vol Hg hg Rn Rdnr Rz Tz Bl Hs Nachf
ebd ders dgl dergl Mi Di Do Sa Mo sogen Drs Drucks Fam Abk Ggs Mitgl Prov Präs Sekr Soz
techn Techn Verz Vorst wiss Wiss s.a od resp entspr ggü jew lfd zw zus tägl Rep Col Capt Sgt
iSv iSd iSe iHv iVm iRd iÜ iF idF idR aF nF ua uU zB Rspr st Halbs UAbs Unterabs Erl vollst
Rnd Int Mitt al li re mi Az
"""

_SOMETIMES_FINAL = """
Mio Mrd Mill Bio Tsd Jh Jhd Jhdt Jt Jtd Std Min Sek Jr a.D MwSt Mwst min max Aufl ff
Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
"""

_BEFORE_NUMBER = """
Art Kap Kat Ausg Tab Fax Fig Alt
"""

_OFTEN_FINAL = """
usw usf u.dgl etc u.ä o.ä u.Ä o.Ä u.v.m e.V v.Chr n.Chr Corp Inc Ltd Co Bros Plc
"""


def _words(text: str) -> list[str]:
    return text.split()


def _table() -> dict[str, AbbreviationKind]:
    table: dict[str, AbbreviationKind] = {}
    # Later lists win, so a word listed twice gets the more specific kind.
    for words, kind in (
        (_NEVER_FINAL, AbbreviationKind.NEVER_FINAL),
        (_SOMETIMES_FINAL, AbbreviationKind.SOMETIMES_FINAL),
        (_BEFORE_NUMBER, AbbreviationKind.BEFORE_NUMBER),
        (_OFTEN_FINAL, AbbreviationKind.OFTEN_FINAL),
    ):
        for word in words.split():
            table[word] = kind
    return table


ABBREVIATIONS: dict[str, AbbreviationKind] = _table()

# Words without vowels that are ordinary words, not abbreviations.
VOWELLESS_WORDS = frozenset({"Lkw", "Pkw", "Kfz", "Nrw", "Hmm", "hmm", "Pst", "pst"})

# Words after "Co." that continue a company name ("GmbH & Co. KG").
COMPANY_FORMS = frozenset({"KG", "KGaA", "OHG", "oHG"})

MONTHS = frozenset(
    _words(
        """
    Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November
    Dezember Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
    """
    )
)

# Nouns that typically follow an ordinal ("im 19. Jahrhundert", "zum 3. Mal"). Matched as
# the end of the next word (so "Bundesliga", "Spieltag" and "Jahrhunderts" match too).
ORDINAL_NOUNS = tuple(
    _words(
        """
    jahrhundert jahrtausend jahrzehnt jahrestag geburtstag todestag hochzeitstag spieltag
    verhandlungstag sitzungstag tag platz rang mal liga klasse weltkrieg krieg runde etage
    stock stockwerk kapitel auflage ausgabe sitzung quartal halbjahr semester lebensjahr
    jahr monat woche minute stunde sekunde etappe hälfte teil folge staffel episode
    jubiläum sieg niederlage treffer titel generation versuch durchgang wahlgang lauf
    stufe phase welle stelle position spiel saisonspiel band buch akt szene strophe satz
    absatz abschnitt armee division periode bezirk mannschaft amtszeit kongress parteitag
    legislaturperiode wahlperiode grad ordnung reihe gang startplatz tabellenplatz uhr aufl
    senat kammer gehalt
    """
    )
)

# Words that follow an ordinal as a name: "1. FC Köln", "1. FSV Mainz 05".
ORDINAL_NAMES = frozenset(_words("FC FSV FFC SC SV SSV TSV TSG TuS VfB VfL VfR BV BSC SpVgg KSC"))

# Words before a number that make it an ordinal ("der 5. Versuch", "am 3.").
ORDINAL_DETERMINERS = frozenset(
    _words(
        """
    der die das dem den des am im zum zur vom beim ins ans ab bis seit ein eine einem einen
    einer eines sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres
    unser unsere unserem unseren unserer jeder jede jedem jeden jedes dieser diese diesem
    diesen dieses mein meine meinem meinen meiner deren dessen
    """
    )
)

# Those of them that also stand before a year ("bis 2025", "seit 2019").
ORDINAL_PREPOSITIONS = frozenset(_words("am im zum zur vom beim ins ans ab bis seit"))

# Capitalised words that typically start a German sentence: articles, pronouns,
# conjunctions, prepositions, adverbs. After an ambiguous period ("3 Mrd.", "J.", "2023.")
# one of these makes a sentence end likely; a noun makes it unlikely.
SENTENCE_STARTERS = frozenset(
    _words(
        """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Keinen Keiner
    Ich Du Er Sie Es Wir Ihr Man Mir Mich Ihm Ihn Ihnen Uns Euch Dies Diese Dieser Dieses
    Diesem Diesen Jene Jener Jeder Jede Jedes Alle Alles Viele Vieles Einige Manche Beide
    Mein Meine Sein Seine Seinen Seiner Ihre Ihren Ihrer Unser Unsere Wer Was Welche Welcher
    Welches Wo Wie Warum Weshalb Wieso Wann Woher Wohin Womit Wofür Wozu Worauf Wodurch
    Und Aber Doch Denn Oder Sondern Als Wenn Weil Da Dass Daß Ob Obwohl Obgleich Während
    Nachdem Bevor Sobald Solange Damit Falls Trotzdem Deshalb Daher Darum Deswegen Dennoch
    Jedoch Allerdings Außerdem Zudem Ferner Weiterhin Dabei Dafür Dagegen Danach Davor Dazu
    Darauf Daraus Darüber Darin Dadurch Davon Dann Damals Nun Jetzt Heute Gestern Hier Dort
    So Auch Nur Noch Schon Bereits Immer Nie Niemand Nichts Oft Mehr Erst Zuvor Später
    In Im Am An Auf Aus Bei Beim Mit Nach Von Vom Vor Zu Zum Zur Über Unter Für Gegen Ohne
    Um Durch Bis Ab Seit Trotz Wegen Laut Neben Zwischen Hinter Gemäß Angesichts
    Zunächst Schließlich Inzwischen Mittlerweile Insgesamt Anschließend Gleichzeitig
    Stattdessen Vielleicht Wahrscheinlich Tatsächlich Natürlich Leider Bisher Derzeit
    Zuletzt Kürzlich Zwar Ebenso Ebenfalls Somit Also Sonst Hingegen Indes Indessen
    Offenbar Offensichtlich Demnach Dementsprechend Folglich Zugleich Vorher Nachher
    Seitdem Seither Einst Oben Unten Deutlich Genau Ja Nein Bitte Etwa Rund Fast Kaum
    Nicht Sehr Besonders Gerade Eben Selbst Sogar Bislang Künftig Weitere Weiterer
    Wieder Weiter Teilweise Viel Wenig Wenige Andere Anders Mehrere Sowohl Weder Entweder
    The This That These Those It He She We They I You In On At There Here But And Or So
    """
    )
)

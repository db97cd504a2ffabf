"""Currencies: each currency the German names (Euro, €, US-Dollar, Franken …) in the English."""

from __future__ import annotations

import re

from reader.core.checks.model import CheckKind, Finding

# German form -> currency; several German forms share one currency.
_GERMAN = {
    "euro": "EUR", "eur": "EUR", "€": "EUR", "cent": "cent", "eurocent": "cent",
    "us-cent": "cent", "dollar": "USD", "us-dollar": "USD", "usd": "USD", "$": "USD",
    "us$": "USD", "pfund": "GBP", "gbp": "GBP", "£": "GBP", "franken": "CHF", "chf": "CHF",
    "yen": "JPY", "jpy": "JPY", "¥": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
    "rubel": "RUB", "rub": "RUB", "₽": "RUB", "rupie": "INR", "rupien": "INR", "₹": "INR",
    "kronen": "krone", "krone": "krone", "złoty": "PLN", "zloty": "PLN", "lira": "lira",
    "bitcoin": "BTC", "bitcoins": "BTC",
}  # fmt: skip
_ENGLISH = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "cent": "cent", "cents": "cent",
    "dollar": "USD", "dollars": "USD", "usd": "USD", "$": "USD", "us$": "USD", "buck": "USD",
    "bucks": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP",
    "£": "GBP", "franc": "CHF", "francs": "CHF", "chf": "CHF", "yen": "JPY", "jpy": "JPY",
    "¥": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY", "ruble": "RUB",
    "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB", "₽": "RUB",
    "rupee": "INR", "rupees": "INR", "₹": "INR", "krone": "krone", "kroner": "krone",
    "krona": "krone", "kronor": "krone", "crown": "krone", "crowns": "krone", "zloty": "PLN",
    "złoty": "PLN", "zlotys": "PLN", "lira": "lira", "lire": "lira", "bitcoin": "BTC",
    "bitcoins": "BTC",
}  # fmt: skip
_ENGLISH_NAMES = {
    "EUR": "euro", "cent": "cent", "USD": "dollar", "GBP": "pound", "CHF": "franc",
    "JPY": "yen", "CNY": "yuan", "RUB": "rouble", "INR": "rupee", "krone": "krone",
    "PLN": "zloty", "lira": "lira", "BTC": "bitcoin",
}  # fmt: skip
# Words, with a hyphenated country in front ("US-Dollar"), and the currency signs.
_TOKEN = re.compile(r"[A-Za-zÀ-ÿłŁ]+(?:-[A-Za-zÀ-ÿ]+)?|[€$£¥₽₹]")


def _mentions(text: str, table: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        code = table.get(token.lower())
        if code is None and "-" in token:  # "Hongkong-Dollar", "US-Dollars"
            code = table.get(token.rsplit("-", 1)[1].lower())
        if code is None:
            continue
        # Capitalised codes only ("EUR", not the word "eur"); words as they come.
        is_code = token.isalpha() and len(token) == 3 and token.lower() == code.lower()
        if is_code and not token.isupper():
            continue
        out.append((match.start(), match.end(), code))
    return out


def check_currencies(german: str, english: str) -> list[Finding]:
    """Currencies named in ``german`` that ``english`` does not name, or names instead."""
    english_mentions = _mentions(english, _ENGLISH)
    english_codes = {code for _s, _e, code in english_mentions}
    german_mentions = _mentions(german, _GERMAN)
    german_codes = {code for _s, _e, code in german_mentions}
    # What the English names that the German does not: the likely replacement.
    extra = [english[s:e] for s, e, code in english_mentions if code not in german_codes]
    findings = []
    seen: set[str] = set()
    for start, end, code in german_mentions:
        if code in english_codes or code in seen:
            continue
        seen.add(code)
        other = extra[0] if extra else None
        findings.append(
            Finding(CheckKind.CURRENCY, start, end, german[start:end], _ENGLISH_NAMES[code], other)
        )
    if german_mentions and extra and not findings:
        # All the German's currencies are there, and another one too ("US$11,000 to £22,500").
        start, end, code = german_mentions[0]
        findings.append(
            Finding(
                CheckKind.CURRENCY, start, end, german[start:end], _ENGLISH_NAMES[code], extra[0]
            )
        )
    return findings

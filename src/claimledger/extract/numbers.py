"""Read a number written in digits or words from a run of tokens.

"12,000", "1.5 million", "twenty-five", "one hundred and fifty", "1.5m" -> float.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, GLUED_UNITS, SCALES, UNCERTAINTY_SIGNS, WORD_NUMBERS

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")  # ".0605 square km" too
DIGIT_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)%?[–—-](\d[\d,]*(?:\.\d+)?)$")  # "200–400", "20%-30" (then "%")
DIGITS_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(m|bn|k|million|billion|trillion)$", re.I)  # "1.5m", "$12million"
# A scale abbreviated after an amount of money, written on: "$4M", "£2bn", "$500K" (never "4 m", a length).
MONEY_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000}
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
CODE_DIGITS = re.compile(r"^([A-Z]{3}|[A-Z]{1,3}\$)(\d[\d,]*(?:\.\d+)?)$")  # "SEK9", "USD910", "CDN$11,000"
GLUED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$", re.I)  # "1au", "60km": a number with its unit in one token
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def currency_before(tokens: list[Token], i: int) -> str | None:
    """'$' / '£' / 'US$' / 'USD' just before a number."""
    if 0 < i < len(tokens) + 1 and i - 1 < len(tokens) and tokens[i - 1].text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[tokens[i - 1].text]
    if 0 < i < len(tokens) + 1 and i - 1 < len(tokens) and tokens[i - 1].text in CURRENCY_CODES:
        return tokens[i - 1].text
    return None


def money_scale(tokens: list[Token], j: int) -> float | None:
    """The scale an abbreviation glued to an amount of money gives ('$4M': 'M' right after '4')."""
    if 0 < j < len(tokens) and not tokens[j - 1].whitespace_ and tokens[j].lower_ in MONEY_SCALES:
        return MONEY_SCALES[tokens[j].lower_]
    return None


def hyphen_words_value(text: str) -> float | None:
    """'Ninety-Four' written as one token -> 94.0."""
    parts = text.lower().split("-")
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS and WORD_NUMBERS[parts[0]] >= 20:
        return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


def currency_code(text: str) -> str | None:
    """'SEK9' -> 'SEK', 'CDN$11,000' -> 'CAD': an ISO currency code or a dollar's prefix glued to the digits
    of an amount."""
    found = CODE_DIGITS.match(text)
    prefix = found.group(1) if found else ""
    return CURRENCY_SYMBOLS.get(prefix) if prefix.endswith("$") else (prefix if prefix in CURRENCY_CODES else None)


def glued(text: str) -> tuple[float, str] | None:
    """'1au' -> (1.0, 'au'), '60km' -> (60.0, 'km'): a value and a unit of ``GLUED_UNITS`` in one token."""
    found = GLUED.match(text)
    if found is None or found.group(2).lower() not in GLUED_UNITS:
        return None
    return float(found.group(1)), found.group(2).lower()


def digit_value(text: str) -> float | None:
    """'12,000' -> 12000.0; '1.5m' -> 1500000.0; 'Ninety-Four' -> 94.0; '~415' -> 415.0; 'SEK9' -> 9.0;
    anything else -> None."""
    text = text[1:] if text.startswith("~") and text[1:2].isdigit() else text  # "~415": about 415
    text = CODE_DIGITS.match(text).group(2) if currency_code(text) else text
    words = hyphen_words_value(text)
    if words is not None:
        return words
    if DIGITS.match(text):
        return float(text.replace(",", ""))
    scaled = DIGITS_SCALED.match(text)
    if scaled:
        return float(scaled.group(1)) * SCALES[scaled.group(2).lower()]
    return None


def is_number_start(token: Token) -> bool:
    """A token that can begin a number: digits or a number word ('a' and 'an' never count)."""
    lower = token.lower_
    if not (lower[:1].isdigit() or lower[:1] in {"~", "."} or "-" in lower or lower in WORD_NUMBERS or lower in {"a", "an"}
            or ("$" in lower[1:5] or lower[3:4].isdigit()) and currency_code(token.text)):
        return False  # the readers below need a digit, a number word or a hyphen: most words have none
    if ORDINAL.match(lower):
        return False
    if lower in {"a", "an"}:  # "a million people", never "a" alone
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.lower_ in {"hundred", "thousand", "million", "billion", "dozen"}
    return digit_value(token.text) is not None or DIGIT_RANGE.match(token.text) is not None or (
        lower in WORD_NUMBERS and lower != "dozen")


def token_range(token: Token) -> tuple[float, float] | None:
    """'200–400' written as one token -> (200.0, 400.0)."""
    found = DIGIT_RANGE.match(token.text)
    if found is None:
        return None
    low, high = (float(x.replace(",", "")) for x in found.groups())
    return (low, high) if high >= low else None


def halved(tokens: list[Token], i: int, low: float) -> bool:
    """'half a million doses', 'half a dozen directors': the 'a' that starts the number is half of its
    scale (bundled corpus without check documents: 3 such, read as a whole million before)."""
    return 0 < i and tokens[i - 1].lower_ == "half" and tokens[i].lower_ in {"a", "an"} and low >= 12


def read_number(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Value of the number starting at tokens[i] and the index just past it."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        token = tokens[j]
        lower = token.lower_
        if seen and token.is_space and j + 1 < len(tokens) and tokens[j + 1].lower_ in SCALES:
            j += 1  # "5.7  million"
            continue
        value = digit_value(token.text)
        if lower in {"a", "an"} and not seen:
            value = 1.0
        if value is not None and not seen:
            current, seen, j = value, True, j + 1
            continue
        if lower in WORD_NUMBERS and (not seen or current % 100 >= 20 and WORD_NUMBERS[lower] < 10 or current >= 100 and current % 100 == 0):
            if seen and digit_value(tokens[j - 1].text) is not None:
                break
            current += WORD_NUMBERS[lower]
            seen, j = True, j + 1
            continue
        if seen and lower == "and" and [t.lower_ for t in tokens[j + 1 : j + 3]] == ["a", "half"]:
            current, j = current + 0.5, j + 3  # "two and a half years"
            continue
        if lower == "dozen" and seen and current < 10:  # "a dozen", "two dozen"
            current, j = current * 12, j + 1
            continue
        if lower in SCALES and seen and lower not in {"m", "k", "bn"}:
            scale = SCALES[lower]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0.0
            j += 1
            continue
        if seen and token.text in {"-", "and"} and j + 1 < len(tokens) and tokens[j + 1].lower_ in WORD_NUMBERS and (
            token.text == "-" or current >= 100
        ) and digit_value(tokens[j - 1].text) is None:
            j += 1
            continue
        break
    if not seen:
        return None
    return total + current, j


def uncertainty(tokens: list[Token], j: int) -> tuple[float, int] | None:
    """'± 0.004' right after a value: the error (so the figure is the range it allows), and where it ends."""
    if j + 1 < len(tokens) and tokens[j].text in UNCERTAINTY_SIGNS and is_number_start(tokens[j + 1]):
        return read_number(tokens, j + 1)
    return None


def scaled_range(tokens: list[Token], j: int, low: float, high: float) -> tuple[float, float, int]:
    """'15–25 million' written with the range as one token: the scale after it belongs to both ends."""
    if j < len(tokens) and tokens[j].lower_ in SCALE_WORDS:
        scale = SCALE_WORDS[tokens[j].lower_]
        return low * scale, high * scale, j + 1
    return low, high, j


def shared_scale(tokens: list[Token], i: int, j: int, k: int, low: float, second: tuple[float, int]) -> tuple[float, tuple[float, int]]:
    """'between $5 and $7 billion', 'two to three hundred': the scale after the range's end
    belongs to both ends."""
    scale_words = SCALE_WORDS
    last = tokens[second[1] - 1].lower_
    if last in scale_words and tokens[j - 1].lower_ not in scale_words and low < second[0] / scale_words[last] * 10:
        low *= scale_words[last]
    return low, second

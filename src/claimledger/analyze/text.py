"""Plain-text helpers the analysis shares: name folding, sentences, context words, demonyms.

Analysis never re-parses a document with spaCy (that is what makes it cheaper than extraction):
it works from the stored text, the claim offsets and these few rules.
"""

from __future__ import annotations

from datetime import datetime, timezone

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
# A sentence ends at . ! ? (optionally closed by a quote or bracket) before whitespace, or at a newline.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
yours yourself said says say saying told tell according reported report reports reportedly added also
one two three four five six seven eight nine ten first second last new year years day days week weeks
month months time people mr mrs ms dr its it's per cent percent monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow however many much well
""".split())

# Words common in any run of news, whatever the ledger holds (in at least 5% of both the Wikinews and
# the re3d halves of the bundled corpus; names removed): never evidence that two articles share an event.
BACKGROUND_WORDS = frozenset("""
ability access across act action addition address agreed air allow already announced another area around
attack back based began bring building call campaign capital central challenge children citizen city claimed
clear comment common community conference conflict continue control council country critical daily democratic
department discuss discussed dozen early east effect effort end event face facility family fight fire follow
following force foreign forward free friend full fund future give global government ground group held help
hold hospital hour human important include including individual information initial injured interest
international investigation islamic issue justice killed kingdom law lead leader life local long made make
making mean media meeting member met military million minister morning multiple must nation national near need
new next number office officer ongoing operation opposition other part party past place point political
position possible president press previously prime process project protect provide provided question recent
relation release remain response return right role safe secretary security service show significant since site
situation speaking special stand state statement station step still strong support supported system take taken
team territory together total toward town type united use used using vehicle victim war way we've west within
without women work working world yet
""".split())

# Adjectives of nationality and the country (or party) they name: "Russian troops" -> Russia.
DEMONYMS = {
    "afghan": "Afghanistan", "american": "United States", "armenian": "Armenia", "australian": "Australia",
    "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan", "bahraini": "Bahrain", "bangladeshi": "Bangladesh",
    "belarusian": "Belarus", "belgian": "Belgium", "british": "United Kingdom", "canadian": "Canada",
    "chechen": "Chechnya", "chinese": "China", "cuban": "Cuba", "danish": "Denmark", "dutch": "Netherlands",
    "egyptian": "Egypt", "emirati": "United Arab Emirates", "english": "United Kingdom", "filipino": "Philippines",
    "french": "France", "german": "Germany", "greek": "Greece", "indian": "India", "indonesian": "Indonesia",
    "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
    "japanese": "Japan", "jordanian": "Jordan", "kenyan": "Kenya", "korean": "Korea", "kurdish": "Kurds",
    "lebanese": "Lebanon", "libyan": "Libya", "mexican": "Mexico", "nigerian": "Nigeria", "pakistani": "Pakistan",
    "palestinian": "Palestine", "philippine": "Philippines", "polish": "Poland", "qatari": "Qatar",
    "russian": "Russia", "samoan": "Samoa", "saudi": "Saudi Arabia", "scottish": "United Kingdom",
    "serbian": "Serbia", "somali": "Somalia", "spanish": "Spain", "sudanese": "Sudan", "swedish": "Sweden",
    "syrian": "Syria", "taiwanese": "Taiwan", "turkish": "Turkey", "ukrainian": "Ukraine", "welsh": "United Kingdom",
    "yemeni": "Yemen", "israelis": "Israel", "russians": "Russia", "ukrainians": "Ukraine", "americans": "United States",
    "syrians": "Syria", "iraqis": "Iraq", "iranians": "Iran", "mexicans": "Mexico", "afghans": "Afghanistan",
    "kurds": "Kurds", "chechens": "Chechnya", "turks": "Turkey", "armenians": "Armenia",
    "azerbaijanis": "Azerbaijan", "palestinians": "Palestine", "us": "United States", "u.s.": "United States",
    "u.s": "United States", "usa": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "united states": "United States", "united kingdom": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "america": "United States", "new zealander": "New Zealand",
    "new zealand": "New Zealand", "south korean": "South Korea", "north korean": "North Korea",
    "sri lankan": "Sri Lanka", "south african": "South Africa", "puerto rican": "Puerto Rico",
}
COUNTRIES = frozenset(DEMONYMS.values()) | frozenset("""
Algeria Argentina Austria Bolivia Brazil Bulgaria Burundi Cameroon Chile Colombia Congo Croatia Cyprus
Czechia Ecuador Estonia Ethiopia Finland Georgia Ghana Guatemala Haiti Honduras Hungary Iceland Kazakhstan
Kosovo Kuwait Latvia Lithuania Malaysia Mali Malta Morocco Mozambique Myanmar Namibia Nepal Niger Norway Oman
Panama Peru Portugal Romania Rwanda Senegal Singapore Slovakia Slovenia Sudan Switzerland Tanzania Thailand
Tonga Tunisia Uganda Uruguay Uzbekistan Venezuela Vietnam Zambia Zimbabwe Artsakh Belarus
""".split())
DEMONYMS.update({country.lower(): country for country in COUNTRIES if country.lower() not in DEMONYMS})


def fold(text: str) -> str:
    """Lowercase, accents and curly quotes removed, spaces squeezed: the form names are compared in."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)))
    return _SPACE.sub(" ", text).strip().lower()


def words(text: str) -> list[str]:
    """The folded words of a text (letters, digits, inner apostrophes and hyphens)."""
    return _WORD.findall(fold(text))


def stem(word: str) -> str:
    """A crude plural-folding stem, enough for 'deaths'/'death', 'casualties'/'casualty'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_terms(text: str) -> set[str]:
    """Distinctive-word candidates: stemmed words that are not stopwords or numbers."""
    return {stem(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit()}


def country_of(word: str) -> str | None:
    """The country a demonym or country name stands for ('Russian' -> 'Russia'), else None."""
    return DEMONYMS.get(fold(word).strip(".'"))


@dataclass(frozen=True)
class Sentences:
    """Sentence boundaries of one text, for finding the sentence around a claim."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Sentences":
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text)]
        return cls(text, tuple(starts))

    def index(self, offset: int) -> int:
        """Which sentence (0-based) holds the character at ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, i: int) -> tuple[int, int]:
        """Start and end offsets of sentence ``i``."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def sentence(self, i: int) -> str:
        start, end = self.span(i)
        return self.text[start:end]


def iso_time(value) -> str | None:
    """A stored time as ISO 8601 text; naive datetimes are UTC (that is how the ledger writes them)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.isoformat()
    return str(value)

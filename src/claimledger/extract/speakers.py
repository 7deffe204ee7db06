"""Who is speaking: name a cue's subject, keep the title apart, resolve pronouns and surnames.

No coreference model is used; a pronoun or a description ("the official") goes to the
nearest earlier compatible named speaker or person, which is what news style leans on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ._cache import doc_ents, doc_text, doc_tokens
from .lexicon import CLAIM_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON, REPORT_NOUNS, SPEECH_VERBS

HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. dr dr. sir dame gen gen. general lt lt. col col. maj maj. sgt sgt. spc spc.
capt capt. cpl cpl. pvt pvt. adm adm. president minister prime secretary senator sen sen. rep rep.
chief superintendent inspector commander colonel major sergeant lieutenant captain admiral
commissioner governor mayor ambassador deputy representative king queen prince sheikh pope
bishop archbishop judge justice chancellor premier envoy spokesman spokeswoman spokesperson
sheriff prosecutor vice director chairman chairwoman attorney officer secretary-general mp mep
""".split())
NAME_LABELS = frozenset({"PERSON"})
# Common nouns that stand for an organisation already named ("the company said").
ORG_NOUNS = frozenset("company firm".split())
RELATIVE_PRONOUNS = frozenset("who that which".split())
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Entity labels an appositive name cannot carry ("a spokesperson, Morgan Ortagus," is never a place).
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "FAC"})
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "flat", "det"})


@dataclass
class Speaker:
    """A resolved speaker or source: canonical name, separate title, and what kind of thing it is."""

    name: str
    title: str | None = None
    is_person: bool = False
    head: str = ""  # lemma of the phrase's head noun, for matching "the official" later
    start: int = 0
    label: str = ""
    subject: bool = True  # a clause subject or a speaker: preferred antecedent for "he" / "she"


@dataclass
class SpeakerIndex:
    """Names seen so far in one document, for resolving surnames, pronouns and descriptions."""

    doc: Doc
    quoted: list[tuple[int, int]] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    name_counts: dict[str, int] = field(default_factory=dict)
    mentions: list[Speaker] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, quoted: list[tuple[int, int]]) -> "SpeakerIndex":
        """Index the document's names; quoted spans are skipped as antecedents. The first index
        built for a document and a set of quoted spans is kept, and each caller gets a copy
        (quotes, attributions and transcript turns all ask for one)."""
        built = _built(doc, tuple(quoted))
        return cls(doc=doc, quoted=list(quoted), full_names=dict(built.full_names), name_counts=dict(built.name_counts),
                   mentions=[replace(m) for m in built.mentions])

    @classmethod
    def _build(cls, doc: Doc, quoted: list[tuple[int, int]]) -> "SpeakerIndex":
        """Index the document's person names, organisations and 'according to' sources."""
        index = cls(doc=doc, quoted=quoted)
        for ent in doc_ents(doc):
            if ent.label_ in NAME_LABELS and not index.inside_quote(ent.start_char):
                name = clean_person(ent)
                if name:
                    parts = name.split()
                    if all(t.pos_ == "PROPN" for t in ent if t.is_alpha and t.lower_ not in HONORIFICS):
                        index.offer(name, count=True)  # not 'Will Sanders' from "Will Sanders continue"
                    title = describe(ent.root).title if ent.root.pos_ == "PROPN" else None
                    index.mentions.append(Speaker(name, title, is_person=True, head=parts[-1].lower(), start=ent.start_char,
                                                  subject=ent.root.dep_ in {"nsubj", "nsubjpass"}))
        for ent in doc_ents(doc):
            if ent.label_ in GROUP_LABELS and not index.inside_quote(ent.start_char):
                index.mentions.append(Speaker(ent.text, head=ent.root.lemma_.lower(), start=ent.start_char,
                                              label=ent.label_, subject=ent.root.dep_ in {"nsubj", "nsubjpass"}))
        for token in tokens_spelled(doc, ACCORDING):  # "according to a Senior Defence Official": later "the official"
            if not index.inside_quote(token.idx):
                for pobj in (c for prep in token.children for c in prep.children if c.dep_ == "pobj"):
                    index.mentions.append(describe(pobj))
        index.mentions.sort(key=lambda s: s.start)
        for mention in index.mentions:  # "according to Chief Superintendent X Y": Y is X Y later on
            if mention.is_person:
                index.offer(mention.name)
        for mention in index.mentions:
            index.known_surname(mention)
            if mention.is_person:
                mention.name = index.canonical(mention.name)
        return index

    def inside_quote(self, char: int) -> bool:
        """True when a character sits inside a direct quote (its names are not antecedents)."""
        return any(start <= char < end for start, end in self.quoted)

    def offer(self, name: str, count: bool = False) -> None:
        """A full name as the reading of its surname: the one named most often, then the first named
        ('Harris' is the candidate named ten times, not her father named once as 'Donald J. Harris')."""
        parts = name.split()
        if len(parts) < 2 or not parts[0][:1].isupper():  # 'de Blasio' is a surname, not a full name
            return
        if count:
            self.name_counts[name] = self.name_counts.get(name, 0) + 1
        current = self.full_names.get(parts[-1])
        if current is None or self.weight(name) > self.weight(current):
            self.full_names[parts[-1]] = name

    def weight(self, name: str) -> tuple[int, int]:
        """How often a full name is written, its shorter forms included ('Wasserman Schultz' counts
        for 'Debbie Wasserman Schultz'); among equals the first named (dict order is text order)."""
        words = name.split()
        counted = [(n, k) for n, k in self.name_counts.items() if words[-len(n.split()):] == n.split()]
        first = min((list(self.name_counts).index(n) for n, _ in counted), default=len(self.name_counts))
        return -first, sum(k for _, k in counted)

    def canonical(self, name: str) -> str:
        """'Kirby' -> 'John Kirby' when the document named him in full. A name that has its own
        given name keeps it: 'Jeb Bush' is not the 'George W. Bush' named elsewhere (while
        'Wasserman Schultz' is the end of 'Debbie Wasserman Schultz')."""
        parts = name.split()
        if parts and parts[-1] in self.full_names:
            full = self.full_names[parts[-1]]
            if len(parts) == 1 or full.split()[0] == parts[0] or full.split()[-len(parts):] == parts:
                return full
        return name

    def known_surname(self, speaker: Speaker) -> Speaker:
        """A one-word name NER missed ('according to Kidston') is a person when the document
        named that person in full."""
        if not speaker.is_person and speaker.name[:1].isupper() and speaker.name in self.full_names:
            speaker.is_person = True
        return speaker

    def label_name(self, label: str) -> str:
        """A transcript label as a name: 'PENCE' -> 'Mike Pence' when the document named him."""
        return self.canonical(label.title() if label.isupper() and len(label) > 3 else label)

    def remember(self, speaker: Speaker) -> None:
        """Record a resolved speaker so later pronouns, surnames and descriptions can point to it."""
        if speaker.is_person:
            self.offer(speaker.name)
        self.mentions.append(speaker)
        self.mentions.sort(key=lambda s: s.start)

    def antecedent(self, before: int, person: bool, head: str | None = None) -> Speaker | None:
        """Nearest earlier mention that fits: a person for he/she, or one with the same head noun."""
        if head is None:
            for mention in reversed(self.mentions):  # subjects first, as readers do
                if before - 600 < mention.start < before and mention.subject and mention.is_person == person:
                    return mention
        for mention in reversed(self.mentions):
            if mention.start >= before:
                continue
            if head is not None:
                words = f"{mention.name} {mention.title or ''}".lower().replace("-", " ").split()
                if head in words or mention.head == head:
                    return mention
                continue
            if mention.is_person == person:
                return mention
        if head in ORG_NOUNS:  # "the company", "the ministry": the latest organisation named
            return next((m for m in reversed(self.mentions) if before - 800 < m.start < before and m.label == "ORG"), None)
        if head is None and person:  # NER missed the name: the latest speaker written as a name
            return next((m for m in reversed(self.mentions) if before - 800 < m.start < before and m.subject
                         and m.name[:1].isupper() and m.name.split()[0].lower() not in {"the", "a", "an"}), None)
        return None

    def resolve(self, token: Token, own_clause: int = -1) -> Speaker:
        """Name the speaker behind a cue's subject token (``own_clause``: the relative clause it
        heads as the antecedent of 'who' or 'that', which is no part of its name)."""
        token = phrase_head(token)
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ in {"relcl", "acl"} and token.head.head.pos_ in {"PROPN", "NOUN"}:
            # "Mr. Morial, who said ...": the noun the clause hangs on; a clause that speaks
            # ("studies that reported C") is the report, one that does not ("an economist who is
            # the director of X") describes the source
            speaks = any(t.lemma_.lower() in SPEECH_VERBS for t in (token.head, *token.head.conjuncts))
            return self.resolve(token.head.head, token.head.i if speaks else -1)
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_GROUP:
            found = self.antecedent(token.idx, person=lower in PRONOUNS_PERSON)
            if found is not None:
                return Speaker(found.name, found.title, found.is_person, found.head, token.idx)
            return Speaker(token.text, is_person=lower in PRONOUNS_PERSON, head=lower, start=token.idx)
        speaker = self.known_surname(describe(token, own_clause))
        if speaker.is_person:
            speaker.name = self.canonical(speaker.name)
        elif is_bare_description(token):
            found = self.antecedent(token.idx, person=False, head=token.lemma_.lower())
            if found is not None:
                title = found.title or (speaker.name if speaker.name.lower() != found.name.lower() else None)
                return Speaker(found.name, title, found.is_person, found.head, token.idx)
        return speaker


@lru_cache(maxsize=8)
def _built(doc: Doc, quoted: tuple[tuple[int, int], ...]) -> SpeakerIndex:
    """One index per document and quoted spans (building walks every entity and token)."""
    return SpeakerIndex._build(doc, list(quoted))


ACCORDING = re.compile(r"\baccording\b", re.I)
# A word that only modifies the noun after it ("Rubio's deputy campaign manager, Rich Beeson",
# "one unaligned Florida Republican strategist"): the phrase speaks through its head noun.
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def phrase_head(token: Token) -> Token:
    """The head noun of the phrase a cue's subject token only modifies: cue finders that read
    names off the surface can land on a possessor or a place name inside a longer phrase."""
    while token.dep_ in MODIFIER_DEPS and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"} \
            and token.head.sent == token.sent and token.pos_ != "PRON" \
            and token.head.lemma_.lower() not in REPORT_NOUNS | CLAIM_NOUNS:  # "X's analysis": X speaks
        token = token.head
    return token


def tokens_spelled(doc: Doc, pattern: re.Pattern[str]) -> list[Token]:
    """Tokens whose text matches a word pattern, found in the text rather than by visiting every token."""
    found = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


def clean_person(ent: Span) -> str:
    """A PERSON entity's text without honorifics or a trailing possessive."""
    words = [t for t in ent if not t.is_punct or t.text in {"-", "'"}]
    while len(words) > 1 and words[0].lower_ in HONORIFICS:  # "Mr. King" keeps "King"
        words = words[1:]
    while words and words[-1].text in {"'s", "’s", "'"}:
        words = words[:-1]
    return " ".join(t.text for t in words).replace(" - ", "-").strip()


def is_bare_description(token: Token) -> bool:
    """'the official', 'the ministry': a definite common noun with no name of its own."""
    has_det = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.pos_ == "NOUN" and has_det and not token.ent_type_ and not any(
        c.dep_ in {"compound", "amod", "appos", "prep"} for c in token.children
    )


def phrase_tokens(token: Token) -> list[Token]:
    """The noun phrase of a subject: left modifiers, conjuncts and 'of/from' + named entity."""
    keep = {token.i}
    for child in token.subtree:
        node = child
        while node.i != token.i and node.dep_ in PHRASE_DEPS | {"conj", "cc", "preconj", "punct"}:
            node = node.head
        if node.i == token.i:
            keep.add(child.i)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "for", "at", "within", "in"} and prep.i > token.i:
            pobj = [c for c in prep.children if c.dep_ == "pobj"]
            if pobj and any(t.ent_type_ for t in pobj[0].subtree):
                keep.update(t.i for t in prep.subtree)
    ordered = sorted(keep)
    # keep a contiguous run around the head
    run = [i for i in ordered if i >= ordered[0]]
    tokens = list(doc_tokens(token.doc)[run[0] : run[-1] + 1])
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "preconj"}):
        tokens = tokens[1:]
    return tokens


def person_in(tokens: list[Token]) -> Span | None:
    """The first PERSON entity inside a run of tokens."""
    if not tokens:
        return None
    doc = tokens[0].doc
    for ent in doc_ents(doc):
        if ent.label_ in NAME_LABELS and ent.start >= tokens[0].i and ent.end <= tokens[-1].i + 1:
            return ent
    return None


def text_of(tokens: list[Token]) -> str:
    """Tokens back to text, keeping the original spacing."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def known_as(token: Token) -> Token | None:
    """'a publication known as X', 'a group called X': the name the phrase gives."""
    for acl in token.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"know", "call", "name"}:
            for child in acl.subtree:
                if child.dep_ in {"pobj", "oprd", "attr"} and child.head.lower_ in {"as", acl.lower_}:
                    return child
    return None


def named_head(token: Token, tokens: list[Token]) -> Speaker:
    """The proper-noun run ending at the head as the name, the words before it as the title."""
    first = token.i
    while first > tokens[0].i and token.doc[first - 1].pos_ == "PROPN" and token.doc[first - 1].lower_ not in HONORIFICS:
        first -= 1
    title = text_of([t for t in tokens if t.i < first and not (t.dep_ == "det" and t.i == tokens[0].i)])
    return Speaker(text_of(list(token.doc[first : token.i + 1])), title or None, True, token.lower_, token.idx)


def hyphenated_name(token: Token) -> Speaker | None:
    """'… director of Amnesty International Man-kei Tam': a hyphenated given name with a lower-case
    second half ('Man-kei', 'Kin-man') starts the name, whatever NER and the parser made of the
    capitalised words before it, which are the title."""
    doc, i = token.doc, token.i
    if token.pos_ != "PROPN" or i < 3 or doc[i - 2].text != "-" or not doc[i - 1].is_lower or not doc[i - 3].is_title \
            or doc[i - 1].tag_ != "NNP":  # not "Texas-based Matt": a participle is no given name
        return None
    if doc[i - 3].whitespace_ or doc[i - 2].whitespace_:
        return None
    first = i - 3
    title = []
    for prior in reversed(doc[max(0, first - 12) : first]):
        if prior.is_punct or prior.is_space or prior.pos_ in {"VERB", "AUX", "PRON"}:
            break
        title.insert(0, prior)
    while title and title[0].pos_ == "DET":
        title = title[1:]
    return Speaker(doc[first : i + 1].text, text_of(title) or None, True, token.lower_, token.idx)


def describe(token: Token, own_clause: int = -1) -> Speaker:
    """Name and title from a subject token, without looking at the rest of the document."""
    hyphenated = hyphenated_name(token)
    if hyphenated is not None:
        return hyphenated
    alias = known_as(token)
    if alias is not None:
        named = describe(alias)
        return Speaker(named.name, text_of(phrase_tokens(token)), named.is_person, named.head, token.idx)
    tokens = phrase_tokens(token)
    person = person_in([t for t in tokens if t.i <= token.i])  # not "the mayor of <place>"
    if person is not None and token.pos_ == "NOUN" and person.end <= token.i:
        person = None  # "Sanders' campaign", "a top Trump adviser": the name only says whose; the noun speaks
    appositions = [c for c in token.children if c.dep_ == "appos"]
    if person is not None and person.end <= token.i and token.pos_ == "PROPN" and token.doc[token.i - 1].pos_ == "PROPN" \
            and any(t.pos_ == "NOUN" for t in token.doc[person.end : token.i]):
        return named_head(token, tokens)  # "Wynnum coach Matt Myers": NER kept only the club's name
    if person is None:
        for appos in appositions:
            person = person_in(list(appos.subtree))
            if person is not None:
                title = text_of([t for t in tokens if (t.dep_ != "det" or t.i != tokens[0].i) and t.i < appos.left_edge.i])
                return Speaker(clean_person(person), title.strip(" ,") or None, True, person.root.lower_, token.idx)
    if person is None and token.pos_ == "NOUN":
        for appos in appositions:  # "a State Department spokesperson, Morgan Ortagus," (NER missed the name)
            if appos.pos_ == "PROPN" and appos.ent_type_ not in PLACE_LABELS and appos.i > token.i:
                name = text_of([t for t in appos.subtree if t.i <= appos.i and t.dep_ != "det"])
                title = text_of([t for t in tokens if t.dep_ != "det" or t.i != tokens[0].i])
                return Speaker(name, title or None, True, appos.lower_, token.idx)
    if person is None and token.pos_ == "PROPN" and appositions:
        own = [t for t in tokens if t.i <= token.i and t.dep_ != "det"]
        titles = [text_of(list(a.subtree)).strip(" ,") for a in appositions if a.i > token.i]
        return Speaker(text_of(own), ", ".join(titles) or None, True, token.lower_, token.idx)

    if person is not None:
        name = clean_person(person)
        first = person.start
        while first > 1 and token.doc[first - 1].text == "-" and token.doc[first - 2].pos_ == "PROPN":
            first -= 2  # "Man-kei Tam" when NER kept only "Tam"
        while first > 0 and token.doc[first - 1].pos_ == "PROPN" and first < person.start and token.doc[first - 1].lower_ not in HONORIFICS:
            first -= 1
        if first < person.start and token.doc[first].text != "-":
            name = text_of(list(token.doc[first : person.start])).replace(" - ", "-").replace(" -", "-").replace("- ", "-") + " " + name
            name = name.replace("- ", "-")
        if person.end <= token.i and token.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in token.doc[person.end : token.i + 1]):
            name = " ".join([name] + [t.text for t in token.doc[person.end : token.i + 1]])  # NER stopped short
        before = [t for t in tokens if t.i < first and t.dep_ not in {"det", "punct"}]
        honorific = [t for t in person if t.lower_ in HONORIFICS]
        title_parts = [text_of(honorific + before)] if honorific or before else []
        for appos in appositions:
            if appos.i > person.end:
                title_parts.append(text_of(list(appos.subtree)).strip(" ,"))
        title = ", ".join(p for p in title_parts if p) or None
        return Speaker(name, title, True, person.root.lower_, token.idx)
    if token.pos_ == "NOUN" or token.ent_type_ == "NORP":  # "one Democrat familiar with the talks" names nobody
        tokens = description_tokens(token, tokens, own_clause)
    name = text_of(tokens) or token.text
    return Speaker(name, None, False, token.lemma_.lower(), token.idx)


# Post-modifiers that say which people a description means: "55 percent of all voters", "aides to
# X", "a source familiar with", "those surveyed", "people who lost their insurance".
DESCRIPTION_DEPS = frozenset({"prep", "relcl", "acl", "amod", "advmod"})
DESCRIPTION_WORDS = 16
TIME_PREPS = frozenset("during since until after before".split())
BREAKS = frozenset({",", ";", "(", "—", "\n"})  # punctuation that ends a description


def description_tokens(token: Token, tokens: list[Token], own_clause: int = -1) -> list[Token]:
    """An unnamed source's phrase with the modifiers after its head: the guide names an unnamed
    source by its description, and the head alone ("55 percent", "a source") says nobody.
    ``own_clause`` is the relative clause whose subject the phrase is (it reports, not describes)."""
    last = tokens[-1].i if tokens else token.i
    for late in (c for c in token.children if c.dep_ == "amod" and token.i < c.i <= last < c.right_edge.i):
        if late.right_edge.i - tokens[0].i < DESCRIPTION_WORDS and not any(t.text in BREAKS for t in late.subtree):
            last = late.right_edge.i  # "a source close to the campaign": the adjective's own complement
    for child in sorted(token.children, key=lambda t: t.i):
        if child.i <= last or child.dep_ not in DESCRIPTION_DEPS or child.left_edge.i != last + 1:
            continue
        if child.i == own_clause:
            break  # "some studies that reported C": the clause is the report, not the description
        if child.dep_ == "prep" and (child.lower_ in TIME_PREPS or any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)):
            break  # "a report from X during the weekend": when it spoke, not who
        if child.right_edge.i - tokens[0].i >= DESCRIPTION_WORDS or any(t.text in BREAKS for t in child.subtree):
            break
        last = child.right_edge.i
    out = list(token.doc[tokens[0].i : last + 1]) if tokens else [token]
    while out and (out[-1].is_punct or out[-1].is_space):
        out = out[:-1]
    return out

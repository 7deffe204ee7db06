"""Naming one phrase: a cue's subject as a name and a separate title, or an unnamed source's
description, read from the phrase alone (speakers.py brings in the rest of the document:
surnames, pronouns, earlier mentions)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._cache import doc_ents, doc_tokens
from .lexicon import PARTITIVE_HEADS

HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. dr dr. sir dame gen gen. general lt lt. col col. maj maj. sgt sgt. spc spc.
capt capt. cpl cpl. pvt pvt. adm adm. president minister prime secretary senator sen sen. rep rep.
chief superintendent inspector commander colonel major sergeant lieutenant captain admiral
commissioner governor mayor ambassador deputy representative king queen prince sheikh pope
bishop archbishop judge justice chancellor premier envoy spokesman spokeswoman spokesperson
sheriff prosecutor vice director chairman chairwoman attorney officer secretary-general mp mep
""".split())
NAME_LABELS = frozenset({"PERSON"})
# Entity labels an appositive name cannot carry ("a spokesperson, Morgan Ortagus," is never a place).
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "FAC"})
# Entity labels of a source that has a name: a person, a body, a nationality, a state.
NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
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
    plural: bool | None = None  # a description's grammatical number ("the researchers"); None for names


def is_named(token: Token) -> bool:
    """A name ('Reuters', 'the NDRRMC', 'Coles'), not a thing ('documents') or a pronoun."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTS


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


def name_asides(token: Token) -> list[Token]:
    """Phrases after a name that a comma sets off and that say when, where or how it spoke ('Ortiz,
    also in an interview,', 'DuPont, only two months later,'), not who it is."""
    if token.pos_ in {"NOUN", "PRON", "NUM"} or not token.text[:1].isupper():
        return []  # a description keeps what narrows it ('Several candidates, including Trump,', 'The aides, led by X,')
    return [c for c in token.children if c.i > token.i and c.dep_ in {"prep", "advmod", "advcl"}
            and c.lower_ not in {"including", "like"} and c.left_edge.i > 0 and token.doc[c.left_edge.i - 1].text == ","]


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
    for aside in name_asides(token):  # "Ortiz, also in an interview, defended …": the aside and its commas are no name
        keep = {i for i in keep if not aside.left_edge.i - 1 <= i <= aside.right_edge.i + 1}
    ordered = sorted(keep)
    # keep a contiguous run around the head; a name's run ends at its last word, not at a comma the parser
    # hangs on it after an aside ("Northwind, which does not publish its accounts, rejected"), while a
    # description runs on over it ("Several candidates, including the mayor,": PolNeAR's sources keep the aside)
    last = max((i for i in ordered if not token.doc[i].is_punct), default=token.i) if token.pos_ == "PROPN" else ordered[-1]
    end = max(last + 1, named_end(token))
    tokens = list(doc_tokens(token.doc)[ordered[0] : end])
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"cc", "case"}):  # "the mayor's": no "'s"
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "preconj"}):
        tokens = tokens[1:]
    return tokens


# entities whose names hold lower-case words the parser hangs elsewhere ("Committee to Protect
# Journalists", "Commission on Presidential Debates"), and the parts of speech of those words
ENTITY_NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC"})
NAME_JOINERS = frozenset({"ADP", "PART", "CCONJ"})  # "on", "to", "and" (and "the": ``joiner``)


def named_end(token: Token) -> int:
    """Where the name a phrase's head opens or sits in ends: the whole entity, not the parser's
    cut at its first preposition ('The Committee' of 'The Committee to Protect Journalists'). Only
    across capitalised words and at least one lower-case joining word: a title-case headline's entity
    ('Sanders Promises Action On …') or one running over a comma stays cut."""
    if token.ent_iob_ == "O" or token.ent_type_ not in ENTITY_NAME_LABELS:
        return token.i + 1
    tokens = doc_tokens(token.doc)
    end = token.i + 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":  # the entity runs on to here
        end += 1
    rest = tokens[token.i + 1 : end]
    joined = any(map(joiner, rest))
    return end if joined and all(t.text[:1].isupper() or joiner(t) or inner_hyphen(t) for t in rest) else token.i + 1


def joiner(token: Token) -> bool:
    """A lower-case word that joins the words of a name ("on", "to", "without", "and", "the")."""
    return token.is_lower and (token.pos_ in NAME_JOINERS or token.lower_ in {"to", "the"})


def inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("American-Islamic"), not a dash between spaces."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def person_in(tokens: list[Token]) -> Span | None:
    """The first PERSON entity inside a run of tokens."""
    if not tokens:
        return None
    doc = tokens[0].doc
    for ent in doc_ents(doc):
        if ent.label_ in NAME_LABELS and ent.start >= tokens[0].i and ent.end <= tokens[-1].i + 1:
            return ent
    return None


def appositive_person(appos: Token) -> Span | None:
    """The person an apposition names ('a spokesperson, Jane Roe,'), not one it only mentions as
    a modifier ('Lincoln, a Merkel backer,' is Lincoln, not Merkel): the apposition's head must lie
    inside the PERSON entity. PolNeAR train: changes 23 speakers and sources; by reading 18 better
    (15 now match gold), 2 worse (1 lost), 3 as wrong as before."""
    person = person_in(list(appos.subtree))
    if person is None or not person.start <= appos.i < person.end:
        return None
    return person


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
            person = appositive_person(appos)
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
        cut = min((a.left_edge.i for a in appositions if a.i > token.i), default=token.i + 1)
        of = {t.i for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i < cut for t in c.subtree}
        own = [t for t in tokens if (t.i <= token.i or t.i in of) and t.dep_ != "det"]  # "the University of California"
        while own and own[-1].is_punct:
            own = own[:-1]
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
    if token.pos_ == "NOUN" or token.ent_type_ == "NORP" or token.lower_ in PARTITIVE_HEADS or token.pos_ == "NUM":
        # "one Democrat familiar with the talks", "those surveyed", "most of them": the description
        anchor = next((c for c in token.children if c.dep_ == "quantmod" and c.i > token.i and c.pos_ == "NOUN"), token)
        tokens = with_qualifier(token, description_tokens(anchor, tokens, own_clause))  # "two-thirds of X"
    name = text_of(tokens) or token.text
    return Speaker(name, None, False, token.lemma_.lower(), token.idx, plural=grammatical_number(token))


def grammatical_number(token: Token) -> bool | None:
    """Whether a described source is plural ('the researchers') or singular ('the professor'), for
    'they' and 'it' to agree with; None when the head does not say ('55 percent of voters', 'most')."""
    if token.pos_ != "NOUN" or token.lower_ in PARTITIVE_HEADS or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    if any(c.dep_ == "conj" for c in token.children):
        return True  # 'the board and the bank' are they
    return {"NNS": True, "NN": False}.get(token.tag_)


# Post-modifiers that say which people a description means: "55 percent of all voters", "aides to
# X", "a source familiar with", "those surveyed", "people who lost their insurance".
DESCRIPTION_DEPS = frozenset({"prep", "relcl", "acl", "amod", "advmod"})
DESCRIPTION_WORDS = 24
TIME_PREPS = frozenset("during since until after before".split())
BREAKS = frozenset({",", ";", "(", "—", "\n"})  # punctuation that ends a description


def with_qualifier(token: Token, tokens: list[Token]) -> list[Token]:
    """'about half of voters', 'nearly three in five': the adverb before a description's head
    that says how many is part of who spoke (PolNeAR train sources keep it)."""
    if not tokens:
        return tokens
    first = tokens[0].i
    while first > 0 and token.doc[first - 1].dep_ in {"advmod", "quantmod"} and token.doc[first - 1].pos_ in {"ADV", "ADP"} \
            and token.doc[first - 1].head.i in {t.i for t in tokens}:
        first -= 1
    return list(token.doc[first : tokens[-1].i + 1])


RELATIVE_WORDS = frozenset("who whom whose which".split())


def relative_after(doc, comma: int) -> bool:
    """', who declined to be named': a comma that opens a relative clause on the last noun."""
    return doc[comma].text == "," and comma + 1 < len(doc) and doc[comma + 1].lower_ in RELATIVE_WORDS


def description_tokens(token: Token, tokens: list[Token], own_clause: int = -1) -> list[Token]:
    """An unnamed source's phrase with the modifiers after its head: the guide names an unnamed
    source by its description, and the head alone ("55 percent", "a source") says nobody.
    ``own_clause`` is the cue whose subject the phrase is: the clause that holds it reports, it does not
    describe."""
    if own_clause >= 0 and tokens and tokens[0].i < own_clause <= tokens[-1].i:
        # the run reached the cue over a comma the parser hung on the noun ("The seller asked for
        # the terms to be kept private, but …"): the phrase ends where the reporting clause opens
        tokens = [t for t in tokens if t.i < token.doc[own_clause].left_edge.i]
    last = tokens[-1].i if tokens else token.i
    for late in (c for c in token.children if c.dep_ == "amod" and token.i < c.i <= last < c.right_edge.i):
        if late.right_edge.i - tokens[0].i < DESCRIPTION_WORDS and not any(t.text in BREAKS for t in late.subtree):
            last = late.right_edge.i  # "a source close to the campaign": the adjective's own complement
    for child in sorted(token.children, key=lambda t: t.i):
        if child.i <= last or child.dep_ not in DESCRIPTION_DEPS or child.left_edge.i != last + 1:
            continue
        if child.left_edge.i <= own_clause <= child.right_edge.i:
            break  # "some studies that reported C", "a candidate who won by declaring C": the report
        if child.dep_ == "prep" and (child.lower_ in TIME_PREPS or any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)):
            break  # "a report from X during the weekend": when it spoke, not who
        stop = next((t.i for t in child.subtree if t.text in BREAKS), child.right_edge.i + 1) - 1
        if stop < child.right_edge.i and not relative_after(token.doc, stop + 1):
            break  # a list or an aside inside the phrase ('firms including X, Y and Z')
        if stop - tokens[0].i >= DESCRIPTION_WORDS or stop < child.i:
            break
        last = stop  # "an adviser to Trump, who declined to be named": up to the comma
        if stop < child.right_edge.i:
            break
    out = list(token.doc[tokens[0].i : last + 1]) if tokens else [token]
    while out and (out[-1].is_punct or out[-1].is_space):
        out = out[:-1]
    return out

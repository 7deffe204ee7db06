"""Reports the parser hides (extract/misparses.py) and the attribution shapes they sit beside
(extract/attributions.py, extract/reported.py), on passages of the bundled corpus (English
Wikinews, CC BY 2.5): what is reported and whose it is."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimledger.extract.extent import predicate_run
from claimledger.extract.misparses import misparsed_predicate
from claimledger.extract.names import describe

from .support import assert_reported, reported, same_name

DEWINE = (
    "In Ohio, which was planning to hold its primary election on Tuesday, Governor Mike DeWine postponed it, "
    "citing the health crisis."
)
EVERS = (
    "Yesterday, Tony Evers, the governor of Wisconsin, signed an executive order delaying the election until June, "
    "citing the health risks posed by the COVID-19 pandemic."
)
CBS = (
    "In the United States, over 244 thousand coronavirus cases were recorded, linking to at least 5,900 deaths. "
    "CBS News reported, citing Johns Hopkins University data, there were over 1,000 US deaths on Wednesday caused "
    "by coronavirus in the country."
)
OROURKE = (
    "According to reports, O'Rourke was not qualifying for the debate; two weeks before the November 13 deadline, "
    "O'Rourke had only reached 3 percent support in two qualifying polls, of which four are needed."
)
LOST52 = (
    "The Lost 52 Project announced on Sunday that a sunken World War II-era submarine wreck they found last June "
    "was the remains of the U.S.S. Grayback."
)
ROMNEY = (
    "Republican Senator Mitt Romney, a sometime Trump critic, said the peaceful transfer of power is what separates "
    "the U.S. from nations like Belarus, and described Trump's potential unwillingness as \"unthinkable and "
    "unacceptable.\""
)


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param(DEWINE, "the health crisis", "Mike DeWine", id="citing-a-reason"),
    pytest.param(EVERS, "the health risks posed by the COVID-19 pandemic", "Tony Evers", id="citing-after-an-object"),
])
def test_what_is_cited_is_the_claim_of_who_acted(run, text, content, source):
    """'X postponed it, citing C': C is X's stated reason, credited to X; the act is not a report."""
    items = reported(run(text))
    assert_reported(items, content, source)
    assert not [t for t, _, _ in items if t != content], items


def test_a_cited_source_still_credits_the_report(run):
    """'X reported, citing Y data, C': Y is where C came from, so Y is not itself the content."""
    items = reported(run(CBS))
    assert not [t for t, _, _ in items if t.startswith("Johns Hopkins")], items
    assert any("there were over 1,000 US deaths" in t and same_name(s, "CBS News") for t, s, _ in items), items


def test_an_opening_attribution_stops_at_a_semicolon(run):
    """'According to X, C1; C2': the phrase credits C1; C2 is the writer's own."""
    items = reported(run(OROURKE))
    assert ("O'Rourke was not qualifying for the debate", "reports", "attribution") in items, items


def test_a_that_clause_after_a_time_phrase_is_the_announcement(run):
    """'announced on Sunday that C': the parser hangs C on 'Sunday'; C is still what was announced."""
    items = reported(run(LOST52))
    content = "a sunken World War II-era submarine wreck they found last June was the remains of the U.S.S. Grayback"
    found = [s for t, s, _ in items if t == content]
    assert found and same_name(found[0], "The Lost 52 Project"), items


def test_a_named_speaker_with_an_apposition_says_the_clause(run):
    """'Senator X, a critic, said C': C is X's, whatever the parser made of the apposition."""
    items = reported(run(ROMNEY))
    found = [s for t, s, _ in items if t.startswith("the peaceful transfer of power is what separates")]
    assert found and same_name(found[0], ("Mitt Romney", "Republican Senator Mitt Romney")), items


ZNAK = (
    "Znak.com reported its source said \"three terrorists\" were killed in a firefight on Monday night, while "
    "footage from the scene showed the vehicle burn amid what sounds like gunfire."
)
PIERLUISI = (
    "By Sunday afternoon, Pierluisi said the Senate had no say in his confirmation since there was no longer a "
    "secretary of state, and that the courts should decide who holds the governorship."
)


def test_a_clause_may_open_on_a_quoted_fragment(run):
    """'said “three terrorists” were killed': paraphrase holding a partial quote is reported speech,
    not a direct quote the parse ran past."""
    items = reported(run(ZNAK))
    found = [s for t, s, _ in items if "three terrorists" in t[:20] and "were killed in a firefight" in t]
    assert found and same_name(found[0], "its source"), items


def test_a_second_that_clause_continues_the_statement(run):
    """'said C1, and that C2': both halves are what was said."""
    items = reported(run(PIERLUISI))
    found = [s for t, s, _ in items if t.startswith("the Senate had no say") and t.endswith("holds the governorship")]
    assert found and same_name(found[0], "Pierluisi"), items


USCIRF = (
    "This Thursday the United States Commission on International Religious Freedom (USCIRF) also criticized the "
    "move, this time not only implying approval would be required, but also recommending to maintain the status of "
    "the monument as a museum."
)


def test_a_participle_cue_borrows_the_subject_of_the_verb_above(run):
    """'X criticized the move, this time implying C': the parser gives 'implying' no subject; X,
    the subject of the verb it hangs on, is who implied C."""
    items = reported(run(USCIRF))
    found = [s for t, s, _ in items if t.startswith("approval would be required")]
    assert found and same_name(found[0], ("the United States Commission on International Religious Freedom",
                                          "the United States Commission")), items


NOVICHOK = (
    "The German government announced the tests by a military laboratory found Novichok in Navalny's blood, and "
    "said there was \"unequivocal\" proof he had been poisoned."
)


def test_a_clause_subject_taken_for_the_object_keeps_its_phrase(run):
    """'announced the tests by a laboratory found C': the parser makes 'the tests' the object and
    hangs 'by a laboratory' on the verb; the announcement is the whole clause, and the coordinated
    'and said …' is a report of its own."""
    items = reported(run(NOVICHOK))
    texts = [t for t, _, _ in items]
    assert "the tests by a military laboratory found Novichok in Navalny's blood" in texts, items
    assert 'there was "unequivocal" proof he had been poisoned' in texts, items


def test_an_acronym_spelled_like_who_is_a_source(run):
    """'WHO said C' (Wikinews, CC BY 2.5, bundled corpus; a tune document): the capitalised
    acronym is the World Health Organization, not the pronoun 'who' that names nobody."""
    text = (
        "According to the official WHO report yesterday, there had been 2741 confirmed cases, 80 deaths, 461 severe "
        "cases, and 5794 suspected cases in China, 37 confirmed cases in other countries.\n\n\nWHO said they are "
        "uncertain whether it may possible for the infected individuals to be infectious before symptoms show, "
        "during the incubation period."
    )
    items = reported(run(text))
    found = [s for t, s, _ in items if t.startswith("they are uncertain whether")]
    assert found and same_name(found[0], "WHO"), items


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("An autopsy determined the elephant was pregnant before she was cremated.",
                 "the elephant was pregnant before she was cremated", "An autopsy", id="autopsy-determined"),
    pytest.param("A Zogby International poll showed 55 percent of respondents believed Biden to be in the early "
                 "stages of dementia.", "55 percent of respondents believed Biden to be in the early stages of dementia",
                 ("A Zogby International poll", "Zogby International poll"), id="poll-showed"),
    pytest.param("The researchers watched bees in two orchards for a month and they found the bees visited fewer "  # invented
                 "trees in the rain.", "the bees visited fewer trees in the rain",
                 "The researchers", id="they-of-researchers-found"),
    pytest.param("The study's two authors had expected more microbes near the lava. They found there was so much "  # invented
                 "iron that the particles formed clumps.", "there was so much iron that the particles formed clumps",
                 "The study's two authors", id="they-of-authors-found"),
])
def test_what_evidence_established_is_credited_to_it(run, text, content, source):
    """'An autopsy determined C', 'a poll showed C' (Wikinews, CC BY 2.5, bundled corpus): C is the
    finding of the autopsy or poll."""
    items = reported(run(text))
    found = [s for t, s, _ in items if t == content]
    assert found and same_name(found[0], source), items


def test_a_finding_verb_without_evidence_reports_nothing(run):
    """'Police found the car was abandoned': what the police found is narrated, not claimed."""
    assert not reported(run("Police found the car was abandoned near the border.")), reported(
        run("Police found the car was abandoned near the border."))


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("Democrats claimed the election should decide who picks the next justice, citing the Republicans' "
                 "refusal to consider President Barack Obama's nomination of Merrick Garland after the death of "
                 "Antonin Scalia in 2016.", "the Republicans' refusal to consider President Barack Obama's nomination "
                 "of Merrick Garland after the death of Antonin Scalia in 2016", "Democrats", id="citing-after-a-claim"),
])
def test_what_is_cited_belongs_to_who_claimed(run, text, content, source):
    """The parser hangs 'citing' on the claimed clause; the one who cites is the claimant."""
    items = reported(run(text))
    found = [s for t, s, _ in items if t == content]
    assert found and same_name(found[0], source), items


def test_a_citing_aside_names_where_the_report_came_from(run):
    """'X, citing local groups, reported that C' (Wikinews, CC BY 2.5): the groups are X's informants."""
    text = ("The Daily Telegraph, citing local paramilitary groups, reported that the attack consisted of three "
            "rockets launched from helicopters.")
    items = reported(run(text))
    assert not [t for t, _, _ in items if t.startswith("local paramilitary")], items
    assert any(t == "the attack consisted of three rockets launched from helicopters" for t, _, _ in items), items


def test_that_said_is_an_idiom_not_a_report(run):
    """'That said, C' (Wikinews, CC BY 2.5) means 'even so': the writer's own C, credited to nobody."""
    text = ("That said, Red Hat is working on some \"low- or no-cost programs\" for users who cannot, for whatever "
            "reason, deploy CentOS Stream in their environment.")
    assert not [t for t, s, _ in reported(run(text)) if s and s.lower() == "that"], reported(run(text))


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("Chinese authorities have speculated the virus was transferred to humans from animals in a seafood "
                 "market in Wuhan, where most of the infected people were found.",
                 "the virus was transferred to humans from animals in a seafood market in Wuhan, where most of the "
                 "infected people were found", "Chinese authorities", id="speculated"),
])
def test_less_common_speech_verbs_report_their_clause(run, text, content, source):
    """'speculated C' (Wikinews, CC BY 2.5): a speech act like 'said' (on PolNeAR train each such verb
    before a that-clause introduces an annotated statement)."""
    items = reported(run(text))
    found = [s for t, s, _ in items if t == content]
    assert found and same_name(found[0], source), items


def test_advice_is_reported_like_a_directive(run):
    """'X advises citizens to continue paying' (Wikinews, CC BY 2.5): who was advised and what to do
    is X's statement, as with 'urged them to'."""
    text = "The Internal Revenue Service website advises citizens to continue paying their federal taxes."
    items = reported(run(text))
    found = [s for t, s, _ in items if t == "citizens to continue paying their federal taxes"]
    assert found and same_name(found[0], ("The Internal Revenue Service website", "Internal Revenue Service")), items


# Invented sentences (misparses.py): a 'that' clause hung on a phrase between cue and clause.
@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Kirby also said for the first time that some emails have been located.",
                 "some emails have been located", id="that-read-as-relative-adverb"),
    pytest.param("Obama had said in an ABC interview taped before the attacks that the United States had contained "
                 "the group.", "the United States had contained the group", id="participle-taken-for-the-clause"),
])
def test_a_that_clause_after_a_phrase_is_what_was_said(run, text, content):
    """'said <phrase> that C': C is the report, not the phrase before it."""
    items = reported(run(text))
    assert any(t == content for t, _, _ in items), items


def test_it_names_the_organisation_that_speaks(run):
    """'The ministry … It said C': 'it' stands for the ministry named before, not for nobody; 'it
    tells me that C' is 'it shows', not speech."""
    items = reported(run("The Ministry of Transport suspended 2,000 licences last month. It said inspectors had found "
                         "serious faults. Well, it tells me that they knew."))
    assert any(t == "inspectors had found serious faults" and same_name(s, "Ministry of Transport")
               for t, s, _ in items), items
    assert not any(t == "they knew" for t, _, _ in items), items


def test_a_speech_verb_tagged_as_a_noun_still_reports(run):
    """'Figures by X state C': the tagger reads 'state' as a noun, the parse still gives it a subject
    and a clause (an invented sentence)."""
    items = reported(run("Figures by the Peruvian government state some 900 clinics are operating in the country each year."))
    assert_reported(items, "some 900 clinics are operating in the country each year", "Figures by the Peruvian government")


def test_a_cue_verb_with_an_object_is_content(run):
    """'The shop has added two cashiers, she noted': 'add' with an object is a deed, part of what
    'noted' reports, not a report of its own (an invented sentence)."""
    items = reported(run("The shop has added two cashiers to the night shift, she noted."))
    assert any(t == "The shop has added two cashiers to the night shift" for t, _, _ in items), items


def test_a_closing_cue_joined_as_a_conjunct_reports_the_clause_before(run):
    """'C, the minister told a Senate panel.': the parser may join the closing cue to C as a
    conjunct with no 'and'; C is still what was told (an invented sentence)."""
    items = reported(run("This includes a special unit to train the local police, the minister told a Senate panel."))
    assert any(t == "This includes a special unit to train the local police" for t, _, _ in items), items


@pytest.mark.parametrize(("text", "content"), [
    pytest.param('Banks are part of the towns they serve, she said: "Part of the deal is clear."',
                 "Banks are part of the towns they serve", id="said-colon"),
    pytest.param('Schools belong to neighbourhoods with many voices, she said: "Part of the job is listening."',
                 "Schools belong to neighbourhoods with many voices", id="said-colon-after-a-phrase"),
])
def test_the_clause_before_a_cue_that_opens_a_quotation_is_reported(run, text, content):
    """'C, she said: “Q.”': Q is a direct quote; C, before the cue, is the report and the only one, though
    a quote before a cue ('C: “Q,” he said', ``reported.quoted_before``) reports the quote (invented)."""
    assert [t for t, _, _ in reported(run(text))] == [content]


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The plane crashed into a residential area, with local media reporting no-one was in the houses.",
                 "no-one was in the houses", "local media", id="with-x-reporting-c"),
    pytest.param("Fifteen people died, with officials reporting at the time that 150 guards were killed.",
                 "150 guards were killed", "officials", id="with-x-reporting-at-the-time-that-c"),
])
def test_a_with_phrase_reporter_is_credited_with_its_clause(run, text, content, source):
    """'…, with local media reporting C': the parser leaves the participle without its clause or its
    subject; the rest of the sentence is what the reporter said."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize("text", [
    pytest.param("With almost all precincts reporting, the race remained too close to call.", id="precincts-reporting"),
    pytest.param("He reignited the feud with the senator this week after writing a scathing column about him.",
                 id="with-far-before-the-participle"),
])
def test_a_with_phrase_that_reports_no_clause_is_no_report(run, text):
    """'With all precincts reporting, C': C is the writer's; 'a feud with X … after writing': no reporter."""
    assert not reported(run(text)), reported(run(text))


def test_a_participle_after_a_statement_noun_is_not_what_was_said(run):
    """'said in a statement issued …': the participle dates the statement; the clause before the cue
    is what was said (invented passage)."""
    text = ("The campaign attacked the judge as careless, biased and untrustworthy, spokesman Tom Ward said in a "
            "statement issued a half-hour before the rally was scheduled to begin.")
    items = reported(run(text))
    assert not [t for t, _, _ in items if t.startswith("a statement")], items
    assert_reported(items, "The campaign attacked the judge as careless, biased and untrustworthy", "Tom Ward")


@pytest.mark.parametrize(("text", "absent"), [
    pytest.param('"We never saw the money," she said as some wearing Ortega hats jeered.', "as some",
                 id="as-the-crowd-jeered"),
    pytest.param('"I have no idea how these nurses and doctors actually voted," she said of workers whose voting cards '
                 'were previously returned.', "whose voting cards", id="of-whom"),
])
def test_a_clause_of_when_or_of_whom_is_not_what_was_said(run, text, absent):
    """After a quote, 'said as C' and 'said of people whose C' tell when the words were said, or of
    whom; the quote is what was said (invented passages)."""
    items = reported(run(text))
    assert not [t for t, _, _ in items if t.startswith(absent)], items


def test_a_time_clause_inside_a_that_clause_stays_in_it(run):
    """'said that, after X, C': the subordinate clause opens the reported clause."""
    items = reported(run("Perez also said that, after the first festival, a circle of young painters formed."))
    assert_reported(items, "after the first festival, a circle of young painters formed", "Perez")


def test_a_while_clause_after_the_addressee_is_not_what_was_told(run):
    """'“…,” Ortega told volunteers in Tulsa, while members were meeting': the addressee and a clause of
    what went on meanwhile; the quote is what was told (invented passage)."""
    text = ('"Look at what happened in the north," Ortega told volunteers in Tulsa, Oklahoma, while 300 members in '
            'the capital were meeting.')
    items = reported(run(text))
    assert not [t for t, _, _ in items if t.startswith("volunteers")], items


def test_an_addressee_before_a_comma_still_leaves_the_clause_reported(run):
    """'Ortega told the paper, her policy would …': the clause after the addressee is the report."""
    items = reported(run("Instead, Ortega told the paper, her policy would merely be to freeze the fees."))
    assert [t for t, _, _ in items if "her policy would merely be to freeze the fees" in t], items


def test_a_predicate_hung_on_its_subject_ends_where_the_next_clause_begins(nlp):
    """The parser can hang a predicate on its subject as a participle and make that subject the subject of
    the next clause's verb as well. 'asked' is then still a predicate (the next verb has a subject of its
    own), and what it reports ends before ', but the chairman stated …' (a parse the default model gives such
    a sentence inside some articles, built here by hand on an invented one)."""
    words = "The club asked for the fee to stay private , but the chairman stated the transfer was funded .".split()
    heads = [1, 13, 1, 7, 5, 7, 7, 2, 7, 1, 1, 12, 13, 13, 15, 17, 17, 13, 13]
    deps = ["det", "nsubj", "acl", "mark", "det", "nsubj", "aux", "advcl", "acomp", "punct", "cc", "det", "nsubj",
            "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "TO", "VB", "JJ", ",", "CC", "DT", "NN", "VBD", "DT", "NN", "VBD",
            "VBN", "."]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "PART", "VERB", "ADJ", "PUNCT", "CCONJ", "DET", "NOUN",
           "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    club, asked = doc[1], doc[2]
    assert misparsed_predicate(asked)
    assert " ".join(t.text for t in predicate_run(asked)) == "for the fee to stay private"
    assert describe(club, asked.i).name == "The club"  # not "The club asked for the fee …": the run stops at the cue

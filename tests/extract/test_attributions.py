"""Attributions: content credited to a source ("according to X, C" and its relatives).

The guide's `reported` layer: "according to Y, X", "X, according to Y", "as reported by Y, X",
"in a report by Y, X", "Y states that X", "Y reported X", and the impersonal "it was reported
that X" (no source). The text is the content clause only, not the source or the cue. Sources
may be people, organisations, outlets, documents ("US intelligence reports") or descriptions.
Indirect quotes and attributions are both "reported" for the scorer, so either may hold a case.

Passages are real corpus text, a sentence or two each.
"""

from __future__ import annotations

import pytest

from .support import reported, same_name

DEV_OPENING = (
    "According to US intelligence reports, the Kremlin is recruiting Syrian volunteers to fight in their "
    "invasion of Ukraine. Moscow appears to be seeking Syrians with urban combat experience to help bolster "
    "their campaign to take hold of Ukraine. As reported by Ukrainian news sources, the move hints at a "
    "probable escalation of fighting in the coming days amid suffering almost 12,000 casualties. The Russians "
    "heavily dispute this number, reporting just about 500 casualties last week, while the Pentagon states "
    "that 4,000 Russian troops had died."
)

# (passage, content clause (or acceptable clauses), source)
ATTRIBUTIONS = [
    # according to X, C / C, according to X
    pytest.param(DEV_OPENING, "the Kremlin is recruiting Syrian volunteers to fight in their invasion of Ukraine",
                 ("US intelligence reports", "US intelligence"), id="according-to-document-leading"),
    pytest.param(
        "According to AFP, other buildings in Salaheddin are similarly close to collapse.",
        "other buildings in Salaheddin are similarly close to collapse", "AFP",
        id="according-to-outlet-leading",
    ),
    pytest.param(
        "According to the filing, Ford voluntarily disclosed this matter to the U.S. Environmental Protection "
        "Agency on February 18, and also to the California Air Resources Board on February 21.",
        "Ford voluntarily disclosed this matter to the U.S. Environmental Protection Agency on February 18, and "
        "also to the California Air Resources Board on February 21",
        "the filing",
        id="according-to-document-description",
    ),
    pytest.param(
        "According to Chief Superintendent Graciano Mijares of the police of the Autonomous Region in Muslim "
        "Mindanao, the confirmed deaths are fourteen civilians, five Armed Forces personnel, and one member of "
        "the Coast Guard.",
        "the confirmed deaths are fourteen civilians, five Armed Forces personnel, and one member of the Coast "
        "Guard",
        "Graciano Mijares",
        id="according-to-person-with-title",
    ),
    pytest.param(
        "According to Professor Sergey Dydykin, who is both co-chairman of the organizing committee and head of "
        "the academic department of operative surgery and topographic anatomy of the First MSMU, in the United "
        "States and Europe it is not customary to teach manual skills, such as manual surgical techniques, to "
        "undergraduates.",
        "in the United States and Europe it is not customary to teach manual skills, such as manual surgical "
        "techniques, to undergraduates",
        "Sergey Dydykin",
        id="according-to-person-who-is-described",
    ),
    pytest.param(
        "The roof of Notre Dame cathedral in French capital Paris caught fire yesterday. According to officials, "
        "the two bell towers were saved. ",
        "the two bell towers were saved", "officials",
        id="according-to-description",
    ),
    pytest.param(
        "Ford started its investigation by hiring law firm Sidley Austin, according to The Verge.",
        "Ford started its investigation by hiring law firm Sidley Austin", "The Verge",
        id="according-to-outlet-trailing",
    ),
    pytest.param(
        "A second fire on Saturday, eighteen kilometres away in a another block of flats in La Llagosta, killed "
        "another person, according to firefighters.",
        "A second fire on Saturday, eighteen kilometres away in a another block of flats in La Llagosta, killed "
        "another person",
        "firefighters",
        id="according-to-description-trailing",
    ),
    pytest.param(
        "Dayton was mortally wounded in the vicinity of Ayn Issa in northern Syria, according to a Combined "
        "Joint Task Force - Operation Inherent Resolve news release.",
        "Dayton was mortally wounded in the vicinity of Ayn Issa in northern Syria",
        "Combined Joint Task Force - Operation Inherent Resolve news release",
        id="according-to-document-trailing",
    ),
    pytest.param(
        "More than 1000 people have been arrested since the protests began in June, according to The Guardian.",
        "More than 1000 people have been arrested since the protests began in June", "The Guardian",
        id="according-to-newspaper-trailing",
    ),
    pytest.param(
        "The occupants were going to a dance competition, according to the mayor of Yartsevo via news agency "
        "Interfax.",
        "The occupants were going to a dance competition", ("mayor of Yartsevo", "the mayor of Yartsevo"),
        id="according-to-description-via-agency",
    ),
    pytest.param(
        "ABC reported that Pohiva received medical treatment in New Zealand for problems with his liver this "
        "year. In the wake of Pohiva's death, Tonga's parliament, the Legislative Assembly, was suspended "
        "indefinitely according to local media.",
        "In the wake of Pohiva's death, Tonga's parliament, the Legislative Assembly, was suspended indefinitely",
        "local media",
        id="according-to-without-comma",
    ),
    pytest.param(
        "These reports of Russia tapping foreign forces come as the Russian advance towards the Ukrainian "
        "capital has continued to stall even with Moscow engaging nearly 100% of its invasion force, according "
        "to a Senior Defence Official from the Pentagon.",
        "These reports of Russia tapping foreign forces come as the Russian advance towards the Ukrainian "
        "capital has continued to stall even with Moscow engaging nearly 100% of its invasion force",
        ("Senior Defence Official", "Senior Defence Official from the Pentagon"),
        id="according-to-unnamed-official",
    ),
    pytest.param(
        "At least seventeen people died and 35 were rescued, according to officials, some of whom were "
        "hospitalised.",
        "At least seventeen people died and 35 were rescued", "officials",
        id="according-to-mid-sentence-closes-its-clause",
    ),
    pytest.param(
        "The Liberal Party, which previously controlled a majority of the House of Commons, lost a net of 20 "
        "seats, according to preliminary reports, resulting in a minority government.",
        "The Liberal Party, which previously controlled a majority of the House of Commons, lost a net of 20 seats",
        "preliminary reports",  # the report names itself, as the guide's annotators wrote it
        id="according-to-mid-sentence-before-a-participle",
    ),
    pytest.param(  # invented: a clause left at its copula goes on after the phrase
        "Two of the victims were, according to the coroner, children under ten.",
        "Two of the victims were, according to the coroner, children under ten", "the coroner",
        id="according-to-after-a-copula-sits-inside-its-clause",
    ),
    pytest.param(  # invented: reports from many hands name no one source
        "Three or four ships were found near the island, according to varying reports.",
        "Three or four ships were found near the island", None, id="according-to-varying-reports",
    ),
    pytest.param(  # invented: a compound tense ('has called') closes the clause as well
        "The council has twice voted against the plan, according to the city clerk, who keeps the minutes.",
        "The council has twice voted against the plan", "the city clerk",
        id="according-to-mid-sentence-after-a-compound-tense",
    ),
    pytest.param(  # invented
        "Her budget would cut only $2 billion over five years, according to the Fiscal Office - a small share.",
        "Her budget would cut only $2 billion over five years", "the Fiscal Office",
        id="according-to-mid-sentence-after-a-modal",
    ),
    # reportedly: the clause the adverb sits in (invented passages)
    pytest.param(
        "Although the mayor reportedly met the developers, the council approved the plan.",
        "the mayor reportedly met the developers", None, id="reportedly-in-a-subordinate-clause",
    ),
    pytest.param(
        "In all, the thieves have reportedly taken more than 40 paintings, leaving collectors worried.",
        "the thieves have reportedly taken more than 40 paintings", None, id="reportedly-without-frame-or-participle",
    ),
    # X was said / reported to VP: the passive's clause, credited to nobody (invented passages)
    pytest.param(
        "The guard was taken to a clinic. He was reported to be in stable condition on Sunday.",
        "He was reported to be in stable condition on Sunday", None, id="was-reported-to",
    ),
    pytest.param(
        "The senator, who is said to have pressed for the amendment, declined to comment.",
        "is said to have pressed for the amendment", None, id="relative-who-is-said-to",
    ),
    # as reported by X, C / in a report by X, C
    pytest.param(DEV_OPENING, "the move hints at a probable escalation of fighting in the coming days amid "
                 "suffering almost 12,000 casualties", "Ukrainian news sources", id="as-reported-by-outlets"),
    pytest.param(
        "As reported by Kirby, Belarus, a Russian ally whose border was used as a staging ground for the "
        "Ukrainian invasion, has yet to show signs of its own troops partaking in the invasion.",
        "Belarus, a Russian ally whose border was used as a staging ground for the Ukrainian invasion, has yet "
        "to show signs of its own troops partaking in the invasion",
        "Kirby",
        id="as-reported-by-person",
    ),
    pytest.param(
        "As Deputy Secretary of State Antony Blinken announced today at the Manama Dialogue, the United States "
        "will provide nearly $100 million in new assistance to the Syrian opposition, bringing the total support "
        "we have committed and are providing to the Syrian opposition since 2012 to nearly $500 million.",
        "the United States will provide nearly $100 million in new assistance to the Syrian opposition, bringing "
        "the total support we have committed and are providing to the Syrian opposition since 2012 to nearly "
        "$500 million",
        "Antony Blinken",
        id="as-x-announced",
    ),
    pytest.param(
        "In an exclusive report by a Syrian publication known as Deir Ezzor 24, Russia was said to be offering "
        "monetary compensation ranging from $200 to $300 and additional privileges to Syrians willing to go to "
        "Ukraine and operate as “guards” for a six month period.",
        "Russia was said to be offering monetary compensation ranging from $200 to $300 and additional "
        "privileges to Syrians willing to go to Ukraine and operate as “guards” for a six month period",
        "Deir Ezzor 24",
        id="in-a-report-by-publication",
    ),
    pytest.param(
        "According to a report on Wednesday by UpGuard, a cybersecurity firm, two databases containing user "
        "data from Facebook were found on Amazon.com web servers accessible to the public on the internet.",
        "two databases containing user data from Facebook were found on Amazon.com web servers accessible to "
        "the public on the internet",
        "UpGuard",
        id="according-to-a-report-by-firm",
    ),
    # X states / reported that C
    pytest.param(DEV_OPENING, "4,000 Russian troops had died", "the Pentagon", id="x-states-that-c"),
    pytest.param(DEV_OPENING, "just about 500 casualties last week", ("the Russians", "Russians"),
                 id="x-dispute-reporting-c"),
    pytest.param(
        "ABC reported that Pohiva received medical treatment in New Zealand for problems with his liver this "
        "year.",
        "Pohiva received medical treatment in New Zealand for problems with his liver this year", "ABC",
        id="x-reported-that-c",
    ),
    pytest.param(
        "The New York Times reported that, in a phone call in late July, Trump might have encouraged newly "
        "elected Ukrainian president Volodymyr Zelensky to investigate Hunter Biden, the son of Joe Biden, who "
        "served as Vice President from 2008 until 2016.",
        "in a phone call in late July, Trump might have encouraged newly elected Ukrainian president Volodymyr "
        "Zelensky to investigate Hunter Biden, the son of Joe Biden, who served as Vice President from 2008 "
        "until 2016",
        "The New York Times",
        id="x-reported-that-comma-c",
    ),
    pytest.param(
        "The local police chief and two others were also injured. Al Jazeera reported that Wiranto was flown to "
        "a hospital in Jakarta, and that his condition was stable.",
        ("Wiranto was flown to a hospital in Jakarta, and that his condition was stable",
         "Wiranto was flown to a hospital in Jakarta"),
        "Al Jazeera",
        id="x-reported-that-c-and-that-c",
    ),
    pytest.param(
        "Brenton Tarrant had a valid gun licence allowing him to buy weapons, ABC reported.",
        "Brenton Tarrant had a valid gun licence allowing him to buy weapons", "ABC",
        id="c-x-reported",
    ),
    # impersonal
    pytest.param(
        "However, they have already recorded casualties. It was reported that a convoy of 56 Chechen tanks and "
        "their general Magomed Tushayev, head of the 141 motorized regiment of the Chechnya National Guard, had "
        "been killed by Ukrainian forces.",
        "a convoy of 56 Chechen tanks and their general Magomed Tushayev, head of the 141 motorized regiment of "
        "the Chechnya National Guard, had been killed by Ukrainian forces",
        None,
        id="it-was-reported-that-c-no-source",
    ),
]


# What evidence showed, a court found, or someone owned up to (passage, content clause, source).
FINDINGS = [
    pytest.param(
        "Footage from the City University Student Union showed a group of protesters throwing things as they "
        "ran away from police.",
        "a group of protesters throwing things as they ran away from police",
        ("Footage from the City University Student Union", "City University Student Union"),
        id="footage-showed-x-doing-y",
    ),
    pytest.param(
        "After his conviction in that case last summer, Manafort agreed to help with Robert Mueller's "
        "investigation. However, some months later, the judge in that case determined Manafort had lied and "
        "violated that deal.",
        "Manafort had lied and violated that deal", ("the judge in that case", "judge"),
        id="judge-determined",
    ),
    pytest.param(
        "On Friday in Pakistan, Mohammed Waseem, brother of social media personality and feminist Qandeel Baloch, "
        "was sentenced for her murder to life in prison by a court in Multan. Even though Waseem confessed to "
        "acting alone, several alleged accomplices were tried by the same court.",
        "acting alone", ("Mohammed Waseem", "Waseem"),
        id="confessed-to-a-deed",
    ),
    pytest.param(
        "The couple encouraged attendees to continue developing their technique, sharing that all professional "
        "fursuit makers had developed different techniques.",
        "all professional fursuit makers had developed different techniques", "The couple",
        id="sharing-that",
    ),
    pytest.param(  # a forecast, nobody named; the conjunction opening the clause is not what was said
        "Though Lorenzo was forecast to diminish from a hurricane to a tropical storm, gusts of wind were "
        "forecast to reach 60–80 mph (about 95–130 km/h).",
        "Lorenzo was forecast to diminish from a hurricane to a tropical storm", None,
        id="was-forecast-to",
    ),
    pytest.param(  # a passive directive: what was asked of them, by nobody named
        "Stavanger Airport, Sola was to open on Wednesday morning, but returning to normal service was expected "
        "to take longer. Affected travelers were advised to contact their airlines for rebooking.",
        "to contact their airlines for rebooking", None,
        id="were-advised-to",
    ),
    pytest.param(  # a passive accusation: the deed after 'of', with its 'and of …', by nobody named
        "The clerk was later accused of taking bribes from two contractors, and of hiding the payments, "
        "which he denied.",
        "taking bribes from two contractors, and of hiding the payments, which he denied", None,
        id="was-accused-of-doing",
    ),
    pytest.param(  # an opening 'Reportedly' speaks for the sentence, though the parser hangs it on the number
        "The fire reportedly started at about 19:00 local time (1700 UTC). Reportedly over 400 firefighters "
        "participated in extinguishing the blaze.",
        "over 400 firefighters participated in extinguishing the blaze", None,
        id="reportedly-opening-a-sentence",
    ),
]


def test_a_name_given_in_an_aside_reports_nothing(run):
    """'X, named after Y, has done Z' describes X: 'named' reports no words."""
    items = reported(run(
        "The Lost 52 Project, named after the number of U.S. Navy submarines sunk during World War II, has "
        "previously located several of those vessels using data released by the U.S. Navy."))
    assert not any("has previously located" in t for t, _, _ in items), items


@pytest.mark.parametrize(("text", "content", "source"), ATTRIBUTIONS + FINDINGS)
def test_attribution(run, text, content, source):
    items = reported(run(text))
    options = content if isinstance(content, tuple) else (content,)
    found = [(t, s, kind) for t, s, kind in items if t in options]
    assert found, f"{options[0]!r} not reported; reported: {items}"
    assert same_name(found[0][1], source), f"credited to {found[0][1]!r} ({found[0][2]})"


@pytest.mark.parametrize("text", [
    "The gunman is accused of a massacre at a church in the town.",
    "The treasurer was never accused of taking any money from the fund.",
    "The driver was accused by his employer of falsifying the logbooks.",
])
def test_an_accusation_of_no_deed_or_with_its_accuser_reports_no_unnamed_claim(run, text):
    """'accused of a massacre' names no deed, 'never accused of' no claim, and 'accused by X of'
    is X's accusation, not an unnamed report."""
    assert not [a for a in run(text).attributions if a.cue.endswith("accused of")]


def test_an_opening_in_his_view_credits_the_clause_to_him(run):
    """'In his view, C' gives C as the view of the man just named, as 'according to him' would;
    'in my view' is the writer's and a view inside the clause qualifies a phrase."""
    items = reported(run("Tom Roe came to support the team from his home town. In his view, the hardest part was the "
                         "theory. In my view, the contest is too long. The case deserved, in his view, a full trial."))
    assert [(t, s) for t, s, _ in items] == [("the hardest part was the theory", "Tom Roe")]


def test_according_to_you_asks_and_reports_nothing(run):
    """An interviewer's question 'What, according to you, makes ...?' credits nothing to anybody."""
    items = reported(run("((WN))  What according to you makes the game beautiful?\n\n((Ann Roe))  Its patience."))
    assert not any("makes the game beautiful" in t for t, _, _ in items), items


def test_in_his_statement_credits_the_clauses_subject(run):
    """'In his statement, X found C': the possessive points ahead to the subject, not back to the
    leader quoted in the paragraph before (Wikinews, bundled corpus)."""
    text = ("Iran's Supreme Leader Ali Khamenei vowed revenge, saying \"all who have a connection to the resistance "
            "seek his blood revenge.\"\n\n\nIn his statement, Israeli Prime Minister Benjamin Netanyahu found the "
            "air strike justified and called Trump's order swift, forceful and decisive.")
    found = [(t, s) for t, s, _ in reported(run(text)) if t.startswith("Israeli Prime Minister")]
    assert found and same_name(found[0][1], "Benjamin Netanyahu"), reported(run(text))


@pytest.mark.parametrize("text", [
    pytest.param("The unmasking came to light shortly thereafter in a release of documents related to alleged FISA "
                 "abuse, which President Trump described as \"Obamagate.\"", id="in-a-release-on-a-participle"),
    pytest.param("In a release of the new schedule, the league moved two games to Sunday.", id="release-of-a-thing"),
])
def test_a_report_noun_that_credits_nobody(run, text):
    """'in a release' hung on a participle rather than the clause's verb (Wikinews, bundled corpus),
    and a release of a thing rather than by someone, credit no source with the sentence."""
    assert not [a for a in run(text).attributions], run(text).attributions


@pytest.mark.parametrize("text", [
    "The army is expected to leave the town by Friday.",  # a plan, not a report
    "The minister was reported by state radio to have resigned.",  # the agent is the source: no unnamed report
])
def test_a_passive_with_an_infinitive_that_is_no_unnamed_report(run, text):
    assert not [t for t, s, _ in reported(run(text)) if s is None], reported(run(text))


def test_quoted_words_in_an_attributed_clause_are_the_sources(run):
    """'According to X, … “social ladders” …': the quoted words are X's, as they would be after 'X said'
    (invented sentence; the corpus without the check gold holds 11 such quotes)."""
    record = run("According to Ortiz, the contest serves as one of the \"social ladders\" for young doctors.")
    (quote,) = [q for q in record.quotes if q.kind == "direct"]
    assert quote.text == "social ladders" and same_name(quote.speaker, "Ortiz")


def test_one_quoted_word_in_an_attributed_clause_is_a_scare_quote(run):
    record = run("The town is guarded by the regime's \"guards\", according to residents who fled last week.")
    assert [q.text for q in record.quotes if q.kind == "direct"] == []


def test_a_report_of_what_someone_said_holds_both_claims(run):
    """'X said C, according to Y': Y reports X's saying (speaker, verb and all) and X reports C; the
    outer claim is not the inner one said twice. 'X said C in an interview' stays one report."""
    items = reported(run("On Monday, Ann Roe said she was \"happy to see\" that the bridge had reopened, according to "
                         "The Harbour Gazette."))
    assert ("On Monday, Ann Roe said she was \"happy to see\" that the bridge had reopened", "The Harbour Gazette",
            "attribution") in items, items
    assert any(t.startswith("she was") and same_name(s, "Ann Roe") for t, s, _ in items), items
    items = reported(run("Ann Roe said in an interview with a local radio station that the bridge would reopen."))
    assert len(items) == 1, items


def test_an_aside_inside_a_phrase_credits_no_clause(run):
    """'killed at least 62, including, according to X, 54 small children': X speaks of the 54 alone, so the
    clause around the aside (and its 62) is not X's report."""
    items = reported(run("The outbreak had infected over 4,200 residents since October and killed at least 62, "
                         "including, according to government reports, 54 small children."))
    assert not [t for t, _, _ in items if t.startswith("The outbreak")], items


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The Green Party, in its statement, said the mayor was a decent man.", "the mayor was a decent man",
                 "The Green Party", id="in-its-statement-said"),
    pytest.param("The league, in a press release on Friday, reported that with the new schedule, attendance rose.",
                 "with the new schedule, attendance rose", "The league", id="in-its-release-reported-that"),
])
def test_where_something_was_said_is_no_second_claim(run, text, content, source):
    """'X, in its statement, said C': the phrase says where X said C; C is the one claim, not the sentence."""
    items = reported(run(text))
    assert [(t, same_name(s, source)) for t, s, _ in items] == [(content, True)], items

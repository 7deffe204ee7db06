"""Quotation marks: which passages of raw text are inside quotation marks.

The guide's rule (docs/annotation-guide.md, direct_quotes): a quote's text is exactly the
words between the opening and the closing mark, marks excluded. A quote running over several
paragraphs repeats the opening mark on each paragraph and closes only at the end: it is one
passage. Marks work the same straight or curly, and single quotes nested in a double-quoted
passage stay inside it. Whether a marked passage is *speech* is decided later (test_quotes).

Every text is from the bundled corpus (src/claimledger/corpus/README.md), shortened where marked by the id.
"""

from __future__ import annotations

import pytest

from claimledger.extract.marks import quote_spans

from .support import FOREIGN_OFFICE

MARKS = [
    pytest.param(
        'Trump said on Friday "I can do it [call a national emergency] if I want. I may do it." '
        "Trump also said that he would prefer to agree a solution with the opposition. "
        'He also said, "I never threaten anybody."',
        ["I can do it [call a national emergency] if I want. I may do it.", "I never threaten anybody."],
        id="straight-double-marks",
    ),
    pytest.param(
        "“We got to shoot with them for the past two weeks before this exercise,” said Spc. Lorraine Walsh, "
        "an artillery crewmember and native of Vermillion, South Dakota. “Working with them was enjoyable; "
        "the Jordanians are extremely knowledgeable with their systems.” ",
        [
            "We got to shoot with them for the past two weeks before this exercise,",
            "Working with them was enjoyable; the Jordanians are extremely knowledgeable with their systems.",
        ],
        id="curly-double-marks",
    ),
    pytest.param(
        "Following the vote, a United States Department of State spokesperson, Morgan Ortagus, indicated the "
        "United States was disappointed by the Parliament's decision: \"While we await further clarification "
        "on the legal nature and impact of today's resolution,\" he said, \"we strongly urge Iraqi leaders to "
        "reconsider the importance of the ongoing economic and security relationship between the two "
        'countries and the continued presence of the Global Coalition to Defeat ISIS".',
        [
            "While we await further clarification on the legal nature and impact of today's resolution,",
            "we strongly urge Iraqi leaders to reconsider the importance of the ongoing economic and security "
            "relationship between the two countries and the continued presence of the Global Coalition to "
            "Defeat ISIS",
        ],
        id="quote-split-by-he-said-is-two-passages",
    ),
    pytest.param(
        FOREIGN_OFFICE,
        [
            "The Foreign Secretary met Russian Foreign Minister Sergei Lavrov earlier today on the margins of "
            "the UNGA meeting in New York, their first face-to-face meeting since Boris Johnson was appointed.\n\n"
            "“Mr Johnson also raised the situation in Ukraine, where there are continued violations of the Minsk "
            "agreements, and stressed the need for a sustainable ceasefire in Eastern Ukraine.\n\n"
            "“The Foreign Secretary was clear that while ongoing disagreements mean it is too early to normalise "
            "diplomatic relations, it is right that both countries continue to discuss important global issues.",
        ],
        id="multi-paragraph-quote-repeats-opening-mark",
    ),
    pytest.param(
        "A Foreign Office spokesman said:\n"
        "“The Foreign Secretary met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss a range of "
        "issues including the ongoing fight and the progress being made against Daesh in Iraq. They also "
        "discussed military, humanitarian and stabilisation planning for forthcoming operations to free the city "
        "of Mosul.\n"
        "“The Foreign Secretary underlined the UK’s commitment to supporting the government of Iraq to defeat "
        "terrorism and to give all Iraqis new hope for the future. They also agreed to work together with "
        "international partners and at the UN on a global campaign to bring Daesh to justice.”",
        [
            "The Foreign Secretary met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss a range of "
            "issues including the ongoing fight and the progress being made against Daesh in Iraq. They also "
            "discussed military, humanitarian and stabilisation planning for forthcoming operations to free the "
            "city of Mosul.\n"
            "“The Foreign Secretary underlined the UK’s commitment to supporting the government of Iraq to "
            "defeat terrorism and to give all Iraqis new hope for the future. They also agreed to work together "
            "with international partners and at the UN on a global campaign to bring Daesh to justice.",
        ],
        id="multi-paragraph-quote-single-newlines",
    ),
    pytest.param(
        "At Ballot Access News, AIP vice chairman Mark Seidenberg commented:\n"
        '"[Kamala Harris is] Constitutionally ineligible to serve as VPOTUS (Vice President of the United '
        "States). At [her] birth her parents were from foreign\n"
        "countries and not US citizens, viz., she is not a natural born citizen. Then she [grew] up in her "
        'formative years in Canada and graduated from a high school in Canada." ',
        [
            "[Kamala Harris is] Constitutionally ineligible to serve as VPOTUS (Vice President of the United "
            "States). At [her] birth her parents were from foreign\n"
            "countries and not US citizens, viz., she is not a natural born citizen. Then she [grew] up in her "
            "formative years in Canada and graduated from a high school in Canada.",
        ],
        id="quote-broken-over-lines-without-repeated-mark",
    ),
    pytest.param(
        "“I’m convinced tankers are the key to global reach, “Caughlin said. “If we don’t get there, fighters, "
        "bombers, and airlifters won’t get there without the tanker. We’ve got to get that gas to the "
        "warfighter.”",
        [
            "I’m convinced tankers are the key to global reach,",
            "If we don’t get there, fighters, bombers, and airlifters won’t get there without the tanker. "
            "We’ve got to get that gas to the warfighter.",
        ],
        id="unbalanced-opening-mark-typed-as-closing",
    ),
    pytest.param(
        "“SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, and continue to make progress "
        "in clearing areas north and west of Raqqah,” Cook said. “In support of these operations, the "
        "coalition in the last 24 hours conducted 10 airstrikes, including strikes against both tactical units "
        'and the oil infrastructure that provides ISIL’s shrinking financial support."',
        [
            "SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, and continue to make progress "
            "in clearing areas north and west of Raqqah,",
            "In support of these operations, the coalition in the last 24 hours conducted 10 airstrikes, "
            "including strikes against both tactical units and the oil infrastructure that provides ISIL’s "
            "shrinking financial support.",
        ],
        id="unbalanced-curly-opening-straight-closing",
    ),
    pytest.param(
        'Paul McCartney wrote on Twitter, "Ginger Baker, great drummer, wild and lovely guy. We worked '
        "together on the 'Band on the Run' album in his ARC Studio, Lagos, Nigeria. Sad to hear that he died "
        'but the memories never will."',
        [
            "Ginger Baker, great drummer, wild and lovely guy. We worked together on the 'Band on the Run' "
            "album in his ARC Studio, Lagos, Nigeria. Sad to hear that he died but the memories never will.",
        ],
        id="nested-single-quotes-stay-inside",
    ),
    pytest.param(
        "\"The theme 'Equal for All' is an effort of the Railways to promote more women workforce and empower "
        "them.  Women of today are no less to any men, be it in any field.  I hope through such initiatives, "
        "more number of women are motivated to take up jobs in their respective fields of interest\", Garg "
        "told Star of Mysore.",
        [
            "The theme 'Equal for All' is an effort of the Railways to promote more women workforce and "
            "empower them.  Women of today are no less to any men, be it in any field.  I hope through such "
            "initiatives, more number of women are motivated to take up jobs in their respective fields of "
            "interest",
        ],
        id="nested-single-quotes-at-quote-start",
    ),
    pytest.param(
        "“The CJTF-OIR commanding general, Lt. Gen. Stephen J. Townsend, made it clear during his Dec.14th "
        "press conference that we would strike the equipment before it posed a threat to counter-ISIL "
        "operations,” said Col. John “J.D.” Dorrian, the CJTF-OIR spokesperson. “We will not allow ISIL to "
        "maintain capabilities that threaten Coalition or partner forces.”",
        [
            "The CJTF-OIR commanding general, Lt. Gen. Stephen J. Townsend, made it clear during his Dec.14th "
            "press conference that we would strike the equipment before it posed a threat to counter-ISIL "
            "operations,",
            "J.D.",
            "We will not allow ISIL to maintain capabilities that threaten Coalition or partner forces.",
        ],
        id="nickname-marks-between-quotes-keep-pairing",
    ),
    pytest.param(
        "Al Jazeera reported that Wiranto was flown to a hospital in Jakarta, and that his condition was "
        "stable. Dedi Prasetyo, a spokesperson for the Indonesian National Police, confirmed that two "
        "suspects were arrested. Widodo designated Wiranto, a former general, as the nation's security "
        "minister in 2016.",
        [],
        id="apostrophes-are-not-marks",
    ),
    pytest.param(  # the curly-double-marks passage with its marks typed as NYT-archive ''…''
        "''We got to shoot with them for the past two weeks before this exercise,'' said Spc. Lorraine Walsh, "
        "an artillery crewmember and native of Vermillion, South Dakota. ''Working with them was enjoyable; "
        "the Jordanians are extremely knowledgeable with their systems.'' ",
        [
            "We got to shoot with them for the past two weeks before this exercise,",
            "Working with them was enjoyable; the Jordanians are extremely knowledgeable with their systems.",
        ],
        id="doubled-apostrophes-are-double-marks",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quoted_passages(text, expected):
    assert [text[start:end] for start, end in quote_spans(text)] == expected


# Invented passages (not corpus or gold text) for how a quote ends at a paragraph break.
PARAGRAPH_ENDS = [
    pytest.param(
        "''The new bridge will carry trucks by spring, and the old one will close for repairs\n\n"
        "The council voted on Tuesday to pay for the work.\n\n"
        "''It is money well spent,'' the mayor said.",
        ["The new bridge will carry trucks by spring, and the old one will close for repairs", "It is money well spent,"],
        id="narration-paragraph-ends-an-unclosed-quote",
    ),
    pytest.param(
        "''The new bridge will carry trucks by spring.\n\n''The old one will close for repairs,'' the mayor said.",
        ["The new bridge will carry trucks by spring.\n\n''The old one will close for repairs,"],
        id="repeated-opening-mark-continues-the-quote",
    ),
    pytest.param(
        "''We built it on 'Main Street,''' the mayor said, ''and it stays there.''",
        ["We built it on 'Main Street,'", "and it stays there."],
        id="three-apostrophes-close-single-and-double",
    ),
    pytest.param(
        "Drivers called the bridge “a small miracle“ on Monday.\n\nThe council met on Tuesday.",
        ["a small miracle"],
        id="opening-curly-mark-typed-as-closer",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_ENDS)
def test_quote_ends_with_its_paragraph(text, expected):
    assert [text[start:end] for start, end in quote_spans(text)] == expected

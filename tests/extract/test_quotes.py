"""Direct quotes and reported speech, as the annotation guide defines them.

direct_quotes: words inside quotation marks that a person or body is said to have said or
written; the text is exactly what is between the marks; a quote split by "he said" is two
quotes; scare quotes, titles, nicknames and slogans nobody utters are not quotes.
reported: the content clause of "X said (that) C", "C, X said", "X told reporters C",
"X disclosed / claimed / denied / warned that C" -- the clause C only, credited to X.

Every passage is real text from the bundled corpus, shortened to a sentence or a paragraph.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimledger.extract.quotes import attach_embedded_speakers, gives_a_name
from claimledger.records import Quote

from .support import FOREIGN_OFFICE, assert_reported, direct, reported, same_name, show_quotes

# (passage, [(quote text, speaker)]) -- every direct quote of the passage, in order.
DIRECT = [
    pytest.param(
        'The fire started some time after 3 a.m. local time {1000 UTC) Monday. "This is probably the '
        'worst-case scenario you can possibly have," said Santa Barbara County Sheriff Bill Brown. "You have a '
        "vessel that's on the open sea, that is in the middle of the night. I mean, it's 3:30 in the morning.\"",
        [
            ("This is probably the worst-case scenario you can possibly have,", "Bill Brown"),
            ("You have a vessel that's on the open sea, that is in the middle of the night. I mean, it's 3:30 in "
             "the morning.", "Bill Brown"),
        ],
        id="straight-marks",
    ),
    pytest.param(
        "“We got to shoot with them for the past two weeks before this exercise,” said Spc. Lorraine Walsh, "
        "an artillery crewmember and native of Vermillion, South Dakota. “Working with them was enjoyable; "
        "the Jordanians are extremely knowledgeable with their systems.” ",
        [
            ("We got to shoot with them for the past two weeks before this exercise,", "Lorraine Walsh"),
            ("Working with them was enjoyable; the Jordanians are extremely knowledgeable with their systems.",
             "Lorraine Walsh"),
        ],
        id="curly-marks",
    ),
    pytest.param(
        '"President Trump treats the rule of law with utter contempt," said California Attorney General '
        'Xavier Becerra. "He knows there is no border crisis, he knows his emergency declaration is '
        'unwarranted, and he admits that he will likely lose this case in court."',
        [
            ("President Trump treats the rule of law with utter contempt,", "Xavier Becerra"),
            ("He knows there is no border crisis, he knows his emergency declaration is unwarranted, and he "
             "admits that he will likely lose this case in court.", "Xavier Becerra"),
        ],
        id="second-quote-continues-without-cue",
    ),
    pytest.param(
        "“The accounts of the Russians seeking Syrian fighters to augment their forces in Ukraine, we do "
        "believe there’s truth to that,” said Pentagon spokesperson John Kirby. “It’s interesting that "
        "(Russian President Vladimir) Putin would have to rely on foreign fighters.”",
        [
            ("The accounts of the Russians seeking Syrian fighters to augment their forces in Ukraine, we do "
             "believe there’s truth to that,", "John Kirby"),
            ("It’s interesting that (Russian President Vladimir) Putin would have to rely on foreign fighters.",
             "John Kirby"),
        ],
        id="curly-marks-dev-article",
    ),
    pytest.param(
        "“We do have indications that corroborate that story that in fact they are trying to enlist and recruit "
        "foreign fighters, which we find noteworthy that with more than 150,000 troops, a stalled military "
        "advance inside Ukraine, particularly in the north, that Mr. Putin has found it necessary to try to "
        "recruit foreign fighters for this war of his,” Kirby said.",
        [
            ("We do have indications that corroborate that story that in fact they are trying to enlist and "
             "recruit foreign fighters, which we find noteworthy that with more than 150,000 troops, a stalled "
             "military advance inside Ukraine, particularly in the north, that Mr. Putin has found it necessary to "
             "try to recruit foreign fighters for this war of his,", "Kirby"),
        ],
        id="long-quote-then-x-said",
    ),
    pytest.param(
        FOREIGN_OFFICE,
        [
            ("The Foreign Secretary met Russian Foreign Minister Sergei Lavrov earlier today on the margins of "
             "the UNGA meeting in New York, their first face-to-face meeting since Boris Johnson was appointed."
             "\n\n“Mr Johnson also raised the situation in Ukraine, where there are continued violations of the "
             "Minsk agreements, and stressed the need for a sustainable ceasefire in Eastern Ukraine.\n\n“The "
             "Foreign Secretary was clear that while ongoing disagreements mean it is too early to normalise "
             "diplomatic relations, it is right that both countries continue to discuss important global "
             "issues.", "Foreign Office spokesman"),
        ],
        id="multi-paragraph-quote",
    ),
    pytest.param(
        "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al- Jaafari in London today.\n"
        "A Foreign Office spokesman said:\n"
        "“The Foreign Secretary met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss a range of "
        "issues including the ongoing fight and the progress being made against Daesh in Iraq. They also "
        "discussed military, humanitarian and stabilisation planning for forthcoming operations to free the city "
        "of Mosul.\n"
        "“The Foreign Secretary underlined the UK’s commitment to supporting the government of Iraq to defeat "
        "terrorism and to give all Iraqis new hope for the future. They also agreed to work together with "
        "international partners and at the UN on a global campaign to bring Daesh to justice.”",
        [
            ("The Foreign Secretary met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss a range of "
             "issues including the ongoing fight and the progress being made against Daesh in Iraq. They also "
             "discussed military, humanitarian and stabilisation planning for forthcoming operations to free the "
             "city of Mosul.\n“The Foreign Secretary underlined the UK’s commitment to supporting the government "
             "of Iraq to defeat terrorism and to give all Iraqis new hope for the future. They also agreed to work "
             "together with international partners and at the UN on a global campaign to bring Daesh to "
             "justice.", "Foreign Office spokesman"),
        ],
        id="multi-paragraph-quote-after-colon-line",
    ),
    pytest.param(
        "At Ballot Access News, AIP vice chairman Mark Seidenberg commented:\n"
        '"[Kamala Harris is] Constitutionally ineligible to serve as VPOTUS (Vice President of the United '
        "States). At [her] birth her parents were from foreign\n"
        "countries and not US citizens, viz., she is not a natural born citizen. Then she [grew] up in her "
        'formative years in Canada and graduated from a high school in Canada." ',
        [
            ("[Kamala Harris is] Constitutionally ineligible to serve as VPOTUS (Vice President of the United "
             "States). At [her] birth her parents were from foreign\ncountries and not US citizens, viz., she is "
             "not a natural born citizen. Then she [grew] up in her formative years in Canada and graduated from "
             "a high school in Canada.", "Mark Seidenberg"),
        ],
        id="quote-over-a-line-break",
    ),
    pytest.param(
        "Following the vote, a United States Department of State spokesperson, Morgan Ortagus, indicated the "
        "United States was disappointed by the Parliament's decision: \"While we await further clarification "
        "on the legal nature and impact of today's resolution,\" he said, \"we strongly urge Iraqi leaders to "
        "reconsider the importance of the ongoing economic and security relationship between the two "
        'countries and the continued presence of the Global Coalition to Defeat ISIS".',
        [
            ("While we await further clarification on the legal nature and impact of today's resolution,",
             "Morgan Ortagus"),
            ("we strongly urge Iraqi leaders to reconsider the importance of the ongoing economic and security "
             "relationship between the two countries and the continued presence of the Global Coalition to "
             "Defeat ISIS", "Morgan Ortagus"),
        ],
        id="quote-split-by-he-said",
    ),
    pytest.param(
        '"We were absolutely flabbergasted [...] I went back to recalculate everything like five different '
        "times to make sure it's a real thing,\" Stamenković told National Geographic.\n\n\n"
        '"Our work is calling for a complete revision for how we think about the potential for life on Mars, '
        'and the work oxygen can do," he told Scientific American, "implying that if life ever existed on Mars '
        'it might have been breathing oxygen".',
        [
            ("We were absolutely flabbergasted [...] I went back to recalculate everything like five different "
             "times to make sure it's a real thing,", "Stamenković"),
            ("Our work is calling for a complete revision for how we think about the potential for life on Mars, "
             "and the work oxygen can do,", "Stamenković"),
            ("implying that if life ever existed on Mars it might have been breathing oxygen", "Stamenković"),
        ],
        id="quote-split-by-he-told",
    ),
    pytest.param(
        "“I’m convinced tankers are the key to global reach, “Caughlin said. “If we don’t get there, fighters, "
        "bombers, and airlifters won’t get there without the tanker. We’ve got to get that gas to the "
        "warfighter.”",
        [
            ("I’m convinced tankers are the key to global reach,", "Caughlin"),
            ("If we don’t get there, fighters, bombers, and airlifters won’t get there without the tanker. "
             "We’ve got to get that gas to the warfighter.", "Caughlin"),
        ],
        id="unbalanced-marks-opening-typed-as-closing",
    ),
    pytest.param(
        "“SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, and continue to make progress "
        "in clearing areas north and west of Raqqah,” Cook said. “In support of these operations, the "
        "coalition in the last 24 hours conducted 10 airstrikes, including strikes against both tactical units "
        'and the oil infrastructure that provides ISIL’s shrinking financial support."',
        [
            ("SDF forces have now advanced to within 7.5 kilometers of Tabqa Dam, and continue to make progress "
             "in clearing areas north and west of Raqqah,", "Cook"),
            ("In support of these operations, the coalition in the last 24 hours conducted 10 airstrikes, "
             "including strikes against both tactical units and the oil infrastructure that provides ISIL’s "
             "shrinking financial support.", "Cook"),
        ],
        id="unbalanced-marks-curly-open-straight-close",
    ),
    pytest.param(
        'Paul McCartney wrote on Twitter, "Ginger Baker, great drummer, wild and lovely guy. We worked '
        "together on the 'Band on the Run' album in his ARC Studio, Lagos, Nigeria. Sad to hear that he died "
        'but the memories never will."',
        [
            ("Ginger Baker, great drummer, wild and lovely guy. We worked together on the 'Band on the Run' "
             "album in his ARC Studio, Lagos, Nigeria. Sad to hear that he died but the memories never will.",
             "Paul McCartney"),
        ],
        id="nested-single-quotes",
    ),
    pytest.param(
        "“The CJTF-OIR commanding general, Lt. Gen. Stephen J. Townsend, made it clear during his Dec.14th "
        "press conference that we would strike the equipment before it posed a threat to counter-ISIL "
        "operations,” said Col. John “J.D.” Dorrian, the CJTF-OIR spokesperson. “We will not allow ISIL to "
        "maintain capabilities that threaten Coalition or partner forces.”",
        [
            ("The CJTF-OIR commanding general, Lt. Gen. Stephen J. Townsend, made it clear during his Dec.14th "
             "press conference that we would strike the equipment before it posed a threat to counter-ISIL "
             "operations,", ("John Dorrian", "John “J.D.” Dorrian", "John J.D. Dorrian")),
            ("We will not allow ISIL to maintain capabilities that threaten Coalition or partner forces.",
             ("John Dorrian", "John “J.D.” Dorrian", "John J.D. Dorrian")),
        ],
        id="nickname-in-speaker-name-is-not-a-quote",
    ),
    pytest.param(
        "The Vice President, Mike Pence, said on Friday the United States is \"in the midst of a crisis on our "
        'southern border."',
        [("in the midst of a crisis on our southern border.", "Mike Pence")],
        id="partial-quote-inside-reported-clause",
    ),
    pytest.param(
        "Phil Chetwynd, director of global news for AFP, called the death \"the senseless killing of a "
        'courageous journalist doing his job despite threats and intimidation." Chetwynd also praised the '
        "quality of al-Quaety's work. ",
        [("the senseless killing of a courageous journalist doing his job despite threats and intimidation.",
          "Phil Chetwynd")],
        id="quoted-object-of-called",
    ),
    pytest.param(
        "Mick Jagger of The Rolling Stones also reacted on Twitter, \"Sad news hearing that Ginger Baker has died, "
        "I remember playing with him very early on in Alexis Korner's Blues Incorporated.\"",
        [("Sad news hearing that Ginger Baker has died, I remember playing with him very early on in Alexis "
          "Korner's Blues Incorporated.", ("Mick Jagger", "Jagger"))],
        id="any-verb-and-a-comma-introduce-a-quote",
    ),
    pytest.param(
        "Jo Anne Val Tilburg of the University of California, Los Angeles disagreed with these findings: \"The "
        "existence of fresh water seeps near coastal ahu is well-known and was certainly important at European "
        "contact.\"",
        [("The existence of fresh water seeps near coastal ahu is well-known and was certainly important at "
          "European contact.", ("Jo Anne Val Tilburg", "Val Tilburg", "Tilburg"))],
        id="any-verb-and-a-colon-introduce-a-quote",
    ),
    pytest.param(
        "Dr Martisius told Wikinews this was likely due to the physical characteristics of the bovid ribs, which "
        "were \"thicker\" and \"stronger\" as compared to the \"thin and flimsy ribs\" of reindeers.",
        [("thicker", ("Dr Martisius", "Martisius")), ("stronger", ("Dr Martisius", "Martisius")),
         ("thin and flimsy ribs", ("Dr Martisius", "Martisius"))],
        id="partial-quotes-inside-a-reported-clause",
    ),
    pytest.param(
        'I said, "You\'re not listening to me.  I have done everything."',
        [("You're not listening to me.  I have done everything.", None)],
        id="the-author-is-not-a-speaker",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct_quotes(run, text, expected):
    got = show_quotes(direct(run(text)))
    assert [quote for quote, _ in got] == [quote for quote, _ in expected], f"direct quotes: {got}"
    wrong = [(quote, speaker, want) for (quote, speaker), (_, want) in zip(got, expected)
             if not same_name(speaker, want)]
    assert not wrong, f"(quote, speaker, expected speaker): {wrong}"


# (passage, words in quotation marks that nobody is said to utter)
NOT_QUOTES = [
    pytest.param(
        "In an exclusive report by a Syrian publication known as Deir Ezzor 24, Russia was said to be offering "
        "monetary compensation ranging from $200 to $300 and additional privileges to Syrians willing to go to "
        "Ukraine and operate as “guards” for a six month period.",
        "guards",
        id="scare-quote-dev-article",
    ),
    pytest.param(
        "He specialized in removing people from areas that had become dangerous for them, a process called "
        '"exfiltration." He studied Hollywood makeup and special effects for use in his work, later titling '
        "his memoir The Master of Disguise.",
        "exfiltration",
        id="scare-quote-term",
    ),
    pytest.param(
        'A "tropical depression" is a form of tropical cyclone. On the scale used by the NHC for classifying '
        'tropical cyclones, a "tropical depression" is the weakest form of tropical cyclone.',
        "tropical depression",
        id="scare-quote-defined-term",
    ),
    pytest.param(
        "Over the weekend, tributes were paid to US actor Chadwick Boseman, including Sunday's "
        "commercial-free airing of Black Panther and a special retrospective about Boseman entitled \"A Tribute "
        'For a King" by American Broadcasting Company (ABC).',
        "A Tribute For a King",
        id="title-of-a-work",
    ),
    pytest.param(
        "Crew Dragon has enough room for seven people but on this occasion carried only a mannequin, nicknamed "
        "\"Ripley\" for Sigourney Weaver's character in the film Alien.",
        "Ripley",
        id="nickname",
    ),
    pytest.param(
        'The events were nicknamed "the Canadian Caper" and later made into an Academy Award-winning film of '
        "the same name — Argo — in 2012, with Ben Affleck directing and playing Mendez.",
        "the Canadian Caper",
        id="nickname-of-events",
    ),
    pytest.param(
        'At the center of the case was a website known as "Welcome To Video" and its alleged operator Jong Woo '
        "Son from South Korea.",
        "Welcome To Video",
        id="name-of-a-website",
    ),
    pytest.param(
        "Later in the day, Carter flew to visit U.S. service members at Qayyarah Airfield West, also called "
        "“Q-West” in northern Iraq.",
        "Q-West",
        id="place-nickname",
    ),
    pytest.param(
        'Leonov, also known as "cosmonaut No. 11", was part of the Soviet Union\'s original team of cosmonauts.',
        "cosmonaut No. 11",
        id="nickname-with-number",
    ),
    pytest.param(
        'The name "Super Tuesday" comes from the large number of primaries and caucuses held on the same day.',
        "Super Tuesday",
        id="name-of-a-day",
    ),
    pytest.param(  # a name something goes by is nobody's words (invented passage)
        'The inn, often referred to as "The Old Mill", closed in May.',
        "The Old Mill",
        id="referred-to-as-a-name",
    ),
    pytest.param(
        "If we just use that skill and try, we can empower ourselves, we can do anything, we can achieve "
        "anything, this is a lesson that I have learnt. It is like the saying “Failure is the success in life”. "
        "Be confident.",
        "Failure is the success in life",
        id="saying-nobody-utters",
    ),
]


@pytest.mark.parametrize(("text", "words"), NOT_QUOTES)
def test_not_quotes(run, text, words):
    start = text.index(words)
    end = start + len(words)
    found = [q.text for q in direct(run(text)) if q.start < end and start < q.end]
    assert found == [], f"taken as a direct quote: {found}"


# (passage, quote text, speaker, the cue word the record should name)
CUES = [
    pytest.param(
        '"Once I managed to stick my heels into the boat, I knew I had done 90% of the work," Zapata told '
        "French news channel BFM TV.",
        "Once I managed to stick my heels into the boat, I knew I had done 90% of the work,", "Zapata", "told",
        id="told",
    ),
    pytest.param(
        'Upon arrival, Zapata told reporters, "We made a machine three years ago... and now we\'ve crossed the '
        'Channel, it\'s crazy."',
        "We made a machine three years ago... and now we've crossed the Channel, it's crazy.", "Zapata", "told",
        id="told-reporters",
    ),
    pytest.param(
        "A series of precision U.S. airstrikes against al-Qaida operatives this week in northwestern Syria’s "
        "Idlib province killed more than 20 militants and destroyed eight vehicles and nine structures, "
        "Pentagon Press Secretary Peter Cook told reporters today.     \n"
        "“Al-Qaida's foreign terrorist fighter network used this headquarters as a gathering place, and their "
        "leaders directed terrorist operations out of this location,” Cook said.\n"
        "He added, “As you know, al-Qaida remains committed to carrying out terrorist attacks against the "
        "United States, our interests, and our allies and friends. We will continue to take actions to deny "
        "any safe haven for al-Qaida in Syria. We will not allow al-Qaida to grow its capacity to attack the "
        "United States or our allies around the world, and these strikes demonstrate that commitment.”       ",
        "As you know, al-Qaida remains committed to carrying out terrorist attacks against the United States, "
        "our interests, and our allies and friends. We will continue to take actions to deny any safe haven for "
        "al-Qaida in Syria. We will not allow al-Qaida to grow its capacity to attack the United States or our "
        "allies around the world, and these strikes demonstrate that commitment.",
        "Peter Cook", "added",
        id="added",
    ),
    pytest.param(
        "Ex-Prime Minister Donald Tusk, the current President of the European Council, wrote \"Let's all pray "
        'for Mayor Adamowicz. Paweł, we are with you." Tusk, a founding Civic Platform member, is from Gdańsk.',
        "Let's all pray for Mayor Adamowicz. Paweł, we are with you.", "Donald Tusk", "wrote",
        id="wrote",
    ),
    pytest.param(
        "\"It is with the utmost sadness that I announce the passing on of Zimbabwe's founding father and former "
        "President, Cde [comrade] Robert Mugabe. [...] Cde Mugabe was an icon of liberation, a pan-Africanist who "
        "dedicated his life to the emancipation and empowerment of his people. His contribution to the history of "
        'our nation and continent will never be forgotten. May his soul rest in eternal peace", wrote President '
        "Mnangagwa.",
        "It is with the utmost sadness that I announce the passing on of Zimbabwe's founding father and former "
        "President, Cde [comrade] Robert Mugabe. [...] Cde Mugabe was an icon of liberation, a pan-Africanist who "
        "dedicated his life to the emancipation and empowerment of his people. His contribution to the history of "
        "our nation and continent will never be forgotten. May his soul rest in eternal peace",
        "Mnangagwa", "wrote",
        id="wrote-inverted",
    ),
    pytest.param(
        'Affleck tweeted, "Tony Mendez was a true American hero. He was a man of extraordinary grace, decency, '
        "humility and kindness. He never sought the spotlight for his actions, he merely sought to serve his "
        "country. I'm so proud to have worked for him and to have told one of his stories.\"",
        "Tony Mendez was a true American hero. He was a man of extraordinary grace, decency, humility and "
        "kindness. He never sought the spotlight for his actions, he merely sought to serve his country. I'm so "
        "proud to have worked for him and to have told one of his stories.",
        "Affleck", "tweeted",
        id="tweeted",
    ),
    pytest.param(
        'Prime Minister Mateusz Morawiecki tweeted "We are with Mayor Adamowicz in our thoughts and prayers." '
        'President Andrzej Duda remarked, "Today I am unconditionally with him and his loved ones, just as I '
        'hope all of us compatriots are. I pray for his return to health and full strength."',
        "We are with Mayor Adamowicz in our thoughts and prayers.", "Mateusz Morawiecki", "tweeted",
        id="tweeted-without-comma",
    ),
    pytest.param(
        'Prime Minister Mateusz Morawiecki tweeted "We are with Mayor Adamowicz in our thoughts and prayers." '
        'President Andrzej Duda remarked, "Today I am unconditionally with him and his loved ones, just as I '
        'hope all of us compatriots are. I pray for his return to health and full strength."',
        "Today I am unconditionally with him and his loved ones, just as I hope all of us compatriots are. I "
        "pray for his return to health and full strength.",
        "Andrzej Duda", "remarked",
        id="remarked",
    ),
    pytest.param(
        "In comments at Ballot Access News, AIP chairman Markham Robinson, whose Twitter bio includes the "
        "hashtags #MAGA and #TRUMP2020, writes:\n"
        '"It’s a long shot I’ll grant you, but our ticket may draw enough votes that would otherwise go to '
        "Biden-Harris to give Trump-Pence a plurality. \n"
        "Think about it for a second, who would votes for our ticket? In fact our ticket may turn out to be the "
        'most popular protest vote receptacle ever." ',
        "It’s a long shot I’ll grant you, but our ticket may draw enough votes that would otherwise go to "
        "Biden-Harris to give Trump-Pence a plurality. \nThink about it for a second, who would votes for our "
        "ticket? In fact our ticket may turn out to be the most popular protest vote receptacle ever.",
        "Markham Robinson", "writes",
        id="writes-colon-block-quote",
    ),
    pytest.param(
        'According to eyewitness Vinnie DeVita, "within probably 15 to 20 seconds of it all, it exploded. I '
        'mean, just a ball of flames." DeVita narrowly avoided being caught up in the accident.',
        "within probably 15 to 20 seconds of it all, it exploded. I mean, just a ball of flames.",
        "Vinnie DeVita", "according to",
        id="according-to",
    ),
    pytest.param(
        'Vladimir Putin, president of Russia, said in a statement: "Many important dates in Zimbabwe’s modern '
        "history are tied to the name of Robert Mugabe. He made a great personal contribution to the battle for "
        'your country’s independence, to the building of Zimbabwean State institutions."',
        "Many important dates in Zimbabwe’s modern history are tied to the name of Robert Mugabe. He made a "
        "great personal contribution to the battle for your country’s independence, to the building of "
        "Zimbabwean State institutions.",
        "Vladimir Putin", "said",
        id="said-in-a-statement",
    ),
    pytest.param(
        'In a statement, Vázquez said, "I understand he made the right decision, for the good of both his '
        "family and for Puerto Rico, as I let him know [...] He just announced that this resignation will not "
        'be effective today. We will be working together to have a responsible and transparent transition '
        'process."',
        "I understand he made the right decision, for the good of both his family and for Puerto Rico, as I let "
        "him know [...] He just announced that this resignation will not be effective today. We will be working "
        "together to have a responsible and transparent transition process.",
        "Vázquez", "said",
        id="in-a-statement-leading",
    ),
    pytest.param(
        '"This announcement cannot change the fact that the Hong Kong authorities have chosen to suppress '
        "protests in a grossly unlawful way that has seriously damaged the people's trust and sense of "
        'legitimacy of the government," Hong Kong director of Amnesty International Man-kei Tam said in a '
        "statement.",
        "This announcement cannot change the fact that the Hong Kong authorities have chosen to suppress "
        "protests in a grossly unlawful way that has seriously damaged the people's trust and sense of "
        "legitimacy of the government,",
        "Man-kei Tam", "said",
        id="said-in-a-statement-after-quote",
    ),
    pytest.param(  # the writing after the verb reads the quote, though the parser makes it the object
        '"Storm Lorenzo will produce significant swell, high waves and sizeable storm surges. This will lead to '
        'wave overtopping, some coastal flooding and damage, especially along western and southern coasts", read '
        "the warning. The warnings called for gale force winds and heavy rain.",
        "Storm Lorenzo will produce significant swell, high waves and sizeable storm surges. This will lead to "
        "wave overtopping, some coastal flooding and damage, especially along western and southern coasts",
        "the warning", "read",
        id="read-the-warning",
    ),
    pytest.param(  # 'it' is the statement, and the statement is the federation's
        "The Georgian Tennis Federation (GFT) released a statement addressing Basilashvili's arrest. It read, "
        '"First of all, we would like to state that Georgian Tennis Federation has always condemned any form of '
        'violence."',
        "First of all, we would like to state that Georgian Tennis Federation has always condemned any form of "
        "violence.",
        ("Georgian Tennis Federation", "GFT"), "read",
        id="it-read",
    ),
    pytest.param(  # no comma before the quote, and the parser left 'told' without its subject
        'Archbishop Wojciech Polak said, "I am sorry for every wound inflicted by people of the church." Calling '
        'it as "just another apology", Anna Franowska of "Have no fear", an abuse victim support charity, told '
        'Reuters "it almost appears as if the statement was prepared before the church officials saw the movie".',
        "it almost appears as if the statement was prepared before the church officials saw the movie",
        "Anna Franowska", "told",
        id="told-reuters-no-comma",
    ),
    pytest.param(
        "Interpol's constitution prohibits \"any intervention or activities of a political, military, "
        'religious or racial character," an Interpol spokesperson stated.',
        "any intervention or activities of a political, military, religious or racial character,",
        "Interpol spokesperson", "stated",
        id="stated",
    ),
    # what a speaker calls something ('referred to X as “…”', 'described by X as “…”'): short, but someone's
    # words (invented passages; PolNeAR train: 34 quotes more, 25 of them gold; tune: 5 more, all gold)
    pytest.param(
        "On Tuesday, the governor referred to the senator as “a bright, charismatic leader” before the vote.",
        "a bright, charismatic leader", "the governor", "referred",
        id="referred-to-as",
    ),
    pytest.param(
        'The court struck down the rule, which the mayor has referred to as "gamesmanship" and a "stunt".',
        "stunt", "the mayor", "referred",
        id="referred-to-as-second-of-two",
    ),
    pytest.param(
        'The singer was described by the magazine as a "national treasure".',
        "national treasure", "the magazine", "described",
        id="described-by-as",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), CUES)
def test_cues_beyond_said(run, text, quote, speaker, cue):
    quotes = direct(run(text))
    found = [q for q in quotes if q.text == quote]
    assert found, f"no direct quote {quote!r}; direct quotes: {show_quotes(quotes)}"
    assert same_name(found[0].speaker, speaker), f"speaker {found[0].speaker!r}"
    assert (found[0].cue or "").lower().split()[:1] == cue.split()[:1], f"cue {found[0].cue!r}"


# A quote with no cue of its own goes to the person who has the floor: the subject of the
# sentence it sits in, or of the sentence just before it in the same paragraph.
# (passage, first words of the quote, speaker or None)
FLOOR = [
    pytest.param(
        "US Secretary of State Mike Pompeo sent a letter requesting the new rules to Elaine Chao, the Secretary "
        "of Transportation; the new rules were released later the same day. In the letter, Pompeo cited the "
        'Cuban government\'s "ongoing repression of the Cuban people and its support for Nicolás Maduro in '
        'Venezuela" as his motivation.',
        "ongoing repression", "Mike Pompeo",
        id="subject-of-the-quotes-sentence",
    ),
    pytest.param(
        'Lisa Mancini has been cosplaying for two years, her "passion" for the hobby "stemmed through my love for '
        'Halloween."',
        "stemmed through my love", "Lisa Mancini",
        id="subject-of-the-quotes-sentence-after-a-scare-quote",
    ),
    pytest.param(
        "John Rhys-Davies broke news when he revealed that a Sliders reboot is being considered. \"Jerry "
        "[O'Connell] and I are talking to NBC at the moment. The basic problem is that no one knows who owns the "
        'rights".',
        "Jerry [O'Connell] and I", "John Rhys-Davies",
        id="the-one-who-speaks-in-the-sentence-before",
    ),
    pytest.param(  # the verb after the line break opens the next paragraph's statement
        'Colin Sutherland, Lord Carloway, the Lord President of the court decided, according to the summary, "that '
        "although advice to HM [Her Majesty] the Queen on the exercise of the royal prerogative of prorogating "
        "Parliament was not reviewable on the normal grounds of judicial review, it would nevertheless be unlawful "
        'if its purpose was to stymie parliamentary scrutiny of the executive".\n\n\nThe court\'s summary concluded '
        'with the statement: "The Court will accordingly make an Order declaring that the Prime Minister’s advice '
        'to HM the Queen and the prorogation which followed thereon was unlawful and is thus null and of no effect."',
        "that although advice to HM", "Colin Sutherland",
        id="no-cue-across-a-paragraph-break",
    ),
    pytest.param(  # a description has the floor too
        "Along with 3D printing a bone-shaped name tag when Wikinews visited, Grivik was demonstrating miniature "
        'computer screens that could be used as "eyes" for a fursuit. The maker has also developed "a way to install '
        'a camera inside suit heads, to improve fursuiter visibility."',
        "a way to install a camera", ("The maker", "Grivik"),
        id="a-description-as-subject",
    ),
    pytest.param(
        'In a July 9 speech in Pennsylvania, Biden introduced an economic plan called "Build Back Better" designed '
        "to reinvigorate the US economy in the aftermath of the coronavirus pandemic.",
        "Build Back Better", None,
        id="a-name-given-is-nobodys-words",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), FLOOR)
def test_quote_goes_to_who_has_the_floor(run, text, words, speaker):
    found = [q for q in direct(run(text)) if q.text.startswith(words)]
    if speaker is None:
        assert all(q.speaker is None for q in found), f"speakers {[q.speaker for q in found]}"
        return
    assert found, f"no direct quote starting {words!r}; direct quotes: {show_quotes(direct(run(text)))}"
    assert same_name(found[0].speaker, speaker), f"speaker {found[0].speaker!r}"


# (passage, [(content clause, source)]) -- each must be reported, with exactly this text.
REPORTED_SPEECH = [
    pytest.param(
        "Trump also said that he would prefer to agree a solution with the opposition.",
        [("he would prefer to agree a solution with the opposition", "Trump")],
        id="x-said-that-c",
    ),
    pytest.param(
        "Officials said most of the injured were minors.",
        [("most of the injured were minors", "Officials")],
        id="x-said-c",
    ),
    pytest.param(
        "The Emergencies Ministry said six deaths were of children.",
        [("six deaths were of children", "Emergencies Ministry")],
        id="x-said-c-organisation",
    ),
    pytest.param(
        "A U.S. strike on Jan. 1 hit two al-Qaida vehicles that had departed a large al-Qaida headquarters "
        "near Sarmada, Syria, Cook said.",
        [("A U.S. strike on Jan. 1 hit two al-Qaida vehicles that had departed a large al-Qaida headquarters "
          "near Sarmada, Syria", "Cook")],
        id="c-x-said",
    ),
    pytest.param(
        "A U.S. strike on Jan. 1 hit two al-Qaida vehicles that had departed a large al-Qaida headquarters "
        "near Sarmada, Syria, Cook said.\n"
        "And, a Jan. 3 U.S. strike hit the headquarters compound itself, he added.",
        [("a Jan. 3 U.S. strike hit the headquarters compound itself", "Cook")],
        id="c-he-added",
    ),
    pytest.param(
        "A potential charge of murder against Stefan W carries a possible life sentence. Prosecutor Krzysztof "
        "Sierak told reporters today psychiatric assessments will be carried out to confirm if Stefan W is fit "
        "for trial.",
        [("psychiatric assessments will be carried out to confirm if Stefan W is fit for trial",
          "Krzysztof Sierak")],
        id="x-told-reporters-c",
    ),
    pytest.param(
        "Susan Bro, Heather Heyer's mother, told reporters she considered the deal acceptable, saying "
        "executing Fields would not bring her daughter back.",
        [("she considered the deal acceptable", "Susan Bro"),
         ("executing Fields would not bring her daughter back", "Susan Bro")],
        id="x-told-reporters-c-saying-c",
    ),
    pytest.param(
        "Jasim Uddin, a spokesperson for the fire service, told the Associated Press four victims were from a "
        "single family.",
        [("four victims were from a single family", "Jasim Uddin")],
        id="x-told-agency-c",
    ),
    pytest.param(
        "Kirby disclosed that there is no confirmation of how many fighters have been recruited, but he said "
        "some of them are already in Russia, preparing for deployment to Ukraine.",
        [("there is no confirmation of how many fighters have been recruited", "Kirby"),
         ("some of them are already in Russia, preparing for deployment to Ukraine", "Kirby")],
        id="x-disclosed-that-c-but-he-said-c",
    ),
    pytest.param(
        "Trump also said that he would prefer to agree a solution with the opposition. He also said, \"I never "
        "threaten anybody.\" He also claimed that the wall was a crucial part of America's border security.",
        [("the wall was a crucial part of America's border security", "Trump")],
        id="he-claimed-that-c",
    ),
    pytest.param(
        "The Taliban have claimed responsibility. Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.",
        [("190 were dead", "Zabiullah Mujahid")],
        id="x-claimed-c",
    ),
    pytest.param(
        "Trump said that he did indicate to the Ukrainians that the aid was contingent on their addressing "
        "corruption but denied that he made any specific deal about the Bidens.",
        [("he did indicate to the Ukrainians that the aid was contingent on their addressing corruption",
          "Trump"),
         ("he made any specific deal about the Bidens", "Trump")],
        id="x-said-c-but-denied-that-c",
    ),
    pytest.param(
        "Trump hailed the report on Twitter and warned that Biden could destroy the growth with his proposed "
        "tax increases.",
        [("Biden could destroy the growth with his proposed tax increases", "Trump")],
        id="x-warned-that-c",
    ),
    pytest.param(
        "Dedi Prasetyo, a spokesperson for the Indonesian National Police, confirmed that two suspects were "
        "arrested.",
        [("two suspects were arrested", "Dedi Prasetyo")],
        id="x-confirmed-that-c",
    ),
    pytest.param(
        "Local officials said 24 people have been hospitalised, but Agence France-Presse reported as many as "
        "32 hospitalised.",
        [("24 people have been hospitalised", "Local officials"),
         ("as many as 32 hospitalised", "Agence France-Presse")],
        id="two-sources-in-one-sentence",
    ),
    pytest.param(
        "US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks, saying there "
        'was "no evidence the attacks came from Yemen."',
        [('there was "no evidence the attacks came from Yemen."', "Mike Pompeo")],
        id="reported-clause-holding-a-partial-quote",
    ),
    pytest.param(
        "This included the home of Prime Minister Tuilaepa, who told the press his nephew needed a dose.",
        [("his nephew needed a dose", "Tuilaepa")],
        id="who-speaks-for-the-noun-it-hangs-on",
    ),
    pytest.param(
        "Princess Ubolratana pointed out she had relinquished her royal titles and lived as a commoner.",
        [("she had relinquished her royal titles and lived as a commoner", ("Princess Ubolratana", "Ubolratana"))],
        id="pointed-out",
    ),
    pytest.param(
        "Ahead of a planned attempt to take down the Emancipation Memorial featuring US President Abraham Lincoln "
        "in Lincoln Park, Trump vowed to issue an executive order regarding those caught desecrating federal "
        "statues.",
        [("to issue an executive order regarding those caught desecrating federal statues", "Trump")],
        id="vowed-to",
    ),
    pytest.param(
        "Prime Minister Hubert Minnis urged residents to evacuate.",
        [("residents to evacuate", "Hubert Minnis")],
        id="urged-x-to",
    ),
    pytest.param(
        "On Thursday, French President Emmanuel Macron called for G7 action to correct what he named the "
        "international crisis of wildfires currently destroying Amazon rainforest in and around Brazil.",
        [("G7 action to correct what he named the international crisis of wildfires currently destroying Amazon "
          "rainforest in and around Brazil", "Emmanuel Macron")],  # the deed called for is part of the demand
        id="called-for-after-a-date",
    ),
    pytest.param(
        "Professor Jean-Jacques Muyembe, Director General of the DRC's Institut National de Recherche Biomédicale "
        "that monitored the trial, said, \"From now on, we will no longer say that Ebola is incurable[.]\" He went "
        "on to say thousands of deaths could be prevented.",
        [("thousands of deaths could be prevented", "Jean-Jacques Muyembe")],
        id="went-on-to-say",
    ),
    pytest.param(
        "Flynn said there was a lack of transparency in the elections and urged the crowd to consider what the "
        "counters are hiding from them and why don't they let them look at the signatures and at the machines.",
        [("there was a lack of transparency in the elections", "Flynn")],
        id="said-c-and-urged",
    ),
]


def test_he_after_a_name_the_tagger_took_for_an_organisation(run):
    """'he' names a person: once a name read as an organisation is its antecedent, the next 'he' goes
    on about the same man, not the last name the tagger called a person."""
    text = (
        "On Monday, Hungarian daily newspaper Magyar Nemzet revealed a deal whereby, on October 29, Hungarian "
        "state-owned enterprise HDT Védelmi Ipari Kft. (HDT Limited) acquired Austrian mortar and shell "
        "manufacturer Hirtenberger Defence Group.\n\nThe November 4 issue of Magyar Nemzet published an interview "
        "with Gáspár Maróth, the Hungarian Government commissioner responsible for defence, in which the deal was "
        "announced.\n\nWhile not naming any other bidders, Maróth said the Hungarian bid won after lengthy "
        "negotiations, out of mulitple competing offers. He said he expects no political turmoil between the "
        "neighboring Austria and Hungary over the sale. He also noted the acquisition fits into the Hungarian "
        "strategy of Prime Minister Viktor Orbán."
    )
    items = reported(run(text))
    assert_reported(items, "the acquisition fits into the Hungarian strategy of Prime Minister Viktor Orbán",
                    ("Gáspár Maróth", "Maróth"))


@pytest.mark.parametrize(("text", "expected"), REPORTED_SPEECH)
def test_reported_speech(run, text, expected):
    items = reported(run(text))
    for content, source in expected:
        assert_reported(items, content, source)


NOT_REPORTED = [
    pytest.param(
        "The researchers plan to gather information on more freshwater resources so they can evaluate statue "
        "sites on the rest of Easter Island.",
        id="plan-is-not-a-reporting-act",
    ),
    pytest.param(
        "The 1973 building was home to over 1,000 people; 48 apartments were damaged. The building was "
        "evacuated. Over 1,000 rescuers responded.",
        id="author-narration",
    ),
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_not_reported(run, text):
    record = run(text)
    assert reported(record) == [] and direct(record) == [], f"reported: {reported(record)}"



def test_crowds_report_nothing_in_particular(run):
    """'The people said ...' reports the words but names nobody: crowds are not sources."""
    record = run("Everyone said that the software will respect the privacy law. The people said the plan would fail.")
    assert [(q.kind, q.speaker) for q in record.quotes] == [("indirect", None), ("indirect", None)]


def test_quote_woven_into_a_report_is_the_reporters(run):
    """'X said the United States is “in the midst of a crisis …”': the quoted words continue X's
    reported clause, so they are X's, not those of the next sentence's speaker (PolNeAR train:
    +24 speakers over 840 articles)."""
    text = ('The Vice President, Mike Pence, said on Friday the United States is "in the midst of a crisis on our '
            'southern border." Nancy Pelosi, the Speaker of the House, said on Friday "We are committed to keeping '
            'our border safe and secure."')
    quote = next(q for q in direct(run(text)) if q.text.startswith("in the midst"))
    assert same_name(quote.speaker, "Mike Pence"), show_quotes(run(text))


def test_woven_quote_overrides_a_later_cue_but_a_comma_quote_keeps_its_own():
    """The rule itself, on the same passage: a quote woven into a report takes the report's speaker
    even when a cue elsewhere named someone else; 'X said, “…”' introduced by its comma does not."""
    text = ('The Vice President, Mike Pence, said on Friday the United States is "in the midst of a crisis on our '
            'southern border." Former prime minister Tony Abbott said, "It is a license for sex-selection abortions."')
    report_start = text.index("the United States")
    woven_quote = Quote("direct", text.index("in the midst"), text.index(' Former') - 2, "", "Tony Abbott")
    report = Quote("indirect", report_start, woven_quote.end + 1, "", "Mike Pence")
    comma_start = text.index("It is a")
    comma_quote = Quote("direct", comma_start, len(text) - 1, "", "Tony Abbott")
    comma_report = Quote("indirect", text.index("Tony"), len(text), "", "Somebody Else")
    attach_embedded_speakers(text, [woven_quote, comma_quote], [report, comma_report])
    assert (woven_quote.speaker, comma_quote.speaker) == ("Mike Pence", "Tony Abbott")


def test_colon_quote_goes_to_the_highest_speech_verb(run):
    """'X told Discover Magazine the frequency … suggested some deep pattern …: “…”': the clause the
    colon closes has two speech verbs; the one above (told) introduces the quote, not the one in
    what was told (suggested, whose subject is 'the frequency'). A lower speech verb wins only
    over verbs that do not speak ('X kicked a protester, with Y yelling: “…”', PolNeAR train +5)."""
    text = ("One of the study's authors, herpetologist David Blackburn, told Discover Magazine the frequency of spiky "
            "skulls evolving in otherwise unrelated frogs suggested some deep pattern frogs fell into as circumstances "
            'arose: "Somehow, these frogs are turning on some ancient developmental machinery in their DNA."')
    quote = next(q for q in direct(run(text)) if q.text.startswith("Somehow"))
    assert same_name(quote.speaker, "David Blackburn"), show_quotes(run(text))


def test_speaker_named_right_after_the_quote_whatever_the_parse(run):
    """'“…,” said a protester using the pseudonym Katya': the words after an inverted cue name the
    speaker even when the parser hangs them on the cue as a clause or an object."""
    text = ("\"She's just doing this to try and disintegrate the movement. A lot of people think that,\" said a "
            "protester using the pseudonym Katya. \"The situation has escalated to a point where not even Beijing "
            "knows how to sort this. So they're using different tricks and lies. Hong Kong people have learned to "
            "ignore her.\"")
    quote = next(q for q in direct(run(text)) if q.text.startswith("She's just"))
    assert quote.speaker and "protester" in quote.speaker, show_quotes(run(text))


def test_words_in_another_script_are_no_speaker(run):
    """The English pipeline parses a Hindi passage as best it can; what it takes for a subject there is
    no name (Wikinews, bundled corpus: an interview given in Hindi and English)."""
    text = ("तो ये बात: आप अकेले हों जो हमें पूछे, दूसरा कोई पूछने वाला भी नहीं था, या कोई बताने वाला भी नहीं था: "
            "\"ये सेवाएँ है, इनको ले लो\".")
    assert all(q.speaker is None or any("a" <= c.lower() <= "z" for c in q.speaker) for q in run(text).quotes)


def test_a_judgement_with_its_object_misparsed_is_no_name_given(nlp):
    """'called both X and Y “reckless”': the parser can take the object for a second predicate ('oprd'), so
    the verb seems to have no object and the quote reads like a name given ('X, also called “Y”'). An
    'oprd' before the quote is what is judged: the quote is the speaker's word (PolNeAR train and dev 1
    quote each, the corpus 1, all right by reading; built by hand on an invented sentence)."""
    words = ["Ortiz", "called", "both", "the", "mayor", "and", "the", "treasurer", "“", "reckless", "”", "."]
    heads = [1, 1, 1, 4, 7, 4, 7, 1, 9, 1, 9, 1]
    deps = ["nsubj", "ROOT", "dep", "det", "nmod", "cc", "det", "oprd", "punct", "oprd", "punct", "punct"]
    lemmas = [w.lower() for w in words]
    lemmas[1] = "call"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    start = doc[9].idx
    assert not gives_a_name(doc, start, start + len("reckless"), doc[1])
    named = nlp("Later the minister visited the airfield, also called “West Field”, by helicopter.")
    start = named.text.index("West Field")
    called = next(t for t in named if t.text == "called")
    assert gives_a_name(named, start, start + len("West Field"), called)

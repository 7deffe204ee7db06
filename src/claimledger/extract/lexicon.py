"""Word lists the extractors share: cue verbs, qualifiers, counted nouns and their categories.

Kept as data in one place so a reviewer can read what the rules know about English
news style without reading the rules themselves.
"""

# Verbs that introduce speech or a claim: "X said (that) C", "C, X said", '"...," said X'.
SPEECH_VERBS = frozenset("""
say tell add state announce claim deny warn disclose report confirm allege assert insist
explain note stress argue write tweet post reveal acknowledge admit declare maintain contend
predict promise vow urge estimate indicate emphasize emphasise reiterate continue remark
observe tell comment recall describe testify inform brief assure caution concede repeat
respond reply answer ask suggest announce counter dispute reject refute call dub label term
conclude complain imply pledge threaten
speculate joke clarify lament boast hint quip recount recommend advise confess
""".split())
# Verbs that report only a "that" clause: "critics charged that C", "she signaled that C" ("charged his
# campaign $20,000 in rent" reports nothing). Not "polls show that C", "the study found that C": PolNeAR
# train credits few of them (6 of 28 more reports matched) and the tune gold none. "She shared that C":
# the bundled corpus without check documents holds 2, both reports by reading.
THAT_CUES = frozenset("charge signal share".split())
# Verbs that report a clause, with or without "that": "Pelosi also mentioned the House will appoint X",
# "You mentioned you were a TV anchor" ("mentioned a possible arbitration route" reports nothing). In the
# bundled corpus (check gold's documents left out) 10 "mention" verbs govern a clause: 6 reports, the other
# 4 a direct quote, a first-person speaker, "no candidate" and "failing to mention" (filtered already).
# A court's "ruled (that) C" is its finding: PolNeAR train, 7 "rule" verbs govern a clause, 6 annotated.
CLAUSE_CUES = frozenset("mention rule".split())
# Of these, the verbs that commit the speaker to a deed: what they report is the to-infinitive
# ("vowed to protect X", "pledged to oppose Y").
# "propose" is one only with its to-infinitive ("proposed to set term limits", PolNeAR train: 4 such, all
# annotated), not with an object ("proposed an amendment") nor in marriage ("proposed to his girlfriend").
COMMISSIVE_VERBS = frozenset("promise vow pledge threaten propose".split())
# Of these, the verbs that own up to a deed: what they report is the gerund after 'to' ("confessed to
# killing his sister", "admitted to ordering the payments"; bundled corpus without check documents: 3 such,
# all reports by reading; PolNeAR train: 2, one annotated, the other in a passage its gold leaves aside).
ADMISSION_VERBS = frozenset("admit confess".split())
# Of these, the verbs that tell someone to act: the addressee and the to-infinitive are what was
# said ("asked them not to protest", "told X to go home", "urged the judge to ...").
DIRECTIVE_VERBS = frozenset("ask tell urge recommend advise".split())
# Words that open an indirect question: "declined to say whether ..." reports no content.
QUESTION_WORDS = frozenset("if whether who what when where why how which".split())
# Heads under which "to say" is a refusal or a failure, not a report.
NOT_SAYING = frozenset("decline refuse fail hesitate".split())

# Of these, the verbs whose noun-phrase object is itself the claim ("alleged Iranian involvement",
# "announced a new initiative", "praised the quality of ...").
OBJECT_CLAIM_VERBS = frozenset("""
announce allege claim deny report confirm praise blame accuse reveal disclose
acknowledge admit estimate predict promise vow reiterate urge demand request describe call name
label brand dub term
""".split())
# ("request" as "demand": 'requested an exemption', which the guide's gold counts as it counts "called for X":
# tune, 2 statements added, both the gold's; the bundled corpus without the check gold's documents holds 4
# such objects. PolNeAR train annotates none of the 9 it adds, PolNeAR dev has none.)
# Of those, verbs whose object is followed by what it is called: "called the crisis the worst",
# "named the PKK and YPG as terrorists", "urged locals to assist".
NAMING_VERBS = frozenset("call describe name label brand dub term urge".split())
# Of those, the verbs that claim only with what the object is named: "named a new cabinet" appoints,
# "dubbed the series" voices it ("described the plan" and "urged restraint" report with a bare object).
NAME_ONLY_VERBS = frozenset("name label brand dub term".split())
# Verbs that name something only through "to X as": 'referred to the senator as “a bright leader”'
# quotes the subject's words (PolNeAR train: 10 such quotes, all gold; tune 4, all gold).
REFERRING_VERBS = frozenset({"refer"})
# Particles that make "call" a phone call or a cancellation, not speech: "called off the deal".
CALL_PARTICLES = frozenset("off up back in out around".split())
# Verbs that can open an "as X said, C" attribution.
AS_CUES = frozenset("say report state announce tell note confirm claim write explain indicate reveal disclose mention".split())
# Adverbs that credit a claim to unnamed reports: "reportedly conducted by the Taliban".
REPORTEDLY = frozenset("reportedly allegedly purportedly reputedly supposedly".split())
# Passives that do the same with a to-infinitive: "X is said to have fled", "Y was reported to be in
# stable condition" (not "believed"/"thought to": beliefs, nor "expected to": plans). A storm "was forecast
# to reach X": the forecasters' statement (bundled corpus without check documents: 4 such passives, all
# forecasts of a storm's path or strength).
REPORTED_TO = frozenset("say report allege rumor rumour purport repute forecast".split())
# Passives whose gerund after 'of' is a claim of a deed: "X was accused of inciting the murder".
ACCUSED = frozenset({"accuse"})
# Passive directives with no agent: "residents were advised to stay indoors" reports what was asked of them.
PASSIVE_DIRECTIVES = frozenset("advise urge tell ask instruct order warn".split())

# Verbs whose complement clause is the claim but which do not themselves speak (excluded):
# beliefs and plans ("they hope to") are not reported statements.
NOT_REPORTING = frozenset("believe think hope plan want expect wish fear".split())
# The author's own voice ("As I conveyed", "we welcome") is not a reported source; nor is "it".
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us", "it"})
# Subjects under which a cue reports nothing: "nobody asked".
NOBODY = frozenset({"nobody", "none", "neither"})

# Cue words that mark a source rejecting what follows.
DISPUTE_VERBS = frozenset("dispute reject refute contest question".split())
DENY_VERBS = frozenset("deny".split())

# Nouns naming a report, so "in a report by X", "X's statement" credit X.
REPORT_NOUNS = frozenset("""
report reports statement statements interview study survey analysis article post tweet
assessment memo briefing release bulletin account accounts estimate estimates communique
""".split())

# Writings that "read" their words: '“…,” read the statement', 'The letter reads: “…”' (a person who
# reads something out speaks no words of their own).
# A court filing reads so too ('the motion reads'), and says what its filer claims ('filed a motion claiming C').
READING_NOUNS = REPORT_NOUNS | frozenset("letter email editorial warning message notice motion lawsuit petition".split())

# Nouns for where information comes from: "X reported, citing officials" credits the officials
# (otherwise what is cited is the claim: "condemned the act, citing its cost").
INFORMANT_NOUNS = REPORT_NOUNS | frozenset("""
source sources official officials spokesman spokeswoman spokesperson outlet outlets media
newspaper paper agency agencies data figures document documents record records person people
aide aides witness witnesses investigator investigators police authorities
""".split())

# Verbs that report what evidence showed, and the evidence that can be their subject: "the study
# found that C", "C, the research showed" credit C to the study (police "found the body" do not).
# Recorded images and calculations show too ("footage showed C", "the video showed C"), and a court,
# judge or jury finds or decides ("the judge determined C", "the jury decided C"): tune gold, 6 such
# clauses, all annotated; 'decide' with a clause only ('decided to run' is a plan).
FINDING_VERBS = frozenset("show find establish determine decide".split())
EVIDENCE_NOUNS = REPORT_NOUNS | frozenset("""
research data finding findings result results poll test tests investigation autopsy paper
researcher researchers scientist scientists team author authors
footage video image images calculation calculations court jury judge
""".split())

# Nouns naming a speech act whose "that" clause is a reported claim ("Trump's claim that C").
CLAIM_NOUNS = frozenset("""
claim assertion suggestion complaint allegation accusation insistence argument promise pledge
denial admission announcement statement assurance contention warning charge testimony remark
""".split())

# Nouns naming an answer, whose 'that' clause can follow a copula like a claim noun's: "Her
# answer was that C" (noun_reports.predicated).
ANSWER_NOUNS = frozenset({"answer", "response", "reply"})

# Nouns that introduce quoted words as a name or a saying, not as someone's speech
# ('the saying “…”', 'the slogan “…”', 'the hashtag “…”').
NAMED_WORDS_NOUNS = frozenset("""
saying proverb motto slogan maxim adage hashtag nickname
""".split())

# Verb + particle pairs that introduce speech like a single verb ("pointed out that C").
PHRASAL_CUES = frozenset({("point", "out")})

# Qualifier phrases before a number, longest first, with the normal form the record uses.
QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("just", "about"), "about"), (("about",), "about"), (("around",), "about"),
        (("approximately",), "about"), (("roughly",), "about"), (("some",), "about"),
        (("an", "estimated"), "about"), (("estimated",), "about"), (("circa",), "about"),
        (("almost",), "almost"), (("nearly",), "nearly"), (("close", "to"), "nearly"),
        (("just", "under"), "almost"), (("more", "than"), "more than"), (("over",), "over"),
        (("just", "over"), "over"), (("upwards", "of"), "more than"), (("in", "excess", "of"), "more than"),
        (("at", "least"), "at least"), (("no", "fewer", "than"), "at least"), (("no", "less", "than"), "at least"),
        (("a", "minimum", "of"), "at least"), (("up", "to"), "up to"), (("as", "many", "as"), "up to"),
        (("as", "much", "as"), "up to"), (("at", "most"), "up to"), (("a", "maximum", "of"), "up to"),
        (("fewer", "than"), "fewer than"), (("less", "than"), "fewer than"), (("under",), "fewer than"),
        (("below",), "fewer than"), (("at", "least", "some"), "at least"),
    ],
    key=lambda item: -len(item[0]),
)

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Vague quantities: kept as figures with vague=True and a documented floor (ACLED codes
# "dozens" as 12; "several" as 3; "hundreds" as 100 ...).
VAGUE_FLOORS = {
    "several": 3, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000,
}

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                    # the other dollars, by the prefixes newspapers write them with ("C$10,000", "CDN$11,000")
                    "C$": "CAD", "CA$": "CAD", "CDN$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
                    "HK$": "HKD", "S$": "SGD"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "rial": "IRR", "rials": "IRR",
    "dinar": "IQD", "dinars": "IQD", "yuan": "CNY", "rupees": "INR", "yen": "JPY",
    "lari": "GEL", "lira": "TRY", "liras": "TRY", "shekel": "ILS", "shekels": "ILS", "riyal": "SAR",
    "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "naira": "NGN", "rand": "ZAR", "peso": "MXN",
    "pesos": "MXN", "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "złotys": "PLN", "baht": "THB", "won": "KRW",
    "rupiah": "IDR", "taka": "BDT", "afghanis": "AFN",
    "manat": "AZN", "tenge": "KZT", "shilling": "KES", "shillings": "KES",
}
# Calendar words, for datelines and incident dates (extract.dates) and figure periods (analyze.periods).
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PERCENT_WORDS = frozenset({"%", "percent", "per", "pct"})
DURATION_UNITS = frozenset(
    "second minute hour day night week month year decade century fortnight".split()
)
DISTANCE_UNITS = frozenset("""
kilometer kilometre km mile meter metre m foot feet yard hectare acre sq square nautical parsec km2 m2 mi2
centimeter centimetre cm millimeter millimetre mm micrometer micrometre inch ft
""".split())
# unit word -> (canonical key, kilograms); a "pound" here is a weight: the extractor stores money
# in pounds as "GBP" (categories.weight_pounds tells the two apart)
MASSES: dict[str, tuple[str, float]] = {
    "kg": ("kg", 1.0), "kilogram": ("kg", 1.0), "kilo": ("kg", 1.0), "tonne": ("t", 1000.0), "gram": ("g", 0.001),
    "lb": ("lb", 0.45359237), "pound": ("lb", 0.45359237),
}
# two-word units of length whose head alone means something else ("30 astronomical units", "3000 light years")
DISTANCE_COMPOUNDS = frozenset({("astronomical", "unit"), ("light", "year")})
UNCERTAINTY_SIGNS = frozenset({"±", "+/-", "+-"})  # "40.333 ± 0.004 days": a value and its error

# Counted nouns (lemmas) by category; anything else counted is "other". The people nouns from
# "immigrant" on and the event nouns from "contest" on: the nouns PolNeAR train's texts count most
# often that were "other" before (people 115 figures, events 87; each noun at least twice). The last
# line of people, equipment and events: counted nouns the annotation guide's categories name (people,
# vehicles and weapons, things that happen) that the bundled corpus (check gold's documents left out)
# counted as "other" (17 figures: "four males", "ten motorcycles", "611 aftershocks", "14 film festivals").
CATEGORY_NOUNS: dict[str, frozenset[str]] = {
    "casualties": frozenset("casualty casualties".split()),
    # a murder, homicide, suicide or killing is one person's death: "eight murders" counts the dead
    "deaths": frozenset("death fatality dead body corpse murder homicide suicide killing".split()),
    "injuries": frozenset("injury injured wounded".split()),
    "detained": frozenset("prisoner detainee hostage captive arrest pow".split()),
    "troops": frozenset("""
        troop soldier fighter personnel force militant insurgent combatant marine sailor
        airman reservist conscript mercenary jihadist rebel guerrilla recruit volunteer unit
        paratrooper commando sniper officer policeman serviceman servicemember gunman
        attacker assailant bomber militiaman
    """.split()),
    "people": frozenset("""
        people person civilian refugee member child woman man resident citizen migrant
        journalist worker student family household villager patient evacuee protester
        demonstrator voter victim survivor pilgrim mourner inhabitant individual rescuer
        firefighter doctor employee passenger teacher student asylum-seeker participant delegate
        customer user subscriber suspect detainee fan
        official leader lawmaker MP senator nurse pupil athlete fan tourist visitor
        others case son daughter brother sister wife husband parent mother father grandchild
        boy girl adult teenager baby infant researcher scientist astronaut candidate president
        minister judge justice diplomat priest nun witness driver rider cyclist motorcyclist
        player competitor attendee occupant miner pundit crewmember crew representative mp life
        immigrant supporter superdelegate viewer billionaire staffer donor follower nominee hopeful
        winner expert observer kid applicant rival director friend aide manager
        male female youth vendor
    """.split()),
    "equipment": frozenset("""
        tank vehicle aircraft plane jet helicopter drone ship vessel boat submarine weapon
        gun rifle missile rocket launcher artillery howitzer mortar truck excavator crane
        bulldozer apc humvee warplane fighter-jet bomb ammunition round shell munition system grenade
        car motorcycle bus van tractor shotgun pistol
    """.split()),
    "events": frozenset("""
        strike airstrike attack raid sortie bombing explosion engagement incident operation
        assault offensive clash shelling ambush mission protest shooting blast occasion
        crash accident collision fire earthquake flood counterattack airdrop
        contest primary election debate interview campaign meeting speech session lawsuit
        festival concert game match tournament race abortion hurricane storm tornado aftershock eruption try
        visit trip robbery theft rape riot rally conference summit hearing trial referendum ceremony
    """.split()),
}
# Category when the counted noun is a person and the verb or adjective says what happened.
PERSON_FATE = {
    "deaths": frozenset("die kill dead slay slaughter execute murder perish lose".split()),
    "injuries": frozenset("injure wound hurt injured wounded hospitalise hospitalize hospitalised hospitalized".split()),
    "detained": frozenset("arrest detain capture abduct kidnap imprison hold seize".split()),
    "people": frozenset("infect".split()),  # "infected around 35,000 worldwide": people, counted as cases
}

# Singular nouns after a number that make it a designation, not a count ("141 motorized regiment").
DESIGNATION_NOUNS = frozenset("""
regiment battalion brigade division squadron corps fleet wing company battery platoon
army group unit detachment flotilla base district resolution article flight route highway
road street avenue chapter section paragraph amendment
""".split())

PRONOUNS_PERSON = frozenset("he she him her his".split())
PRONOUNS_GROUP = frozenset("they them it we".split())
# every pronoun a speaker or claimant field may hold when nobody is named: no name at all
PRONOUN_NAMES = frozenset("i me we us you he him she her they them it who whom which that this one".split())
# Words that head an unnamed source only with what follows them: "those surveyed", "some who
# advocate X", "most of them", "half of respondents" (the head alone names nobody).
PARTITIVE_HEADS = frozenset("""
some those these many most several others few all both half one none each any majority plurality
""".split())

# Verbs by which a count reaches a bare number ("deaths surpassed 100,000", "the toll rose to 22"), and the
# nouns that only say "how many" of what follows them ("the number of casualties", "a total of 39").
REACHING_VERBS = frozenset("surpass exceed reach top pass rise climb increase jump hit total grow stand".split())
COUNT_NOUNS = frozenset("number total count tally".split())
# Nouns for a body of people whose size a bare number gives ("a crowd of 10,000", "a population of 2 billion").
POPULATION_NOUNS = frozenset("population crowd audience turnout attendance".split())
# Determiners that make a number a back-reference to one already given ("the 36", "all four", "these five
# weeks"); possessives are left out: "their two sons" says how many sons they have (extract.references).
BACK_REFERENCE_DETERMINERS = frozenset("the these those all".split())
# Words for a person of any kind: "the nine men" can point back to nine suspects, victims or soldiers.
GENERIC_PERSON_NOUNS = frozenset("person people man woman individual".split())
# --- figures: units and counts the number readers meet ---------------------------------------
# ISO codes of the currencies above, written before or glued to a number ("SEK9 million", "USD 26.95").
CURRENCY_CODES = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())
# Units of speed: a figure of its own kind, not a length ("100 mph (161 km/h)").
SPEED_UNITS = frozenset("mph kph km/h kmh knot".split())
# Units written glued to their number in one token the tokenizer keeps whole ("1au;", "60km/s"; "139km"
# it splits): the unit word and the figure's category (4 such tokens in the bundled corpus, 2 kept whole).
GLUED_UNITS = {"au": "distance", "km": "distance", "cm": "distance", "mm": "distance", "kg": "other",
               "mph": "other", "kph": "other"}
# Fractions in words are no figures (annotation guide): "two thirds", "three-quarters".
FRACTION_WORDS = frozenset("half third quarter fifth sixth seventh eighth ninth tenth".split())
# Adverbs that count occurrences ("re-elected twice"); "once" mostly means "formerly" and is left out.
COUNT_ADVERBS = {"twice": 2, "thrice": 3}
# Words after "N times" or "twice" that make it a multiplier ("2.6 times more lethal", "twice the size").
MULTIPLIER_WORDS = frozenset("as the that more less larger bigger higher greater smaller faster harder".split())
# Words before a number that make it a label, not an amount ("round 3", "version 5.3", "magnitude 4.0").
LABEL_NOUNS = frozenset("number version phase category magnitude level day round region".split())
# Verbs whose object or "to" phrase is an amount even without a noun ("rose to 58", "surpassed 100,000").
CHANGE_VERBS = frozenset("rise increase climb reach surpass exceed total drop fall grow jump decline number stand".split())
# Verbs that make "N lives" deaths ("the virus claimed 6606 lives"); "lives saved" stay people.
LIFE_TAKING_VERBS = frozenset("claim take cost lose".split())

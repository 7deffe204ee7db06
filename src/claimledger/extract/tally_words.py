"""Word lists for tallies and incidents: what happened to the people counted, who they were, where
and when it happened, and what kind of event it was.

Kept apart from ``lexicon`` (the words of speech and of figures) so each list has one home a
reviewer can read; like it, data only.
"""

# --- tallies: what happened to people, and who they were -------------------------------------
# Lemmas of verbs whose object (or passive subject) is the people it happened to.
TALLY_VERBS = {
    "deaths": frozenset("kill die slay execute murder perish assassinate behead massacre".split()),
    "injuries": frozenset("wound injure hurt maim stab shoot hospitalize hospitalise".split()),
    "detained": frozenset("detain arrest capture apprehend abduct kidnap imprison".split()),
}
# Adjectives and nouns that carry the fate themselves: "two dead", "ten insurgent deaths".
TALLY_ADJECTIVES = {"dead": "deaths", "wounded": "injuries", "injured": "injuries", "missing": "missing"}
# A murder is one person's death, as the figure categories count it ("admitted his guilt in eight murders");
# not "killing" or "homicide": "the senseless killing of X" restates a death the text already told (bundled
# corpus: a journalist counted twice).
TALLY_NOUNS = {
    "death": "deaths", "fatality": "deaths", "casualty": "casualties", "injury": "injuries", "murder": "deaths",
    "arrest": "detained", "detention": "detained",
}
# "Taken into custody", "taken prisoner", "taken hostage".
CUSTODY_WORDS = frozenset("custody prisoner hostage captive".split())
# Words above a fate that make it no event of this report: "responsible for killing",
# "planning to kill", "suspected of murdering", "known to kidnap".
NOT_AN_EVENT = frozenset("""
responsible involve plan intend attempt try threaten seek want conspire link suspect accuse
know believe facilitate coordinate organize organise orchestrate direct prepare aim
chance risk avoid prevent minimize minimise threat
""".split())
# The armed groups a report names by name: victims' group words, and a sign of war reporting (WAR_WORDS).
ARMED_GROUP_NAMES = frozenset("taliban haqqani al-qaeda al-shabaab isis isil daesh hamas hezbollah houthi".split())
# Victims' group by the nouns (lemmas) that name them; checked on modifiers first, then the head.
VICTIM_GROUPS: dict[str, frozenset[str]] = {
    "security forces": frozenset("""
        soldier troop police policeman policemen policewoman officer servicemember serviceman
        personnel marine sailor airman guard army ansf ana anp coalition isaf trooper
        paratrooper commando conscript reservist border-guard general colonel lieutenant sergeant
        captain corporal admiral navy
    """.split()),
    "armed groups": ARMED_GROUP_NAMES | frozenset("""
        insurgent militant fighter rebel jihadist extremist terrorist bomber
        facilitator commander leader militia militiaman guerrilla mercenary
        sub-commander operative financier emir bomb-maker enemy combatant sniper
    """.split()),
    "civilians": frozenset("""
        civilian child children woman women villager resident passenger pedestrian student
        worker journalist farmer boy girl family tourist pilgrim worshipper patient teacher
        doctor nurse refugee shopper bystander infant baby mourner protester demonstrator
        people person passenger occupant firefighter inmate prisoner guest visitor customer fan
        spectator pupil employee staff resident user
    """.split()),
}
# Words that make a report one of fighting, where a victim of no stated side may be on either: armed forces
# and armed groups at war. Not "army", "military", "marine" or "terrorist", which news of crashes and
# shootings also uses (bundled corpus without check documents: 8 such reports, their victims civilians by
# reading), nor the police (a police report's suspects are civilians).
WAR_WORDS = ARMED_GROUP_NAMES | frozenset("""
coalition isaf ansf airstrike troop soldier insurgent militant rebel militia navy peshmerga
""".split())
# Nouns that stand for people without saying which side: still counted, group "unspecified".
PERSON_NOUNS = frozenset("""
man men individual victim member associate body corpse adult elder relative brother son father
driver crew someone others other suspect attacker assailant gunman shooter perpetrator
daughter sister mother wife husband parent sibling spouse grandson granddaughter grandchild cousin uncle aunt
nephew niece
""".split())
# Nouns for things: the object of "killed" or "arrested" is a person unless it is one of these.
THING_NOUNS = frozenset("""
time hope chance plan idea project deal bill law vote talk process effort growth power signal
engine motor light fire animal lion dog horse cattle livestock bird tree plant crop convoy
building house home car train bus road bridge town village city area
""".split())
# Collective nouns whose "of" phrase names the people: "a group of insurgents".
COLLECTIVE_NOUNS = frozenset("group number handful couple dozen dozens team cell band".split())
# The casualty coders' floors for vague amounts (tallies only; figures keep VAGUE_FLOORS).
TALLY_FLOORS: list[tuple[tuple[str, ...], int]] = sorted(
    [
        (("a", "couple"), 2), (("couple",), 2), (("several",), 3), (("a", "few"), 3), (("few",), 3),
        (("some",), 3), (("a", "group"), 3), (("a", "small", "group"), 3), (("multiple",), 3),
        (("numerous",), 4), (("a", "handful"), 4), (("handful",), 4), (("a", "large", "number"), 5),
        (("a", "number"), 3), (("dozens",), 24), (("a", "dozen"), 12), (("many",), 3), (("scores",), 40),
    ],
    key=lambda item: -len(item[0]),
)
# Plural people "without further details" ("insurgents were detained"): the coders' floor.
BARE_PLURAL_FLOOR = 2
# Determiners that point back to people already counted.
ANAPHORIC_DETERMINERS = frozenset("the these those this that all both each its their his her".split())
# Words that name the level of a place: "Andar district, Ghazni province".
PLACE_LEVELS = {
    "village": 0, "town": 0, "city": 0, "area": 0, "neighbourhood": 0, "neighborhood": 0,
    "district": 1, "county": 1, "municipality": 1,
    "province": 2, "region": 2, "state": 2, "governorate": 2, "oblast": 2,
    "districts": 1, "provinces": 2, "regions": 2, "states": 2,
}
# Relative date words and how many days before the report's date they point.
DATE_OFFSETS = {"yesterday": 1, "last night": 1, "overnight": 0, "today": 0, "this morning": 0, "tonight": 0,
                "earlier today": 0, "the day before": 1}
# Deaths from illness or age are no casualties of an incident: casualty recorders count deaths
# by violence, accident and disaster. A death whose sentence names one of these is left out.
NATURAL_CAUSES = frozenset("""
virus coronavirus covid covid-19 disease illness cancer ebola pneumonia infection infected outbreak
pandemic epidemic flu influenza sars mers cholera measles malaria tuberculosis aids hiv stroke
dementia alzheimer leukemia tumour tumor complications cardiac ill
""".split())
# What makes an "arrest" a failing body, not a detention: "a cardiac arrest", "respiratory arrest".
MEDICAL_ARRESTS = frozenset("cardiac heart respiratory cardiopulmonary cardiorespiratory".split())
# Words that tell of an incident. "Die", "dead" and "death" are casualties only beside one
# ("died in the crash", "resulted in ten deaths" after an engagement); without one they are
# the deaths an obituary or an epidemic report tells of.
INCIDENT_WORDS = frozenset("""
attack strike airstrike air-strike bombing bomb blast explosion explode crash collision fire shooting
shoot gunfire gunman clash fighting fight battle raid ambush earthquake flood storm hurricane cyclone
typhoon tsunami landslide avalanche collapse stampede engagement firefight operation war shelling
missile rocket mortar drone ied grenade accident derail overturn sink capsize wreck massacre assault riot
violence killing execution suicide invasion offensive combat conflict insurgency
""".split())
# What kind of event a count belongs to, by the words around it (``analyze.incident_objects``).
# Checked nearest-first in the count's sentence, then the sentence before, then the title. Kinds
# follow what casualty recorders and the bundled corpus tell apart (counts: docs/analysis.md).
# Diseases named by the outbreaks they cause: one outbreak's counts are revised for weeks (``analyze.incidents``).
DISEASES = frozenset("measles cholera ebola coronavirus covid-19".split())
EVENT_KINDS: dict[str, frozenset[str]] = {
    "airstrike": frozenset("airstrike airstrikes air-strike air-strikes bombardment bombardments".split()),
    "bombing": frozenset("""
        bombing bombings bomb bombs bomber bombers ied ieds car-bomb suicide-bomber explosive explosives
    """.split()),
    "explosion": frozenset("explosion explosions blast blasts exploded explodes".split()),
    "shooting": frozenset("shooting shootings gunman gunmen gunfire shooter shot".split()),
    "shelling": frozenset("shelling shelled artillery rocket rockets missile missiles mortar mortars".split()),
    "raid": frozenset("raid raids".split()),
    "clash": frozenset("clash clashes clashed fighting firefight battle battles ambush ambushed".split()),
    "attack": frozenset("attack attacks attacked assault assaulted massacre".split()),
    "war": frozenset("invasion offensive".split()),  # not "war": "World War II-era plane", "civil war" background
    "crash": frozenset("crash crashed crashes collision collided derailed derailment".split()),
    "collapse": frozenset("collapse collapsed collapses".split()),
    "fire": frozenset("fire fires blaze wildfire wildfires bushfire bushfires arson".split()),
    "earthquake": frozenset("earthquake earthquakes quake tremor".split()),
    "flood": frozenset("flood floods flooding landslide landslides".split()),
    "storm": frozenset("hurricane cyclone typhoon tornado".split()),  # not "storm": "tried to storm parliament"
    "stampede": frozenset("stampede crush".split()),
    "outbreak": frozenset("outbreak epidemic pandemic virus".split()) | DISEASES,
    "protest": frozenset("protest protests protesters demonstration demonstrations riot riots".split()),
    "vote": frozenset("vote votes voted election elections referendum ballot ballots".split()),
}
# Kinds that name the same event at another grain: an attack may be the bombing another report
# tells of; a war holds its attacks; an explosion can bring a building down.
EVENT_KIN: dict[str, frozenset[str]] = {
    "attack": frozenset("bombing shooting airstrike raid shelling explosion clash".split()),
    "war": frozenset("attack airstrike shelling clash raid bombing".split()),
    "explosion": frozenset("bombing attack collapse fire".split()),
    "clash": frozenset("attack raid shelling".split()),
    "earthquake": frozenset("collapse flood".split()),
    "crash": frozenset("fire explosion".split()),
    "protest": frozenset("clash attack shooting".split()),  # protests turn violent: "protester killings"
    "storm": frozenset("flood".split()),
}
# Phrases read as another kind's word before the words are looked up ("opened fire" is a shooting).
EVENT_PHRASES = {r"\b(?:open|opens|opened|opening|returned|return) fire\b": "gunfire"}

"""Reading a number written in digits or words, as the figures extractor does.

The guide: written-out numbers count ("six" -> 6), and a number is read with its scale
("1.5 million", "two hundred thousand"); ordinals and a bare "a"/"an" never start a number.
Each case reads the number where it stands in a real corpus sentence (the pipeline's own
tokenizer), and checks both the value and that the whole written number was consumed.
"""

from __future__ import annotations

import pytest

from claimledger.extract.numbers import currency_code, glued, is_number_start, read_number, scaled_range

# (sentence, the number as written in it, value)
NUMBERS = [
    pytest.param("The Russians heavily dispute this number, reporting just about 500 casualties last week, while "
                 "the Pentagon states that 4,000 Russian troops had died.", "4,000", 4_000, id="thousands-comma"),
    pytest.param("By yesterday, the World Health Organization reported 1,051,635 confirmed cases, including "
                 "79,332 cases in the twenty four hours preceding 10 a.m. Central European Time (0800 UTC) on April "
                 "4.", "1,051,635", 1_051_635, id="millions-commas"),
    pytest.param("Russia suffers one of the highest death tolls from road accidents in the world, reportedly 18.9 "
                 "deaths per 100,000 people per year; this is lower than previous years.", "18.9", 18.9,
                 id="decimal"),
    pytest.param("Stamenković et al cite research from 2014 showing some simple sponges can survive with only "
                 "0.002 moles of oxygen per cubic meter (0.064 mg per liter).", "0.002", 0.002,
                 id="decimal-below-one"),
    pytest.param("Of the 2.8 million who voted, 85% were in favour and on Friday the government announced the new "
                 "region, to be called Bangsamoro, would be governing itself from 2022. ", "2.8 million",
                 2_800_000, id="decimal-million"),
    pytest.param("Longer term, according to NASA administrator Jim Bridenstine, the goal is to render space "
                 "accessible to many customers and, through commercial competition, do so at a lower cost than the "
                 "space shuttle missions, which ran about US$1.5 billion apiece.", "1.5 billion", 1_500_000_000,
                 id="decimal-billion-after-currency"),
    pytest.param("In the United States, over 244 thousand coronavirus cases were recorded, linking to at least "
                 "5,900 deaths.", "244 thousand", 244_000, id="digits-word-scale"),
    pytest.param("The United Nations said some 60 thousand people are in need of food and drinking water.",
                 "60 thousand", 60_000, id="digits-thousand"),
    pytest.param("Phase two was planned to affect over two hundred thousand customers.", "two hundred thousand",
                 200_000, id="words-hundred-thousand"),
    pytest.param("Blind Faith recorded only one studio album but notably played before a crowd of a hundred "
                 "thousand at a free concert in London's Hyde Park.", "a hundred thousand", 100_000,
                 id="a-hundred-thousand"),
    pytest.param("More than a million people attended an earlier funeral procession, which took place in Tehran "
                 "on Monday.", "a million", 1_000_000, id="a-million"),
    pytest.param("Police said over a hundred people attended the party, located in Allegheny County, four of whom "
                 "were injured in the shooting.", "a hundred", 100, id="a-hundred"),
    pytest.param("Negron served eight years of a thirty-five year sentence before being granted clemency.",
                 "thirty-five", 35, id="hyphenated-tens-units"),
    pytest.param("Ninety-Four Citizen Airmen from the 507th Air Refueling Wing here departed for a deployment to "
                 "Incirlik Air Base, Turkey to support Operation Inherent Resolve with KC-135R Stratotanker air "
                 "refueling support. ", "Ninety-Four", 94, id="capitalised-hyphenated"),
    pytest.param("He went on to serve in the House of Representatives for twenty three years.", "twenty three",
                 23, id="tens-units-with-space"),
    pytest.param("By yesterday, the World Health Organization reported 1,051,635 confirmed cases, including "
                 "79,332 cases in the twenty four hours preceding 10 a.m. Central European Time (0800 UTC) on April "
                 "4.", "twenty four", 24, id="twenty-four"),
    pytest.param("An apartment block caught fire on Saturday morning in Badalona, a Catalonian city around ten "
                 "kilometres from Barcelona. The blaze killed three, including a 92-year-old woman, and injured "
                 "sixteen, including a baby.", "sixteen", 16, id="teen"),
    pytest.param("As of late Tuesday, 20 bodies had been recovered, eleven women and nine men, according to Brown.",
                 "eleven", 11, id="eleven"),
    pytest.param("Near Ar Raqqah, 15 strikes engaged five ISIL tactical units; destroyed six oil refinement "
                 "stills, three supply caches, two bridges, two artillery systems, a VBIED, a bulldozer, a UAV, an "
                 "IED, a dump truck, a pontoon bridge, a tank, and an armored vehicle; and damaged a supply route.",
                 "five", 5, id="units"),
]


def token_at(doc, number: str):
    start = doc.text.index(number)
    return next(t.i for t in doc if t.idx == start), start + len(number)


@pytest.mark.parametrize(("sentence", "number", "value"), NUMBERS)
def test_read_number(nlp, sentence, number, value):
    doc = nlp.make_doc(sentence)
    tokens = list(doc)
    i, end = token_at(doc, number)
    assert is_number_start(tokens[i])
    read = read_number(tokens, i)
    assert read is not None, f"{number!r} not read"
    got, j = read
    assert got == pytest.approx(value), f"{number!r} read as {got}"
    assert tokens[j - 1].idx + len(tokens[j - 1]) == end, f"{number!r} read as {doc[i:j].text!r}"


# (sentence, a word that must not start a number)
NOT_NUMBERS = [
    pytest.param("Booker was assigned to 2nd Battalion, 5th Special Forces Group, Fort Campbell, Kentucky.", "2nd",
                 id="ordinal"),
    pytest.param("On behalf of President Obama and the American people, I congratulate the people of Turkey as you "
                 "celebrate the 93rd anniversary of the founding of your republic on October 29.", "93rd",
                 id="ordinal-rd"),
    pytest.param("It was reported that a convoy of 56 Chechen tanks and their general Magomed Tushayev, head of "
                 "the 141 motorized regiment of the Chechnya National Guard, had been killed by Ukrainian forces.",
                 "a convoy", id="article-a"),
    pytest.param("Near Ar Raqqah, 15 strikes engaged five ISIL tactical units; destroyed six oil refinement "
                 "stills, three supply caches, two bridges, two artillery systems, a VBIED, a bulldozer, a UAV, an "
                 "IED, a dump truck, a pontoon bridge, a tank, and an armored vehicle; and damaged a supply route.",
                 "an IED", id="article-an"),
]


@pytest.mark.parametrize(("sentence", "words"), NOT_NUMBERS)
def test_not_a_number_start(nlp, sentence, words):
    doc = nlp.make_doc(sentence)
    i, _ = token_at(doc, words)
    assert not is_number_start(doc[i])


# (sentence, the number as written in it, value): forms read since the figures guide's unit and currency patterns
MORE_NUMBERS = [
    pytest.param("This year, the butterflies occupied roughly 6.05 hectares (14.95 acres; .0605 square km), up from "
                 "2.48 (6.12 acres) last year.", ".0605", 0.0605, id="leading-point"),
    pytest.param("They are to share a monetary award of SEK9 million (approximately GBP738 thousand or USD910 "
                 "thousand) from the Nobel Foundation.", "SEK9 million", 9_000_000, id="currency-code-glued"),
    pytest.param("So, with all the various aspects put together, it's probably two and a half years.",
                 "two and a half", 2.5, id="and-a-half"),
]


@pytest.mark.parametrize(("sentence", "number", "value"), MORE_NUMBERS)
def test_read_more_numbers(nlp, sentence, number, value):
    test_read_number(nlp, sentence, number, value)


def test_currency_code_only_for_currencies():
    assert currency_code("USD910") == "USD" and currency_code("GBP738") == "GBP"
    assert currency_code("AXB1344") is None and currency_code("TVN24") is None


def test_scaled_range_spreads_the_scale(nlp):
    doc = nlp.make_doc("The United States government accused Avenatti of trying of pressure Nike for about 15–25 "
                       "million dollars, threatening to give a news conference.")
    tokens = list(doc)
    j = next(t.i for t in doc if t.text == "15–25") + 1
    assert scaled_range(tokens, j, 15, 25) == (15_000_000, 25_000_000, j + 1)


def test_a_unit_glued_to_its_number_is_read_with_it():
    # "(1au; 150 million km; 93 million miles)", "Amplitude of 60km/s [about 37 miles per second]"
    assert glued("1au") == (1.0, "au") and glued("60km") == (60.0, "km") and glued("2.5kg") == (2.5, "kg")
    assert glued("10am") is None and glued("1st") is None and glued("737") is None  # a time, an ordinal, digits

"""Numbers that count without a counted noun (extract/bare_counts.py).

The guide counts a number whenever it states an amount, also when the noun is left out
('five of these', 'only 27 have ratified', 'voted 66 to 27'); labels and references back
look alike but state none ('region six of', 'the 36 must face'). Real corpus sentences.
"""

from __future__ import annotations

import pytest

from claimledger.extract.bare_counts import elliptical, meaningful_bare
from claimledger.extract.score_pairs import tally_pair

from .support import token_at

TAIWAN = (
    "On Friday the legislature of Taiwan, the Legislative Yuan, voted 66 to 27 to legalize same-sex marriage, seven "
    "days ahead of the two-year deadline issued by the country's Constitutional Court in 2017."
)


# (sentence, the number as written, a count without its noun?)
ELLIPTICAL = [
    pytest.param("In the Republican Iowa caucuses, ABC News reported President Trump is expected to win the "
                 "eventual nomination, but only secured 39 of the state's 40 delegates.", "39", True,
                 id="partitive-with-owner"),
    pytest.param("While 54 nations have signed onto the AfCFTA, only 27 have ratified the agreement.", "27", True,
                 id="subject-of-a-verb"),
    pytest.param("On Thursday officials reported the number of cases in the outbreak rose to 58.", "58", True,
                 id="object-of-a-change"),
    pytest.param(TAIWAN, "27", True, id="lower-side-of-a-vote"),
    pytest.param("In addition, she chaired region six of the Constitution Party of Idaho.", "six", False,
                 id="label"),
    pytest.param("According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, "
                 "said the 36 must face \"murder and terrorism charges\", adding Iran will pursue the prosecution of "
                 "Trump even after he ends serving as president of the US.", "36", False, id="reference-back"),
]


@pytest.mark.parametrize(("sentence", "words", "expected"), ELLIPTICAL)
def test_elliptical(nlp, sentence, words, expected):
    assert elliptical(token_at(nlp(sentence), words)) is expected


def test_tally_pair_needs_the_lower_side_second(nlp):
    doc = nlp(TAIWAN)
    assert tally_pair(token_at(doc, "66")) and tally_pair(token_at(doc, "27"))
    rising = nlp("Meanwhile, the total reported casualties increased to 167 from a previous 93 injured people.")
    assert not tally_pair(token_at(rising, "167"))


def test_meaningful_bare_killed(nlp):
    doc = nlp("An apartment block caught fire on Saturday morning in Badalona, a Catalonian city around ten "
              "kilometres from Barcelona. The blaze killed three, including a 92-year-old woman, and injured "
              "sixteen, including a baby.")
    assert meaningful_bare(token_at(doc, "three"), 3) and meaningful_bare(token_at(doc, "sixteen"), 16)

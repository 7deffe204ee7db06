"""Naming one phrase on its own: a cue's subject as a name and a title, or an unnamed source's
description with the modifiers that say which people it means (annotation guide: "for an unnamed
speaker use the description"). Passages are real corpus text."""

from __future__ import annotations

from claimledger.extract.names import describe


def test_description_keeps_an_adjectives_complement(nlp):
    """'sources close to the investigation': the adjective after the head brings its own complement,
    without which the description says nobody in particular."""
    doc = nlp("According to Agence France-Presse, which cited sources close to the investigation, the man had "
              "converted to Islam a year-and-a-half ago.")
    sources = next(t for t in doc if t.text == "sources")
    assert describe(sources).name == "sources close to the investigation"


def test_name_and_title_kept_apart(nlp):
    """'Pentagon spokesperson John Kirby': the person's name, the title beside it."""
    doc = nlp("“It’s interesting that (Russian President Vladimir) Putin would have to rely on foreign fighters,” "
              "said Pentagon spokesperson John Kirby.")
    kirby = next(t for t in doc if t.text == "Kirby")
    speaker = describe(kirby)
    assert (speaker.name, speaker.title, speaker.is_person) == ("John Kirby", "Pentagon spokesperson", True)

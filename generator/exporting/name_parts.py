"""A full name split into the parts of a vCard's `N`, the way address books sort.

"Daan van der Berg" is given "Daan", family "van der Berg": surname particles belong
to the family name (the card sorts under "van der Berg" and shows the whole surname).
A `first_name` the plan gives decides where the given name ends ("Mary Ann Smith"
with first_name "Mary Ann") or, at the end of the name, that the family name comes
first ("Kim Min-jun" with first_name "Min-jun").
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.names import fold

# Words that start a family name (Dutch, German, French, Italian, Spanish, Portuguese,
# Scandinavian, Arabic, Hebrew), compared without case or accents. Joining words ("y"
# in "Ortega y Gasset", "und" in "von und zu") stay inside one and start none.
PARTICLES = frozenset(
    {
        "van",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "de",
        "der",
        "den",
        "des",
        "del",
        "della",
        "delle",
        "dei",
        "degli",
        "di",
        "da",
        "dal",
        "dalla",
        "das",
        "do",
        "dos",
        "du",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "ter",
        "ten",
        "te",
        "'t",
        "af",
        "av",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
    }
)


@dataclass(frozen=True)
class NameParts:
    family: str
    given: str
    additional: str = ""
    # A first name that is no part of the full name ("Bob" for Robert Smith).
    nickname: str = ""


def name_parts(name: str, first_name: str = "") -> NameParts:
    """The parts of `name`; `first_name` is the plan's, or empty when it was not given."""
    words = name.split()
    folded = [fold(word) for word in words]
    wanted = [fold(word) for word in first_name.split()]
    count = len(wanted)
    nickname = "" if _within(wanted, folded) else first_name
    if wanted and not nickname and count < len(words):
        # Spelled as in the full name, so the parts put together give it back.
        if folded[:count] == wanted:
            return NameParts(" ".join(words[count:]), " ".join(words[:count]))
        if folded[-count:] == wanted:
            family, *middle = words[:-count]
            return NameParts(family, " ".join(words[-count:]), " ".join(middle))
    if len(words) <= 1:
        # A single name is what the person is called: the given name (as Playbook
        # greets them), with no family name to sort by.
        return NameParts(family="", given=name.strip(), nickname=nickname)
    start = _family_start(words)
    return NameParts(" ".join(words[start:]), " ".join(words[:start]), nickname=nickname)


def _within(wanted: list[str], folded: list[str]) -> bool:
    """The words of a first name appear, in order, in the full name (or none given)."""
    count = len(wanted)
    return any(folded[i : i + count] == wanted for i in range(len(folded) - count + 1))


def _family_start(words: list[str]) -> int:
    """The first particle with a non-particle before it (a given name) and after it (the
    surname proper), else the last word."""
    particle = [fold(word) in PARTICLES for word in words]
    for index in range(1, len(words) - 1):
        if particle[index] and not all(particle[:index]) and not all(particle[index:]):
            return index
    return len(words) - 1

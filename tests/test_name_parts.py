"""vCard `N`: surname particles belong to the family name, as address books sort."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

from generator.cli import cli
from generator.exporting.name_parts import NameParts, name_parts

# (name, first_name as the plan gives it or "", family, given, additional, nickname)
NAMES = [
    ("Daan van der Berg", "", "van der Berg", "Daan", "", ""),
    ("Ludwig van Beethoven", "", "van Beethoven", "Ludwig", "", ""),
    ("Jan de Vries", "", "de Vries", "Jan", "", ""),
    ("Kevin De Bruyne", "", "De Bruyne", "Kevin", "", ""),  # capitalised, Belgian style
    ("Johann Sebastian von Bach", "", "von Bach", "Johann Sebastian", "", ""),
    ("Hans von und zu Liechtenstein", "", "von und zu Liechtenstein", "Hans", "", ""),
    ("Leonardo da Vinci", "", "da Vinci", "Leonardo", "", ""),
    ("João dos Santos", "", "dos Santos", "João", "", ""),
    ("María de la Cruz", "", "de la Cruz", "María", "", ""),
    ("Anna Maria de Souza Santos", "", "de Souza Santos", "Anna Maria", "", ""),
    ("Marco Della Rosa", "", "Della Rosa", "Marco", "", ""),
    ("Ahmed Al Mansouri", "", "Al Mansouri", "Ahmed", "", ""),
    ("Pieter ter Horst", "", "ter Horst", "Pieter", "", ""),
    ("José Ortega y Gasset", "", "Gasset", "José Ortega y", "", ""),  # "y" starts nothing
    # Without a particle: the last word, as before.
    ("Anna Nowak", "", "Nowak", "Anna", "", ""),
    ("Mary Ann Smith", "", "Smith", "Mary Ann", "", ""),
    ("Jean-Claude Juncker", "", "Juncker", "Jean-Claude", "", ""),
    # A particle as the last word, or as the first, starts no family name.
    ("Anna Maria van", "", "van", "Anna Maria", "", ""),
    ("Van Morrison", "", "Morrison", "Van", "", ""),
    ("De la Cruz", "", "Cruz", "De la", "", ""),
    # A single name: the given name, nothing to sort by.
    ("Sukarno", "", "", "Sukarno", "", ""),
    ("Björk", "Bjork", "", "Björk", "", ""),
    ("Madonna", "Maddie", "", "Madonna", "", "Maddie"),
    # A first_name override decides where the given name ends...
    ("Mary Ann van der Berg", "Mary Ann", "van der Berg", "Mary Ann", "", ""),
    ("José María García López", "José María", "García López", "José María", "", ""),
    (
        "María de los Ángeles García",
        "María de los Ángeles",
        "García",
        "María de los Ángeles",
        "",
        "",
    ),
    ("Zoë Marie de Wit", "zoe marie", "de Wit", "Zoë Marie", "", ""),  # spelled as in the name
    # ...or, at the end of the name, that the family name comes first.
    ("Kim Min-jun", "Min-jun", "Kim", "Min-jun", "", ""),
    ("Nguyễn Văn An", "An", "Nguyễn", "An", "Văn", ""),
    # A first name that is no part of the name is a nickname; the parts come from the name.
    ("Robert van Dijk", "Bob", "van Dijk", "Robert", "", "Bob"),
]


@pytest.mark.parametrize(("name", "first", "family", "given", "additional", "nickname"), NAMES)
def test_name_parts(
    name: str, first: str, family: str, given: str, additional: str, nickname: str
) -> None:
    assert name_parts(name, first) == NameParts(family, given, additional, nickname)


COMPANY = """\
name: Polder Logistics
sector: Automation
country: Netherlands
priority: 3
people:
  - name: Daan van der Berg
    role: Director
  - name: Sukarno
  - name: Mary Ann Smith
    first_name: Mary Ann
  - name: Mary Ann Jones
  - name: Kim Min-jun
    first_name: Min-jun
  - name: Robert van Dijk
    first_name: Bob
"""


def test_vcard_n_of_people_in_a_plan(small_plan: Path) -> None:
    (small_plan / "companies" / "polder.yaml").write_text(COMPANY, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--plans", str(small_plan), "--today", "2026-11-26", "export", "vcard"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    cards = {
        card.fn.value: card
        for card in vobject.readComponents(result.stdout)
        if card.org.value == ["Polder Logistics"]
    }
    n = {
        name: (c.n.value.family, c.n.value.given, c.n.value.additional) for name, c in cards.items()
    }
    assert n == {
        "Daan van der Berg": ("van der Berg", "Daan", ""),
        "Sukarno": ("", "Sukarno", ""),
        "Mary Ann Smith": ("Smith", "Mary Ann", ""),
        "Mary Ann Jones": ("Jones", "Mary Ann", ""),  # no first_name: the last word
        "Kim Min-jun": ("Kim", "Min-jun", ""),
        "Robert van Dijk": ("van Dijk", "Robert", ""),
    }
    nicknames = {name: c.nickname.value for name, c in cards.items() if "nickname" in c.contents}
    assert nicknames == {"Robert van Dijk": "Bob"}
    # Written as vCard 4.0 reads it: family;given;additional;prefix;suffix.
    assert b"\r\nN:van der Berg;Daan;;;\r\n" in result.stdout_bytes

"""One row per person as CSV, and one vCard 4.0 card per person."""

from __future__ import annotations

import csv
import io
import uuid

import vobject

from generator.exporting.name_parts import name_parts
from generator.metrics.situation import Situation
from generator.model.derive import first_name_of
from generator.model.model import Person
from generator.model.names import fold

CSV_COLUMNS = (
    "name",
    "company",
    "sector",
    "role",
    "focus",
    "country",
    "stage",
    "last contact",
    "next step",
    "linkedin",
    "email",
)
# The namespace of the cards' UIDs: a card keeps its UID from one export to the next.
_UID_NAMESPACE = uuid.UUID("6f1c1f52-5d0b-4a8e-9d3e-3b1f0c6a2e71")


def csv_row(situation: Situation, person: Person) -> list[str]:
    known = situation[person]
    return [
        person.name,
        person.company.name,
        person.sector.name,
        person.role,
        person.focus.value,
        known.effective_country,
        known.stage.value,
        known.last_contact.isoformat() if known.last_contact else "",
        situation.next_step(person),
        person.linkedin,
        person.email,
    ]


def contacts_csv(situation: Situation, for_spreadsheet: bool = True) -> str:
    """CRLF rows; for a file, a byte-order mark too, so spreadsheets read it as UTF-8
    (a pipe into another program gets none)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for person in situation.plan.people:
        writer.writerow(_spreadsheet_safe(csv_row(situation, person)))
    return ("\ufeff" if for_spreadsheet else "") + out.getvalue()


def _spreadsheet_safe(row: list[str]) -> list[str]:
    """A cell that starts like a formula (=, +, -, @) is shown as text, not run."""
    return [f"'{cell}" if cell[:1] in ("=", "+", "-", "@") else cell for cell in row]


def person_key(person: Person) -> str:
    """A stable identity for exports: the same person keeps it from one export to the next."""
    return str(uuid.uuid5(_UID_NAMESPACE, f"{person.company.name}/{person.name}"))


def card_uid(person: Person) -> str:
    return f"urn:uuid:{person_key(person)}"


def vcards(situation: Situation) -> str:
    return "".join(_card(situation, person).serialize() for person in situation.plan.people)


def _given_first_name(person: Person) -> str:
    """The plan's `first_name`, or "" where it is only the name's first word (as when
    the file gives none)."""
    if fold(person.first_name) == fold(first_name_of(person.name)):
        return ""
    return person.first_name


def _card(situation: Situation, person: Person) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("uid").value = card_uid(person)
    card.add("fn").value = person.name
    parts = name_parts(person.name, _given_first_name(person))
    card.add("n").value = vobject.vcard.Name(
        family=parts.family, given=parts.given, additional=parts.additional
    )
    if parts.nickname:
        card.add("nickname").value = parts.nickname
    card.add("org").value = [person.company.name]
    if person.role:
        card.add("title").value = person.role
    if person.email:
        card.add("email").value = person.email
    if person.linkedin:
        card.add("url").value = person.linkedin
    note = (
        f"Playbook: {person.sector.name} · stage {situation[person].stage.value} · "
        f"focus {person.focus.value}"
    )
    card.add("note").value = note
    return card

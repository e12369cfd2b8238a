"""Read LinkedIn's Connections.csv, on its own or inside the data-export zip LinkedIn sends.

The export ("Get a copy of your data" → Connections) starts with a few lines of notes
before the header row; older exports have no `URL` column, and an export made in
another language translates the header (`Vorname,Nachname,URL,E-Mail-Adresse,
Unternehmen,Position,Verbunden am`). Rows of members who hide their name have empty
names: they are counted and skipped. Dates that cannot be read become None and are
counted, never fatal. `generator.importing.export` reads the whole export; this
module is its connections.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from generator.importing import csvfile
from generator.importing.csvfile import (
    ExportError,
    Layout,
    Progress,
    Skipped,
    clean,
    not_a_date,
    parse_date,
)
from generator.model.profiles import profile_url

__all__ = ["ExportError", "parse_date"]

CONNECTIONS_CSV = "Connections.csv"
COLUMNS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
# How LinkedIn writes `Connected On`, for the message about one that cannot be read.
CONNECTED_ON_EXAMPLE = "27 Mar 2026"

# An older name for the error every reader raises.
ConnectionsError = ExportError

# Header cells in the languages LinkedIn exports in, compared with whitespace folded and
# case ignored.
_ALIASES = {
    "first_name": (
        "first name", "vorname", "prénom", "prenom", "nombre", "voornaam", "nome", "imię",
        "imie", "förnamn", "fornavn",
    ),
    "last_name": (
        "last name", "nachname", "nom", "nom de famille", "apellidos", "apellido",
        "achternaam", "cognome", "sobrenome", "nazwisko", "efternamn", "etternavn",
    ),
    "url": ("url", "profile url", "profil-url", "profil url"),
    "email": (
        "email address", "email", "e-mail address", "e-mail", "e-mail-adresse",
        "adresse e-mail", "adresse email", "dirección de correo electrónico",
        "correo electrónico", "e-mailadres", "indirizzo email", "indirizzo e-mail",
        "endereço de e-mail", "adres e-mail", "e-postadress",
    ),
    "company": (
        "company", "unternehmen", "firma", "entreprise", "empresa", "bedrijf", "azienda",
        "företag",
    ),
    "position": ("position", "poste", "cargo", "functie", "posizione", "stanowisko", "befattning"),
    "connected_on": (
        "connected on", "verbunden am", "connecté le", "date de connexion", "conectado el",
        "fecha de conexión", "verbonden op", "collegato il", "conectado em",
        "data połączenia", "kontakt sedan",
    ),
}  # fmt: skip

LAYOUT = Layout(
    name=CONNECTIONS_CSV,
    aliases={alias: field for field, names in _ALIASES.items() for alias in names},
    required=("first_name", "last_name"),
    columns=COLUMNS,
    evidence=("connected_on", "company", "position"),  # Profile.csv has names too
)


@dataclass(frozen=True, slots=True)
class Connection:
    first_name: str
    last_name: str
    url: str  # "" when absent; https://www.linkedin.com/in/<id> for a LinkedIn profile
    email: str  # "" when absent
    company: str
    position: str
    connected_on: datetime.date | None
    line: int  # 1-based line in the CSV where the row starts

    @property
    def name(self) -> str:
        """First and last name, whitespace folded."""
        return " ".join(f"{self.first_name} {self.last_name}".split())


@dataclass(frozen=True)
class ConnectionsFile:
    source: str  # "Connections.csv" or "export.zip:Connections.csv"
    connections: list[Connection]
    skipped_without_name: int
    undated: int  # rows without a readable Connected On: no `connected` touch for them
    # Each Connected On cell that cannot be read (a file without the column has none).
    unreadable_dates: list[Skipped] = field(default_factory=list)


def parse_connections(
    text: str, source: str = CONNECTIONS_CSV, progress: Progress | None = None
) -> ConnectionsFile:
    """Parse the text of Connections.csv; `source` names it in messages."""
    rows = csvfile.table(text, source, LAYOUT, progress)
    first, last, url, email, company, position, connected_on = (
        rows.index(field) for field in _ALIASES
    )
    connections: list[Connection] = []
    skipped_without_name = 0
    undated = 0
    unreadable: list[Skipped] = []
    dates: dict[str, datetime.date | None] = {}
    shared: dict[str, str] = {}  # one string per company name or position, however many rows
    for line, cells in rows.rows():
        first_name = clean(cells[first])
        last_name = clean(cells[last])
        if not first_name and not last_name:
            if any(cell.strip() for cell in cells):
                skipped_without_name += 1
            continue
        when_text = cells[connected_on] if connected_on >= 0 else ""
        if when_text not in dates:
            dates[when_text] = parse_date(clean(when_text))
        when = dates[when_text]
        if when is None:
            undated += 1
            if connected_on >= 0:
                why = not_a_date("Connected On", clean(when_text), CONNECTED_ON_EXAMPLE)
                unreadable.append(Skipped(rows.where(connected_on), why))
        company_name = clean(cells[company]) if company >= 0 else ""
        position_name = clean(cells[position]) if position >= 0 else ""
        connections.append(
            Connection(
                first_name=first_name,
                last_name=last_name,
                url=normalise_url(clean(cells[url])) if url >= 0 else "",
                email=clean(cells[email]) if email >= 0 else "",
                company=shared.setdefault(company_name, company_name),
                position=shared.setdefault(position_name, position_name),
                connected_on=when,
                line=line,
            )
        )
    return ConnectionsFile(source, connections, skipped_without_name, undated, unreadable)


def normalise_url(url: str) -> str:
    """https://www.linkedin.com/in/<id> for any form of a LinkedIn profile URL; others as given."""
    return profile_url(url)

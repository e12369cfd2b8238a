"""Who in LinkedIn's export is who in the plan.

The export names people three ways: connections (name, company, profile address,
sometimes an e-mail), invitations and messages (name and profile address). They are
gathered into one `Profile` per member, and each profile is matched once:

1. an identical profile address (however written) is the same person, whatever the
   name or company;
2. an identical e-mail address is as certain;
3. else the same name (accents, case and spacing ignored) at the same company
   ("Kühne + Nagel" is "Kuehne+Nagel", "DHL" is "DHL Supply Chain"; a legal form does
   not count) is the same person, unless the plan gives them another address;
4. anything less (a namesake at another company, a name with no company to compare,
   two profiles for one person, one address for two people) is uncertain: reported
   with the command that settles it, never guessed.

Members who match nobody are strangers; the plan never gets them, but those working at
a company of the plan are worth knowing ("people you already know there").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from generator.importing.export import Export
from generator.importing.invitations import Invitation
from generator.importing.linkedin import Connection
from generator.importing.messages import Message, Participant
from generator.model.model import Company, Person, Plan
from generator.model.names import fold, strip_accents
from generator.model.profiles import profile_key


def fold_name(name: str) -> str:
    """`fold`, with a short way for plain ASCII (most of a large network)."""
    if name.isascii():
        return " ".join(name.casefold().split())
    return fold(name)


# ---------------------------------------------------------------- company names

# Legal forms and words that name a group rather than a company, dropped at the end of a
# name: "Volta Cells Sp. z o.o." is "Volta Cells", "ZF Group" is "ZF".
_LEGAL_FORMS = [
    tuple(form.split())
    for form in (
        "sp z o o", "sp k", "s a", "sa", "s r o", "sro", "s r l", "srl", "s p a", "spa",
        "s a s", "sas", "sarl", "gmbh", "gmbh co kg", "co kg", "kg", "ag", "se", "ab", "as",
        "a s", "oy", "oyj", "asa", "aps", "bv", "b v", "nv", "n v", "kft", "zrt", "nyrt",
        "inc", "llc", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
        "group", "holding", "holdings", "lda", "ltda", "sl", "s l", "sp j", "a g",
    )
]  # fmt: skip
# Legal forms by their last word, the longest first.
_ENDING: dict[str, list[tuple[str, ...]]] = {}
for _form in sorted(_LEGAL_FORMS, key=len, reverse=True):
    _ENDING.setdefault(_form[-1], []).append(_form)
_CONNECTORS = frozenset({"and", "und", "et", "y", "i", "en"})
_UMLAUT_SPELLING = re.compile(r"(?<=[a-z])([aou])e")
_NOT_WORD = re.compile(r"[\W_]+")


def company_words(name: str) -> tuple[str, ...]:
    """A company name as the words that identify it: folded, "ue" read as "ü" (Kuehne is
    Kühne), "&", "+" and "and" dropped, and the legal form at the end dropped."""
    text = _UMLAUT_SPELLING.sub(r"\1", strip_accents(name).casefold())
    words = [w for w in _NOT_WORD.split(text) if w and w not in _CONNECTORS]
    while len(words) > 1:
        form = next(
            (
                form
                for form in _ENDING.get(words[-1], ())
                if len(form) < len(words) and tuple(words[-len(form) :]) == form
            ),
            None,
        )
        if form is None:
            break
        del words[-len(form) :]
    return tuple(words)


class Fit(Enum):
    """How well two company names agree."""

    SAME = 2  # the same words, or one name within the other ("Raben Logistics Polska")
    BRAND = 1  # one word that begins the other ("DHL" and "DHL Supply Chain")
    NONE = 0


def company_fit(given: tuple[str, ...], ours: tuple[str, ...]) -> Fit:
    if not given or not ours:
        return Fit.NONE
    if given == ours or "".join(given) == "".join(ours):
        return Fit.SAME
    shorter, longer = sorted((given, ours), key=len)
    if len(shorter) >= 2 and _within(shorter, longer):
        return Fit.SAME
    if len(shorter) == 1 and len(shorter[0]) >= 2 and longer[0] == shorter[0]:
        return Fit.BRAND
    return Fit.NONE


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    size = len(part)
    return any(whole[i : i + size] == part for i in range(len(whole) - size + 1))


class CompanyIndex:
    """The plan's companies, for names as the export writes them; each distinct name is
    worked out once, so a network of any size costs one pass."""

    def __init__(self, companies: Iterable[Company]) -> None:
        self.companies = [(company, company_words(company.name)) for company in companies]
        self.by_word: dict[str, list[int]] = {}
        for index, (_, words) in enumerate(self.companies):
            for word in {*words, "".join(words)}:
                self.by_word.setdefault(word, []).append(index)
        self._found: dict[str, tuple[Company, Fit] | None] = {}

    def find(self, name: str) -> tuple[Company, Fit] | None:
        """The plan's company a name is, with how well it fits; the best fit first, then
        the plan's order."""
        if name in self._found:
            return self._found[name]
        words = company_words(name)
        candidates = sorted(
            {i for word in {*words, "".join(words)} for i in self.by_word.get(word, [])}
        )
        best: tuple[Company, Fit] | None = None
        for index in candidates:
            company, ours = self.companies[index]
            fit = company_fit(words, ours)
            if fit is not Fit.NONE and (best is None or fit.value > best[1].value):
                best = (company, fit)
        self._found[name] = best
        return best

    def fits(self, name: str, company: Company) -> bool:
        if not name:
            return False
        return company_fit(company_words(name), company_words(company.name)) is not Fit.NONE


# ---------------------------------------------------------------- profiles


@dataclass(eq=False)
class Profile:
    """One member of LinkedIn as the export shows them."""

    key: str  # the profile key; "" for a connection listed without an address
    url: str
    names: list[str]
    company: str = ""
    position: str = ""
    email: str = ""
    connection: Connection | None = None
    connection_source: str = ""
    invitations: list[Invitation] = field(default_factory=list)
    sent: list[Message] = field(default_factory=list)  # mine to them
    received: list[tuple[Message, bool]] = field(default_factory=list)  # theirs, in a group?

    @property
    def name(self) -> str:
        return next((name for name in self.names if name), "")

    @property
    def connected_on(self) -> dt.date | None:
        return self.connection.connected_on if self.connection else None

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


# The profile for (key, address, name), made when it may matter to the plan, else None.
_ProfileFor = Callable[[str, str, str], "Profile | None"]


class Doubt(Enum):
    """Why a match is not certain."""

    SHARED_ADDRESS = "several people of the plan have this profile address"
    SHARED_EMAIL = "several people of the plan have this e-mail"
    SEVERAL_PROFILES = "several members of the export fit one person of the plan"
    OTHER_ADDRESS = "the plan has another profile address for them"
    NAMESAKES_HERE = "several people of the plan have this name at this company"
    ANOTHER_COMPANY = "at another company"
    NO_COMPANY = "no company to compare"


class Certainty(Enum):
    CERTAIN = "certain"
    UNCERTAIN = "uncertain"
    NAMESAKE = "namesake"  # the same name as someone in the plan, but another member
    STRANGER = "stranger"


@dataclass(eq=False)
class Match:
    profile: Profile
    certainty: Certainty
    person: Person | None = None  # the person, when certain
    how: str = ""  # "profile address", "e-mail", "name and company"
    candidates: list[Person] = field(default_factory=list)  # who it may be, or is not
    why: Doubt | None = None  # for the uncertain: what keeps it from being certain
    company: Company | None = None  # a stranger's company in the plan


@dataclass
class Matching:
    matches: list[Match]
    my_keys: set[str]
    connected_keys: set[str]  # every connection's profile key, for pending invitations
    # Connections, invitations and messages with members the plan has nothing to do with.
    elsewhere_connections: int = 0
    elsewhere_conversations: int = 0
    elsewhere_invitations: int = 0
    unattributed_messages: int = 0  # messages when it cannot be told which side is me
    conversations: int = 0

    def certain(self) -> list[Match]:
        return [m for m in self.matches if m.certainty is Certainty.CERTAIN]

    def of(self, certainty: Certainty) -> list[Match]:
        return [m for m in self.matches if m.certainty is certainty]


class _Plan:
    """The plan's people by profile key, e-mail and folded name."""

    def __init__(self, plan: Plan) -> None:
        self.by_key: dict[str, list[Person]] = {}
        self.by_email: dict[str, list[Person]] = {}
        self.by_name: dict[str, list[Person]] = {}
        for person in plan.people:
            if key := profile_key(person.linkedin):
                self.by_key.setdefault(key, []).append(person)
            if person.email:
                self.by_email.setdefault(person.email.casefold(), []).append(person)
            self.by_name.setdefault(fold_name(person.name), []).append(person)
        self.companies = CompanyIndex(plan.companies)


def match_export(plan: Plan, export: Export) -> Matching:
    """Every member of the export who may matter to the plan, matched; the others counted."""
    ours = _Plan(plan)
    profiles: dict[str, Profile] = {}
    connected_keys: set[str] = set()
    elsewhere = 0

    def relevant(key: str, names: Iterable[str], email: str, company: str) -> bool:
        return bool(
            (key and key in ours.by_key)
            or (email and email.casefold() in ours.by_email)
            or any(fold_name(name) in ours.by_name for name in names if name)
            or (company and ours.companies.find(company) is not None)
        )

    for connections in export.connections:
        for row in connections.connections:
            key = profile_key(row.url)
            if key:
                connected_keys.add(key)
            if not relevant(key, [row.name], row.email, row.company):
                elsewhere += 1
                continue
            identity = key or f"row:{fold_name(row.name)}|{'|'.join(company_words(row.company))}"
            profile = profiles.get(identity)
            if profile is None:
                profile = profiles[identity] = Profile(key=key, url=row.url, names=[row.name])
            if profile.connection is None:
                profile.connection = row
                profile.connection_source = f"{connections.source}:{row.line}"
                profile.company, profile.position = row.company, row.position
                profile.email = profile.email or row.email
                profile.add_name(row.name)

    my_keys = _my_keys(plan, export)

    def profile_for(key: str, url: str, name: str) -> Profile | None:
        identity = key or f"name:{fold_name(name)}"
        found = profiles.get(identity)
        if found is None and relevant(key, [name], "", ""):
            found = profiles[identity] = Profile(key=key, url=url, names=[name])
        if found is not None:
            found.add_name(name)
            found.url = found.url or url
        return found

    strangers_invited = 0
    for invitations, _ in export.invitations:
        for invitation in invitations.invitations:
            if invitation.key and invitation.key in my_keys:
                continue
            profile = profile_for(invitation.key, invitation.url, invitation.name)
            if profile is not None:
                profile.invitations.append(invitation)
            else:
                strangers_invited += 1

    matching = Matching(
        [],
        my_keys,
        connected_keys,
        elsewhere_connections=elsewhere,
        elsewhere_invitations=strangers_invited,
    )
    _messages(export, my_keys, profile_for, matching, plan)
    matching.matches = _resolve(list(profiles.values()), ours)
    return matching


def _my_keys(plan: Plan, export: Export) -> set[str]:
    """Which profile is mine: the plan's own address, the sender of my invitations, or
    the one member in every conversation."""
    keys = {key for key in [profile_key(plan.me.linkedin)] if key}
    keys |= {file.me for file, _ in export.invitations if file.me}
    if keys or not export.messages:
        return keys
    conversations: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for file in export.messages:
        for message in file.messages:
            for person in (message.sender, *message.recipients):
                if person.key:
                    conversations.setdefault(person.key, set()).add(message.conversation)
                    names.setdefault(person.key, person.name)
    mine = [key for key, name in names.items() if fold_name(name) == fold_name(plan.me.name)]
    if len(mine) == 1:
        return set(mine)
    everyone = {c for seen in conversations.values() for c in seen}
    in_all = [key for key, seen in conversations.items() if len(seen) == len(everyone)]
    # The one member in every conversation, when there are several conversations.
    if len(everyone) > 1 and len(in_all) == 1:
        return set(in_all)
    return set()


def _messages(
    export: Export,
    my_keys: set[str],
    profile_for: _ProfileFor,
    matching: Matching,
    plan: Plan,
) -> None:
    """Each message to the profile of the person on the other side of it."""
    by_conversation: dict[str, list[Message]] = {}
    seen: set[tuple[str, dt.datetime | dt.date, str, str]] = set()
    for file in export.messages:
        for message in file.messages:
            identity = (
                message.conversation, message.when.instant or message.when.day,
                message.sender.key or message.sender.name, message.start,
            )  # fmt: skip
            if identity in seen:  # the same message in two archives
                continue
            seen.add(identity)
            by_conversation.setdefault(message.conversation, []).append(message)
    matching.conversations = len(by_conversation)
    me_by_name = fold_name(plan.me.name)

    def is_me(person: Participant) -> bool:
        if person.key:
            return person.key in my_keys
        return not my_keys and fold_name(person.name) == me_by_name

    for messages in by_conversation.values():
        others: dict[str, Participant] = {}
        for message in messages:
            for person in (message.sender, *message.recipients):
                if not is_me(person):
                    others.setdefault(person.key or f"name:{fold_name(person.name)}", person)
        if not my_keys and not any(is_me(m.sender) for m in messages):
            matching.unattributed_messages += len(messages)
            continue
        group = len(others) > 1
        touched = False
        for message in messages:
            if is_me(message.sender):
                for person in message.recipients:
                    if is_me(person):
                        continue
                    profile = profile_for(person.key, person.url, person.name)
                    if profile is not None:
                        profile.sent.append(message)
                        touched = True
            else:
                profile = profile_for(message.sender.key, message.sender.url, message.sender.name)
                if profile is not None:
                    profile.received.append((message, group))
                    touched = True
        if not touched:
            matching.elsewhere_conversations += 1


def _resolve(profiles: list[Profile], ours: _Plan) -> list[Match]:
    matches: dict[int, Match] = {}
    taken: dict[int, list[Match]] = {}  # person id → certain matches

    def certain(profile: Profile, person: Person, how: str) -> None:
        match = Match(profile, Certainty.CERTAIN, person=person, how=how)
        matches[id(profile)] = match
        taken.setdefault(id(person), []).append(match)

    # 1. and 2.: the profile address, then the e-mail.
    for profile in profiles:
        by_key = ours.by_key.get(profile.key, []) if profile.key else []
        by_email = ours.by_email.get(profile.email.casefold(), []) if profile.email else []
        for found, how in ((by_key, "profile address"), (by_email, "e-mail")):
            if len(found) == 1:
                certain(profile, found[0], how)
                break
            if len(found) > 1:
                why = Doubt.SHARED_ADDRESS if how == "profile address" else Doubt.SHARED_EMAIL
                matches[id(profile)] = Match(
                    profile, Certainty.UNCERTAIN, candidates=found, why=why
                )
                break
    for person_matches in taken.values():
        if len(person_matches) > 1:
            by_address = [m for m in person_matches if m.how == "profile address"]
            for match in person_matches:
                if by_address != [match]:
                    _demote(match, Doubt.SEVERAL_PROFILES)
    confirmed = {
        id(m.person) for ms in taken.values() for m in ms if m.certainty is Certainty.CERTAIN
    }

    # 3. and 4.: names, for the rest.
    by_name: dict[int, list[Match]] = {}
    for profile in profiles:
        if id(profile) in matches:
            continue
        match = _by_name(profile, ours, confirmed)
        matches[id(profile)] = match
        if match.certainty is Certainty.CERTAIN and match.person is not None:
            by_name.setdefault(id(match.person), []).append(match)
    for person_matches in by_name.values():
        if len(person_matches) > 1:
            for match in person_matches:
                _demote(match, Doubt.SEVERAL_PROFILES)
    # Someone found by name and company in this export is not also a namesake elsewhere.
    found_people = {id(m.person) for m in matches.values() if m.person is not None}
    for match in matches.values():
        if match.certainty is Certainty.UNCERTAIN and match.why in _NAME_ONLY:
            left = [p for p in match.candidates if id(p) not in found_people]
            if not left:
                match.certainty, match.why = Certainty.NAMESAKE, None
            else:
                match.candidates = left
    return [matches[id(profile)] for profile in profiles]


_NAME_ONLY = (Doubt.ANOTHER_COMPANY, Doubt.NO_COMPANY)


def _demote(match: Match, why: Doubt) -> None:
    if match.person is not None:
        match.candidates = [match.person]
    match.certainty, match.person, match.why = Certainty.UNCERTAIN, None, why


def _by_name(profile: Profile, ours: _Plan, confirmed: set[int]) -> Match:
    named: list[Person] = []
    for name in profile.names:
        for person in ours.by_name.get(fold_name(name), []):
            if person not in named:
                named.append(person)
    if not named:
        found = ours.companies.find(profile.company) if profile.company else None
        return Match(profile, Certainty.STRANGER, company=found[0] if found else None)
    same_company: list[Person] = []
    other_address: list[Person] = []
    name_only: list[Person] = []
    others: list[Person] = []
    for person in named:
        key = profile_key(person.linkedin)
        at_company = ours.companies.fits(profile.company, person.company)
        if id(person) in confirmed:
            others.append(person)  # the export shows their own profile elsewhere
        elif key and profile.key and key != profile.key:
            (other_address if at_company else others).append(person)
        elif at_company:
            same_company.append(person)
        else:
            name_only.append(person)
    if len(same_company) > 1:  # "Anna Nowak" and "Anna Nowák": the exact spelling wins
        spelt = {" ".join(name.split()) for name in profile.names}
        exact = [person for person in same_company if person.name in spelt]
        same_company = exact if len(exact) == 1 else same_company
    if len(same_company) == 1 and not other_address:
        return Match(profile, Certainty.CERTAIN, person=same_company[0], how="name and company")
    if len(same_company) + len(other_address) > 1:
        candidates = same_company + other_address
        return Match(profile, Certainty.UNCERTAIN, candidates=candidates, why=Doubt.NAMESAKES_HERE)
    if other_address:
        return Match(
            profile, Certainty.UNCERTAIN, candidates=other_address, why=Doubt.OTHER_ADDRESS
        )
    if name_only:
        why = Doubt.ANOTHER_COMPANY if profile.company else Doubt.NO_COMPANY
        return Match(profile, Certainty.UNCERTAIN, candidates=name_only, why=why)
    return Match(profile, Certainty.NAMESAKE, candidates=others)

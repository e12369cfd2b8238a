"""`playbook export csv|vcard|ics`, read back with the libraries other tools use."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import vobject
from click.testing import CliRunner, Result
from icalendar import Calendar

from generator.cli import cli
from tests.conftest import SMALL_PLAN
from tests.helpers import replace_in

BOM = b"\xef\xbb\xbf"

HEADER = [
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
]

# The small plan on Thursday 2026-11-26 (week of Monday 2026-11-23), worked out by hand:
# - Åsa declined in July: not a follow-up stage, so no next step.
# - Nordic's Anna Nowak is the week's batch: priority-1 companies (Volta Cells, Talent
#   Bridge) have nobody left who is uncontacted and reachable; she has an e-mail.
# - Piotr's last contact is 2026-05-20, 90 days (the default keep_alive_days) before
#   2026-08-18, so he is due a follow-up.
# - Ewa's last contact is her inbound call on 2026-11-03, not due yet.
# - Volta's Anna Nowak was invited on 2026-11-02: pending 24 days, no e-mail to try.
CSV_ROWS = [
    [
        "Åsa Lindqvist",
        "Nordic Robotics",
        "Automation",
        "VP Operations",
        "operations",
        "Sweden",
        "declined",
        "2026-07-01",
        "",
        "https://www.linkedin.com/in/asa-lindqvist-example",
        "",
    ],
    [
        "Anna Nowak",
        "Nordic Robotics",
        "Automation",
        "Talent Acquisition Lead",
        "hr",
        "Poland",
        "identified",
        "",
        "in this week's batch: send the first message now",
        "",
        "anna.nowak@nordic-robotics.example",
    ],
    [
        "Piotr Żółć",
        "Talent Bridge",
        "Recruitment",
        "Senior Consultant",
        "recruiter",
        "Poland",
        "connected",
        "2026-05-20",
        "due a follow-up",
        "",
        "piotr@talent-bridge.example",
    ],
    [
        "Ewa Kot",
        "Talent Bridge",
        "Recruitment",
        "Partner",
        "recruiter",
        "Poland",
        "replied",
        "2026-11-03",
        "",
        "https://www.linkedin.com/in/ewa-kot-example",
        "",
    ],
    [
        "Jan Nowak",
        "Volta Cells",
        "Battery cells",
        "Chief Operating Officer",
        "operations",
        "Poland",
        "met",
        "2026-10-20",
        "",
        "https://www.linkedin.com/in/jan-nowak-example",
        "jan.nowak@volta-cells.example",
    ],
    [
        "Anna Nowak",
        "Volta Cells",
        "Battery cells",
        "HR Business Partner",
        "hr",
        "Poland",
        "invited",
        "2026-11-02",
        "invitation pending for 24 days: withdraw it; LinkedIn lets you invite again three weeks later",
        "",
        "",
    ],
]

# plan.yaml's email_subject and email templates, rendered for Nordic's Anna Nowak.
ANNA_EMAIL_DRAFT = (
    "E-mail to anna.nowak@nordic-robotics.example\n"
    "Subject: Łucja Test: Nordic Robotics\n"
    "\n"
    "Dear Anna,\n"
    "\n"
    "Quality engineer, 8 years in automotive. "
    "I'd like to learn how Nordic Robotics builds its teams.\n"
    "\n"
    "Łucja Test"
)
PIOTR_FOLLOW_UP = "Hi Piotr, a short hello from Łucja Test."
INVITE_FOR_VOLTA_ANNA = (
    "Hi Anna, I'm Łucja Test: Quality engineer, 8 years in automotive. "
    "I aim at: Plant quality director by 2029."
)

BATCH = "Reach out to Anna Nowak (Nordic Robotics)"
FOLLOW_UP = "Follow up with Piotr Żółć (Talent Bridge)"
PENDING = "Invitation to Anna Nowak (Volta Cells) pending 24 days: withdraw it; LinkedIn lets you invite again three weeks later"


def export(plans: Path, format: str, *extra: str, today: str = "2026-11-26") -> Result:
    result = CliRunner().invoke(
        cli,
        ["--plans", str(plans), "--today", today, "export", format, *extra],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result


def export_bytes(plans: Path, format: str, today: str = "2026-11-26") -> bytes:
    return export(plans, format, today=today).stdout_bytes


def calendar(plans: Path, today: str = "2026-11-26") -> Calendar:
    return Calendar.from_ical(export_bytes(plans, "ics", today))


def components(cal: Calendar, name: str) -> list[Any]:
    return [c for c in cal.subcomponents if c.name == name]


def uid_of(cal: Calendar, summary: str) -> str:
    (uid,) = [str(c["UID"]) for c in cal.subcomponents if str(c["SUMMARY"]) == summary]
    return uid


def card_fields(card: Any) -> dict[str, list[Any]]:
    """Every property of a card but its UID, with N as (family, given)."""
    fields: dict[str, list[Any]] = {}
    for key, lines in card.contents.items():
        if key == "uid":
            continue
        if key == "n":
            fields[key] = [(line.value.family, line.value.given) for line in lines]
        else:
            fields[key] = [line.value for line in lines]
    return fields


# CSV


def test_csv_is_utf8_with_crlf_rows_and_a_bom_in_a_file(tmp_path: Path) -> None:
    """A byte-order mark tells a spreadsheet the file is UTF-8; a pipe gets none."""
    data = export_bytes(SMALL_PLAN, "csv")
    assert not data.startswith(BOM)
    target = tmp_path / "contacts.csv"
    export(SMALL_PLAN, "csv", "--output", str(target))
    assert target.read_bytes() == BOM + data
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == 1 + len(CSV_ROWS)
    data.decode("utf-8")  # a spreadsheet reading UTF-8 reads every byte


def test_csv_holds_the_header_and_one_row_per_person() -> None:
    text = export_bytes(SMALL_PLAN, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [HEADER, *CSV_ROWS]


def test_csv_writes_a_formula_as_text(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "role: Chief Operating Officer",
        "role: '=HYPERLINK(\"x\")'",
    )
    data = export_bytes(small_plan, "csv")
    assert b'''"'=HYPERLINK(""x"")"''' in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    jan = [row for row in rows if row[0] == "Jan Nowak"]
    assert jan == [
        [
            "Jan Nowak",
            "Volta Cells",
            "Battery cells",
            '\'=HYPERLINK("x")',
            "operations",
            "Poland",
            "met",
            "2026-10-20",
            "",
            "https://www.linkedin.com/in/jan-nowak-example",
            "jan.nowak@volta-cells.example",
        ]
    ]


@pytest.mark.parametrize("cell", ["+48 600 100 200", "-1+1", "@SUM(A1)", "=1+1"])
def test_csv_prefixes_every_formula_start(small_plan: Path, cell: str) -> None:
    replace_in(small_plan / "companies" / "talent-bridge.yaml", "role: Partner", f"role: '{cell}'")
    rows = list(csv.reader(io.StringIO(export_bytes(small_plan, "csv").decode("utf-8-sig"))))
    (ewa,) = [row for row in rows if row[0] == "Ewa Kot"]
    assert ewa[HEADER.index("role")] == f"'{cell}"


def test_csv_leaves_ordinary_cells_alone(small_plan: Path) -> None:
    """Only the first character counts: a `-` or `=` inside a cell is not a formula."""
    replace_in(
        small_plan / "companies" / "talent-bridge.yaml", "role: Partner", "role: Co-founder = CEO"
    )
    rows = list(csv.reader(io.StringIO(export_bytes(small_plan, "csv").decode("utf-8-sig"))))
    (ewa,) = [row for row in rows if row[0] == "Ewa Kot"]
    assert ewa[HEADER.index("role")] == "Co-founder = CEO"


# vCard


def test_vcard_has_one_version_4_card_per_person() -> None:
    cards = list(vobject.readComponents(export_bytes(SMALL_PLAN, "vcard").decode("utf-8")))
    assert [card.fn.value for card in cards] == [row[0] for row in CSV_ROWS]
    assert [card.org.value for card in cards] == [[row[1]] for row in CSV_ROWS]
    assert {card.version.value for card in cards} == {"4.0"}


def test_vcard_fields_of_each_person() -> None:
    cards = list(vobject.readComponents(export_bytes(SMALL_PLAN, "vcard").decode("utf-8")))
    assert [card_fields(card) for card in cards] == [
        {
            "version": ["4.0"],
            "fn": ["Åsa Lindqvist"],
            "n": [("Lindqvist", "Åsa")],
            "note": ["Playbook: Automation · stage declined · focus operations"],
            "org": [["Nordic Robotics"]],
            "title": ["VP Operations"],
            "url": ["https://www.linkedin.com/in/asa-lindqvist-example"],
        },
        {
            "version": ["4.0"],
            "email": ["anna.nowak@nordic-robotics.example"],
            "fn": ["Anna Nowak"],
            "n": [("Nowak", "Anna")],
            "note": ["Playbook: Automation · stage identified · focus hr"],
            "org": [["Nordic Robotics"]],
            "title": ["Talent Acquisition Lead"],
        },
        {
            "version": ["4.0"],
            "email": ["piotr@talent-bridge.example"],
            "fn": ["Piotr Żółć"],
            "n": [("Żółć", "Piotr")],
            "note": ["Playbook: Recruitment · stage connected · focus recruiter"],
            "org": [["Talent Bridge"]],
            "title": ["Senior Consultant"],
        },
        {
            "version": ["4.0"],
            "fn": ["Ewa Kot"],
            "n": [("Kot", "Ewa")],
            "note": ["Playbook: Recruitment · stage replied · focus recruiter"],
            "org": [["Talent Bridge"]],
            "title": ["Partner"],
            "url": ["https://www.linkedin.com/in/ewa-kot-example"],
        },
        {
            "version": ["4.0"],
            "email": ["jan.nowak@volta-cells.example"],
            "fn": ["Jan Nowak"],
            "n": [("Nowak", "Jan")],
            "note": ["Playbook: Battery cells · stage met · focus operations"],
            "org": [["Volta Cells"]],
            "title": ["Chief Operating Officer"],
            "url": ["https://www.linkedin.com/in/jan-nowak-example"],
        },
        {
            "version": ["4.0"],
            "fn": ["Anna Nowak"],
            "n": [("Nowak", "Anna")],
            "note": ["Playbook: Battery cells · stage invited · focus hr"],
            "org": [["Volta Cells"]],
            "title": ["HR Business Partner"],
        },
    ]


def test_vcard_uids_are_distinct_and_stable(small_plan: Path) -> None:
    def uids(today: str) -> list[str]:
        text = export_bytes(small_plan, "vcard", today).decode("utf-8")
        return [card.uid.value for card in vobject.readComponents(text)]

    first = uids("2026-11-26")
    assert len(set(first)) == len(first) == 6
    assert all(uid.startswith("urn:uuid:") for uid in first)
    assert uids("2026-11-26") == first
    assert uids("2027-02-01") == first  # a person's card does not move with the date
    # Adding a namesake elsewhere does not move anyone's card either.
    (small_plan / "companies" / "acme-batteries.yaml").write_text(
        "name: Acme Batteries\nsector: Battery cells\ncountry: Poland\npriority: 3\n"
        "people:\n  - name: Anna Nowak\n    role: Plant Manager\n    focus: operations\n",
        encoding="utf-8",
    )
    after = uids("2026-11-26")
    assert len(set(after)) == 7
    assert set(first) < set(after)


def test_vcard_lines_are_crlf() -> None:
    data = export_bytes(SMALL_PLAN, "vcard")
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.count(b"BEGIN:VCARD\r\n") == data.count(b"END:VCARD\r\n") == 6


# iCalendar


def test_ics_header_and_required_properties() -> None:
    cal = calendar(SMALL_PLAN)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//Playbook//")
    assert cal.subcomponents
    for component in cal.subcomponents:
        assert str(component["UID"])
        assert component.decoded("DTSTAMP") == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)


def item(cal: Calendar, summary: str) -> Any:
    (found,) = [c for c in cal.subcomponents if str(c["SUMMARY"]) == summary]
    return found


def test_ics_the_weeks_work_is_all_day_events_today() -> None:
    """Events, not to-dos: khal and many calendar apps drop VTODOs."""
    cal = calendar(SMALL_PLAN)
    assert components(cal, "VTODO") == []
    events = {
        (str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["TRANSP"]))
        for e in components(cal, "VEVENT")
    }
    today, tomorrow = dt.date(2026, 11, 26), dt.date(2026, 11, 27)
    assert events == {
        (BATCH, today, tomorrow, "TRANSPARENT"),
        (FOLLOW_UP, today, tomorrow, "TRANSPARENT"),  # due 2026-08-18: today at the earliest
        (PENDING, today, tomorrow, "TRANSPARENT"),
    }
    for event in components(cal, "VEVENT"):
        assert type(event.decoded("DTSTART")) is dt.date  # all day, not a time
    descriptions = {str(e["SUMMARY"]): str(e["DESCRIPTION"]) for e in components(cal, "VEVENT")}
    assert descriptions[FOLLOW_UP] == (
        f"Overdue since 2026-08-18: last contact 2026-05-20, 190 days ago.\n\n{PIOTR_FOLLOW_UP}"
    )
    # The invitation note to send again (Volta's Anna has no linkedin in the plan).
    assert descriptions[PENDING].endswith(f"\n\n{INVITE_FOR_VOLTA_ANNA}")
    assert descriptions[BATCH] == ANNA_EMAIL_DRAFT


def test_ics_todo_option_makes_to_dos_due_today_at_the_earliest() -> None:
    cal = Calendar.from_ical(export(SMALL_PLAN, "ics", "--todo").stdout_bytes)
    assert components(cal, "VEVENT") == []  # no touch in the small plan is after this day
    todos = {
        (str(t["SUMMARY"]), t.decoded("DUE"), str(t["STATUS"])) for t in components(cal, "VTODO")
    }
    assert todos == {
        (BATCH, dt.date(2026, 11, 29), "NEEDS-ACTION"),  # the week's Sunday
        (FOLLOW_UP, dt.date(2026, 11, 26), "NEEDS-ACTION"),  # due since 2026-08-18: today
        (PENDING, dt.date(2026, 11, 26), "NEEDS-ACTION"),  # due now
    }
    descriptions = {str(t["SUMMARY"]): str(t["DESCRIPTION"]) for t in components(cal, "VTODO")}
    assert descriptions[FOLLOW_UP].startswith("Overdue since 2026-08-18: last contact 2026-05-20")
    assert descriptions[BATCH] == ANNA_EMAIL_DRAFT
    # The same items as the events: a UID each, the same in both forms.
    events = calendar(SMALL_PLAN)
    assert {str(t["UID"]) for t in cal.subcomponents} == {
        str(e["UID"]) for e in events.subcomponents
    }


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-08-17", None),  # 89 days: not due yet
        ("2026-08-18", "Due today: last contact 2026-05-20, 90 days ago."),
        ("2026-08-19", "Overdue since 2026-08-18: last contact 2026-05-20, 91 days ago."),
    ],
)
@pytest.mark.parametrize("todo", [False, True])
def test_ics_follow_up_is_due_at_keep_alive_days(
    today: str, expected: str | None, todo: bool
) -> None:
    """Piotr's last contact is 2026-05-20; keep_alive_days is 90."""
    extra = ("--todo",) if todo else ()
    cal = Calendar.from_ical(export(SMALL_PLAN, "ics", *extra, today=today).stdout_bytes)
    found = [c for c in cal.subcomponents if str(c["SUMMARY"]) == FOLLOW_UP]
    if expected is None:
        assert found == []
        return
    (follow_up,) = found
    day = dt.date.fromisoformat(today)
    assert follow_up.decoded("DUE" if todo else "DTSTART") == day
    assert str(follow_up["DESCRIPTION"]) == f"{expected}\n\n{PIOTR_FOLLOW_UP}"


# Reached by an invitation in 2024 (a connection older than any outreach would be
# "already connected", due a first message rather than a follow-up).
OLD_CONNECTION = """\
name: Lisbon Freight
sector: Automation
country: Portugal
priority: 3
people:
  - name: Rui Costa
    linkedin: linkedin.com/in/rui-costa-example
    touches:
      - {date: 2024-03-12, action: invited, channel: linkedin}
      - {date: 2024-03-15, action: connected}
"""


def test_ics_a_follow_up_for_a_2024_connection_is_due_today(small_plan: Path) -> None:
    (small_plan / "companies" / "lisbon.yaml").write_text(OLD_CONNECTION, encoding="utf-8")
    for extra, key in (((), "DTSTART"), (("--todo",), "DUE")):
        cal = Calendar.from_ical(export(small_plan, "ics", *extra).stdout_bytes)
        rui = item(cal, "Follow up with Rui Costa (Lisbon Freight)")
        assert rui.decoded(key) == dt.date(2026, 11, 26)
        assert str(rui["DESCRIPTION"]).startswith(
            "Overdue since 2024-06-13: last contact 2024-03-15, 986 days ago.\n\n"
        )


def test_ics_planned_touches_are_all_day_events() -> None:
    """On 2026-10-10 Jan's meeting (10-20) and Anna's invitation (11-02) are still ahead."""
    cal = calendar(SMALL_PLAN, "2026-10-10")
    events = {
        (
            str(e["SUMMARY"]),
            e.decoded("DTSTART"),
            e.decoded("DTEND"),
            str(e["DESCRIPTION"]),
        )
        for e in components(cal, "VEVENT")
    }
    assert events == {
        (
            "Reach out to Anna Nowak (Nordic Robotics)",
            dt.date(2026, 10, 10),
            dt.date(2026, 10, 11),
            ANNA_EMAIL_DRAFT,
        ),
        (
            "Follow up with Piotr Żółć (Talent Bridge)",
            dt.date(2026, 10, 10),
            dt.date(2026, 10, 11),
            "Overdue since 2026-08-18: last contact 2026-05-20, 143 days ago.\n\n"
            + PIOTR_FOLLOW_UP,
        ),
        (
            "Meeting: Jan Nowak (Volta Cells)",
            dt.date(2026, 10, 20),
            dt.date(2026, 10, 21),
            "Coffee in Wrocław",
        ),
        (
            "Invitation: Anna Nowak (Volta Cells)",
            dt.date(2026, 11, 2),
            dt.date(2026, 11, 3),
            "Channel: linkedin",
        ),
    }
    for event in components(cal, "VEVENT"):
        assert type(event.decoded("DTSTART")) is dt.date  # all day, not a time
        assert str(event["TRANSP"]) == "TRANSPARENT"  # no time known: the day stays free
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 10, 10, tzinfo=dt.UTC)
    # With --todo, the week's work turns into to-dos; booked touches stay events.
    todo = Calendar.from_ical(export(SMALL_PLAN, "ics", "--todo", today="2026-10-10").stdout_bytes)
    assert [str(e["SUMMARY"]) for e in components(todo, "VEVENT")] == [
        "Meeting: Jan Nowak (Volta Cells)",
        "Invitation: Anna Nowak (Volta Cells)",
    ]
    assert len(components(todo, "VTODO")) == 2


TIMED = [
    # (the touch, the summary, start, end): a meeting takes an hour, a call or
    # anything else half an hour.
    (
        "{date: 2026-12-03, time: '10:00', action: met, note: Lunch}",
        "Meeting: Jan Nowak (Volta Cells)",
        dt.datetime(2026, 12, 3, 10, 0),
        dt.datetime(2026, 12, 3, 11, 0),
    ),
    (
        "{date: 2026-12-03, time: '9:30', action: met, channel: meeting}",
        "Meeting: Jan Nowak (Volta Cells)",
        dt.datetime(2026, 12, 3, 9, 30),
        dt.datetime(2026, 12, 3, 10, 30),
    ),
    (
        "{date: 2026-12-03, time: '23:45', action: met, channel: phone}",
        "Meeting: Jan Nowak (Volta Cells)",
        dt.datetime(2026, 12, 3, 23, 45),
        dt.datetime(2026, 12, 4, 0, 15),  # past midnight
    ),
    (
        "{date: 2026-12-03, time: '00:00', action: messaged, channel: email}",
        "Message: Jan Nowak (Volta Cells)",
        dt.datetime(2026, 12, 3, 0, 0),
        dt.datetime(2026, 12, 3, 0, 30),
    ),
]


@pytest.mark.parametrize(("touch", "summary", "start", "end"), TIMED)
def test_ics_a_touch_with_a_time_is_a_timed_event_in_floating_time(
    small_plan: Path, touch: str, summary: str, start: dt.datetime, end: dt.datetime
) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "{date: 2026-10-20, action: met, note: Coffee in Wrocław}",
        "{date: 2026-10-20, action: met, note: Coffee in Wrocław}\n      - " + touch,
    )
    data = export_bytes(small_plan, "ics")
    event = item(Calendar.from_ical(data), summary)
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == end
    assert start.tzinfo is None and event.decoded("DTSTART").tzinfo is None
    assert "TRANSP" not in event  # a time is booked: busy
    # Floating: no Z, no TZID; 10:00 wherever the calendar is read.
    assert f"\r\nDTSTART:{start:%Y%m%dT%H%M%S}\r\n".encode() in data
    assert f"\r\nDTEND:{end:%Y%m%dT%H%M%S}\r\n".encode() in data


def test_ics_reads_the_same_with_vobject(small_plan: Path) -> None:
    """A second parser (vobject's) reads the same calendar: the file is not only
    readable by the library that wrote it."""
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "{date: 2026-10-20, action: met, note: Coffee in Wrocław}",
        "{date: 2026-10-20, action: met, note: Coffee in Wrocław}\n"
        "      - {date: 2026-12-03, time: '10:00', action: met, note: 'Lunch; then a walk, \\o/'}",
    )
    for extra, when in (((), "DTSTART"), (("--todo",), "DUE")):
        text = export(small_plan, "ics", *extra, today="2026-10-10").stdout_bytes.decode("utf-8")
        parsed = vobject.readOne(text)
        assert parsed.validate()
        theirs = [
            (
                c.name,
                c.summary.value,
                c.uid.value,
                c.description.value,
                c.dtstart.value if c.name == "VEVENT" else c.due.value,
            )
            for c in parsed.getChildren()
            if c.name in ("VEVENT", "VTODO")
        ]
        ours = [
            (
                c.name,
                str(c["SUMMARY"]),
                str(c["UID"]),
                str(c["DESCRIPTION"]),
                c.decoded("DTSTART" if c.name == "VEVENT" else when),
            )
            for c in Calendar.from_ical(text).subcomponents
        ]
        assert theirs == ours
        assert len(theirs) == 5
        (lunch,) = [e for e in parsed.vevent_list if "Lunch" in e.description.value]
        assert lunch.description.value == "Lunch; then a walk, \\o/"
        assert (lunch.dtstart.value, lunch.dtend.value) == (
            dt.datetime(2026, 12, 3, 10, 0),
            dt.datetime(2026, 12, 3, 11, 0),
        )


def test_ics_a_touch_dated_today_is_no_longer_planned() -> None:
    cal = calendar(SMALL_PLAN, "2026-10-20")
    planned = [str(e["UID"]) for e in components(cal, "VEVENT") if "planned-" in str(e["UID"])]
    assert [str(item(cal, "Invitation: Anna Nowak (Volta Cells)")["UID"])] == planned


def test_ics_is_crlf_and_folded_at_75_octets(small_plan: Path) -> None:
    # A long note full of two-byte letters, so folding must count octets, not characters.
    note = "Spotkanie w Łodzi: żółć, źdźbło, gęślą jaźń; " * 6
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "{date: 2026-11-02, action: invited, channel: linkedin}",
        "{date: 2026-11-02, action: invited, channel: linkedin}\n"
        f"      - {{date: 2026-12-03, action: met, note: '{note.strip()}'}}",
    )
    for plans in (SMALL_PLAN, small_plan):
        data = export_bytes(plans, "ics")
        assert data.startswith(b"BEGIN:VCALENDAR\r\n")
        assert data.endswith(b"END:VCALENDAR\r\n")
        assert data.count(b"\n") == data.count(b"\r\n")
        lines = data.split(b"\r\n")
        assert max(len(line) for line in lines) <= 75
        for line in lines:
            line.decode("utf-8")  # no fold splits a letter in two
    cal = Calendar.from_ical(export_bytes(small_plan, "ics"))
    met = [
        e
        for e in components(cal, "VEVENT")
        if str(e["SUMMARY"]) == "Meeting: Anna Nowak (Volta Cells)"
    ]
    assert [str(e["DESCRIPTION"]) for e in met] == [note.strip()]
    assert any(len(line) > 70 for line in export_bytes(small_plan, "ics").split(b"\r\n"))


def test_ics_uids_are_distinct_and_stable_between_exports() -> None:
    first, second = export_bytes(SMALL_PLAN, "ics"), export_bytes(SMALL_PLAN, "ics")
    assert first == second
    uids = [str(c["UID"]) for c in Calendar.from_ical(first).subcomponents]
    assert len(uids) == len(set(uids)) == 3
    events = [str(c["UID"]) for c in calendar(SMALL_PLAN, "2026-10-10").subcomponents]
    assert len(events) == len(set(events)) == 4
    assert [str(c["UID"]) for c in calendar(SMALL_PLAN, "2026-10-10").subcomponents] == events


def test_ics_batch_keeps_its_uid_through_the_week() -> None:
    thursday, friday = calendar(SMALL_PLAN, "2026-11-26"), calendar(SMALL_PLAN, "2026-11-27")
    assert uid_of(thursday, BATCH) == uid_of(friday, BATCH)
    assert uid_of(thursday, FOLLOW_UP) == uid_of(friday, FOLLOW_UP)
    # The pending invitation's summary counts the days, but it is the same to-do.
    later = "Invitation to Anna Nowak (Volta Cells) pending 25 days: withdraw it; LinkedIn lets you invite again three weeks later"
    assert uid_of(thursday, PENDING) == uid_of(friday, later)
    # ...and a planned touch is the same event whichever day it is exported on.
    met = "Meeting: Jan Nowak (Volta Cells)"
    assert uid_of(calendar(SMALL_PLAN, "2026-10-10"), met) == uid_of(
        calendar(SMALL_PLAN, "2026-10-11"), met
    )


def test_ics_uids_differ_between_namesakes() -> None:
    """The two Anna Nowaks get different UIDs, so neither overwrites the other."""
    cal = calendar(SMALL_PLAN, "2026-10-10")
    batch_uid = uid_of(cal, "Reach out to Anna Nowak (Nordic Robotics)")
    invite_uid = uid_of(cal, "Invitation: Anna Nowak (Volta Cells)")
    assert batch_uid != invite_uid
    later = calendar(SMALL_PLAN, "2026-11-26")
    assert uid_of(later, PENDING) not in {batch_uid, invite_uid}


def test_ics_uid_survives_adding_a_namesake(small_plan: Path) -> None:
    before = uid_of(calendar(small_plan), BATCH)
    # A namesake nobody can reach yet, at a priority-3 company: the batch stays the same.
    (small_plan / "companies" / "acme-batteries.yaml").write_text(
        "name: Acme Batteries\nsector: Battery cells\ncountry: Poland\npriority: 3\n"
        "people:\n  - name: Anna Nowak\n    role: Plant Manager\n    focus: operations\n",
        encoding="utf-8",
    )
    after = calendar(small_plan)
    assert uid_of(after, BATCH) == before


# --output


@pytest.mark.parametrize("format", ["csv", "vcard", "ics"])
def test_output_writes_the_same_bytes(tmp_path: Path, format: str) -> None:
    target = tmp_path / f"out.{format}"
    result = export(SMALL_PLAN, format, "--output", str(target))
    assert result.output == f"{target}: written\n"
    expected = export_bytes(SMALL_PLAN, format)
    assert target.read_bytes() == (BOM + expected if format == "csv" else expected)


def test_output_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "week.ics"
    target.write_bytes(b"old text that is longer than nothing at all\n" * 100)
    export(SMALL_PLAN, "ics", "--output", str(target))
    assert target.read_bytes() == export_bytes(SMALL_PLAN, "ics")


def test_output_into_a_missing_folder_is_one_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "contacts.csv"
    result = CliRunner().invoke(
        cli,
        [
            "--plans",
            str(SMALL_PLAN),
            "--today",
            "2026-11-26",
            "export",
            "csv",
            "--output",
            str(target),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{target}: cannot write it: No such file or directory\n"
    assert not target.parent.exists()


@pytest.mark.parametrize("format", ["csv", "vcard"])
def test_todo_is_for_the_calendar_only(tmp_path: Path, format: str) -> None:
    target = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["--plans", str(SMALL_PLAN), "export", format, "--todo", "--output", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "--todo is for `export ics` only" in result.stderr
    assert not target.exists()


def test_export_format_is_checked() -> None:
    result = CliRunner().invoke(
        cli, ["--plans", str(SMALL_PLAN), "export", "xlsx"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "'xlsx' is not one of 'csv', 'vcard', 'ics'" in result.stderr

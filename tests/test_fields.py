"""What each field accepts, and the traps newcomers hit, each with the fix in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import InvalidPlan, Location
from generator.model.vocabulary import Focus
from generator.reading.fields import (
    INVALID,
    TIME_EXPECTED,
    Boolean,
    Choice,
    Context,
    Date,
    Email,
    Field,
    Integer,
    LinkedInUrl,
    ListOf,
    Mapping,
    Name,
    Optional,
    Required,
    Template,
    Text,
    Time,
    Url,
    describe,
    meant_date,
)
from generator.reading.yaml_source import read_nodes
from tests.conftest import TODAY
from tests.helpers import replace_in

VOLTA = "companies/volta-cells.yaml"


def problems(plan: Path) -> list[str]:
    with pytest.raises(InvalidPlan) as raised:
        load_plan(plan, TODAY)
    return [str(p).replace(f"{plan}/", "") for p in raised.value.problems]


def warnings(plan: Path) -> list[str]:
    return [str(w).replace(f"{plan}/", "") for w in load_plan(plan, TODAY).warnings]


def test_values_in_the_wrong_case_are_accepted(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, "focus: hr", "focus: HR")
    replace_in(small_plan / VOLTA, "channel: linkedin}", "channel: LinkedIn}")
    replace_in(small_plan / VOLTA, "action: connected", "action: Connected")
    plan = load_plan(small_plan, TODAY)
    jan, anna = plan.plan.companies[2].people
    assert anna.focus == "hr"
    assert [(t.action, t.channel) for t in jan.touches][:2] == [
        ("invited", "linkedin"),
        ("connected", None),
    ]


def test_a_near_miss_value_gets_a_suggestion(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, "action: connected", "action: invite")
    assert problems(small_plan) == [
        f"{VOLTA}:16:36: people[0] (Jan Nowak).touches[1].action: expected one of invited, "
        "connected, messaged, replied, met, referred, declined, followed_up, withdrawn; got 'invite'; "
        "did you mean 'invited'?"
    ]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("linkedin.com/in/jan-nowak", "https://www.linkedin.com/in/jan-nowak"),
        ("www.linkedin.com/in/jan-nowak/", "https://www.linkedin.com/in/jan-nowak/"),
        ("http://pl.linkedin.com/in/jan-nowak", "https://www.linkedin.com/in/jan-nowak"),
        ("https://www.linkedin.com/in/jan-nowak", "https://www.linkedin.com/in/jan-nowak"),
    ],
)
def test_linkedin_as_linkedin_displays_it(small_plan: Path, written: str, stored: str) -> None:
    replace_in(small_plan / VOLTA, "https://www.linkedin.com/in/jan-nowak-example", written)
    jan = load_plan(small_plan, TODAY).plan.companies[2].people[0]
    assert jan.linkedin == stored


def test_plain_words_for_sectors_are_one_error_with_the_form_to_use(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    start, end = text.index("sectors:\n"), text.index("messages:\n")
    plan_file.write_text(
        text[:start] + "sectors: [Battery cells, Automation, Recruitment]\n" + text[end:],
        encoding="utf-8",
    )
    assert problems(small_plan) == [
        "plan.yaml:14:10: sectors: each sector is a mapping with at least a name, not a plain "
        "word; write one per line:\n"
        "  - name: Battery cells\n  - name: Automation\n  - name: Recruitment"
    ]


def test_a_comma_in_a_flow_value_says_to_use_quotes(small_plan: Path) -> None:
    replace_in(
        small_plan / VOLTA,
        "note: Coffee in Wrocław}",
        "note: Suggested I talk to Lukas, their head}",
    )
    assert problems(small_plan) == [
        f"{VOLTA}:17:74: people[0] (Jan Nowak).touches[2]: 'their head' is not a key: in {{…}} "
        "a comma ends a value, so note was cut at the comma; put the text in quotes: "
        'note: "Suggested I talk to Lukas, their head"'
    ]


def test_a_value_that_is_a_comment_is_a_warning(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, "hook: We both spoke at Battery Days 2025", "hook: #BatteryDays")
    assert warnings(small_plan)[0] == (
        f"{VOLTA}:13:5: warning: people[0] (Jan Nowak).hook: this value is empty: in YAML, "
        '"#" after a space starts a comment. To write it as text, put it in quotes: '
        'hook: "#BatteryDays"'
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "website: https://volta-cells.example",
            "website: https://example.com[x]",
            f"{VOLTA}:4:10: website: expected a web address starting with https:// or http://; "
            "got 'https://example.com[x]'",
        ),
        (
            "website: https://volta-cells.example",
            "website: https://exa[mple.com",
            f"{VOLTA}:4:10: website: expected a web address starting with https:// or http://; "
            "got 'https://exa[mple.com'",
        ),
        (
            "linkedin: https://www.linkedin.com/in/jan-nowak-example",
            "linkedin: https://www.linkedin.com:port/in/x",
            f"{VOLTA}:11:15: people[0] (Jan Nowak).linkedin: expected a web address starting "
            "with https:// or http://; got 'https://www.linkedin.com:port/in/x'",
        ),
        (
            "name: Jan Nowak",
            'name: "Sur\\ud800rogate"',
            f"{VOLTA}:8:17: a backslash escape YAML does not accept here (\\ud800 and its "
            "like are half a character); remove it, or use single quotes to keep the backslash "
            "as text",
        ),
        (
            "role: Chief Operating Officer",
            'role: "Boss \\ud800"',
            f"{VOLTA}:9:19: a backslash escape YAML does not accept here (\\ud800 and its "
            "like are half a character); remove it, or use single quotes to keep the backslash "
            "as text",
        ),
        (
            "email: jan.nowak@volta-cells.example",
            "email: a@b.example?cc=x%40y.example&body=hi",
            f"{VOLTA}:12:12: people[0] (Jan Nowak).email: expected one e-mail address "
            "(name@example.com); got 'a@b.example?cc=x%40y.example&body=hi'",
        ),
        (
            "email: jan.nowak@volta-cells.example",
            "email: a@b.c;bcc=x@y.z",
            f"{VOLTA}:12:12: people[0] (Jan Nowak).email: expected one e-mail address "
            "(name@example.com); got 'a@b.c;bcc=x@y.z'",
        ),
        (
            "email: jan.nowak@volta-cells.example",
            "email: jan@volta.example, ann@volta.example",
            f"{VOLTA}:12:12: people[0] (Jan Nowak).email: expected one e-mail address "
            "(name@example.com); got 'jan@volta.example, ann@volta.example'",
        ),
        (
            "name: Volta Cells",
            "name: " + "V" * 200,
            f"{VOLTA}:1:7: name: 200 characters; at most 150 fit here",
        ),
        (
            "role: Chief Operating Officer",
            'role: "COO\\x1b]0;owned\\x07"',
            f"{VOLTA}:9:11: people[0] (Jan Nowak).role: a control character (U+001B) in the "
            "text; remove it",
        ),
    ],
)
def test_what_check_accepts_build_can_render(
    small_plan: Path, old: str, new: str, expected: str
) -> None:
    replace_in(small_plan / VOLTA, old, new)
    assert problems(small_plan) == [expected]


def test_an_invisible_character_in_a_name_is_a_warning(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, "name: Jan Nowak", "name: Jan\u200b Nowak")
    assert warnings(small_plan)[0] == (
        f"{VOLTA}:8:11: warning: people[0] (Jan\\u200b Nowak).name: 'Jan\\u200b Nowak' holds an "
        "invisible character (zero-width or direction mark); retype the name"
    )


def test_every_me_key_is_usable_in_templates(small_plan: Path) -> None:
    replace_in(
        small_plan / "plan.yaml",
        "Hi {{ person.first_name }}, a short hello",
        "Hi {{ person.first_name }}, from {{ me.country }} and {{ me.location }}, a short hello",
    )
    situation = load_plan(small_plan, TODAY)
    jan = situation.plan.companies[2].people[0]
    assert situation.drafts[jan]["follow_up"].text.startswith(
        "Hi Jan, from Poland and Kraków, Poland,"
    )


def test_the_built_in_invite_says_who_i_am(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text[: text.index("messages:")], encoding="utf-8")
    situation = load_plan(small_plan, TODAY)
    jan = situation.plan.companies[2].people[0]
    assert situation.drafts[jan]["invite"].text == (
        "Hi Jan, I'm Łucja Test: Quality engineer, 8 years in automotive. "
        "My goal: Plant quality director by 2029. I'd be glad to connect."
    )


def test_an_inbound_name_that_almost_matches_is_a_warning(small_plan: Path) -> None:
    replace_in(
        small_plan / "inbound.yaml",
        "who: Ewa Kot\n  company: Talent Bridge",
        "who: Ewa Kott\n  company: Talent Bridg",
    )
    assert [w for w in warnings(small_plan) if "inbound.yaml" in w] == [
        "inbound.yaml:1:3: warning: company 'Talent Bridg' is not in the plan; did you mean "
        "'Talent Bridge'? (counted as outside the plan)",
        "inbound.yaml:1:3: warning: who 'Ewa Kott' is not matched to a person in the plan; "
        "did you mean 'Ewa Kot' of Talent Bridge?",
    ]


def test_an_inbound_name_matches_without_accents_or_case(small_plan: Path) -> None:
    replace_in(small_plan / "inbound.yaml", "who: Ewa Kot", "who: EWA KOT")
    plan = load_plan(small_plan, TODAY)
    assert plan.plan.inbound[0].person is not None and plan.plan.inbound[0].person.name == "Ewa Kot"
    assert not [w for w in plan.warnings if "inbound.yaml" in str(w)]


def clean(kind: Field, value: object) -> tuple[object, list[str]]:
    """`kind.clean` on one value: what it returns and the messages it records."""
    ctx = Context(Path("plan.yaml"), "key: value\n")
    found = kind.clean(ctx, value, "key", Location(Path("plan.yaml"), 1, 6))
    return found, [p.message for p in ctx.problems]


@pytest.mark.parametrize(
    ("make", "limit"),
    [(Text, 300), (Name, 150), (Email, 254), (Url, 500), (Template, 5000)],
    ids=["text", "name", "email", "url", "template"],
)
@pytest.mark.parametrize("over", [-1, 0, 1])
def test_length_limits_at_the_limit_and_either_side(
    make: type[Field], limit: int, over: int
) -> None:
    kind = make()  # made here, not at collection: mutation testing changes its limit
    length = limit + over
    if isinstance(kind, Email):
        value = "a" * (length - len("@example.com")) + "@example.com"
    elif isinstance(kind, Url):
        value = "https://example.com/" + "a" * (length - len("https://example.com/"))
    else:
        value = "a" * length
    found, messages = clean(kind, value)
    if over > 0:
        assert (found, messages) == (
            INVALID,
            [f"key: {length} characters; at most {limit} fit here"],
        )
    else:
        assert messages == []
        assert getattr(found, "text", found) == value


def test_the_length_is_of_the_text_without_its_surrounding_spaces() -> None:
    assert clean(Name(), "  " + "a" * 150 + "  ") == ("a" * 150, [])


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Ewa  Kot", "Ewa Kot"),
        ("Ewa Kot", "Ewa Kot"),
        ("  Ewa    Kot  ", "Ewa Kot"),
        ("Ewa   Maria    Kot", "Ewa Maria Kot"),
    ],
)
def test_repeated_spaces_in_a_name_are_one(written: str, name: str) -> None:
    assert clean(Name(), written) == (name, [])


def test_repeated_spaces_in_other_text_stay() -> None:
    assert clean(Text(), "two  spaces") == ("two  spaces", [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "key: expected a whole number from 1 to 3; got true"),
        (False, "key: expected a whole number from 1 to 3; got false"),
        (0, "key: expected a whole number from 1 to 3; got 0"),
        (4, "key: expected a whole number from 1 to 3; got 4"),
        (1.0, "key: expected a whole number from 1 to 3; got the number 1.0"),
        ("1", "key: expected a whole number from 1 to 3; got '1'"),
        (10**13, "key: expected a whole number from 1 to 3; got a huge number"),
        (10**12 - 1, "key: expected a whole number from 1 to 3; got 999999999999"),
        (-(10**12), "key: expected a whole number from 1 to 3; got a huge number"),
    ],
)
def test_priority_true_is_not_the_number_one(value: object, message: str) -> None:
    assert clean(Integer(minimum=1, maximum=3), value) == (INVALID, [message])


@pytest.mark.parametrize("value", [1, 2, 3])
def test_a_whole_number_in_range_is_kept(value: int) -> None:
    assert clean(Integer(minimum=1, maximum=3), value) == (value, [])


@pytest.mark.parametrize(
    ("value", "found", "message"),
    [
        (True, True, None),
        (False, False, None),
        (1, INVALID, "key: expected true or false; got the number 1"),
        ("yes", INVALID, "key: expected true or false; got 'yes'"),
    ],
)
def test_a_boolean_is_true_or_false(value: object, found: object, message: str | None) -> None:
    assert clean(Boolean(), value) == (found, [message] if message else [])


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("1900-01-01", dt.date(1900, 1, 1)),
        ("2999-12-31", dt.date(2999, 12, 31)),
        (" 2026-11-26 ", dt.date(2026, 11, 26)),
    ],
)
def test_dates_at_the_edges_of_the_years_a_plan_holds(value: str, found: dt.date) -> None:
    assert clean(Date(), value) == (found, [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1899-12-31",
            "key: expected a date as YYYY-MM-DD between 1900 and 2999; got '1899-12-31'",
        ),
        (
            "3000-01-01",
            "key: expected a date as YYYY-MM-DD between 1900 and 2999; got '3000-01-01'",
        ),
        ("2026-2-3", "key: expected a date as YYYY-MM-DD; got '2026-2-3'"),
        (20261126, "key: expected a date as YYYY-MM-DD; got the number 20261126"),
        (
            "2026-02-30",
            "key: expected a date as YYYY-MM-DD; got '2026-02-30' (day is out of range for month)",
        ),
    ],
)
def test_dates_a_plan_cannot_hold(value: object, message: str) -> None:
    assert clean(Date(), value) == (INVALID, [message])


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("9:30", dt.time(9, 30)),
        ("09:30", dt.time(9, 30)),
        ("23:59", dt.time(23, 59)),
        ("0:00", dt.time(0, 0)),
    ],
)
def test_times_of_day(value: str, found: dt.time) -> None:
    assert clean(Time(), value) == (found, [])


@pytest.mark.parametrize(
    ("value", "hint"),
    [("24:00", ""), ("9:60", ""), ("09:30:00", ""), (600, " in quotes"), (9.5, " in quotes")],
)
def test_times_that_are_not(value: object, hint: str) -> None:
    found, messages = clean(Time(), value)
    assert found is INVALID
    assert messages == [f"key: {TIME_EXPECTED}{hint}; got {describe(value)}"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "key: expected text; got an empty string"),
        ("   ", "key: expected text; got an empty string"),
        (5, "key: expected text; got the number 5 (put it in quotes to use it as text)"),
        (None, "key: expected text; got nothing"),
        (["a"], "key: expected text; got a list"),
        ("a\x00b", "key: a control character (U+0000) in the text; remove it"),
        ("a\nb", "key: a control character (U+000A) in the text; remove it"),
        (
            "a\ud800b",
            "key: a broken character (a lone UTF-16 surrogate such as \\ud800); remove it",
        ),
    ],
)
def test_text_that_is_refused(value: object, message: str) -> None:
    assert clean(Text(), value) == (INVALID, [message])


def test_multiline_text_keeps_its_line_breaks() -> None:
    assert clean(Text(multiline=True), "a\nb\tc") == ("a\nb\tc", [])
    assert clean(Text(multiline=True), "a\x07b")[1] == [
        "key: a control character (U+0007) in the text; remove it"
    ]


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("https://www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada"),
        ("https://linkedin.com/in/ada", "https://www.linkedin.com/in/ada"),
        ("https://de.linkedin.com/in/ada", "https://www.linkedin.com/in/ada"),
        ("https://www.linkedin.com:443/in/ada", "https://www.linkedin.com:443/in/ada"),
        ("linkedin.com/in/ada", "https://www.linkedin.com/in/ada"),
        ("www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada"),
    ],
)
def test_linkedin_addresses(value: str, found: str) -> None:
    assert clean(LinkedInUrl(), value) == (found, [])


LINKEDIN_EXPECTED = (
    "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, as the "
    "browser shows it (https://www.linkedin.com/in/anna-nowak)"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ada-kral", f"{LINKEDIN_EXPECTED}; got 'ada-kral'; linkedin.com/in/ada-kral would do"),
        (
            "https://example.com/in/ada",
            f"{LINKEDIN_EXPECTED}; got 'https://example.com/in/ada' (example.com is not LinkedIn)",
        ),
        (
            "https://notlinkedin.com/in/ada",
            f"{LINKEDIN_EXPECTED}; got 'https://notlinkedin.com/in/ada'; "
            "linkedin.com/in/ada would do",
        ),
        ("https://", f"{LINKEDIN_EXPECTED}; got 'https://'"),
        (5, "expected text; got the number 5 (put it in quotes to use it as text)"),
        ("", "expected text; got an empty string"),
    ],
)
def test_what_is_not_a_linkedin_address(value: object, message: str) -> None:
    assert clean(LinkedInUrl(), value) == (INVALID, [f"key: {message}"])


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "nothing"),
        (True, "true"),
        (False, "false"),
        (7, "the number 7"),
        (2.5, "the number 2.5"),
        ({"a": 1}, "a mapping (key: value pairs)"),
        ([1], "a list"),
        ("x" * 60, "'" + "x" * 60 + "'"),
        ("x" * 61, "'" + "x" * 59 + "…'"),
        ("a\nb", "'a\\nb'"),
    ],
)
def test_how_a_wrong_value_is_named(value: object, shown: str) -> None:
    assert describe(value) == shown


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("28.11.2026", "2026-11-28"),  # dotted: always day first
        ("03.04.2026", "2026-04-03"),
        ("13/11/2026", "2026-11-13"),  # a first part over 12 is the day
        ("11/13/2026", "2026-11-13"),  # a second part over 12 is the day
        ("12/11/2026", ""),  # both 12 or less: either order, no guess
        ("11/12/2026", ""),
        ("13/13/2026", ""),
        ("13/12/2026", "2026-12-13"),  # a day over 12 against the twelfth month
        ("12/13/2026", "2026-12-13"),
        ("2026-1-5", "2026-01-05"),
        ("2026-13-5", ""),
        ("31.02.2026", ""),
        ("yesterday", ""),
    ],
)
def test_a_date_written_another_way_is_offered_when_it_is_certain(typed: str, meant: str) -> None:
    assert meant_date(typed) == meant


def test_a_template_keeps_its_lines() -> None:
    found, messages = clean(Template(), "Hi {{ person.first_name }},\nthanks.")
    assert messages == []
    assert getattr(found, "text", None) == "Hi {{ person.first_name }},\nthanks."


def test_a_mapping_made_of_required_and_optional_keys() -> None:
    """The schema's building blocks, made here (the schema itself is built on import)."""
    kind = Mapping(
        Required("name", Name()),
        Optional("size", Integer(minimum=1, maximum=9), 3),
        Optional("focus", Choice(Focus)),
        Optional("tags", ListOf(Text(), noun="tag")),
    )
    record = kind.clean(*mapping_input("name: Ada  Kral\nfocus: HR\ntags: [a, b]\n"))
    assert record.values == {"name": "Ada Kral", "size": 3, "focus": Focus.HR, "tags": ["a", "b"]}
    ctx, value, where, location = mapping_input("size: 2\n")
    assert kind.clean(ctx, value, where, location) is INVALID
    assert [p.message for p in ctx.problems] == ["missing required key 'name'"]


def mapping_input(text: str) -> tuple[Context, object, str, Location]:
    ctx = Context(Path("plan.yaml"), text)
    return ctx, read_nodes(text)[1], "", Location(Path("plan.yaml"), 1, 1)


def test_plain_words_for_a_list_of_mappings_show_three() -> None:
    kind = ListOf(Mapping(Required("name", Name())), noun="sector")
    ctx, value, _, location = mapping_input("[a, b, c, d]\n")
    assert kind.clean(ctx, value, "sectors", location) is INVALID
    assert [p.message for p in ctx.problems] == [
        "sectors: each sector is a mapping with at least a name, not a plain word; write one "
        "per line:\n  - name: a\n  - name: b\n  - name: c"
    ]


@pytest.mark.parametrize(
    ("line", "warning"),
    [
        ("hook:\n", None),
        ("hook: #Days\n", 'hook: "#Days"'),
        ("hook: #note: x\n", 'hook: "#note: x"'),
        ('hook: #say "hi"\n', 'hook: "#say \\"hi\\""'),
    ],
)
def test_a_top_level_value_that_is_a_comment(line: str, warning: str | None) -> None:
    kind = Mapping(Optional("hook", Text()))
    ctx, value, where, location = mapping_input(line)
    kind.clean(ctx, value, where, location)
    expected = (
        []
        if warning is None
        else [
            'hook: this value is empty: in YAML, "#" after a space starts a comment. To write '
            f"it as text, put it in quotes: {warning}"
        ]
    )
    assert [p.message for p in ctx.problems] == expected


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("linkedin/anna-nowak", "; linkedin.com/in/anna-nowak would do"),
        ("linkedn.com/in/anna-nowak", "; linkedin.com/in/anna-nowak would do"),
        ("lnkedin.com/anna-nowak", "; linkedin.com/in/anna-nowak would do"),
        ("https://linkedn.com/in/anna-nowak/extra", " (linkedn.com is not LinkedIn)"),
        ("https://linkedin/in/a b", ""),
    ],
)
def test_a_near_miss_of_a_linkedin_address_gets_the_address_it_means(
    value: str, meant: str
) -> None:
    assert clean(LinkedInUrl(), value) == (
        INVALID,
        [f"key: {LINKEDIN_EXPECTED}; got {value!r}{meant}"],
    )


def located(kind: Field, text: str, where: str) -> tuple[object, list[str]]:
    ctx, value, _, location = mapping_input(text)
    found = kind.clean(ctx, value, where, location)
    return found, [str(p).removeprefix("plan.yaml:") for p in ctx.problems]


def test_a_list_checks_each_item_where_it_stands() -> None:
    assert located(ListOf(Text(), noun="tag"), "x\n", "tags") == (
        INVALID,
        ["1:1: tags: expected a list; got 'x'"],
    )
    assert located(ListOf(Text(), noun="tag"), "- a\n-\n- b\n", "tags") == (
        ["a", "b"],
        ["2:2: tags[1]: empty list item"],
    )
    people = ListOf(
        Mapping(Required("name", Name()), Optional("size", Integer(minimum=1, maximum=3))),
        noun="person",
        label_key="name",
    )
    _, problems = located(people, "- {name: Ada}\n- {name: Bo, size: 9}\n", "people")
    assert problems == ["2:20: people[1] (Bo).size: expected a whole number from 1 to 3; got 9"]


WEB_EXPECTED = "expected a web address starting with https:// or http://"


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("https://example.com", True),
        ("HTTPS://Example.com/x", True),
        ("http://example.com", True),
        ("http://example", False),  # a host needs a dot
        ("ftp://example.com", False),
        ("http://", False),
        ("https://example.com:x", False),
    ],
)
def test_web_addresses(value: str, accepted: bool) -> None:
    expected = (value, []) if accepted else (INVALID, [f"key: {WEB_EXPECTED}; got '{value}'"])
    assert clean(Url(), value) == expected


def test_a_host_without_a_dot_gets_no_linkedin_suggestion() -> None:
    found = clean(LinkedInUrl(), "https://intranet/in/ada")
    assert found == (INVALID, [f"key: {LINKEDIN_EXPECTED}; got 'https://intranet/in/ada'"])


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Text(), ""),
        (Text(), "a\x07b"),
        (Url(), "x"),
        (Email(), "x"),
        (LinkedInUrl(), "https://example.com/in/a"),
        (Date(), "x"),
        (Template(), "{{ x"),
    ],
)
def test_a_refused_value_is_reported_where_it_stands(kind: Field, value: str) -> None:
    ctx = Context(Path("plan.yaml"), "key: value\n")
    at = Location(Path("plan.yaml"), 3, 7)
    kind.clean(ctx, value, "key", at)
    assert [problem.location for problem in ctx.problems] == [at]

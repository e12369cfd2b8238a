"""User templates run with bounded work: each refusal is an error at the template."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.drafts.sandbox import TemplateRefused, check_syntax, render
from generator.errors import InvalidPlan
from tests.conftest import TODAY
from tests.helpers import replace_in

HOSTILE = {
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}": (
        "a number above 10000 where a size is expected"
    ),
    "{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}": (
        "the template takes more than 20000 steps to render"
    ),
    "{% for a in g %}{% for b in g %}{% for c in g %}{% endfor %}{% endfor %}{% endfor %}": (
        "the template takes more than 20000 steps to render"
    ),
    "{{ 10**(10**10) }}": "a power too large for a message",
    "{{ 'x' * 10**9 }}": "a repeat longer than 20000 characters",
    "{{ 'a'|center(10**9) }}": "a number above 10000 where a size is expected",
    "{{ g.ljust(10**9) }}": "a number above 10000 where a size is expected",
    "{{ g|replace('a', g)|replace('a', g) }}": "a replacement longer than 20000 characters",
    "{% macro f(x) %}{{ f(x ~ x) }}{% endmacro %}{{ f('ab') }}": (
        "a text longer than 20000 characters"
    ),
    '{% set a = "x"|center(10000) %}' + "{% set a = a ~ a %}" * 40 + "{{ a|length }}": (
        "a text longer than 20000 characters"
    ),
    "{% set a = 'x' * 10000 %}{{ a.replace('x', a) }}": "a text longer than 20000 characters",
    "{{ ('a\t' * 5000).expandtabs(10000) }}": "a text longer than 20000 characters",
    "{{ ['x' * 10000, 'y' * 10000, 'z' * 10000]|join }}": "a join longer than 20000 characters",
    "{{ ('a\n' * 5000)|indent(10000) }}": "an indented text longer than 20000 characters",
    '{{ "\\x1b]0;owned\\x07" }}': "the draft holds a control character (such as an escape code)",
    "{{ '%999999999s' % 'x' }}": "%-formatting is not available in templates",
    "{{ '{:>999999999}'.format('x') }}": "str.format is not available in templates",
    "{% for i in range(5000) %}{{ g }}{% endfor %}": (
        "the draft would be longer than 20000 characters"
    ),
}


@pytest.mark.parametrize("source", list(HOSTILE), ids=range(len(HOSTILE)))
def test_templates_that_ask_too_much_are_refused_at_once(source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TemplateRefused) as refused:
        render(source, {"g": "a" * 300})
    assert refused.value.message == HOSTILE[source]
    assert time.perf_counter() - start < 5, "refused, not worked through"


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("{{ lipsum() }}", "'lipsum' is undefined"),
        ("{% set ns = namespace(x=1) %}", "'namespace' is undefined"),
        ("{{ ''.__class__ }}", "access to attribute '__class__' of 'str' object is unsafe."),
        ("{{ items.append(1) }}", "access to attribute 'append' of 'list' object is unsafe."),
    ],
)
def test_the_sandbox_has_no_way_out(source: str, error: str) -> None:
    with pytest.raises(Exception) as raised:
        render(source, {"g": "x", "items": [1]})
    assert str(raised.value) == error


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Hi {{ n }}{% for i in range(3) %}!{% endfor %} {{ g|upper }}", "Hi Jan!!! X"),
        ("{{ 'abc'|replace('b', 'x') }} {{ n.replace('J', 'j') }}", "axc jan"),
        ("{{ ['a', 'b']|join(', ') }} {{ '-'.join(['a', 'b']) }}", "a, b a-b"),
        ("{{ 'a\nb'|indent(2) }}", "a\n  b"),
        ("{{ n ~ '!' ~ 3 }} {{ g|center(3) }} {{ n|lower|title }}", "Jan!3  x  Jan"),
    ],
)
def test_ordinary_templates_render(source: str, expected: str) -> None:
    assert render(source, {"n": "Jan", "g": "x"}) == expected


def test_syntax_errors_carry_their_line() -> None:
    with pytest.raises(TemplateRefused) as refused:
        check_syntax("line one\n{% if x %}")
    assert refused.value.lineno == 2


def test_a_refusal_is_a_located_error_in_check(small_plan: Path) -> None:
    replace_in(
        small_plan / "plan.yaml",
        "Hi {{ person.first_name }}, a short hello",
        "{{ 'x' * 10**9 }} Hi {{ person.first_name }}, a short hello",
    )
    with pytest.raises(InvalidPlan) as raised:
        load_plan(small_plan, TODAY)
    assert [str(p).replace(f"{small_plan}/", "") for p in raised.value.problems] == [
        "plan.yaml:31:5: messages.follow_up: cannot write the draft for Åsa Lindqvist and "
        "5 other people: a repeat longer than 20000 characters"
    ]

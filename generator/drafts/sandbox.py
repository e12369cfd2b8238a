"""A Jinja sandbox with bounded work, for the user's message templates.

Jinja's sandbox stops templates from reaching files or Python internals, but not from
running forever or filling memory: `{% for i in range(10**5) %}` nested twice,
`{{ 10**(10**10) }}`, `{{ 'x' * 10**9 }}`. Here every render has a budget: loop
iterations and calls are counted, operators and filters refuse results beyond a size,
and the output is cut off at `MAX_OUTPUT` characters. Each refusal is an error that
names the template, so `check` can point at it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from generator.characters import CONTROLS_BUT_LAYOUT, any_of

MAX_OUTPUT = 20_000  # characters in one draft: a long e-mail is a tenth of this
MAX_STEPS = 20_000  # loop iterations and calls in one render
MAX_NUMBER_ARGUMENT = 10_000  # widths and counts passed to filters and methods
MAX_INTEGER_BITS = 256
_CONTROL = any_of(CONTROLS_BUT_LAYOUT)


class TemplateRefused(Exception):
    """A template that is invalid or asked for more work than a draft may take."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.lineno = lineno


@dataclass
class _Budget:
    steps: int = 0

    def spend(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise TemplateRefused(f"the template takes more than {MAX_STEPS} steps to render")


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("draft_budget")


def _spend(count: int = 1) -> None:
    budget = _budget.get(None)
    if budget is None:  # rendering outside `render` (never in our code): no limit to keep
        raise TemplateRefused("a template may only be rendered through the sandbox")
    budget.spend(count)


def _counted(items: Any) -> Iterator[Any]:
    """Every loop walks through here: each item costs one step."""
    for item in items:
        _spend()
        yield item


def _bounded_range(*args: int) -> Iterable[int]:
    for number in args:
        _check_number(number)
    return _counted(range(*args))


def _check_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER_ARGUMENT:
        raise TemplateRefused(f"a number above {MAX_NUMBER_ARGUMENT} where a size is expected")


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict) and len(value) > MAX_OUTPUT:
        raise TemplateRefused(f"a value longer than {MAX_OUTPUT} characters")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value.bit_length() > MAX_INTEGER_BITS
    ):
        raise TemplateRefused("a number too large for a message")
    return value


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            _check_number(value)
            _check_size(value)
        _spend()
        return _check_size(function(*args, **kwargs))

    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(bounded, attribute, getattr(function, attribute))
    return bounded


def _bounded_replace(*args: Any, **kwargs: Any) -> Any:
    text = args[-3] if len(args) >= 3 else ""
    old = args[-2] if len(args) >= 2 else kwargs.get("old", "")
    new = args[-1] if args else kwargs.get("new", "")
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * max(0, len(new) - len(old)) > MAX_OUTPUT:
            raise TemplateRefused(f"a replacement longer than {MAX_OUTPUT} characters")
    return FILTERS["replace"](*args, **kwargs)


# Filters that cannot reach outside a draft; `format`, `pprint`, `random`, `urlize` and
# `xmlattr` are left out (unbounded formatting, nondeterminism, HTML).
_ALLOWED_FILTERS = [
    "abs",
    "attr",
    "batch",
    "capitalize",
    "center",
    "count",
    "d",
    "default",
    "dictsort",
    "e",
    "escape",
    "first",
    "float",
    "forceescape",
    "groupby",
    "indent",
    "int",
    "items",
    "join",
    "last",
    "length",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "reject",
    "rejectattr",
    "reverse",
    "round",
    "safe",
    "select",
    "selectattr",
    "slice",
    "sort",
    "string",
    "striptags",
    "sum",
    "title",
    "tojson",
    "trim",
    "truncate",
    "unique",
    "upper",
    "urlencode",
    "wordcount",
    "wordwrap",
]


def _concat(parts: list[Any]) -> str:
    """`a ~ b ~ c`, refusing a result longer than a draft may be."""
    _spend()
    texts = [str(part) for part in parts]
    if sum(len(text) for text in texts) > MAX_OUTPUT:
        raise TemplateRefused(f"a text longer than {MAX_OUTPUT} characters")
    return "".join(texts)


class _BoundedConcat(NodeTransformer):
    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, "_playbook_concat", [], [], None, None, lineno=node.lineno)


def _bounded_join(*args: Any, **kwargs: Any) -> Any:
    items = args[1] if len(args) > 1 else kwargs.get("value", [])
    if isinstance(items, list | tuple) and sum(len(str(i)) for i in items) > MAX_OUTPUT:
        raise TemplateRefused(f"a join longer than {MAX_OUTPUT} characters")
    return FILTERS["join"](*args, **kwargs)


def _bounded_indent(*args: Any, **kwargs: Any) -> Any:
    text = args[0] if args else ""
    width = args[1] if len(args) > 1 else kwargs.get("width", 4)
    lines = text.count("\n") + 1 if isinstance(text, str) else 0
    growth = lines * max(width, 0) if isinstance(width, int) else 0
    if isinstance(text, str) and len(text) + growth > MAX_OUTPUT:
        raise TemplateRefused(f"an indented text longer than {MAX_OUTPUT} characters")
    return FILTERS["indent"](*args, **kwargs)


# The replacements take the same arguments as the filters they stand for.
for _replacement, _original in (
    (_bounded_replace, "replace"),
    (_bounded_join, "join"),
    (_bounded_indent, "indent"),
):
    if hasattr(FILTERS[_original], "jinja_pass_arg"):
        _replacement.jinja_pass_arg = FILTERS[_original].jinja_pass_arg  # type: ignore[attr-defined]

# String methods whose result can be far larger than their input.
_GROWING_METHODS = {"replace", "join", "expandtabs", "center", "ljust", "rjust", "zfill"}


def _check_method(method: Any, args: tuple[Any, ...]) -> None:
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", "")
    if not isinstance(owner, str) or name not in _GROWING_METHODS:
        return
    if name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        count = owner.count(old) if old else len(owner) + 1
        size = len(owner) + count * max(0, len(new) - len(old))
    elif name == "join" and args and isinstance(args[0], list | tuple | str):
        size = sum(len(str(item)) for item in args[0]) + len(owner) * len(args[0])
    elif name == "expandtabs":
        size = len(owner) + owner.count("\t") * (
            args[0] if args and isinstance(args[0], int) else 8
        )
    else:
        size = max([len(owner), *(a for a in args if isinstance(a, int))])
    if size > MAX_OUTPUT:
        raise TemplateRefused(f"a text longer than {MAX_OUTPUT} characters")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False)
        self.globals = {"range": _bounded_range, "dict": dict}
        filters = {name: _bounded_filter(FILTERS[name]) for name in _ALLOWED_FILTERS}
        filters["replace"] = _bounded_filter(_bounded_replace)
        filters["join"] = _bounded_filter(_bounded_join)
        filters["indent"] = _bounded_filter(_bounded_indent)
        self.filters = filters
        self.filters["_playbook_counted"] = _counted
        self.filters["_playbook_concat"] = _concat

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Route every `{% for %}` through the step counter and every `~` through a
        bounded join: neither is an operator the sandbox can intercept."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(
                loop.iter, "_playbook_counted", [], [], None, None, lineno=loop.lineno
            )
        bounded: nodes.Template = _BoundedConcat().visit(tree)
        return bounded

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        _spend()
        _check_binop(operator_name, left, right)
        return _check_size(super().call_binop(context, operator_name, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _spend()
        for value in (*args, *kwargs.values()):
            _check_number(value)
            _check_size(value)
        if getattr(__obj, "__name__", "") in ("format", "format_map"):
            raise TemplateRefused("str.format is not available in templates")
        _check_method(__obj, args)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _check_binop(name: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before computing it."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right))
    if name == "**" and numbers and _power_too_large(left, right):
        raise TemplateRefused("a power too large for a message")
    if name == "*" and not numbers and _repeat_size(left, right) > MAX_OUTPUT:
        raise TemplateRefused(f"a repeat longer than {MAX_OUTPUT} characters")
    if name == "%" and isinstance(left, str):
        raise TemplateRefused("%-formatting is not available in templates")
    if name == "+" and not numbers and _length(left) + _length(right) > MAX_OUTPUT:
        raise TemplateRefused(f"a text longer than {MAX_OUTPUT} characters")


def _power_too_large(base: Any, exponent: Any) -> bool:
    if abs(exponent) > 64:
        return True
    return isinstance(base, int) and base.bit_length() * abs(exponent) > MAX_INTEGER_BITS


def _repeat_size(left: Any, right: Any) -> int:
    times, sequence = (right, left) if isinstance(right, int) else (left, right)
    if not isinstance(times, int):
        return 0
    return _length(sequence) * max(times, 0)


def _length(value: Any) -> int:
    return len(value) if hasattr(value, "__len__") else 0


_ENVIRONMENT = BoundedEnvironment()


def check_syntax(source: str) -> None:
    """Raise TemplateRefused, with the template's line, for a template Jinja cannot parse."""
    try:
        _ENVIRONMENT.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateRefused(exc.message or "syntax error", exc.lineno) from None


_compiled: dict[str, jinja2.Template] = {}


def compile_template(source: str) -> jinja2.Template:
    template = _compiled.get(source)
    if template is None:
        try:
            template = _ENVIRONMENT.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateRefused(exc.message or "syntax error", exc.lineno) from None
        if len(_compiled) > 512:
            _compiled.clear()
        _compiled[source] = template
    return template


def render(source: str, variables: dict[str, Any]) -> str:
    """Render within the budget; raise TemplateRefused or the template's own error."""
    template = compile_template(source)
    token = _budget.set(_Budget())
    try:
        size = 0
        parts = []
        for part in template.generate(variables):
            size += len(part)
            if size > MAX_OUTPUT:
                raise TemplateRefused(f"the draft would be longer than {MAX_OUTPUT} characters")
            parts.append(part)
        text = "".join(parts)
    except RecursionError:
        raise TemplateRefused("the template calls itself too deeply") from None
    except MemoryError:
        raise TemplateRefused("the template needs more memory than a draft may take") from None
    finally:
        _budget.reset(token)
    if _CONTROL.search(text):
        # A draft is pasted into messages and printed in terminals: no escape codes.
        raise TemplateRefused("the draft holds a control character (such as an escape code)")
    return text
